// budgetkernel: overflow policies — what a charge does when spent + amount
// would pass 2^64-1.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace budgetkernel {

/// An overflow policy is a stateless type with a static `add(spent, amount)`
/// that is noexcept and returns either
///  - `std::uint64_t`: the new spent value; the policy never refuses, and
///    `charge<D>` returns a plain `Verdict`; or
///  - `std::optional<std::uint64_t>`: empty to refuse the charge (spent stays
///    as it was, `ChargeError::Kind::Overflow`), and `charge<D>` returns a
///    `Result<Verdict, ChargeError>`. A sum it accepts is taken to be exact.
/// The kernel knows a total has saturated only at 2^64-1; a policy capping
/// below it gets plain arithmetic at its cap (docs/DESIGN.md, "Overflow").
// clang-format 14 splits `{ e } noexcept -> T;` apart, so this stays as written.
// clang-format off
template <class P>
concept OverflowPolicy = std::is_empty_v<P> && requires(std::uint64_t spent, std::uint64_t amount) {
    { P::add(spent, amount) } noexcept;
    requires std::same_as<decltype(P::add(spent, amount)), std::uint64_t> ||
                 std::same_as<decltype(P::add(spent, amount)), std::optional<std::uint64_t>>;
};
// clang-format on

/// True when policy `P` can refuse a charge.
template <OverflowPolicy P>
inline constexpr bool refuses_overflow_v =
    std::same_as<decltype(P::add(std::uint64_t{}, std::uint64_t{})), std::optional<std::uint64_t>>;

/// Spent stops at 2^64-1 (the Rust crate's behaviour; the default).
struct Saturate {
    [[nodiscard]] static constexpr std::uint64_t add(std::uint64_t spent, std::uint64_t amount) noexcept {
        const std::uint64_t sum = spent + amount;  // unsigned: wraps, never undefined
        return sum < spent ? std::numeric_limits<std::uint64_t>::max() : sum;
    }
};

/// A charge that would pass 2^64-1 is refused and changes nothing.
struct Checked {
    [[nodiscard]] static constexpr std::optional<std::uint64_t> add(std::uint64_t spent,
                                                                    std::uint64_t amount) noexcept {
        const std::uint64_t sum = spent + amount;
        if (sum < spent) {
            return std::nullopt;
        }
        return sum;
    }
};

static_assert(OverflowPolicy<Saturate> && OverflowPolicy<Checked>);
static_assert(!refuses_overflow_v<Saturate> && refuses_overflow_v<Checked>);

}  // namespace budgetkernel
