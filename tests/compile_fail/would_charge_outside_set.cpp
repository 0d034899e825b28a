// first-error: budgetkernel: dimension is not in this budget's set
// expect: budgetkernel::Millis
// expect: budgetkernel::Dims<\s*budgetkernel::Tokens,\s*budgetkernel::Calls\s*>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>>;
#ifdef BKTEST_FAIL
using D = bk::Millis;
#else
using D = bk::Calls;
#endif
int main() {
    const B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Calls>(2).build();
    return b.would_charge<D>(1u).is_exhausted() ? 1 : 0;
}
