// {fmt} formatters from the optional header budgetkernel/fmt.hpp: the same
// text as operator<< (printing_cases.hpp).
#include <budgetkernel/fmt.hpp>

#include <doctest/doctest.h>

#include <string>

#include "printing_cases.hpp"

using namespace bktest;

TEST_CASE("verdicts, keys and errors format as words") {
    CHECK(fmt::format("{}", bk::Verdict{}) == "continue");
    CHECK(fmt::format("{}|{}", bk::Verdict::warn(bk::dim<bk::Tokens>), bk::dim<bk::Millis>) == "warn on tokens|millis");
    CHECK(fmt::format("{}", bk::ChargeError{bk::ChargeError::Kind::Overflow, bk::dim<bk::Bytes>}) ==
          "budgetkernel: dimension 'bytes' would overflow 2^64-1; the charge is refused");
    CHECK(fmt::format("{}", bk::BuilderError{bk::BuilderError::Kind::MissingLimit, bk::dim<bk::Calls>}) ==
          "budgetkernel: dimension 'calls' has no limit declared");
    CHECK(fmt::format("{}", bk::SnapshotError{bk::SnapshotError::Kind::UnknownDimension, "x"}) ==
          "budgetkernel: snapshot: dimension 'x' is not in this budget's set");
}

TEST_CASE_TEMPLATE("a budget, its report and its snapshot format on one line", S, BKTEST_STORAGES) {
    const auto b = printing::sample<Llm<S>>();
    CHECK(fmt::format("{}", b) == printing::budget_text);
    CHECK(fmt::format("{}", b.report()) == printing::budget_text);
    CHECK(fmt::format("[{}]", b.report()[2]) == "[calls 0/3 (warn 0, 3 left): continue]");
    CHECK(fmt::format("{}", b.snapshot()) == printing::snapshot_text);
}

TEST_CASE("a format spec other than {} is refused") {
    CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:>10}"), bk::Verdict{}), fmt::format_error);
    CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:x}"), bk::dim<bk::Tokens>), fmt::format_error);
}
