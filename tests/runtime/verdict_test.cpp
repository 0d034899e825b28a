// Verdict: accessors, worst() and its left bias, equality, names.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

namespace {
const bk::Verdict go = bk::Verdict::proceed();
const bk::Verdict warn_t = bk::Verdict::warn(bk::dim<bk::Tokens>);
const bk::Verdict warn_m = bk::Verdict::warn(bk::dim<bk::Millis>);
const bk::Verdict out_t = bk::Verdict::exhausted(bk::dim<bk::Tokens>);
const bk::Verdict out_m = bk::Verdict::exhausted(bk::dim<bk::Millis>);
}  // namespace

TEST_CASE("accessors") {
    CHECK(go.kind() == K::Continue);
    CHECK_FALSE(go.dimension().has_value());
    CHECK(go.is_continuing());
    CHECK_FALSE(go.is_exhausted());
    CHECK(warn_t.is_continuing());
    CHECK(warn_t.is_warning());
    CHECK(warn_t.dimension() == bk::dim<bk::Tokens>);
    CHECK_FALSE(out_m.is_continuing());
    CHECK(out_m.is_exhausted());
    CHECK(out_m.dimension() == bk::dim<bk::Millis>);
    CHECK(bk::Verdict{} == go);
}

TEST_CASE("worst: Exhausted > Warn > Continue, left operand on ties") {
    // Legend: {a, b, worst(a, b)}.
    const std::array<std::array<bk::Verdict, 3>, 12> table{{
        {go, go, go},
        {go, warn_t, warn_t},
        {warn_t, go, warn_t},
        {go, out_m, out_m},
        {out_m, go, out_m},
        {warn_t, out_m, out_m},
        {out_m, warn_t, out_m},
        {warn_t, warn_m, warn_t},  // tie: left
        {warn_m, warn_t, warn_m},  // tie: left
        {out_t, out_m, out_t},     // tie: left
        {out_m, out_t, out_m},     // tie: left
        {warn_m, warn_m, warn_m},
    }};
    for (const auto& row : table) {
        CHECK(bk::Verdict::worst(row[0], row[1]) == row[2]);
    }
    CHECK(bk::Verdict::worst(go, warn_m, warn_t, go) == warn_m);
    CHECK(bk::Verdict::worst(warn_m, out_t, out_m) == out_t);
}

TEST_CASE("equality compares kind and dimension") {
    CHECK(warn_t != warn_m);
    CHECK(warn_t != out_t);
    CHECK(out_t == bk::Verdict::exhausted(bk::dim<bk::Tokens>));
}

TEST_CASE("names of kinds") {
    CHECK(bk::to_string(K::Continue) == "continue");
    CHECK(bk::to_string(K::Warn) == "warn");
    CHECK(bk::to_string(K::Exhausted) == "exhausted");
}

TEST_CASE_TEMPLATE("a checkpoint reduces sequential charges; it is not atomic", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    const bk::Verdict v = bk::Verdict::worst(b.template charge<bk::Tokens>(90), b.template charge<bk::Millis>(60),
                                             b.template charge<bk::Calls>(1));
    CHECK(v == bk::Verdict::exhausted(bk::dim<bk::Millis>));
    // Every charge was applied, including those after the exhausting one.
    CHECK(b.template spent<bk::Tokens>() == 90);
    CHECK(b.template spent<bk::Calls>() == 1);
}
