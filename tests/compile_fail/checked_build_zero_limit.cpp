// A configuration built while compiling names the broken rule and the
// dimension in the compiler's message.
// first-error: budgetkernel: configuration: the dimension named below has a zero limit
// expect: zero_limit_on_dimension(<|\(\) \[with Name = )(budgetkernel::detail::)?dimension_name<'m', 'i', 'l',
// expect: dimension_name<'m', 'i', 'l', 'l', 'i', 's'>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
#include <budgetkernel/checked_build.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>>;
#ifdef BKTEST_FAIL
constexpr unsigned millis = 0;
#else
constexpr unsigned millis = 50;
#endif
constexpr B defaults =
    bk::checked_build<[] { return B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(millis).build(); }>();
int main() { return defaults.limit<bk::Millis>() == 50 ? 0 : 1; }
