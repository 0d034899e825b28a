// expect: negative_amounts_are_not_allowed
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).build();
#ifdef BKTEST_FAIL
    return b.charge(bk::dim<bk::Tokens>, -5).has_value() ? 0 : 1;
#else
    return b.charge(bk::dim<bk::Tokens>, 5).has_value() ? 0 : 1;
#endif
}
