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
        CHECK(config.judge(tokens, spent, spent, tokens.key()) == verdict);
        CHECK_FALSE(config.judge(tokens, spent).crossed());  // a state, not a charge
    }
    CHECK(config.judge(calls, 1) == bk::Verdict::warn(bk::dim<bk::Calls>));  // warn 0
    CHECK(config.limit(calls) == 3);
    CHECK(config.warn(calls) == 0u);
    CHECK_FALSE(config.warn(bk::Slot<Three>::of<bk::Millis>()).has_value());
}

TEST_CASE("judge of a change: the crossing flags come from the totals before and after") {
    const auto config = make_llm<Llm<bk::SafeStorage>>().configuration();
    const auto tokens = bk::Slot<Three>::of<bk::Tokens>();
    const auto millis = bk::Slot<Three>::of<bk::Millis>();
    // Legend: {before, after on tokens (limit 100, warn 80), crossed warn, crossed limit}.
    struct Change {
        std::uint64_t before, after;
        bool warn, limit;
    };
    const std::array<Change, 9> table{{
        {0, 80, false, false},     // up to the threshold: not over it
        {80, 81, true, false},     // at the threshold, then over it
        {81, 90, false, false},    // already over: Warn repeats, no crossing
        {0, 100, true, false},     // to the limit: inclusive
        {100, 101, false, true},   // over the limit from above the threshold
        {0, 101, true, true},      // both at once
        {101, 200, false, false},  // already exhausted
        {90, 90, false, false},    // a poll
        {101, 50, false, false},   // a refund never crosses
    }};
    for (const Change& c : table) {
        const bk::Verdict v = config.judge(tokens, c.before, c.after);
        CHECK(v == config.judge(tokens, c.after));
        CHECK(v.crossed_warn() == c.warn);
        CHECK(v.crossed_limit() == c.limit);
        CHECK(v.crossed() == (c.warn || c.limit));
    }
    // No threshold on millis: only the limit can be crossed.
    CHECK_FALSE(config.judge(millis, 0, max).crossed_warn());
    CHECK(config.judge(millis, 0, max).crossed_limit());
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
