// http_quota: a client-side quota on an HTTP API, counted per time window.
//
// Every response charges one call, then the bytes it carried; its verdict is
// the worst of the two. The caller owns time: when a window closes it calls
// reset(), which zeroes what was spent and keeps the limits. Steps are named
// <window>/response-<n>, and the program stops at the first exhausted one.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

using QuotaBudget = bk::Budget<bk::Dims<bk::Calls, bk::Bytes>>;

struct Window {
    std::string_view name;
    std::array<std::uint64_t, 3> response_bytes;
};

constexpr std::array<Window, 2> windows{{
    {"window-1", {1000, 2500, 3000}},
    {"window-2", {4000, 4500, 2000}},
}};

}  // namespace

int main() {
    const auto built =
        QuotaBudget::builder().limit_with_warn<bk::Calls>(3, 2).limit_with_warn<bk::Bytes>(10000, 8000).build();
    if (!built) {
        examples::print_error("http_quota", built.error().message().view());
        return 1;
    }
    QuotaBudget budget = *built;

    bool first_window = true;
    for (const Window& window : windows) {
        if (!first_window) {
            budget.reset();  // a new window: nothing spent, same limits
        }
        first_window = false;

        std::size_t number = 0;
        for (const std::uint64_t bytes : window.response_bytes) {
            ++number;
            const bk::Verdict calls = budget.charge<bk::Calls>(1U);
            const bk::Verdict sent = budget.charge<bk::Bytes>(bytes);
            const bk::Verdict verdict = bk::Verdict::worst(calls, sent);

            std::array<char, 64> step{};
            std::snprintf(step.data(), step.size(), "%.*s/response-%zu", examples::width(window.name),
                          window.name.data(), number);  // always null-terminated, cut to fit
            examples::print_step(step.data(), verdict);
            if (verdict.is_exhausted()) {
                return 0;
            }
        }
    }
    return 0;
}
