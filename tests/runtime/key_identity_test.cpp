// The run-time answer of key comparison equals the constant-evaluated one for
// every pair of key_identity.hpp's types, which print alike.
#include <doctest/doctest.h>

#include "key_identity.hpp"
#include "support.hpp"

using namespace bktest::identity;

// BKTEST_NO_CONSTANT_ADDRESS_COMPARISON: g++ with -fsanitize=undefined, which
// folds no comparison of two objects' addresses in a constant expression, so
// look-alike keys stop the build there (by design, docs/DESIGN.md); only the
// run-time half of these cases runs in that build.
TEST_CASE("keys compare alike in constant evaluation and at run time") {
    const std::uint64_t at_run_time = equality_table();
    CHECK(at_run_time == identity_matrix());
#ifndef BKTEST_NO_CONSTANT_ADDRESS_COMPARISON
    constexpr std::uint64_t at_compile_time = equality_table();
    CHECK(at_run_time == at_compile_time);
#endif
}

TEST_CASE_TEMPLATE("a keyed charge with a look-alike key hits its own dimension", S, BKTEST_CONSTEXPR_STORAGES) {
#ifndef BKTEST_NO_CONSTANT_ADDRESS_COMPARISON
    constexpr bool at_compile_time = keyed_charges_hit_the_right_dimension<Budget<S>>();
    CHECK(at_compile_time);
#endif
    CHECK(keyed_charges_hit_the_right_dimension<Budget<S>>());
}

TEST_CASE("a keyed charge with a look-alike key hits its own dimension, AtomicStorage at run time") {
    CHECK(keyed_charges_hit_the_right_dimension<Budget<bk::AtomicStorage>>());
}
