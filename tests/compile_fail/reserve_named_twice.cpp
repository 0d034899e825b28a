// first-error: budgetkernel: a multi-dimension charge names the same dimension twice
// expect: budgetkernel::Millis
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>, bk::SafeStorage, bk::Checked>;
int main() {
    B b = *B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(10).build();
#ifdef BKTEST_FAIL
    auto held = b.reserve<bk::Millis, bk::Millis>(1u, 2u);
    const auto r = held.settle(1u, 2u);
#else
    auto held = b.reserve<bk::Millis, bk::Tokens>(1u, 2u);
    const auto r = held.settle(1u, 2u);
#endif
    return r.has_value() ? 0 : 1;
}
