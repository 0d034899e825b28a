// Configuration: the validated, immutable half of a budget, judged directly
// and shared by several budgets, each with its own counters.
#include <doctest/doctest.h>

#include <utility>

#include "support.hpp"

using namespace bktest;

TEST_CASE("judge: strict warn, inclusive limit, the slot's own key") {
    const auto config = make_llm<Llm<bk::SafeStorage>>().configuration();
    const auto tokens = bk::Slot<Three>::of<bk::Tokens>();
    const auto calls = bk::Slot<Three>::of<bk::Calls>();
    // Legend: {spent on tokens (limit 100, warn 80), verdict}.
    const std::array<std::pair<std::uint64_t, bk::Verdict>, 6> table{{
        {0, bk::Verdict::proceed()},
        {80, bk::Verdict::proceed()},
        {81, bk::Verdict::warn(bk::dim<bk::Tokens>)},
        {100, bk::Verdict::warn(bk::dim<bk::Tokens>)},
        {101, bk::Verdict::exhausted(bk::dim<bk::Tokens>)},
        {max, bk::Verdict::exhausted(bk::dim<bk::Tokens>)},
    }};
    for (const auto& [spent, verdict] : table) {
        CHECK(config.judge(tokens, spent) == verdict);
        CHECK(config.judge(tokens, spent, tokens.key()) == verdict);
    }
    CHECK(config.judge(calls, 1) == bk::Verdict::warn(bk::dim<bk::Calls>));  // warn 0
    CHECK(config.limit(calls) == 3);
    CHECK(config.warn(calls) == 0u);
    CHECK_FALSE(config.warn(bk::Slot<Three>::of<bk::Millis>()).has_value());
}

TEST_CASE_TEMPLATE("budgets sharing one configuration keep separate counters", S, BKTEST_STORAGES) {
    const auto config = make_llm<Llm<S>>().configuration();
    Llm<S> first{config};
    Llm<S> second{config};
    CHECK(first.template charge<bk::Tokens>(90).is_warning());
    CHECK(second.template charge<bk::Tokens>(10).is_continuing());
    CHECK(first.template spent<bk::Tokens>() == 90);
    CHECK(second.template spent<bk::Tokens>() == 10);
    CHECK(first.configuration() == second.configuration());
    first.reset();
    CHECK(first == Llm<S>{config});
    CHECK(second.template spent<bk::Tokens>() == 10);
}
