// budgetkernel: Ledger<Set, Storage>, the mutable half of a budget — one spent
// counter per dimension.
#pragma once

#include <cstdint>

#include "slot.hpp"
#include "storage.hpp"

namespace budgetkernel {

/// Spent counters for the dimensions of `Set`, kept by storage policy
/// `Storage`. Every counter starts at 0 and returns to 0 on `reset`.
///
/// @tparam Storage a StoragePolicy: where the counters live and what
///         construction and reset cost (see storage.hpp).
template <class Set, StoragePolicy Storage>
class Ledger {
public:
    constexpr Ledger() noexcept = default;

    [[nodiscard]] constexpr std::uint64_t spent(Slot<Set> s) const noexcept { return slots_.load(s.index()); }
    constexpr void record(Slot<Set> s, std::uint64_t spent) noexcept { slots_.store(s.index(), spent); }
    constexpr void reset() noexcept { slots_.clear(); }

    friend constexpr bool operator==(const Ledger& a, const Ledger& b) noexcept {
        for (const Slot<Set> s : Slot<Set>::all()) {
            if (a.spent(s) != b.spent(s)) {
                return false;
            }
        }
        return true;
    }

private:
    // An empty or oversized set has already failed Dims' own static_assert;
    // a valid slot count here keeps that the only error.
    typename Storage::template slots<(Set::size >= 1 && Set::size <= 64) ? Set::size : 1> slots_;
};

}  // namespace budgetkernel
