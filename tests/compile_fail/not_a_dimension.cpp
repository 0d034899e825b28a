// first-error: budgetkernel: this type is not a dimension
// expect: require_dimension<\s*(struct )?Widget\s*>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
struct Widget {
    int name = 0;  // not a static constexpr std::string_view
};
struct Pages {
    static constexpr std::string_view name = "pages";
};
#ifdef BKTEST_FAIL
using Set = bk::Dims<bk::Tokens, Widget>;
#else
using Set = bk::Dims<bk::Tokens, Pages>;
#endif
int main() { return static_cast<int>(bk::Budget<Set>::dims::size) - 2; }
