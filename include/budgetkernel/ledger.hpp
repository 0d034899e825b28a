// budgetkernel: Ledger<Set, Storage>, the mutable half of a budget — one spent
// counter per dimension.
#pragma once

#include <cstdint>

#include "slot.hpp"
#include "storage.hpp"
#include "transition.hpp"

namespace budgetkernel {

/// Spent counters for the dimensions of `Set`, kept by storage policy
/// `Storage`. Every counter starts at 0 and returns to 0 on `reset`.
///
/// @tparam Storage a StoragePolicy: where the counters live, what
///         construction and reset cost, and whether updates are atomic (see
///         storage.hpp).
template <class Set, StoragePolicy Storage>
class Ledger {
    // An empty or oversized set has already failed Dims' own static_assert;
    // a valid slot count here keeps that the only error.
    using Slots = typename Storage::template slots<(Set::size >= 1 && Set::size <= 64) ? Set::size : 1>;

public:
    constexpr Ledger() noexcept = default;

    [[nodiscard]] constexpr std::uint64_t spent(Slot<Set> s) const noexcept { return slots_.load(s.index()); }
    constexpr void record(Slot<Set> s, std::uint64_t spent) noexcept { slots_.store(s.index(), spent); }

    /// The storage's read-modify-write of `s`'s counter: `step(before)`
    /// proposes the new value (see transition.hpp).
    template <class Step>
    [[nodiscard, gnu::always_inline]] constexpr Transition update(Slot<Set> s, Step step) noexcept {
        return slots_.update(s.index(), step);
    }

    constexpr void reset() noexcept { slots_.clear(); }

    /// True for a storage shared between threads: one that provides windows
    /// (storage.hpp). Other threads may then write any counter between two
    /// updates of one operation.
    static constexpr bool shared = requires(Slots & slots) { slots.enter_window(); };

    /// Number of resets so far, modulo 2^32.
    [[nodiscard]] constexpr std::uint32_t generation() const noexcept { return slots_.generation(); }

    /// Opens a window: the updates until `leave_window()` land in one reset
    /// generation, which this returns. For a storage nobody else touches
    /// meanwhile that is just `generation()`; a shared storage provides
    /// `enter_window` (see atomic_storage.hpp). Windows do not nest.
    [[nodiscard]] constexpr std::uint32_t enter_window() noexcept {
        if constexpr (requires { slots_.enter_window(); }) {
            return slots_.enter_window();
        } else {
            return generation();
        }
    }

    /// Opens a window only if the generation is still `expected`; false
    /// (nothing to leave) otherwise.
    [[nodiscard]] constexpr bool enter_window(std::uint32_t expected) noexcept {
        if constexpr (requires { slots_.enter_window(expected); }) {
            return slots_.enter_window(expected);
        } else {
            return generation() == expected;
        }
    }

    /// Closes a window that `enter_window` opened.
    constexpr void leave_window() noexcept {
        if constexpr (requires { slots_.leave_window(); }) {
            slots_.leave_window();
        }
    }

    /// Equal spent counters (the reset generation is not compared).
    friend constexpr bool operator==(const Ledger& a, const Ledger& b) noexcept {
        for (const Slot<Set> s : Slot<Set>::all()) {
            if (a.spent(s) != b.spent(s)) {
                return false;
            }
        }
        return true;
    }

private:
    Slots slots_;
};

}  // namespace budgetkernel
