// A signed value known only at run time could be negative: the caller must
// check and convert it (bk::amount_from), so passing it directly does not
// compile, and the compiler quotes the line that says how to convert it.
// first-error: deleted function
// expect: signed_amount_convert_it_with_bk_amount_from
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
#include <cstdint>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
int main(int argc, char**) {
    B b = *B::builder().limit<bk::Tokens>(10).build();
    const int amount = argc;
#ifdef BKTEST_FAIL
    return b.charge<bk::Tokens>(amount).is_exhausted() ? 1 : 0;
#else
    const auto checked = bk::amount_from(amount);
    return checked && b.charge<bk::Tokens>(*checked).is_exhausted() ? 1 : 0;
#endif
}
