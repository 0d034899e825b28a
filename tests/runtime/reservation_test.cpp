// Reservations (SPEC 9): hold an estimate, settle the actual amount, release,
// and every misuse: settled twice, released twice, moved from, refused,
// settled after reset(), refunds at 0 and at 2^64-1.
#include <doctest/doctest.h>

#include <type_traits>
#include <utility>

#include "admission_support.hpp"
#include "refusal.hpp"

using namespace bktest;

namespace {
constexpr bk::Dim tokens = bk::dim<bk::Tokens>;
constexpr bk::Dim millis = bk::dim<bk::Millis>;
constexpr bk::Dim calls = bk::dim<bk::Calls>;

using Totals = std::array<std::uint64_t, 3>;

using Held = Llm<bk::SafeStorage>::reservation<bk::Tokens>;
static_assert(!std::is_copy_constructible_v<Held> && !std::is_copy_assignable_v<Held>);
static_assert(std::is_nothrow_move_constructible_v<Held> && std::is_nothrow_move_assignable_v<Held>);
static_assert(std::is_nothrow_destructible_v<Held>);
static_assert(std::is_same_v<decltype(std::declval<Llm<bk::UnsafeStorage>&>().reserve<bk::Tokens, bk::Calls>(1u, 1u)),
                             bk::Reservation<Llm<bk::UnsafeStorage>, bk::Tokens, bk::Calls>>);
}  // namespace

TEST_CASE_TEMPLATE("an admitted reservation holds its estimate until settled", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto held = b.template reserve<bk::Tokens>(90);
    REQUIRE(held);
    CHECK(held.has_value());
    CHECK(held.held());
    CHECK(held.verdict() == bk::Verdict::warn(tokens));
    CHECK(held.verdict().crossed_warn());
    CHECK(held.template estimate<bk::Tokens>() == 90);
    CHECK(b.template spent<bk::Tokens>() == 90);
    CHECK(b.template remaining<bk::Tokens>() == 10);
    // Another request sees the hold.
    CHECK(refusal_of(b.template try_charge<bk::Tokens>(11)) == bk::ChargeError{Err::WouldExhaust, tokens});
    const auto settled = held.settle(30);  // the unused 60 comes back
    REQUIRE(settled.has_value());
    CHECK(*settled == bk::Verdict::proceed());
    CHECK_FALSE(held.held());
    CHECK(b.template spent<bk::Tokens>() == 30);
}

TEST_CASE_TEMPLATE("settle equals charging the actual amount instead of the estimate", S, BKTEST_STORAGES) {
    const std::array<std::uint64_t, 9> actuals{0, 1, 39, 40, 41, 60, 61, 1000, max};
    for (const std::uint64_t actual : actuals) {
        CAPTURE(actual);
        auto b = make_llm<Llm<S>>();
        static_cast<void>(b.template charge<bk::Tokens>(20));
        auto by_charge = b;
        auto held = b.template reserve<bk::Tokens>(40);
        REQUIRE(held);
        const auto settled = held.settle(actual);
        const bk::Verdict charged = by_charge.template charge<bk::Tokens>(actual);
        REQUIRE(settled.has_value());
        CHECK(same_verdict(*settled, charged));  // crossing flags included
        CHECK(b == by_charge);
    }
}

TEST_CASE_TEMPLATE("settle more than the estimate may exhaust; Checked refuses an overflowing extra", S,
                   BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto held = b.template reserve<bk::Millis>(10);
    REQUIRE(held);
    const auto over = held.settle(51);
    REQUIRE(over.has_value());
    CHECK(*over == bk::Verdict::exhausted(millis));
    CHECK(over->crossed_limit());
    CHECK(b.template spent<bk::Millis>() == 51);

    auto c = make_wide<Llm<S, bk::Checked>>();
    REQUIRE(c.template charge<bk::Tokens>(max - 20).has_value());
    auto big = c.template reserve<bk::Tokens>(10);
    REQUIRE(big);
    const auto overflow = big.settle(max);
    REQUIRE_FALSE(overflow.has_value());
    CHECK(refusal_of(overflow) == bk::ChargeError{Err::Overflow, tokens});
    CHECK(c.template spent<bk::Tokens>() == max - 10);  // the estimate stays recorded
    CHECK_FALSE(big.held());
    CHECK(refusal_of(big.settle(0)).kind() == Err::NotHeld);  // consumed: no second try
    CHECK(c.template spent<bk::Tokens>() == max - 10);
}

TEST_CASE_TEMPLATE("release and the destructor return the whole estimate", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Calls>(1));
    const auto before = b;
    {
        auto held = b.template reserve<bk::Tokens, bk::Calls>(70, 2);
        REQUIRE(held);
        CHECK(totals(b) == Totals{70, 0, 3});
        held.release();
        CHECK_FALSE(held.held());
        CHECK(b == before);
        held.release();  // a second release does nothing
        CHECK(b == before);
        CHECK(refusal_of(held.settle(1, 1)) == bk::ChargeError{Err::NotHeld, tokens});
        CHECK(b == before);
    }
    {
        const auto held = b.template reserve<bk::Tokens, bk::Calls>(70, 2);
        REQUIRE(held);
        CHECK(totals(b) == Totals{70, 0, 3});
    }  // destroyed unsettled
    CHECK(b == before);
    {
        auto held = b.template reserve<bk::Millis>(50);
        REQUIRE(held.settle(50).has_value());
    }  // destroyed after settling: nothing more comes back
    CHECK(totals(b) == Totals{0, 50, 1});
}

TEST_CASE_TEMPLATE("a second settle is NotHeld and refunds nothing", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto held = b.template reserve<bk::Tokens>(50);
    REQUIRE(held.settle(20).has_value());
    CHECK(b.template spent<bk::Tokens>() == 20);
    const auto again = held.settle(0);
    REQUIRE_FALSE(again.has_value());
    CHECK(refusal_of(again) == bk::ChargeError{Err::NotHeld, tokens});
    CHECK(refusal_of(again).message().view() ==
          "budgetkernel: dimension 'tokens' has nothing held by this reservation");
    held.release();
    CHECK(b.template spent<bk::Tokens>() == 20);
}

TEST_CASE_TEMPLATE("keep() leaves the estimate spent and the handle empty", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    {
        auto held = b.template reserve<bk::Tokens, bk::Calls>(30, 1);
        REQUIRE(held);
        held.keep();
        CHECK_FALSE(held.held());
        const auto after = held.settle(0, 0);
        REQUIRE_FALSE(after.has_value());
        CHECK(refusal_of(after) == bk::ChargeError{Err::NotHeld, tokens});
    }  // the destructor returns nothing either
    CHECK(b.template spent<bk::Tokens>() == 30);
    CHECK(b.template spent<bk::Calls>() == 1);
}

TEST_CASE_TEMPLATE("a refused reservation holds nothing and carries the error", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Tokens>(60));
    const auto before = b;
    {
        auto refused = b.template reserve<bk::Tokens>(41);
        REQUIRE_FALSE(refused);
        CHECK_FALSE(refused.has_value());
        CHECK_FALSE(refused.held());
        CHECK(refusal_of(refused) == bk::ChargeError{Err::WouldExhaust, tokens});
        CHECK(b == before);
        CHECK(refusal_of(refused.settle(0)) == bk::ChargeError{Err::NotHeld, tokens});
        refused.release();
        CHECK(b == before);
        auto huge = b.template reserve<bk::Millis>(max);
        REQUIRE_FALSE(huge);
        CHECK(refusal_of(huge) == bk::ChargeError{Err::WouldExhaust, millis});
    }
    CHECK(b == before);  // destroying refused handles gives nothing back
    auto c = make_wide<Llm<S, bk::Checked>>();
    REQUIRE(c.template charge<bk::Tokens>(5).has_value());
    const auto overflow = c.template reserve<bk::Tokens>(max);
    REQUIRE_FALSE(overflow);
    CHECK(refusal_of(overflow) == bk::ChargeError{Err::Overflow, tokens});
    CHECK(c.template spent<bk::Tokens>() == 5);
}

TEST_CASE_TEMPLATE("zero and UINT64_MAX estimates", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    {
        auto zero = b.template reserve<bk::Calls>(0);
        REQUIRE(zero);
        CHECK(zero.verdict() == bk::Verdict::proceed());
        const auto v = zero.settle(2);
        REQUIRE(v.has_value());
        CHECK(*v == bk::Verdict::warn(calls));
        CHECK(v->crossed_warn());
    }
    CHECK(b.template spent<bk::Calls>() == 2);
    static_cast<void>(b.template charge<bk::Calls>(2));  // exhausted: a zero estimate is refused
    CHECK(refusal_of(b.template reserve<bk::Calls>(0)) == bk::ChargeError{Err::WouldExhaust, calls});
    // On a limit of 2^64-1 (Saturate), 2^64-1 can be held and settled.
    auto w = make_wide<Llm<S>>();
    auto all = w.template reserve<bk::Tokens>(max);
    REQUIRE(all);
    CHECK(all.verdict() == bk::Verdict::warn(tokens));
    REQUIRE(all.settle(max).has_value());
    CHECK(w.template spent<bk::Tokens>() == max);
}

TEST_CASE_TEMPLATE("a moved-from reservation holds nothing; the new owner settles once", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto first = b.template reserve<bk::Tokens>(30);
    auto second = std::move(first);
    CHECK_FALSE(first.held());  // NOLINT(bugprone-use-after-move,hicpp-invalid-access-moved): the point of the test
    CHECK(second.held());
    CHECK(refusal_of(first.settle(0)) ==
          bk::ChargeError{Err::NotHeld, tokens});  // NOLINT(bugprone-use-after-move,hicpp-invalid-access-moved)
    first.release();                               // NOLINT(bugprone-use-after-move,hicpp-invalid-access-moved)
    CHECK(b.template spent<bk::Tokens>() == 30);
    // Move assignment releases what the target held, then takes over.
    auto third = b.template reserve<bk::Tokens>(20);
    CHECK(b.template spent<bk::Tokens>() == 50);
    third = std::move(second);
    CHECK(b.template spent<bk::Tokens>() == 30);  // third's own 20 came back
    CHECK_FALSE(second.held());                   // NOLINT(bugprone-use-after-move,hicpp-invalid-access-moved)
    auto& alias = third;
    third = std::move(alias);  // self-move keeps the hold
    CHECK(third.held());
    const auto v = third.settle(10);
    REQUIRE(v.has_value());
    CHECK(b.template spent<bk::Tokens>() == 10);
    CHECK(refusal_of(third.settle(10)).kind() == Err::NotHeld);
    CHECK(b.template spent<bk::Tokens>() == 10);
}

TEST_CASE_TEMPLATE("after reset(): settle is Stale and changes nothing, release changes nothing", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto settled_late = b.template reserve<bk::Tokens, bk::Calls>(50, 1);
    auto released_late = b.template reserve<bk::Millis>(40);
    REQUIRE(settled_late);
    REQUIRE(released_late);
    b.reset();
    static_cast<void>(b.template charge<bk::Tokens>(7));
    static_cast<void>(b.template charge<bk::Millis>(5));
    const auto before = b;
    CHECK(settled_late.held());  // still held as far as the handle knows
    const auto stale = settled_late.settle(100, 3);
    REQUIRE_FALSE(stale.has_value());
    CHECK(refusal_of(stale) == bk::ChargeError{Err::Stale, tokens});
    CHECK(refusal_of(stale).message().view() ==
          "budgetkernel: dimension 'tokens' was reset since this reservation was made");
    CHECK(b == before);
    CHECK(refusal_of(settled_late.settle(0, 0)).kind() == Err::NotHeld);  // once only
    released_late.release();
    CHECK(b == before);
    {
        const auto dropped = b.template reserve<bk::Calls>(2);
        REQUIRE(dropped);
        b.reset();
    }  // the destructor after a reset gives nothing back
    CHECK(totals(b) == Totals{0, 0, 0});
    // A reservation made after the reset settles normally.
    auto fresh = b.template reserve<bk::Tokens>(10);
    REQUIRE(fresh.settle(4).has_value());
    CHECK(b.template spent<bk::Tokens>() == 4);
}

TEST_CASE_TEMPLATE("a refund never takes a total below 0", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto held = b.template reserve<bk::Tokens, bk::Millis>(60, 30);
    REQUIRE(held);
    // Assigning a fresh budget clears the totals without a reset: the
    // reservation cannot tell, and its refund stops at 0.
    b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Millis>(10));
    held.release();
    CHECK(totals(b) == Totals{0, 0, 0});
    auto again = b.template reserve<bk::Tokens>(60);
    b = make_llm<Llm<S>>();
    const auto v = again.settle(5);
    REQUIRE(v.has_value());
    CHECK(b.template spent<bk::Tokens>() == 0);
}

TEST_CASE_TEMPLATE("a total saturated at 2^64-1 stays there on refund", S, BKTEST_STORAGES) {
    auto b = make_wide<Llm<S>>();
    auto held = b.template reserve<bk::Tokens>(10);
    auto settled = b.template reserve<bk::Tokens>(20);
    REQUIRE(held);
    REQUIRE(settled);
    CHECK(b.template charge<bk::Tokens>(max) == bk::Verdict::warn(tokens));  // saturates
    REQUIRE(b.template spent<bk::Tokens>() == max);
    held.release();
    CHECK(b.template spent<bk::Tokens>() == max);
    const auto v = settled.settle(0);
    REQUIRE(v.has_value());
    CHECK(*v == bk::Verdict::warn(tokens));
    CHECK(b.template spent<bk::Tokens>() == max);
    // Saturate cannot tell a saturated total from one that reached 2^64-1
    // exactly: both keep it.
    b.reset();
    auto to_max = b.template reserve<bk::Tokens>(max);
    REQUIRE(to_max);
    to_max.release();
    CHECK(b.template spent<bk::Tokens>() == max);
}

TEST_CASE_TEMPLATE("Checked: a total at 2^64-1 is exact and is refunded", S, BKTEST_STORAGES) {
    auto c = make_wide<Llm<S, bk::Checked>>();
    {
        auto exact = c.template reserve<bk::Tokens>(max);
        REQUIRE(exact);
        CHECK(c.template spent<bk::Tokens>() == max);
        const auto v = exact.settle(1);
        REQUIRE(v.has_value());
        CHECK(*v == bk::Verdict::proceed());
        CHECK(c.template spent<bk::Tokens>() == 1);
    }
    REQUIRE(c.template charge<bk::Tokens>(max - 11).has_value());
    {
        const auto held = c.template reserve<bk::Tokens>(10);
        REQUIRE(held);
        CHECK(c.template spent<bk::Tokens>() == max);
    }  // dropped: the 10 comes back
    CHECK(c.template spent<bk::Tokens>() == max - 10);
}

TEST_CASE_TEMPLATE("multi-dimension reservations: all or nothing, settled per dimension", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Calls>(2));
    const auto before = b;
    {
        auto refused = b.template reserve<bk::Tokens, bk::Calls, bk::Millis>(50, 2, 60);
        REQUIRE_FALSE(refused);
        CHECK(refusal_of(refused) == bk::ChargeError{Err::WouldExhaust, calls});  // the first that does not fit
        CHECK(b == before);
    }
    CHECK(b == before);
    auto held = b.template reserve<bk::Millis, bk::Tokens, bk::Calls>(20, 50, 1);
    REQUIRE(held);
    CHECK(held.verdict() == bk::Verdict::warn(calls));
    CHECK(held.template estimate<bk::Millis>() == 20);
    CHECK(held.template estimate<bk::Tokens>() == 50);
    CHECK(held.template estimate<bk::Calls>() == 1);
    CHECK(totals(b) == Totals{50, 20, 3});
    // millis less (refund), tokens more (warns), calls equal.
    const auto v = held.settle(5, 85, 1);
    REQUIRE(v.has_value());
    CHECK(*v == bk::Verdict::warn(tokens));  // tokens and calls warn: tokens comes first in argument order
    CHECK(v->crossed_warn());
    CHECK(totals(b) == Totals{85, 5, 3});
}

TEST_CASE_TEMPLATE("Checked multi-dimension settle: an overflowing extra keeps its estimate", S, BKTEST_STORAGES) {
    auto b = make_wide<Llm<S, bk::Checked>>();
    REQUIRE(b.template charge<bk::Tokens>(max - 100).has_value());
    auto held = b.template reserve<bk::Millis, bk::Tokens>(10, 10);
    REQUIRE(held);
    const auto r = held.settle(4, max);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::Overflow, tokens});
    CHECK(b.template spent<bk::Tokens>() == max - 90);  // the estimate, not the actual
    CHECK(b.template spent<bk::Millis>() == 4);         // the other dimension settled
    CHECK_FALSE(held.held());
}

TEST_CASE_TEMPLATE("reservations and try_charge never overcommit together", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    auto a = b.template reserve<bk::Tokens>(40);
    auto c = b.template reserve<bk::Tokens>(40);
    auto refused = b.template reserve<bk::Tokens>(21);
    REQUIRE(a);
    REQUIRE(c);
    REQUIRE_FALSE(refused);
    CHECK(b.template try_charge<bk::Tokens>(20).has_value());
    CHECK_FALSE(b.template try_charge<bk::Tokens>(1).has_value());
    CHECK(b.template spent<bk::Tokens>() == 100);
    a.release();
    CHECK(b.template try_charge<bk::Tokens>(40).has_value());
    CHECK(b.template spent<bk::Tokens>() == 100);
}
