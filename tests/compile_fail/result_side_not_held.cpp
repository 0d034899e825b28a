// expect: read_of_a_side_not_held
// expect: (call to non-.constexpr. function|must be initialized by a constant expression)
// max-errors: 2
// max-lines: 30
// A constant expression that reads the verdict of a charge result holding an
// error (and the error of one holding a verdict) does not compile.
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
constexpr B budget = *B::builder().limit<bk::Tokens>(10).build();
constexpr auto charged = [] {
    B b = budget;
    return b.charge(bk::dim<bk::Calls>, 1);  // UnknownDimension: an error
}();
static_assert(!charged.has_value());
#ifdef BKTEST_FAIL
constexpr bk::Verdict verdict_read = *charged;
#else
constexpr bk::Verdict verdict_read = charged.value_or(bk::Verdict::proceed());
#endif
constexpr auto admitted = [] {
    B b = budget;
    return b.try_charge<bk::Tokens>(1);
}();
#ifdef BKTEST_FAIL
constexpr bk::ChargeError::Kind admitted_read = admitted.error().kind();
#else
constexpr bk::Verdict::Kind admitted_read = admitted->kind();
#endif
int main() { return verdict_read.is_continuing() && static_cast<int>(admitted_read) == 0 ? 0 : 1; }
