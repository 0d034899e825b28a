// expect: negative_amounts_are_not_allowed
// expect: negative_admission_amount\.cpp:11:
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>>;
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Calls>(2).build();
#ifdef BKTEST_FAIL
    auto held = b.reserve<bk::Tokens, bk::Calls>(5, -1);
#else
    auto held = b.reserve<bk::Tokens, bk::Calls>(5, 1);
#endif
    return held.settle(4, 1).has_value() ? 0 : 1;
}
