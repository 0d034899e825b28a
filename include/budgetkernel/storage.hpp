// budgetkernel: storage policies — how a budget keeps its spent counters.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "detail/uninitialized_slots.hpp"
#include "transition.hpp"

namespace budgetkernel {

/// What a storage policy's `slots<N>` must provide, all noexcept and usable
/// in constant expressions (indexes passed are always < N):
///  - N counters that read as 0 until stored: `load(i)`, `store(i, v)`;
///  - `update(i, step)`: the read-modify-write of one counter, owned by the
///    storage. `step(before)` returns a `Proposal` (new value, and
///    whether to write it); `update` returns the `Transition` it made.
///    A storage shared between threads makes it atomic; the others load,
///    step and store (`update_in_place`);
///  - `clear()`: every counter back to 0, O(1) or O(N), and `generation()`,
///    a 32-bit count of clear() calls that reservations use to notice a reset;
///  - optionally, for a storage shared between threads, windows:
///    `enter_window()` (returns the generation), `enter_window(generation)`
///    (false when it moved on) and `leave_window()`, so that the updates of a
///    multi-dimension admission or a reservation land in one generation
///    (AtomicStorage, atomic_storage.hpp). Without them a window is just a
///    read of `generation()`.
/// A plain storage is trivially copyable (a budget copies like a struct of
/// integers); one that is not must say what copying means.
// clang-format 14 splits `{ e } noexcept -> T;` apart, so this stays as written.
// clang-format off
template <class S>
concept CounterSlots = std::is_nothrow_default_constructible_v<S> &&
                       requires(S slots, const S& cslots, std::size_t i, std::uint64_t v) {
                           { cslots.load(i) } noexcept -> std::same_as<std::uint64_t>;
                           { slots.store(i, v) } noexcept;
                           { slots.update(i, detail::ProbeStep{}) } noexcept -> std::same_as<Transition>;
                           { slots.clear() } noexcept;
                           { cslots.generation() } noexcept -> std::same_as<std::uint32_t>;
                       };
// clang-format on

/// A storage policy is a stateless type with a member template `slots<N>`
/// (N from 1 to 64) satisfying `CounterSlots`.
///
/// @code
/// struct MyStorage { template <std::size_t N> using slots = MySlots<N>; };
/// using B = budgetkernel::Budget<budgetkernel::Dims<budgetkernel::Tokens>, MyStorage>;
/// @endcode
template <class P>
concept StoragePolicy = std::is_empty_v<P> && requires {
    typename P::template slots<1>;
    typename P::template slots<64>;
} && CounterSlots<typename P::template slots<1>> && CounterSlots<typename P::template slots<64>>;

/// Every counter zero-initialised and read plainly; reset() writes N zeros.
/// The default: as fast as hand-written counters, and no uninitialised
/// memory anywhere (see docs/DESIGN.md, "Storage").
struct SafeStorage {
    template <std::size_t N>
    class slots {
    public:
        [[nodiscard, gnu::always_inline]] constexpr std::uint64_t load(std::size_t i) const noexcept {
            // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (callers pass Slot indexes)
            return values_[i];
        }
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (callers pass Slot indexes)
        [[gnu::always_inline]] constexpr void store(std::size_t i, std::uint64_t value) noexcept { values_[i] = value; }
        template <class Step>
        [[nodiscard, gnu::always_inline]] constexpr Transition update(std::size_t i, Step step) noexcept {
            return update_in_place(*this, i, step);
        }
        constexpr void clear() noexcept {
            values_.fill(0);
            ++generation_;
        }
        [[nodiscard]] constexpr std::uint32_t generation() const noexcept {
            return static_cast<std::uint32_t>(generation_);
        }

    private:
        std::array<std::uint64_t, N> values_{};
        // A whole word, so that the slots have no padding: every byte of a
        // SafeStorage ledger is initialised. Reservations compare 32 bits.
        std::uint64_t generation_ = 0;
    };
};

/// Counters left uninitialised behind a presence bit each: construction and
/// reset() write one mask whatever the number of dimensions (the choice for
/// budgets of many dimensions that are reset often). The invariants that
/// make this sound are in detail/uninitialized_slots.hpp.
struct UnsafeStorage {
    template <std::size_t N>
    using slots = detail::UninitializedSlots<N>;
};

/// The default storage policy: SafeStorage, or UnsafeStorage when
/// BUDGETKERNEL_DEFAULT_STORAGE_UNSAFE is defined (the Meson option
/// `default_storage=unsafe` defines it for every user of the dependency).
#if defined(BUDGETKERNEL_DEFAULT_STORAGE_UNSAFE)
using DefaultStorage = UnsafeStorage;
#else
using DefaultStorage = SafeStorage;
#endif

static_assert(std::is_trivially_copyable_v<SafeStorage::slots<3>>);
static_assert(StoragePolicy<SafeStorage> && StoragePolicy<UnsafeStorage>);

}  // namespace budgetkernel
