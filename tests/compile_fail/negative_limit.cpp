// expect: negative_amounts_are_not_allowed
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
int main() {
#ifdef BKTEST_FAIL
    auto r = B::builder().limit_with_warn<bk::Tokens>(10, -1).build();
#else
    auto r = B::builder().limit_with_warn<bk::Tokens>(10, 1).build();
#endif
    return r.has_value() ? 0 : 1;
}
