// An integer wider than 64 bits (here under -std=gnu++20 rules as well, where
// `unsigned __int128` is std::unsigned_integral) never becomes an Amount: 2^64+5
// would otherwise be charged as 5.
// first-error: deleted function
// expect: wider_than_64_bits_convert_it_with_bk_amount_from
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
__extension__ using u128 = unsigned __int128;
int main(int argc, char**) {
    B b = *B::builder().limit<bk::Tokens>(10).build();
    const u128 amount = (u128{1} << 64U) + static_cast<unsigned>(argc);
#ifdef BKTEST_FAIL
    return b.charge<bk::Tokens>(amount).is_exhausted() ? 1 : 0;
#else
    const auto checked = bk::amount_from(amount);  // empty: it does not fit
    return checked ? 1 : 0;
#endif
}
