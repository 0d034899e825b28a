// Zero charges poll; charges saturate at 2^64-1 under the default policy.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("a zero charge reports the state and changes nothing", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    const auto before = b;
    CHECK(b.template charge<bk::Tokens>(0) == bk::Verdict::proceed());
    CHECK(b == before);
    CHECK(b.template charge<bk::Tokens>(90).is_warning());
    const auto warned = b;
    CHECK(b.template charge<bk::Tokens>(0) == bk::Verdict::warn(bk::dim<bk::Tokens>));
    CHECK(b == warned);
    CHECK(b.charge(bk::dim<bk::Tokens>, 0u).value() == bk::Verdict::warn(bk::dim<bk::Tokens>));
    CHECK(b == warned);
}

TEST_CASE_TEMPLATE("UINT64_MAX charges saturate instead of wrapping", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.template charge<bk::Tokens>(max - 1).is_exhausted());
    CHECK(b.template charge<bk::Tokens>(max).is_exhausted());
    CHECK(b.template spent<bk::Tokens>() == max);
    CHECK(b.template charge<bk::Tokens>(1).is_exhausted());
    CHECK(b.template spent<bk::Tokens>() == max);
    CHECK(b.template remaining<bk::Tokens>() == 0);
}

TEST_CASE("Saturate::add at the edges") {
    CHECK(bk::Saturate::add(0, 0) == 0);
    CHECK(bk::Saturate::add(max, 0) == max);
    CHECK(bk::Saturate::add(max - 1, 1) == max);
    CHECK(bk::Saturate::add(max - 1, 2) == max);
    CHECK(bk::Saturate::add(max, max) == max);
    CHECK(bk::Saturate::add(1ULL << 63, 1ULL << 63) == max);
    CHECK(bk::Saturate::add(3, 4) == 7);
}
