// The per-dimension report: every field of every dimension, in set order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("the report lists name, spent, limit, warn, remaining and verdict in set order", S,
                   BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    (void)b.template charge<bk::Tokens>(85U);
    (void)b.template charge<bk::Millis>(51U);
    const auto report = b.report();
    static_assert(decltype(report)::size() == 3);

    std::vector<std::string> names;
    for (const bk::DimensionReport& d : report) {
        names.emplace_back(d.name);
    }
    CHECK(names == std::vector<std::string>{"tokens", "millis", "calls"});

    const bk::DimensionReport& tokens = report[0];
    CHECK(tokens.key == bk::dim<bk::Tokens>);
    CHECK(tokens.spent == 85U);
    CHECK(tokens.limit == 100U);
    CHECK(tokens.warn == 80U);
    CHECK(tokens.remaining == 15U);
    CHECK(tokens.verdict == bk::Verdict::warn(bk::dim<bk::Tokens>));

    const bk::DimensionReport& millis = report[1];
    CHECK(millis.key == bk::dim<bk::Millis>);
    CHECK(millis.spent == 51U);
    CHECK(millis.limit == 50U);
    CHECK_FALSE(millis.warn.has_value());
    CHECK(millis.remaining == 0U);
    CHECK(millis.verdict == bk::Verdict::exhausted(bk::dim<bk::Millis>));

    const auto calls = report.find(bk::dim<bk::Calls>);
    REQUIRE(calls.has_value());
    CHECK(calls->key == bk::dim<bk::Calls>);
    CHECK(calls->spent == 0U);
    CHECK(calls->limit == 3U);
    CHECK(calls->warn == 0U);
    CHECK(calls->remaining == 3U);
    CHECK(calls->verdict == bk::Verdict{});
    CHECK_FALSE(report.find(bk::dim<bk::Bytes>).has_value());
}

TEST_CASE("a report is a value taken at one moment") {
    auto b = make_llm<Llm<bk::SafeStorage>>();
    const auto before = b.report();
    (void)b.charge<bk::Tokens>(5U);
    CHECK(before[0].spent == 0U);
    CHECK(b.report()[0].spent == 5U);
    CHECK_FALSE(before == b.report());
}

TEST_CASE("reports are constant expressions") {
    constexpr auto report = [] {
        auto b = make_llm<Llm<bk::UnsafeStorage>>();
        (void)b.charge<bk::Calls>(3U);
        return b.report();
    }();
    static_assert(report[2].spent == 3 && report[2].remaining == 0 && report[2].verdict.is_warning());
    CHECK(report[0].remaining == 100U);
}
