// llm_reservations: an agent loop that asks before it spends.
//
// A model call's cost is known only after it returns, but its maximum is
// known before: the prompt plus the largest completion the request allows.
// Before each call the loop reserves that maximum of tokens, and one call,
// all or nothing. A call whose maximum does not fit is not sent, so the
// budget is never overshot. When the call returns, the reservation settles
// with the tokens actually used and the unused part of the estimate comes
// back. The first reservation that moves tokens over the warn threshold
// raises an alert once (the verdict's crossing flag), although every
// verdict above the threshold stays Warn.
//
// Usage: llm_reservations

#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

using AgentBudget = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>>;

struct Request {
    std::string_view step;
    std::uint64_t max_tokens;   // the prompt plus the largest completion allowed
    std::uint64_t used_tokens;  // what the model reports after the call
};

constexpr std::array<Request, 6> requests{{
    {"plan", 2000, 1200},
    {"retrieve", 3000, 2400},
    {"draft", 4000, 3200},
    {"critique", 2000, 1400},
    {"revise", 2000, 900},
    {"summarize", 1500, 600},
}};

constexpr std::string_view program = "llm_reservations";

}  // namespace

int main() {
    const auto built =
        AgentBudget::builder().limit_with_warn<bk::Tokens>(10000, 8000).limit_with_warn<bk::Calls>(5, 4).build();
    if (!built) {
        examples::print_error(program, built.error().message().view());
        return 1;
    }
    AgentBudget budget = *built;

    for (const Request& r : requests) {
        auto held = budget.reserve<bk::Tokens, bk::Calls>(r.max_tokens, 1U);
        if (!held) {
            const auto message = held.error().message();
            std::printf("%.*s: not sent (%.*s)\n", examples::width(r.step), r.step.data(),
                        examples::width(message.view()), message.view().data());
            break;
        }
        if (held.verdict().crossed_warn()) {
            const std::string_view name = held.verdict().dimension()->name();
            std::printf("alert: %.*s passed its warn threshold\n", examples::width(name), name.data());
        }
        // ... the request is sent here; the model reports r.used_tokens ...
        const auto settled = held.settle(r.used_tokens, 1U);
        if (!settled) {
            examples::print_error(program, settled.error().message().view());
            return 1;
        }
        std::printf("%.*s: reserved %" PRIu64 ", used %" PRIu64 ", ", examples::width(r.step), r.step.data(),
                    r.max_tokens, r.used_tokens);
        examples::print_step("now", *settled);
    }

    std::printf("spent tokens: %" PRIu64 " of %" PRIu64 "\n", budget.spent<bk::Tokens>(), budget.limit<bk::Tokens>());
    std::printf("spent calls: %" PRIu64 " of %" PRIu64 "\n", budget.spent<bk::Calls>(), budget.limit<bk::Calls>());
    return 0;
}
