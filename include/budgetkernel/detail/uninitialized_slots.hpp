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
//  3. Copies. Each slot is a cell of 8 unsigned chars, read and written as a
//     uint64_t through std::bit_cast. Copying an indeterminate unsigned char
//     is defined behaviour (unlike copying an indeterminate uint64_t), so the
//     implicit, trivial copy is sound, and the slots stay trivially copyable:
//     a budget can be copied like any plain value. The copy's absent slots
//     are as unset as the original's.
//  4. Constant evaluation. There every slot is written at construction, with
//     a poison pattern rather than 0: an object used in a constant expression
//     must be fully initialised (and clang 14 will not even copy one that is
//     not), and a read that skipped the presence check would then produce a
//     wrong answer that the constant-expression tests reject.
//  5. No destructor. The slots hold uint64_t only; nothing needs destroying,
//     so an object with absent slots can be dropped at any time.
//  6. No heap, fixed size: N values, one mask and a reset generation, on the
//     owner's storage.
//
// What it buys: construction writes one mask, not N counters, and clear()
// (Budget::reset) is two stores whatever N is.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../transition.hpp"

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

    // Invariant 3: bytes, so that copying an unset cell is defined.
    struct alignas(std::uint64_t) Cell {
        // NOLINTNEXTLINE(cppcoreguidelines-avoid-c-arrays,modernize-avoid-c-arrays): a std::array would be value-initialised by some users' code paths
        unsigned char bytes[sizeof(std::uint64_t)];
    };
    static_assert(sizeof(Cell) == sizeof(std::uint64_t));

public:
    constexpr UninitializedSlots() noexcept {
        if (std::is_constant_evaluated()) {
            for (Cell& c : cells_) {
                c = std::bit_cast<Cell>(poison_pattern);  // invariant 4
            }
        }
    }

    /// The value stored in slot `i`, or 0 if none has been since the last clear().
    [[nodiscard]] constexpr std::uint64_t load(std::size_t i) const noexcept {
        // A slot is absent only until its first store: lay out the present
        // case as the straight path.
        if (is_present(i)) [[likely]] {
            // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (invariant 2)
            return std::bit_cast<std::uint64_t>(cells_[i]);  // invariant 1
        }
        return 0;
    }

    constexpr void store(std::size_t i, std::uint64_t value) noexcept {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (invariant 2)
        cells_[i] = std::bit_cast<Cell>(value);
        // Write the mask only when the bit changes. A charge stores to the
        // slot it has just loaded, so the bit is already in a register, and
        // every charge but a slot's first writes the value alone: no store to
        // the mask that the next charge's load of the mask must wait for (a
        // narrow store that a wider load cannot take forwarded stalls it).
        if (!is_present(i)) [[unlikely]] {
            present_ = static_cast<Mask>(present_ | bit(i));
        }
    }

    /// Reads slot `i`, lets `step` decide, stores what it commits.
    template <class Step>
    [[nodiscard, gnu::always_inline]] constexpr Transition update(std::size_t i, Step step) noexcept {
        return update_in_place(*this, i, step);
    }

    /// Every slot reads as 0 again, and the generation moves on. O(1).
    constexpr void clear() noexcept {
        present_ = 0;
        ++generation_;
    }

    /// How many times clear() has run (modulo 2^32).
    [[nodiscard]] constexpr std::uint32_t generation() const noexcept { return generation_; }

private:
    [[nodiscard]] static constexpr Mask bit(std::size_t i) noexcept { return static_cast<Mask>(Mask{1} << i); }
    [[nodiscard]] constexpr bool is_present(std::size_t i) const noexcept { return (present_ & bit(i)) != 0; }

    // No initializer: uninitialised at run time, the point of this policy.
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-c-arrays,modernize-avoid-c-arrays): std::array<Cell, N> would read the same; kept raw to show it is the boundary
    Cell cells_[N];
    Mask present_ = 0;
    // In the padding after the mask for N <= 32: a 3-dimension budget stays 80 bytes.
    std::uint32_t generation_ = 0;
};

static_assert(std::is_trivially_copyable_v<UninitializedSlots<3>>);

}  // namespace budgetkernel::detail
