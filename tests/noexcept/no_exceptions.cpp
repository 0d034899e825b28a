// The library builds and runs with -fno-exceptions -fno-rtti (the C++
// counterpart of the Rust crate's no_std build): a whole build, charge,
// check and reset sequence for both storage and both overflow policies.
#include <budgetkernel/budgetkernel.hpp>

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "this test must be compiled with -fno-exceptions"
#endif
#if defined(__cpp_rtti) || defined(__GXX_RTTI)
#error "this test must be compiled with -fno-rtti"
#endif

#include <cstdio>

namespace bk = budgetkernel;

namespace {
template <class S, class O>
bool sequence() {
    using B = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>, S, O>;
    const auto built = B::builder().template limit_with_warn<bk::Tokens>(10, 5).template limit<bk::Millis>(3).build();
    if (!built) {
        return false;
    }
    B b = *built;
    const auto warn = bk::Verdict(*b.charge(bk::dim<bk::Tokens>, 6u));
    const bool unknown = !b.charge(bk::dim<bk::Bytes>, 1u).has_value();
    const auto out = b.charge(bk::dim<bk::Millis>, 4u);
    b.reset();
    return warn.is_warning() && unknown && out->is_exhausted() && b.template spent<bk::Millis>() == 0;
}
}  // namespace

int main() {
    const bool ok = sequence<bk::UnsafeStorage, bk::Saturate>() && sequence<bk::SafeStorage, bk::Saturate>() &&
                    sequence<bk::UnsafeStorage, bk::Checked>() && sequence<bk::SafeStorage, bk::Checked>();
    std::puts(ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
