// A warn threshold not below its limit, found while compiling: the message
// names the rule and the dimension.
// first-error: budgetkernel: configuration: the dimension named below has a warn threshold not below its limit
// expect: warn_threshold_not_below_limit_on_dimension(<|\(\) \[with Name = )
// expect: dimension_name<'t', 'o', 'k', 'e', 'n', 's'>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
#include <budgetkernel/checked_build.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>>;
#ifdef BKTEST_FAIL
constexpr unsigned warn = 10;
#else
constexpr unsigned warn = 9;
#endif
constexpr B defaults = bk::checked_build<[] {
    return B::keyed_builder().limit_with_warn(bk::dim<bk::Tokens>, 10U, warn).limit(bk::dim<bk::Millis>, 5U).build();
}>();
int main() { return defaults.warn_threshold<bk::Tokens>() == 9U ? 0 : 1; }
