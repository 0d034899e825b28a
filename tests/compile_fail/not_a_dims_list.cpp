// first-error: budgetkernel: a Budget's first parameter must be bk::Dims<...>
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
#ifdef BKTEST_FAIL
using B = bk::Budget<bk::Tokens>;
#else
using B = bk::Budget<bk::Dims<bk::Tokens>>;
#endif
int main() { return sizeof(B) > 0 ? 0 : 1; }
