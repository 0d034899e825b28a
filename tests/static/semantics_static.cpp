// The SPEC section 2 rule table evaluated inside constant expressions, for
// both storage policies. Undefined behaviour (such as reading an unset
// counter) is a compile error here.
#include "support.hpp"

using namespace bktest;

static_assert(first_mismatch<Llm<bk::UnsafeStorage>>(semantics_table) == semantics_table.size());
static_assert(first_mismatch<Llm<bk::SafeStorage>>(semantics_table) == semantics_table.size());

// A whole build / charge / check / reset sequence, keyed and typed, Checked.
template <class S>
constexpr bool checked_sequence() {
    using B = Llm<S, bk::Checked>;
    auto built = B::keyed_builder()
                     .limit_with_warn(bk::dim<bk::Tokens>, 100, 80)
                     .limit(bk::dim<bk::Millis>, 50)
                     .limit_with_warn(bk::dim<bk::Calls>, 3, 0)
                     .build();
    if (!built) {
        return false;
    }
    B b = *built;
    const auto near_max = b.template charge<bk::Millis>(max - 1);
    const auto overflow = b.charge(bk::dim<bk::Millis>, 2u);
    const auto unknown = b.charge(bk::dim<bk::Bytes>, 2u);
    const auto warn = b.charge(bk::dim<bk::Tokens>, 81u);
    const bk::Verdict checkpoint = bk::Verdict::worst(*warn, *near_max);
    const bool before_reset = near_max && near_max->is_exhausted() && !overflow &&
                              overflow.error().kind() == bk::ChargeError::Kind::Overflow && !unknown &&
                              unknown.error().kind() == bk::ChargeError::Kind::UnknownDimension &&
                              b.template spent<bk::Millis>() == max - 1 &&
                              checkpoint == bk::Verdict::exhausted(bk::dim<bk::Millis>) &&
                              b.spent(bk::dim<bk::Tokens>) == 81u && !b.spent(bk::dim<bk::Bytes>);
    const B copy = b;
    b.reset();
    return before_reset && b.template spent<bk::Millis>() == 0 && b.template remaining<bk::Tokens>() == 100 &&
           copy.template spent<bk::Tokens>() == 81 && b == B{b.configuration()};
}
static_assert(checked_sequence<bk::UnsafeStorage>());
static_assert(checked_sequence<bk::SafeStorage>());

// A budget that is itself a constexpr variable, charged in a copy.
constexpr auto base = make_llm<Llm<bk::UnsafeStorage>>();
constexpr auto charged = [] {
    auto b = base;
    static_cast<void>(b.charge<bk::Calls>(2));
    return b;
}();
static_assert(base.spent<bk::Calls>() == 0 && charged.spent<bk::Calls>() == 2);

int main() { return 0; }
