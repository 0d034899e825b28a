// Crossing flags (SPEC 8.5): set exactly on the charge that moves a total
// over its warn threshold or limit, judged from the totals before and after;
// never on polls, zero charges or refunds; ignored by ==. And the packed
// Result<Verdict, ChargeError> that carries them.
#include <doctest/doctest.h>

#include <type_traits>
#include <vector>

#include "admission_support.hpp"
#include "refusal.hpp"

using namespace bktest;

namespace {
constexpr bk::Dim tokens = bk::dim<bk::Tokens>;
constexpr bk::Dim millis = bk::dim<bk::Millis>;
constexpr bk::Dim calls = bk::dim<bk::Calls>;

// make_llm's thresholds, by slot: warn (2^64-1 for none) and limit.
constexpr std::array<std::uint64_t, 3> warns{80, max, 0};
constexpr std::array<std::uint64_t, 3> limits{100, 50, 3};

bool crosses(std::uint64_t before, std::uint64_t after, std::uint64_t threshold) {
    return before <= threshold && after > threshold;
}
}  // namespace

TEST_CASE_TEMPLATE("every charge's flags follow from its totals before and after", S, BKTEST_STORAGES) {
    const std::array<std::uint64_t, 10> amounts{0, 1, 2, 19, 20, 30, 79, 80, 81, max};
    std::size_t crossings = 0;
    for (const At d : {At::tokens, At::millis, At::calls}) {
        const std::size_t i = slot_at(d);
        for (const std::uint64_t first : amounts) {
            for (const std::uint64_t second : amounts) {
                auto b = make_llm<Llm<S>>();
                static_cast<void>(on_dim(d, [&](auto x) { return b.template charge<decltype(x)>(first); }));
                const std::uint64_t before = totals(b).at(i);
                const bk::Verdict v = on_dim(d, [&](auto x) { return b.template charge<decltype(x)>(second); });
                const std::uint64_t after = totals(b).at(i);
                CHECK(v.crossed_warn() == crosses(before, after, warns.at(i)));
                CHECK(v.crossed_limit() == crosses(before, after, limits.at(i)));
                CHECK(v.crossed() == (v.crossed_warn() || v.crossed_limit()));
                crossings += v.crossed() ? 1 : 0;
            }
        }
    }
    CHECK(crossings > 0);  // the loop reached crossings at all
}

TEST_CASE_TEMPLATE("Warn repeats on every charge above the threshold; the crossing is flagged once", S,
                   BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    std::size_t warned = 0;
    std::size_t crossed = 0;
    for (int i = 0; i < 20; ++i) {
        const bk::Verdict v = b.template charge<bk::Tokens>(5);
        warned += v.is_warning() ? 1 : 0;
        crossed += v.crossed_warn() ? 1 : 0;
        CHECK_FALSE(v.crossed_limit());
    }
    CHECK(b.template spent<bk::Tokens>() == 100);
    CHECK(warned == 4);  // 85, 90, 95, 100
    CHECK(crossed == 1);
    const bk::Verdict out = b.template charge<bk::Tokens>(5);
    CHECK(out.crossed_limit());
    CHECK_FALSE(out.crossed_warn());  // was already above the threshold
    CHECK_FALSE(b.template charge<bk::Tokens>(5).crossed());
}

TEST_CASE_TEMPLATE("polls, zero charges, status and refunds never cross", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Tokens>(101));
    static_cast<void>(b.template charge<bk::Calls>(1));
    for (const At d : {At::tokens, At::millis, At::calls}) {
        CHECK_FALSE(on_dim(d, [&](auto x) { return b.template charge<decltype(x)>(0); }).crossed());
        CHECK_FALSE(on_dim(d, [&](auto x) { return b.template would_charge<decltype(x)>(0); }).crossed());
        CHECK_FALSE(b.charge(key_at(d), 0u)->crossed());
        CHECK_FALSE(b.would_charge(key_at(d), 0u)->crossed());
    }
    CHECK_FALSE(b.status().crossed());
    // A refund moves a total down: settling below the estimate reports no crossing.
    auto fresh = make_llm<Llm<S>>();
    auto held = fresh.template reserve<bk::Tokens>(90);
    REQUIRE(held);
    CHECK(held.verdict().crossed_warn());  // the admission crossed the threshold
    const auto settled = held.settle(10);
    REQUIRE(settled.has_value());
    CHECK(*settled == bk::Verdict::proceed());
    CHECK_FALSE(settled->crossed());
}

TEST_CASE_TEMPLATE("keyed, Checked and try_charge results carry the flags", S, BKTEST_STORAGES) {
    auto checked = make_llm<Llm<S, bk::Checked>>();
    const auto typed = checked.template charge<bk::Millis>(51);
    REQUIRE(typed.has_value());
    CHECK(typed->crossed_limit());
    CHECK_FALSE(typed->crossed_warn());  // millis has no threshold
    const auto keyed = checked.charge(tokens, 101u);
    REQUIRE(keyed.has_value());
    CHECK(keyed->crossed_warn());
    CHECK(keyed->crossed_limit());
    CHECK((*keyed).crossed_limit());
    CHECK(keyed.value().crossed_warn());
    const auto admitted = checked.template try_charge<bk::Calls>(3);
    REQUIRE(admitted.has_value());
    CHECK(admitted->crossed_warn());
    CHECK_FALSE(admitted->crossed_limit());  // an admission never passes the limit
}

TEST_CASE("equality ignores the flags; worst keeps the flags of the verdict it picks") {
    auto b = make_llm<Llm<bk::SafeStorage>>();
    const bk::Verdict crossing = b.template charge<bk::Tokens>(81);
    const bk::Verdict repeating = b.template charge<bk::Tokens>(1);
    REQUIRE(crossing.crossed_warn());
    REQUIRE_FALSE(repeating.crossed());
    CHECK(crossing == repeating);
    CHECK(crossing == bk::Verdict::warn(tokens));
    CHECK(bk::Result<bk::Verdict, bk::ChargeError>{crossing} == bk::Result<bk::Verdict, bk::ChargeError>{repeating});
    // Ties go left, with the left verdict's flags.
    CHECK(bk::Verdict::worst(repeating, crossing).crossed() == false);
    CHECK(bk::Verdict::worst(crossing, repeating).crossed() == true);
    const bk::Verdict out = b.template charge<bk::Millis>(51);
    CHECK(bk::Verdict::worst(repeating, out).crossed_limit());
}

TEST_CASE("member worst reduces left to right") {
    const bk::Verdict go = bk::Verdict::proceed();
    const bk::Verdict warn_t = bk::Verdict::warn(tokens);
    const bk::Verdict warn_c = bk::Verdict::warn(calls);
    const bk::Verdict out_m = bk::Verdict::exhausted(millis);
    const bk::Verdict out_c = bk::Verdict::exhausted(calls);
    CHECK(go.worst(warn_t) == warn_t);
    CHECK(warn_t.worst(go) == warn_t);
    CHECK(warn_t.worst(warn_c) == warn_t);  // tie: left
    CHECK(warn_c.worst(warn_t) == warn_c);
    CHECK(warn_t.worst(out_m).worst(out_c) == out_m);
    CHECK(out_c.worst(out_m).worst(warn_t) == out_c);
    CHECK(go.worst(warn_c).worst(warn_t).worst(go) == bk::Verdict::worst(go, warn_c, warn_t, go));
    static_assert(bk::Verdict::warn(calls).worst(bk::Verdict::warn(tokens)) == bk::Verdict::warn(calls));
    // Chained member calls charge in the order written.
    auto b = make_llm<Llm<bk::UnsafeStorage>>();
    const bk::Verdict v = b.template charge<bk::Tokens>(90)
                              .worst(b.template charge<bk::Millis>(60))
                              .worst(b.template charge<bk::Calls>(4));
    CHECK(v == bk::Verdict::exhausted(millis));
}

TEST_CASE("Result<Verdict, ChargeError>: 16 bytes, trivially copyable, every accessor") {
    using R = bk::Result<bk::Verdict, bk::ChargeError>;
    static_assert(sizeof(R) == 16);
    static_assert(std::is_trivially_copyable_v<R>);
    static_assert(std::is_same_v<decltype(std::declval<const R&>().value()), bk::Verdict>);
    static_assert(std::is_same_v<decltype(*std::declval<const R&>()), bk::Verdict>);
    static_assert(std::is_same_v<decltype(std::declval<const R&>().error()), bk::ChargeError>);
    const R warn = bk::Verdict::warn(millis);
    const R go = bk::Verdict::proceed();
    const R error = bk::ChargeError{Err::Stale, calls};
    CHECK(warn.has_value());
    CHECK(static_cast<bool>(warn));
    CHECK(warn.value() == bk::Verdict::warn(millis));
    CHECK(*warn == bk::Verdict::warn(millis));
    CHECK(warn->is_warning());
    CHECK(warn->dimension() == millis);
    CHECK(warn.value_or(go.value()) == bk::Verdict::warn(millis));
    CHECK_FALSE(go->dimension().has_value());
    CHECK_FALSE(error.has_value());
    CHECK_FALSE(static_cast<bool>(error));
    CHECK(refusal_of(error).kind() == Err::Stale);
    CHECK(refusal_of(error).dimension() == calls);
    CHECK(error.value_or(bk::Verdict::exhausted(tokens)) == bk::Verdict::exhausted(tokens));
    CHECK(warn == R{bk::Verdict::warn(millis)});
    CHECK(warn != R{bk::Verdict::warn(tokens)});
    CHECK(warn != go);
    CHECK(error == R{bk::ChargeError{Err::Stale, calls}});
    CHECK(error != R{bk::ChargeError{Err::Stale, tokens}});
    CHECK(error != R{bk::ChargeError{Err::NotHeld, calls}});
    CHECK(error != warn);
    // Every error kind and verdict kind survives the packing.
    for (const Err e :
         {Err::UnknownDimension, Err::Overflow, Err::WouldExhaust, Err::DuplicateDimension, Err::NotHeld, Err::Stale}) {
        const R r = bk::ChargeError{e, tokens};
        CHECK(refusal_of(r) == bk::ChargeError{e, tokens});
    }
    R copy = error;
    copy = warn;  // assignment switches sides
    CHECK(copy == warn);
}

TEST_CASE("worst of three or four is the left fold of worst of two, flags and dimension included") {
    // Verdicts of every kind with every crossing flag a charge can produce,
    // on different dimensions, so that a wrong pick shows in the dimension
    // or in the flags even when the kind is right.
    std::vector<bk::Verdict> all{bk::Verdict::proceed()};
    {
        auto b = make_llm<Llm<bk::SafeStorage>>();
        all.push_back(b.charge<bk::Calls>(1));    // Warn, crossed warn (threshold 0)
        all.push_back(b.charge<bk::Calls>(1));    // Warn
        all.push_back(b.charge<bk::Tokens>(90));  // Warn, crossed warn
        all.push_back(b.charge<bk::Calls>(2));    // Exhausted, crossed limit
        all.push_back(b.charge<bk::Calls>(1));    // Exhausted
        all.push_back(b.charge<bk::Millis>(51));  // Exhausted, crossed limit (no threshold)
    }
    {
        auto b = make_llm<Llm<bk::SafeStorage>>();
        all.push_back(b.charge<bk::Tokens>(101));  // Exhausted, crossed warn and limit
        all.push_back(b.charge<bk::Millis>(1));    // Continue, carrying the key of Millis
    }
    REQUIRE(all.size() == 9);
    CHECK(all[7].crossed_warn());
    CHECK(all[7].crossed_limit());
    const auto same = [](bk::Verdict x, bk::Verdict y) {
        return x == y && x.dimension() == y.dimension() && x.crossed_warn() == y.crossed_warn() &&
               x.crossed_limit() == y.crossed_limit();
    };
    std::size_t compared = 0;
    for (const bk::Verdict a : all) {
        for (const bk::Verdict b : all) {
            // Worst of two by its definition: the more severe kind, the left on a tie.
            CHECK(same(bk::Verdict::worst(a, b), b.kind() > a.kind() ? b : a));
            for (const bk::Verdict c : all) {
                const bk::Verdict folded = bk::Verdict::worst(bk::Verdict::worst(a, b), c);
                CHECK(same(bk::Verdict::worst(a, b, c), folded));
                for (const bk::Verdict d : all) {
                    CHECK(same(bk::Verdict::worst(a, b, c, d), bk::Verdict::worst(folded, d)));
                    ++compared;
                }
            }
        }
    }
    CHECK(compared == 9 * 9 * 9 * 9);
}
