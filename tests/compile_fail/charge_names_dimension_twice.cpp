// first-error: budgetkernel: a multi-dimension charge names the same dimension twice
// expect: dimension_is_named_twice_in_one_charge(<|\(\) \[with D = )budgetkernel::Tokens\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>>;
#ifdef BKTEST_FAIL
using Second = bk::Tokens;
#else
using Second = bk::Millis;
#endif
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(10).build();
    const bk::Verdict v = b.charge<bk::Tokens, Second>(1, 2);
    return v.is_continuing() ? 0 : 1;
}
