// first-error: budgetkernel: a multi-dimension charge names the same dimension twice
// expect: budgetkernel::Tokens
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>;
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(10).limit<bk::Calls>(2).build();
#ifdef BKTEST_FAIL
    const bk::Verdict v = b.charge<bk::Tokens, bk::Calls, bk::Tokens>(1u, 1u, 1u);
#else
    const bk::Verdict v = b.charge<bk::Tokens, bk::Calls, bk::Millis>(1u, 1u, 1u);
#endif
    return v.is_exhausted() ? 1 : 0;
}
