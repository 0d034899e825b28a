// Warn thresholds: strict, repeated, optional, and zero.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("warn is strict and repeats on every charge above it", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.template charge<bk::Tokens>(80) == bk::Verdict::proceed());
    for (int i = 0; i < 20; ++i) {
        CHECK(b.template charge<bk::Tokens>(1) == bk::Verdict::warn(bk::dim<bk::Tokens>));
    }
    CHECK(b.template spent<bk::Tokens>() == 100);
    CHECK(b.template charge<bk::Tokens>(0) == bk::Verdict::warn(bk::dim<bk::Tokens>));
}

TEST_CASE_TEMPLATE("no warn threshold: Continue up to and at the limit", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK_FALSE(b.template warn_threshold<bk::Millis>().has_value());
    CHECK(b.template charge<bk::Millis>(49) == bk::Verdict::proceed());
    CHECK(b.template charge<bk::Millis>(1) == bk::Verdict::proceed());
}

TEST_CASE_TEMPLATE("warn == 0 warns on any positive spend", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.template warn_threshold<bk::Calls>() == 0u);
    CHECK(b.template charge<bk::Calls>(0) == bk::Verdict::proceed());
    CHECK(b.template charge<bk::Calls>(1) == bk::Verdict::warn(bk::dim<bk::Calls>));
}

TEST_CASE_TEMPLATE("warn just below the limit", S, BKTEST_STORAGES) {
    auto b = *bk::Budget<bk::Dims<bk::Bytes>, S>::builder().template limit_with_warn<bk::Bytes>(max, max - 1).build();
    CHECK(b.template charge<bk::Bytes>(max - 1).kind() == K::Continue);
    CHECK(b.template charge<bk::Bytes>(1).kind() == K::Warn);
    CHECK(b.template charge<bk::Bytes>(1).kind() == K::Warn);  // saturated at the limit: inclusive
}
