// first-error: budgetkernel: a dimension set (bk::Dims<...>) must list at least one dimension
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
#ifdef BKTEST_FAIL
using Set = bk::Dims<>;
#else
using Set = bk::Dims<bk::Tokens>;
#endif
int main() { return static_cast<int>(bk::Budget<Set>::dims::size) - 1; }
