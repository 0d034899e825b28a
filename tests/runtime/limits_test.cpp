// Inclusive limits, exhaustion priority, spent kept on exhaustion, repeated
// charges after exhaustion.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("the limit is inclusive", S, BKTEST_STORAGES) {
    auto b = *bk::Budget<bk::Dims<bk::Bytes>, S>::builder().template limit<bk::Bytes>(10).build();
    CHECK(b.template charge<bk::Bytes>(10) == bk::Verdict::proceed());
    CHECK(b.template remaining<bk::Bytes>() == 0);
    CHECK(b.template charge<bk::Bytes>(1) == bk::Verdict::exhausted(bk::dim<bk::Bytes>));
}

TEST_CASE_TEMPLATE("a limit of 1 exhausts on the second unit", S, BKTEST_STORAGES) {
    auto b = *bk::Budget<bk::Dims<bk::Calls>, S>::builder().template limit<bk::Calls>(1).build();
    CHECK(b.template charge<bk::Calls>(1).is_continuing());
    CHECK(b.template charge<bk::Calls>(1).is_exhausted());
}

TEST_CASE_TEMPLATE("exhaustion wins over warn when one charge crosses both", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    const bk::Verdict v = b.template charge<bk::Tokens>(500);
    CHECK(v.kind() == K::Exhausted);
    CHECK(v.dimension() == bk::dim<bk::Tokens>);
}

TEST_CASE_TEMPLATE("spent is kept when a charge exhausts, and grows after", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.template charge<bk::Millis>(70).is_exhausted());
    CHECK(b.template spent<bk::Millis>() == 70);
    CHECK(b.template remaining<bk::Millis>() == 0);
    for (int i = 0; i < 100; ++i) {
        CHECK(b.template charge<bk::Millis>(1).is_exhausted());
    }
    CHECK(b.template spent<bk::Millis>() == 170);
    CHECK(b.template spent<bk::Tokens>() == 0);  // other dimensions untouched
}

TEST_CASE_TEMPLATE("a limit of 2^64-1 never exhausts", S, BKTEST_STORAGES) {
    auto b = *bk::Budget<bk::Dims<bk::Memory>, S>::builder().template limit<bk::Memory>(max).build();
    CHECK(b.template charge<bk::Memory>(max).is_continuing());
    CHECK(b.template charge<bk::Memory>(max).is_continuing());
    CHECK(b.template spent<bk::Memory>() == max);
    CHECK(b.template remaining<bk::Memory>() == 0);
}
