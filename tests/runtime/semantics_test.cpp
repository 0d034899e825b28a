// The SPEC section 2 rule table, at run time (tests/static runs it at compile time).
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("every row of the semantics table holds at run time", S, BKTEST_STORAGES) {
    CHECK(first_mismatch<Llm<S>>(semantics_table) == semantics_table.size());
}

TEST_CASE_TEMPLATE("the table is sensitive: a wrong expectation is detected", S, BKTEST_STORAGES) {
    std::array broken = semantics_table;
    broken.at(1).kind = K::Warn;  // at the threshold the answer is Continue
    CHECK(first_mismatch<Llm<S>>(broken) == 1);
    broken = semantics_table;
    broken.at(5).spent = 100;  // spent must be kept on exhaustion
    CHECK(first_mismatch<Llm<S>>(broken) == 5);
}
