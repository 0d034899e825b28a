// reserve checks its list and then admits it through try_charge, which
// checks it too: still one error.
// first-error: budgetkernel: a multi-dimension charge names the same dimension twice
// expect: dimension_is_named_twice_in_one_charge(<|\(\) \[with D = )budgetkernel::Millis\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>>;
#ifdef BKTEST_FAIL
using Second = bk::Millis;
#else
using Second = bk::Tokens;
#endif
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(10).build();
    auto held = b.reserve<bk::Millis, Second>(1, 2);
    return held ? 0 : 1;
}
