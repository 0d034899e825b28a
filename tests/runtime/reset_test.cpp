// reset() zeroes every spent counter and keeps the configuration.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("reset restores the freshly built state", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    const auto fresh = b;
    CHECK(b.template charge<bk::Tokens>(150).is_exhausted());
    CHECK(b.template charge<bk::Millis>(7).is_continuing());
    CHECK(b.template charge<bk::Calls>(max).is_exhausted());
    CHECK_FALSE(b == fresh);
    b.reset();
    CHECK(b == fresh);
    CHECK(b.template spent<bk::Tokens>() == 0);
    CHECK(b.template spent<bk::Millis>() == 0);
    CHECK(b.template spent<bk::Calls>() == 0);
    CHECK(b.template remaining<bk::Tokens>() == 100);
    CHECK(b.template limit<bk::Tokens>() == 100);
    CHECK(b.template warn_threshold<bk::Tokens>() == 80u);
    CHECK(b.template charge<bk::Tokens>(81) == bk::Verdict::warn(bk::dim<bk::Tokens>));
}

TEST_CASE_TEMPLATE("reset on a fresh budget and twice in a row", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    b.reset();
    b.reset();
    CHECK(b == make_llm<Llm<S>>());
    CHECK(b.template charge<bk::Calls>(1).is_warning());
}

TEST_CASE_TEMPLATE("copies are independent", S, BKTEST_STORAGES) {
    auto a = make_llm<Llm<S>>();
    CHECK(a.template charge<bk::Tokens>(10).is_continuing());
    auto b = a;
    CHECK(b.template charge<bk::Tokens>(10).is_continuing());
    CHECK(a.template spent<bk::Tokens>() == 10);
    CHECK(b.template spent<bk::Tokens>() == 20);
    a = b;
    CHECK(a.template spent<bk::Tokens>() == 20);
    CHECK(a.template spent<bk::Millis>() == 0);
}
