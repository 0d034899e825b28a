// A signed value known only at run time could be negative: the caller must
// check and convert it, so passing it directly does not compile.
// expect: not (usable in )?a constant expression
#include <budgetkernel/budgetkernel.hpp>
#include <cstdint>
namespace bk = budgetkernel;
using B = bk::Budget<bk::Dims<bk::Tokens>>;
int main(int argc, char**) {
    B b = *B::builder().limit<bk::Tokens>(10).build();
#ifdef BKTEST_FAIL
    const int amount = argc;
#else
    const auto amount = static_cast<std::uint64_t>(argc);
#endif
    return b.charge<bk::Tokens>(amount).is_exhausted() ? 1 : 0;
}
