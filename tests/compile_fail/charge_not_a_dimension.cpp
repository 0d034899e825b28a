// first-error: budgetkernel: dimension is not in this budget's set
// expect: dimension_is_in_set<int, budgetkernel::Dims<budgetkernel::Tokens>\s*>
// max-errors: 1
// max-lines: 40
// A type that is not a dimension at all, named in a typed charge: one error,
// the set's, not a second one from the key the charge would report.
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
#ifdef BKTEST_FAIL
using D = int;
#else
using D = bk::Tokens;
#endif
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).build();
    return b.charge<D>(1u).is_continuing() ? 0 : 1;
}
