// first-error: budgetkernel: dimension is not in the set of every budget of this chain
// expect: (D = budgetkernel::Bytes;|dependent_false<budgetkernel::Bytes,)
// expect: (Set = budgetkernel::Dims<budgetkernel::Tokens>\]|Bytes, budgetkernel::Dims<budgetkernel::Tokens>>)
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
using Run = bk::Budget<bk::Dims<bk::Tokens, bk::Bytes>>;
using Global = bk::Budget<bk::Dims<bk::Tokens>>;
#ifdef BKTEST_FAIL
using D = bk::Bytes;
#else
using D = bk::Tokens;
#endif
int main() {
    Run run = *Run::builder().limit<bk::Tokens>(10).limit<bk::Bytes>(10).build();
    Global global = *Global::builder().limit<bk::Tokens>(100).build();
    bk::Chain chain{run, global};
    static_cast<void>(chain.try_charge<D>(1u));
    return 0;
}
