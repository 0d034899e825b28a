// first-error: budgetkernel: dimension is not in this budget's set
// expect: budgetkernel::Memory
// expect: budgetkernel::Dims<\s*budgetkernel::Tokens\s*>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
int main() {
#ifdef BKTEST_FAIL
    auto r = B::builder().limit<bk::Tokens>(10).limit<bk::Memory>(5).build();
#else
    auto r = B::builder().limit<bk::Tokens>(10).build();
#endif
    return r.has_value() ? 0 : 1;
}
