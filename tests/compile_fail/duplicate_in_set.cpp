// first-error: budgetkernel: a dimension set (bk::Dims<...>) lists the same dimension twice
// expect: dimension_is_listed_twice(<|\(\) \[with D = )budgetkernel::Tokens\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
#ifdef BKTEST_FAIL
using Set = bk::Dims<bk::Tokens, bk::Millis, bk::Tokens>;
#else
using Set = bk::Dims<bk::Tokens, bk::Millis, bk::Calls>;
#endif
int main() { return static_cast<int>(bk::Budget<Set>::dims::size) - 3; }
