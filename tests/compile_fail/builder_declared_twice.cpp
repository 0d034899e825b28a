// first-error: budgetkernel: dimension is declared twice in this builder
// expect: dimension_is_declared_twice(<|\(\) \[with D = )budgetkernel::Millis\b
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>>;
int main() {
#ifdef BKTEST_FAIL
    auto r = B::builder().limit<bk::Millis>(10).limit<bk::Tokens>(3).limit_with_warn<bk::Millis>(20, 5).build();
#else
    auto r = B::builder().limit<bk::Millis>(10).limit<bk::Tokens>(3).build();
#endif
    return r.has_value() ? 0 : 1;
}
