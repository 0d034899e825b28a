// budgetkernel: storage policies — how a budget keeps its spent counters.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "detail/uninitialized_slots.hpp"

namespace budgetkernel {

/// What a storage policy's `slots<N>` must provide: N counters that read as 0
/// until stored, `store`, O(1)-or-O(N) `clear`, all noexcept and usable in
/// constant expressions; trivially copyable (a budget is a plain value that
/// copies like a struct of integers). Indexes passed are always < N.
// clang-format 14 splits `{ e } noexcept -> T;` apart, so this stays as written.
// clang-format off
template <class S>
concept CounterSlots = std::is_nothrow_default_constructible_v<S> && std::is_trivially_copyable_v<S> &&
                       requires(S slots, const S& cslots, std::size_t i, std::uint64_t v) {
                           { cslots.load(i) } noexcept -> std::same_as<std::uint64_t>;
                           { slots.store(i, v) } noexcept;
                           { slots.clear() } noexcept;
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
/// The choice for audits that want no uninitialised memory anywhere.
struct SafeStorage {
    template <std::size_t N>
    class slots {
    public:
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (callers pass Slot indexes)
        [[nodiscard]] constexpr std::uint64_t load(std::size_t i) const noexcept { return values_[i]; }
        // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): i < N (callers pass Slot indexes)
        constexpr void store(std::size_t i, std::uint64_t value) noexcept { values_[i] = value; }
        constexpr void clear() noexcept { values_.fill(0); }

    private:
        std::array<std::uint64_t, N> values_{};
    };
};

/// Counters left uninitialised behind a presence bit each: construction and
/// reset() write one mask whatever the number of dimensions. The invariants
/// that make this sound are in detail/uninitialized_slots.hpp.
struct UnsafeStorage {
    template <std::size_t N>
    using slots = detail::UninitializedSlots<N>;
};

/// The default storage policy: UnsafeStorage, or SafeStorage when
/// BUDGETKERNEL_DEFAULT_STORAGE_SAFE is defined (the Meson option
/// `default_storage=safe` defines it for every user of the dependency).
#if defined(BUDGETKERNEL_DEFAULT_STORAGE_SAFE)
using DefaultStorage = SafeStorage;
#else
using DefaultStorage = UnsafeStorage;
#endif

static_assert(StoragePolicy<SafeStorage> && StoragePolicy<UnsafeStorage>);

}  // namespace budgetkernel
