// operator<< from the optional header budgetkernel/ostream.hpp.
#include <budgetkernel/ostream.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "printing_cases.hpp"

using namespace bktest;

namespace {
template <class T>
std::string streamed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}
}  // namespace

TEST_CASE("verdicts, keys and errors print as words") {
    CHECK(streamed(bk::Verdict{}) == "continue");
    CHECK(streamed(bk::Verdict::warn(bk::dim<bk::Tokens>)) == "warn on tokens");
    CHECK(streamed(bk::Verdict::exhausted(bk::dim<GpuSeconds>)) == "exhausted on gpu_seconds");
    CHECK(streamed(bk::dim<bk::Millis>) == "millis");
    CHECK(streamed(bk::ChargeError{bk::ChargeError::Kind::UnknownDimension, bk::dim<bk::Bytes>}) ==
          "budgetkernel: dimension 'bytes' is not in this budget's set");
    CHECK(streamed(bk::BuilderError{bk::BuilderError::Kind::ZeroLimit, bk::dim<bk::Calls>}) ==
          "budgetkernel: dimension 'calls' has a zero limit");
    CHECK(streamed(bk::SnapshotError{bk::SnapshotError::Kind::MissingDimension, "calls"}) ==
          "budgetkernel: snapshot: dimension 'calls' is missing");
}

TEST_CASE_TEMPLATE("a budget, its report and its snapshot print on one line", S, BKTEST_STORAGES) {
    const auto b = printing::sample<Llm<S>>();
    CHECK(streamed(b) == printing::budget_text);
    CHECK(streamed(b.report()) == printing::budget_text);
    CHECK(streamed(b.report()[1]) == "millis 51/50 (0 left): exhausted on millis");
    CHECK(streamed(b.snapshot()) == printing::snapshot_text);
    std::ostringstream chained;
    chained << b.template spent<bk::Tokens>() << ' ' << b.report()[0].verdict << '!';
    CHECK(chained.str() == "85 warn on tokens!");
}
