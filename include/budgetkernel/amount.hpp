// budgetkernel: Amount, the unsigned 64-bit quantity every charge and limit takes.
#pragma once

#include <concepts>
#include <cstdint>

namespace budgetkernel {

namespace detail {
// Deliberately not constexpr: reaching it inside Amount's consteval
// constructor is what turns a negative literal into a compile error. If the
// compiler names this function, the code passed a negative number.
void negative_amounts_are_not_allowed() noexcept;
}  // namespace detail

/// An amount to charge, a limit or a warn threshold: an unsigned 64-bit value.
///
/// Any unsigned integer converts implicitly. A signed integer converts only
/// when it is a constant, and then only if it is not negative, so that
/// `charge<Tokens>(-1)` fails to compile instead of charging 2^64-1. A signed
/// value known only at run time must be checked and converted by the caller
/// (`static_cast<std::uint64_t>`), which makes the sign decision visible.
class Amount {
public:
    template <std::unsigned_integral T>
        requires(!std::same_as<T, bool>)
    constexpr Amount(T value) noexcept  // NOLINT(google-explicit-constructor): amounts read like numbers
        : value_(value) {}

    template <std::signed_integral T>
    consteval Amount(T value) noexcept  // NOLINT(google-explicit-constructor): see above
        : value_(static_cast<std::uint64_t>(value)) {
        if (value < 0) {
            detail::negative_amounts_are_not_allowed();
        }
    }

    [[nodiscard]] constexpr std::uint64_t value() const noexcept { return value_; }

private:
    std::uint64_t value_;
};

namespace detail {
/// `Amount`, whatever `D` is: spells "one amount per dimension" in a
/// parameter list (`charge<D...>(amount_for<D>... amounts)`).
template <class D>
using amount_for = Amount;
}  // namespace detail

}  // namespace budgetkernel
