// first-error: budgetkernel: this reservation holds no such dimension
// expect: (X = budgetkernel::Calls;|dependent_false<budgetkernel::Calls,)
// expect: (D = \{budgetkernel::Tokens\}|dependent_false<budgetkernel::Calls,\s*budgetkernel::Tokens>)
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>>;
#ifdef BKTEST_FAIL
using D = bk::Calls;
#else
using D = bk::Tokens;
#endif
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Calls>(2).build();
    const auto held = b.reserve<bk::Tokens>(3u);
    return held.estimate<D>() == 3 ? 0 : 1;
}
