// llm_pipeline: an agent loop that must stop when tokens, wall time or model
// calls run out.
//
// Every step charges the tokens it used, then the milliseconds it took, then
// one call; the step's verdict is the worst of the three. The loop stops at
// the first exhausted step. When no step exhausts the budget, the program
// prints what is left of each dimension.
//
// Usage: llm_pipeline [steps]   (run only the first <steps> steps; default all)

#include <array>
#include <charconv>
#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

using LlmBudget = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>;

struct Step {
    std::string_view name;
    std::uint64_t tokens;
    std::uint64_t millis;
};

constexpr std::array<Step, 6> pipeline{{
    {"plan", 1200, 2500},
    {"retrieve", 2400, 4800},
    {"draft", 3200, 8000},
    {"critique", 1400, 3200},
    {"revise", 900, 2400},
    {"extra-pass", 700, 1600},
}};

constexpr std::string_view program = "llm_pipeline";

// The whole argument must be a number from 0 to the pipeline's length.
[[nodiscard]] bool parse_step_count(std::string_view text, std::size_t& count) noexcept {
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, count);
    return error == std::errc{} && stop == end && count <= pipeline.size();
}

}  // namespace

int main(int argc, char** argv) {
    const std::span<char*> args(argv, static_cast<std::size_t>(argc));
    std::size_t steps = pipeline.size();
    if (args.size() > 2 || (args.size() == 2 && !parse_step_count(args[1], steps))) {
        examples::print_error(program, "usage: llm_pipeline [steps]   (steps: 0 to 6)");
        return 2;
    }

    const auto built = LlmBudget::builder()
                           .limit_with_warn<bk::Tokens>(10000, 8000)
                           .limit_with_warn<bk::Millis>(30000, 27000)
                           .limit_with_warn<bk::Calls>(5, 4)
                           .build();
    if (!built) {
        examples::print_error(program, built.error().message().view());
        return 1;
    }
    LlmBudget budget = *built;

    for (const Step& step : std::span(pipeline).first(steps)) {
        const bk::Verdict tokens = budget.charge<bk::Tokens>(step.tokens);
        const bk::Verdict millis = budget.charge<bk::Millis>(step.millis);
        const bk::Verdict calls = budget.charge<bk::Calls>(1U);
        const bk::Verdict verdict = bk::Verdict::worst(tokens, millis, calls);
        examples::print_step(step.name, verdict);
        if (verdict.is_exhausted()) {
            return 0;
        }
    }

    // Visit the budget's dimension types in order: one line per dimension.
    bk::for_each_dimension<LlmBudget::dims>([&budget](auto type) {
        using D = typename decltype(type)::type;
        std::printf("remaining %.*s: %" PRIu64 "\n", examples::width(D::name), D::name.data(), budget.remaining<D>());
    });
    return 0;
}
