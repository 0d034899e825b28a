#include <array>
#include <cinttypes>
#include <cstdio>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

namespace bk = budgetkernel;

// A dimension of your own: any class with a constant `name`.
struct Pages {
    static constexpr std::string_view name = "pages";
};

// Your budget type: its dimensions, its storage policy, its overflow policy.
using CrawlBudget = bk::Budget<bk::Dims<Pages, bk::Bytes, bk::Calls>, bk::SafeStorage, bk::Saturate>;

// Built and validated while compiling: a zero limit or a warn threshold
// not below its limit would stop the build here.
constexpr auto crawl_limits = CrawlBudget::builder()
                                  .limit_with_warn<Pages>(100, 80)
                                  .limit<bk::Bytes>(5'000'000)
                                  .limit_with_warn<bk::Calls>(120, 100)
                                  .build();
static_assert(crawl_limits.has_value());

void show(const char* what, bk::Verdict verdict) {
    const std::string_view kind = bk::to_string(verdict.kind());
    const std::string_view dim = verdict.dimension() ? verdict.dimension()->name() : "-";
    std::printf("%s: %.*s (%.*s)\n", what, static_cast<int>(kind.size()), kind.data(), static_cast<int>(dim.size()),
                dim.data());
}

int main() {
    CrawlBudget budget = *crawl_limits;

    // Typed charge: the dimension is a type, checked at compile time.
    // budget.charge<bk::Tokens>(1) would not compile: Tokens is not in the set.
    show("85 pages", budget.charge<Pages>(85U));  // 85 > 80: warn

    // Keyed charge: the dimension comes from data, e.g. a configuration file.
    if (const auto bytes = CrawlBudget::find_dim("bytes")) {
        if (const auto verdict = budget.charge(*bytes, 6'000'000U)) {
            show("6 MB", *verdict);  // 6000000 > 5000000: exhausted
        }
    }
    const auto refused = budget.charge(bk::dim<bk::Tokens>, 1U);
    std::printf("tokens: %s\n", refused.error().message().c_str());

    // Configuration errors are values, reported in a fixed order.
    const auto bad =
        CrawlBudget::keyed_builder().limit(bk::dim<Pages>, 0U).limit_with_warn(bk::dim<bk::Calls>, 10U, 10U).build();
    std::printf("build: %s\n", bad.error().message().c_str());  // ZeroLimit on pages comes first

    // A report: every dimension's name, spent, limit, warn threshold, remaining.
    for (const bk::DimensionReport& d : budget.report()) {
        std::printf("%-6.*s %8" PRIu64 " of %8" PRIu64 ", %8" PRIu64 " left\n", static_cast<int>(d.name.size()),
                    d.name.data(), d.spent, d.limit, d.remaining);
    }

    // A snapshot as one line of text, for persistence the caller owns...
    std::array<char, bk::max_snapshot_text_size<CrawlBudget::dims::size>> line{};
    if (const auto saved = bk::write_snapshot_text(budget.snapshot(), line)) {
        std::printf("saved: %s\n", line.data());
        // ...and restored later (limits may have changed since; names are checked).
        if (const auto restored = CrawlBudget::restore(crawl_limits->configuration(), *saved)) {
            std::printf("restored: %" PRIu64 " pages spent\n", restored->spent<Pages>());
        }
    }

    // reset() zeroes what was spent and keeps the limits.
    budget.reset();
    std::printf("after reset: %" PRIu64 " pages spent, %" PRIu64 " left\n", budget.spent<Pages>(),
                budget.remaining<Pages>());
    return 0;
}
