// budgetkernel: Amount, the unsigned 64-bit quantity every charge and limit
// takes, and amount_from, the checked conversion from any integer.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace budgetkernel {

namespace detail {
// Deliberately not constexpr: reaching it inside Amount's consteval
// constructor is what turns a negative literal into a compile error. If the
// compiler names this function, the code passed a negative number.
void negative_amounts_are_not_allowed() noexcept;

#if defined(__SIZEOF_INT128__)
__extension__ using int128 = __int128;
__extension__ using uint128 = unsigned __int128;
#else
using int128 = void;
using uint128 = void;
#endif

// Any integer type but bool, `__int128` included: under -std=gnu++20 it is
// std::integral, under -std=c++20 it is not, and either way it must be
// refused (or checked), never narrowed.
template <class T>
concept integer =
    !std::same_as<std::remove_cv_t<T>, bool> &&
    (std::integral<T> || std::same_as<std::remove_cv_t<T>, int128> || std::same_as<std::remove_cv_t<T>, uint128>);

template <class T>
concept narrow_integer = integer<T> && sizeof(T) <= sizeof(std::uint64_t);

template <class T>
concept wide_integer = integer<T> && sizeof(T) > sizeof(std::uint64_t);
}  // namespace detail

/// An amount to charge, a limit or a warn threshold: an unsigned 64-bit value.
///
/// What converts, and what does not (each "does not" is both a compile error
/// and a `false` answer from `std::is_convertible` or a requires-expression,
/// so generic code can ask before calling):
///  - an unsigned integer of at most 64 bits, always;
///  - a signed *prvalue* (a literal such as `120`, or `-1`), through a
///    `consteval` constructor that refuses negative values: `charge<D>(-1)`
///    does not compile instead of charging 2^64-1;
///  - a signed *lvalue* (a variable, `const` or not) does not convert: its
///    value may be known only at run time, and it may be negative. Convert it
///    with `budgetkernel::amount_from(value)`, which is empty for a negative
///    value, or cast it yourself;
///  - an integer wider than 64 bits (`unsigned __int128` under `-std=gnu++20`)
///    does not convert: a value that does not fit must never become a smaller
///    one. `amount_from` checks it too;
///  - `bool` does not convert.
///
/// One case remains outside what a constraint can see: a signed prvalue that
/// is not a constant (`charge<D>(n * 2)` with a run-time `int n`) satisfies
/// the conversion but is rejected when compiled, as the consteval constructor
/// cannot run. C++20 offers no way to tell a literal from such an expression
/// in overload resolution; both are prvalues of the same type.
class Amount {
public:
    template <std::unsigned_integral T>
        requires detail::narrow_integer<T>
    constexpr Amount(T value) noexcept  // NOLINT(google-explicit-constructor): amounts read like numbers
        : value_(value) {}

    template <std::signed_integral T>
        requires(detail::narrow_integer<T> && !std::is_reference_v<T>)
    // An rvalue reference, not a forwarding one in effect: the constraint
    // admits signed integers that are not references, never an Amount.
    // NOLINTNEXTLINE(google-explicit-constructor,cppcoreguidelines-missing-std-forward,bugprone-forwarding-reference-overload)
    consteval Amount(T&& value) noexcept : value_(static_cast<std::uint64_t>(value)) {
        if (value < 0) {
            detail::negative_amounts_are_not_allowed();
        }
    }

    // A signed variable: its value may be negative and known only at run time.
    template <std::signed_integral SignedAmount>
    Amount(SignedAmount& signed_amount_convert_it_with_bk_amount_from) = delete;
    template <std::signed_integral SignedAmount>
    Amount(const SignedAmount& signed_amount_convert_it_with_bk_amount_from) = delete;
    // An integer wider than 64 bits could hold a value an Amount cannot.
    template <detail::wide_integer Wide>
    Amount(Wide wider_than_64_bits_convert_it_with_bk_amount_from) = delete;

    [[nodiscard]] constexpr std::uint64_t value() const noexcept { return value_; }

    friend constexpr bool operator==(Amount, Amount) noexcept = default;

private:
    std::uint64_t value_;
};

namespace detail {
/// `Amount`, whatever `D` is: spells "one amount per dimension" in a
/// parameter list (`charge<D...>(amount_for<D>... amounts)`).
template <class D>
using amount_for = Amount;
}  // namespace detail

/// The Amount holding `value`, or empty when `value` is negative or above
/// 2^64-1. The checked way to pass a signed or wider integer known only at
/// run time.
///
/// @code
/// std::int64_t measured = read_counter();
/// if (const auto a = budgetkernel::amount_from(measured)) { budget.charge<Tokens>(*a); }
/// @endcode
template <detail::integer T>
[[nodiscard]] constexpr std::optional<Amount> amount_from(T value) noexcept {
    if constexpr (static_cast<T>(-1) < static_cast<T>(0)) {  // signed, __int128 included
        if (value < 0) {
            return std::nullopt;
        }
    }
    if constexpr (sizeof(T) > sizeof(std::uint64_t)) {
        if (value > static_cast<T>(std::numeric_limits<std::uint64_t>::max())) {
            return std::nullopt;
        }
    }
    return Amount{static_cast<std::uint64_t>(value)};
}

}  // namespace budgetkernel
