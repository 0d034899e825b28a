// first-error: budgetkernel: two dimensions of a dimension set (bk::Dims<...>) have the same name
// expect: dimension_name_is_shared(<|\(\) \[with D = )budgetkernel::Tokens\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
struct MyTokens {
#ifdef BKTEST_FAIL
    static constexpr std::string_view name = "tokens";
#else
    static constexpr std::string_view name = "my_tokens";
#endif
};
using Set = bk::Dims<bk::Tokens, MyTokens>;
int main() { return static_cast<int>(bk::Budget<Set>::dims::size) - 2; }
