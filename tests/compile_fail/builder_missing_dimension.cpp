// first-error: budgetkernel: build() called before every dimension of the set has a limit
// expect: dimension_has_no_limit(<|\(\) \[with D = )budgetkernel::Calls\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>;
int main() {
#ifdef BKTEST_FAIL
    auto r = B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(3).build();
#else
    auto r = B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(3).limit<bk::Calls>(1).build();
#endif
    return r.has_value() ? 0 : 1;
}
