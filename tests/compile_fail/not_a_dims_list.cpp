// first-error: budgetkernel: a Budget's first parameter must be bk::Dims<...>
// expect: is_dims_v<budgetkernel::Tokens>
// max-errors: 1
// max-lines: 12
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
#ifdef BKTEST_FAIL
using B = bk::Budget<bk::Tokens>;
#else
using B = bk::Budget<bk::Dims<bk::Tokens>>;
#endif
int main() { return sizeof(B) > 0 ? 0 : 1; }
