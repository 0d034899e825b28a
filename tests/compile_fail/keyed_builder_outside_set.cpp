// first-error: budgetkernel: dimension is not in this budget's set
// expect: budgetkernel::Custom1
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens, bk::Custom0>>;
int main() {
    auto keyed = B::keyed_builder().limit(bk::dim<bk::Tokens>, 10);
#ifdef BKTEST_FAIL
    auto r = keyed.limit<bk::Custom1>(5).build();
#else
    auto r = keyed.limit<bk::Custom0>(5).build();
#endif
    return r.has_value() ? 0 : 1;
}
