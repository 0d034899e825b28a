// Admission, multi-dimension charges and reservations (SPEC 8 and 9) inside
// constant expressions, for both storage policies and both overflow
// policies. Undefined behaviour (an unset counter read, a refund that wraps,
// a dangling reservation) is a compile error here.
#include <type_traits>
#include <utility>

#include "admission_support.hpp"

using namespace bktest;

namespace {

template <class S, class O>
constexpr bool admission_tables_hold() {
    using B = Llm<S, O>;
    const bool common = first_admission_mismatch(make_llm<B>(), admission_table) == admission_table.size();
    if constexpr (bk::refuses_overflow_v<O>) {
        return common && first_admission_mismatch(make_wide<B>(), wide_checked_table) == wide_checked_table.size();
    } else {
        return common && first_admission_mismatch(make_wide<B>(), wide_saturate_table) == wide_saturate_table.size();
    }
}
static_assert(admission_tables_hold<bk::UnsafeStorage, bk::Saturate>());
static_assert(admission_tables_hold<bk::SafeStorage, bk::Saturate>());
static_assert(admission_tables_hold<bk::UnsafeStorage, bk::Checked>());
static_assert(admission_tables_hold<bk::SafeStorage, bk::Checked>());

// Multi-dimension: typed and keyed, all or nothing, checkpoint = worst.
template <class S, class O>
constexpr bool multi_dimension() {
    using B = Llm<S, O>;
    B b = make_llm<B>();
    const auto refused = b.template try_charge<bk::Calls, bk::Tokens>(1u, 101u);
    const bool refused_ok = !refused && refused.error() == bk::ChargeError{Err::WouldExhaust, bk::dim<bk::Tokens>} &&
                            totals(b) == std::array<std::uint64_t, 3>{};
    const auto admitted = b.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(1u, 81u, max - max);
    const bool admitted_ok = admitted && *admitted == bk::Verdict::warn(bk::dim<bk::Calls>) && admitted->crossed_warn();
    const std::array<bk::KeyedAmount, 3> twice{
        {{bk::dim<bk::Millis>, 1u}, {bk::dim<bk::Calls>, 1u}, {bk::dim<bk::Millis>, 1u}}};
    const std::array<bk::KeyedAmount, 2> unknown{{{bk::dim<bk::Millis>, 1u}, {bk::dim<bk::Bytes>, 1u}}};
    // Four entries on a set of three: charged through the loop over a span.
    const std::array<bk::KeyedAmount, 4> longer_than_the_set{
        {{bk::dim<bk::Millis>, 1u}, {bk::dim<bk::Calls>, 1u}, {bk::dim<bk::Tokens>, 1u}, {bk::dim<bk::Calls>, 1u}}};
    const bool list_errors =
        b.try_charge(twice).error() == bk::ChargeError{Err::DuplicateDimension, bk::dim<bk::Millis>} &&
        b.charge(twice).error() == bk::ChargeError{Err::DuplicateDimension, bk::dim<bk::Millis>} &&
        b.try_charge(unknown).error() == bk::ChargeError{Err::UnknownDimension, bk::dim<bk::Bytes>} &&
        b.charge(unknown).error() == bk::ChargeError{Err::UnknownDimension, bk::dim<bk::Bytes>} &&
        b.charge(std::span<const bk::KeyedAmount>(twice)) == b.charge(twice) &&
        b.charge(std::span<const bk::KeyedAmount>(unknown)) == b.charge(unknown) &&
        b.charge(longer_than_the_set).error() == bk::ChargeError{Err::DuplicateDimension, bk::dim<bk::Calls>} &&
        b.charge(std::array<bk::KeyedAmount, 0>{}).has_value() &&
        b.charge(std::span<const bk::KeyedAmount>{}).has_value() && totals(b) == std::array<std::uint64_t, 3>{81, 0, 1};
    const std::array<bk::KeyedAmount, 2> over{{{bk::dim<bk::Millis>, 60u}, {bk::dim<bk::Tokens>, 30u}}};
    const auto checkpoint = b.charge(over);
    const bool checkpoint_ok = checkpoint && *checkpoint == bk::Verdict::exhausted(bk::dim<bk::Millis>) &&
                               totals(b) == std::array<std::uint64_t, 3>{111, 60, 1};
    const auto typed = as_result(b.template charge<bk::Calls, bk::Tokens>(3u, 1u));
    return refused_ok && admitted_ok && list_errors && checkpoint_ok && typed &&
           *typed == bk::Verdict::exhausted(bk::dim<bk::Calls>) &&
           b.status() == bk::Verdict::exhausted(bk::dim<bk::Tokens>);
}
static_assert(multi_dimension<bk::UnsafeStorage, bk::Saturate>());
static_assert(multi_dimension<bk::SafeStorage, bk::Saturate>());
static_assert(multi_dimension<bk::UnsafeStorage, bk::Checked>());
static_assert(multi_dimension<bk::SafeStorage, bk::Checked>());

// The keyed admission over a std::array (laid out entry by entry), through
// a span (the same form, chosen by the length; the loops when longer than
// the set) and the typed one: the same answers and the same totals.
template <class S, class O>
constexpr bool keyed_admission_forms() {
    using B = Llm<S, O>;
    const std::array<bk::KeyedAmount, 3> fits{
        {{bk::dim<bk::Calls>, 1u}, {bk::dim<bk::Tokens>, 81u}, {bk::dim<bk::Millis>, 0u}}};
    const std::array<bk::KeyedAmount, 2> too_much{{{bk::dim<bk::Calls>, 1u}, {bk::dim<bk::Tokens>, 20u}}};
    const std::array<bk::KeyedAmount, 4> longer_than_the_set{
        {{bk::dim<bk::Millis>, 1u}, {bk::dim<bk::Calls>, 1u}, {bk::dim<bk::Tokens>, 1u}, {bk::dim<bk::Calls>, 1u}}};
    B by_array = make_llm<B>();
    B by_span = by_array;
    B typed = by_array;
    const auto a = by_array.try_charge(fits);
    const auto s = by_span.try_charge(std::span<const bk::KeyedAmount>(fits));
    const auto t = typed.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(1u, 81u, max - max);
    const bool admitted = a && a == s && a == t && a->crossed_warn() && by_array == by_span && by_array == typed &&
                          totals(by_array) == std::array<std::uint64_t, 3>{81, 0, 1};
    const auto ra = by_array.try_charge(too_much);
    const auto rs = by_span.try_charge(std::span<const bk::KeyedAmount>(too_much));
    const auto rt = typed.template try_charge<bk::Calls, bk::Tokens>(1u, 20u);
    const bool refused = !ra && ra.error() == bk::ChargeError{Err::WouldExhaust, bk::dim<bk::Tokens>} && ra == rs &&
                         ra == rt && by_array == by_span && by_array == typed &&
                         totals(by_array) == std::array<std::uint64_t, 3>{81, 0, 1};
    const bool longer = by_array.try_charge(longer_than_the_set).error() ==
                            bk::ChargeError{Err::DuplicateDimension, bk::dim<bk::Calls>} &&
                        by_array.try_charge(std::array<bk::KeyedAmount, 0>{}).has_value() &&
                        by_span.try_charge(std::span<const bk::KeyedAmount>{}).has_value() && by_array == by_span;
    return admitted && refused && longer;
}
static_assert(keyed_admission_forms<bk::UnsafeStorage, bk::Saturate>());
static_assert(keyed_admission_forms<bk::SafeStorage, bk::Saturate>());
static_assert(keyed_admission_forms<bk::UnsafeStorage, bk::Checked>());
static_assert(keyed_admission_forms<bk::SafeStorage, bk::Checked>());

// Reservations: every rule of SPEC 9 in one constant expression.
template <class S, class O>
constexpr bool reservations() {
    using B = Llm<S, O>;
    using T = std::array<std::uint64_t, 3>;
    B b = make_llm<B>();
    bool ok = true;
    {
        auto held = b.template reserve<bk::Tokens>(90);
        ok = ok && held && held.verdict() == bk::Verdict::warn(bk::dim<bk::Tokens>) && totals(b) == T{90, 0, 0};
        const auto less = held.settle(30);  // the difference comes back
        ok = ok && less && *less == bk::Verdict::proceed() && totals(b) == T{30, 0, 0};
        ok = ok && held.settle(30).error().kind() == Err::NotHeld && totals(b) == T{30, 0, 0};
    }
    {
        auto held = b.template reserve<bk::Millis>(10);
        const auto more = held.settle(51);  // the extra is charged and may exhaust
        ok = ok && more && more->is_exhausted() && more->crossed_limit() && totals(b) == T{30, 51, 0};
    }
    {
        const auto dropped = b.template reserve<bk::Tokens, bk::Calls>(70, 3);
        ok = ok && dropped && totals(b) == T{100, 51, 3};
    }  // the destructor releases
    ok = ok && totals(b) == T{30, 51, 0};
    {
        auto first = b.template reserve<bk::Calls>(2);
        auto second = std::move(first);
        ok = ok && first.settle(0).error().kind() == Err::NotHeld && totals(b) == T{30, 51, 2};
        second.release();
        second.release();
        ok = ok && totals(b) == T{30, 51, 0};
    }
    {
        auto refused = b.template reserve<bk::Tokens, bk::Calls>(1, 4);
        ok = ok && !refused && refused.error() == bk::ChargeError{Err::WouldExhaust, bk::dim<bk::Calls>} &&
             totals(b) == T{30, 51, 0} && refused.settle(0, 0).error().kind() == Err::NotHeld;
    }
    {
        auto stale = b.template reserve<bk::Calls>(3);
        auto released = b.template reserve<bk::Tokens>(5);
        b.reset();
        static_cast<void>(b.template charge<bk::Calls>(1));
        ok = ok && stale.settle(0).error() == bk::ChargeError{Err::Stale, bk::dim<bk::Calls>};
        released.release();
        ok = ok && totals(b) == T{0, 0, 1};
    }
    {
        auto held = b.template reserve<bk::Tokens>(60);
        b = make_llm<B>();  // cleared without a reset: the refund stops at 0
        held.release();
        ok = ok && totals(b) == T{0, 0, 0};
    }
    B w = make_wide<B>();
    {
        auto held = w.template reserve<bk::Tokens>(max);  // fits a limit of 2^64-1
        // Saturate: 2^64-1 may be a saturated total and stays; Checked: it is exact and refunds.
        const std::uint64_t after = bk::refuses_overflow_v<O> ? 0 : max;
        ok = ok && held && held.settle(0) && w.template spent<bk::Tokens>() == after;
    }
    return ok;
}
static_assert(reservations<bk::UnsafeStorage, bk::Saturate>());
static_assert(reservations<bk::SafeStorage, bk::Saturate>());
static_assert(reservations<bk::UnsafeStorage, bk::Checked>());
static_assert(reservations<bk::SafeStorage, bk::Checked>());

// Checked: an overflowing extra keeps the estimate.
template <class S>
constexpr bool checked_settle_overflow() {
    using B = Llm<S, bk::Checked>;
    B b = make_wide<B>();
    const bool charged = b.template charge<bk::Tokens>(max - 20).has_value();
    auto held = b.template reserve<bk::Tokens>(10);
    const auto r = held.settle(max);
    return charged && !r && r.error() == bk::ChargeError{Err::Overflow, bk::dim<bk::Tokens>} &&
           b.template spent<bk::Tokens>() == max - 10;
}
static_assert(checked_settle_overflow<bk::UnsafeStorage>());
static_assert(checked_settle_overflow<bk::SafeStorage>());

// The types.
using R = bk::Result<bk::Verdict, bk::ChargeError>;
static_assert(sizeof(R) == 16 && std::is_trivially_copyable_v<R>);
static_assert(sizeof(bk::Verdict) <= 16 && std::is_trivially_copyable_v<bk::Verdict>);
static_assert(R{bk::Verdict::warn(bk::dim<bk::Tokens>)}.value_or(bk::Verdict{}) ==
              bk::Verdict::warn(bk::dim<bk::Tokens>));
static_assert(R{bk::ChargeError{Err::Stale, bk::dim<bk::Calls>}}.value_or(bk::Verdict{}) == bk::Verdict{});
static_assert(R{bk::ChargeError{Err::Stale, bk::dim<bk::Calls>}} != R{bk::Verdict{}});
static_assert(R { bk::Verdict::exhausted(bk::dim<bk::Calls>) } -> is_exhausted());
using Held = Llm<bk::UnsafeStorage>::reservation<bk::Tokens, bk::Calls>;
static_assert(!std::is_copy_constructible_v<Held> && !std::is_copy_assignable_v<Held>);
static_assert(std::is_nothrow_move_constructible_v<Held> && std::is_nothrow_move_assignable_v<Held>);
static_assert(std::is_same_v<Llm<bk::SafeStorage>::charge_result, bk::Verdict> &&
              std::is_same_v<Llm<bk::SafeStorage, bk::Checked>::charge_result, R>);
static_assert(
    std::is_same_v<decltype(std::declval<Llm<bk::SafeStorage>&>().try_charge<bk::Tokens>(1u)), R> &&
    std::is_same_v<decltype(std::declval<const Llm<bk::SafeStorage>&>().would_charge<bk::Tokens>(1u)), bk::Verdict> &&
    std::is_same_v<decltype(std::declval<const Llm<bk::SafeStorage>&>().status()), bk::Verdict>);

}  // namespace

int main() { return 0; }
