// first-error: budgetkernel: a multi-dimension charge names the same dimension twice
// expect: dimension_is_named_twice_in_one_charge(<|\(\) \[with D = )budgetkernel::Calls\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>;
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(10).limit<bk::Calls>(2).build();
#ifdef BKTEST_FAIL
    const auto r = b.try_charge<bk::Calls, bk::Millis, bk::Calls>(1u, 1u, 1u);
#else
    const auto r = b.try_charge<bk::Calls, bk::Millis>(1u, 1u);
#endif
    return r.has_value() ? 0 : 1;
}
