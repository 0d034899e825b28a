// The Checked overflow policy: an overflowing charge is refused and keeps spent.
#include <doctest/doctest.h>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("Checked refuses an overflowing charge and keeps spent", S, BKTEST_STORAGES) {
    using B = Llm<S, bk::Checked>;
    static_assert(std::is_same_v<typename B::charge_result, bk::Result<bk::Verdict, bk::ChargeError>>);
    auto b = make_llm<B>();
    auto first = b.template charge<bk::Tokens>(max - 5);
    REQUIRE(first.has_value());
    CHECK(first->is_exhausted());
    const auto refused = b.template charge<bk::Tokens>(6);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refusal_of(refused).kind() == bk::ChargeError::Kind::Overflow);
    CHECK(refusal_of(refused).dimension() == bk::dim<bk::Tokens>);
    CHECK(b.template spent<bk::Tokens>() == max - 5);
    auto exact = b.template charge<bk::Tokens>(5);  // reaching 2^64-1 exactly is not an overflow
    REQUIRE(exact.has_value());
    CHECK(b.template spent<bk::Tokens>() == max);
    CHECK(b.template charge<bk::Tokens>(0).has_value());
    CHECK_FALSE(b.template charge<bk::Tokens>(1).has_value());
    CHECK(b.template spent<bk::Tokens>() == max);
}

TEST_CASE_TEMPLATE("Checked keyed charges report Overflow and UnknownDimension", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S, bk::Checked>>();
    CHECK(b.charge(bk::dim<bk::Millis>, max).has_value());
    const auto overflow = b.charge(bk::dim<bk::Millis>, 1u);
    REQUIRE_FALSE(overflow);
    CHECK(refusal_of(overflow).kind() == bk::ChargeError::Kind::Overflow);
    const auto unknown = b.charge(bk::dim<bk::Bytes>, 1u);
    REQUIRE_FALSE(unknown);
    CHECK(refusal_of(unknown).kind() == bk::ChargeError::Kind::UnknownDimension);
    CHECK(b.template spent<bk::Millis>() == max);
}

TEST_CASE("Checked::add at the edges") {
    CHECK(bk::Checked::add(max, 0) == max);
    CHECK(bk::Checked::add(max - 1, 1) == max);
    CHECK_FALSE(bk::Checked::add(max, 1).has_value());
    CHECK_FALSE(bk::Checked::add(max, max).has_value());
    CHECK_FALSE(bk::Checked::add(1ULL << 63, 1ULL << 63).has_value());
    CHECK(bk::Checked::add(2, 2) == 4u);
}

TEST_CASE_TEMPLATE("Checked behaves like Saturate whenever nothing overflows", S, BKTEST_STORAGES) {
    auto checked = make_llm<Llm<S, bk::Checked>>();
    auto saturating = make_llm<Llm<S>>();
    const std::array<std::uint64_t, 6> amounts{0, 30, 50, 1, 19, 1000};
    for (const std::uint64_t a : amounts) {
        const auto c = checked.template charge<bk::Tokens>(a);
        REQUIRE(c.has_value());
        CHECK(*c == saturating.template charge<bk::Tokens>(a));
    }
}
