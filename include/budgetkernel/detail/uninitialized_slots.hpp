// budgetkernel: UninitializedSlots — the library's only uninitialised storage.
//
// Invariants (every member function below keeps them; nothing else in the
// library touches `values_` or `present_`):
//
//  1. Presence discipline. For every slot i < N: if bit i of `present_` is set,
//     `values_[i]` holds a value written by `store`; if it is clear,
//     `values_[i]` is never read. `load` is the only reader and checks the
//     bit first; an absent slot reads as 0.
//  2. Bounds. Slot indexes come only from `Slot<Set>` (see slot.hpp), which
//     the library creates from a dimension's position in its set, so
//     i < N = Set::size <= 64 always; callers never pass a raw index.
//  3. Copies. A copy copies the object representation (std::memcpy at run
//     time), which is defined for indeterminate bytes, instead of reading
//     each uint64_t as a value, which would not be.
//  4. Constant evaluation. There every slot is written at construction, with
//     a poison pattern rather than 0: an object used in a constant expression
//     must be fully initialised (and clang 14 will not even copy one that is
//     not), and a read that skipped the presence check would then produce a
//     wrong answer that the constant-expression tests reject.
//  5. No destructor. The slots hold uint64_t only; nothing needs destroying,
//     so an object with absent slots can be dropped at any time.
//  6. No heap, fixed size: N values and one mask, on the owner's storage.
//
// What it buys: construction writes one mask, not N counters, and clear()
// (Budget::reset) is one store whatever N is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace budgetkernel::detail {

template <std::size_t N>
using presence_mask_t = std::conditional_t<
    N <= 8, std::uint8_t,
    std::conditional_t<N <= 16, std::uint16_t, std::conditional_t<N <= 32, std::uint32_t, std::uint64_t>>>;

inline constexpr std::uint64_t poison_pattern = 0xA5A5'5A5A'A5A5'5A5AULL;

template <std::size_t N>
class UninitializedSlots {
    static_assert(N >= 1 && N <= 64, "budgetkernel: 1 to 64 slots");
    using Mask = presence_mask_t<N>;

public:
    constexpr UninitializedSlots() noexcept {
        if (std::is_constant_evaluated()) {
            for (std::uint64_t& v : values_) {
                v = poison_pattern;
            }
        }
    }

    constexpr UninitializedSlots(const UninitializedSlots& other) noexcept : present_(other.present_) {
        copy_values_from(other);
    }

    constexpr UninitializedSlots& operator=(const UninitializedSlots& other) noexcept {
        present_ = other.present_;
        copy_values_from(other);
        return *this;
    }

    constexpr ~UninitializedSlots() = default;

    /// The value stored in slot `i`, or 0 if none has been since the last clear().
    [[nodiscard]] constexpr std::uint64_t load(std::size_t i) const noexcept {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (invariant 2)
        return is_present(i) ? values_[i] : 0;
    }

    constexpr void store(std::size_t i, std::uint64_t value) noexcept {
        values_[i] = value;  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): i < N (invariant 2)
        present_ = static_cast<Mask>(present_ | bit(i));
    }

    /// Every slot reads as 0 again. O(1).
    constexpr void clear() noexcept { present_ = 0; }

private:
    [[nodiscard]] static constexpr Mask bit(std::size_t i) noexcept { return static_cast<Mask>(Mask{1} << i); }
    [[nodiscard]] constexpr bool is_present(std::size_t i) const noexcept { return (present_ & bit(i)) != 0; }

    constexpr void copy_values_from(const UninitializedSlots& other) noexcept {
        if (std::is_constant_evaluated()) {
            for (std::size_t i = 0; i < N; ++i) {
                // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N
                values_[i] = other.values_[i];  // all written (invariant 4)
            }
        } else {
            std::memcpy(values_, other.values_, sizeof values_);  // bytes, not values (invariant 3)
        }
    }

    // NOLINTNEXTLINE(cppcoreguidelines-avoid-c-arrays,modernize-avoid-c-arrays): std::array would value-initialise
    std::uint64_t values_[N];
    Mask present_ = 0;
};

}  // namespace budgetkernel::detail
