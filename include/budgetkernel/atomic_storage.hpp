// budgetkernel: AtomicStorage — counters that many threads charge at once.
//
// What a budget with this storage guarantees (SPEC section 10), and why:
//
//  1. Per dimension, linearizable. Every change to a counter is one
//     compare-and-swap in `update`, whose step saw exactly the value it
//     replaces; the verdict is judged on that (before, after) pair, so it is
//     the verdict of the total right after this charge's own addition, and
//     no addition is lost.
//  2. No overcommit. An admission's step refuses any total above the limit,
//     and the CAS writes only if the counter still holds the value the step
//     judged.
//  3. Windows and reset(). clear() zeroes the counters one by one, so a plain
//     charge lands wholly before or wholly after the zero on its dimension.
//     The operations that span several updates (a multi-dimension admission
//     and its undo, a reservation from its admission to its refund) run
//     inside a *window* (`enter_window` / `leave_window`): clear() waits for
//     the windows open when it starts, and windows opened while it runs wait
//     for it to finish (or, for a refund, report the reservation stale). So
//     a hold and its undo or refund land in the same reset window, and a
//     refund never takes back from a total that a reset has already cleared.
//     This waiting is the only blocking in the storage: reset() waits for the
//     windows in flight (each a few updates long), and a window opened during
//     a reset waits for it; every other operation is lock-free.
//  4. Copies are snapshots. Copying reads each counter once (an atomic load)
//     into the copy: every value is one the counter really held, but
//     counters charged during the copy may be read at different instants.
//     Assigning to a budget that other threads are using writes it counter by
//     counter; it is not one atomic replacement.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "transition.hpp"

namespace budgetkernel {

static_assert(std::atomic<std::uint64_t>::is_always_lock_free,
              "budgetkernel: AtomicStorage needs lock-free 64-bit atomics on this target");

/// Counters that are lock-free atomics: every operation of a budget with
/// this storage may be called concurrently from any number of threads (see
/// the comment at the top of atomic_storage.hpp and docs/DESIGN.md, "Shared
/// budgets"). Not usable in constant expressions. Copying a budget takes a
/// snapshot of each counter.
///
/// @code
/// using Shared = bk::Budget<bk::Dims<bk::Tokens>, bk::AtomicStorage>;
/// Shared budget = *Shared::builder().limit<bk::Tokens>(10000).build();
/// // any thread:
/// auto r = budget.try_charge<bk::Tokens>(250);
/// @endcode
struct AtomicStorage {
    template <std::size_t N>
    class slots {
        static_assert(N >= 1 && N <= 64, "budgetkernel: 1 to 64 slots");

        // window_: bits 63..32 count the clear() calls (the generation),
        // bit 31 is set while a clear() runs, bits 30..0 count open windows.
        static constexpr std::uint64_t generation_unit = std::uint64_t{1} << 32U;
        static constexpr std::uint64_t clearing_bit = std::uint64_t{1} << 31U;
        static constexpr std::uint64_t open_mask = clearing_bit - 1;

        [[nodiscard]] static constexpr std::uint32_t generation_of(std::uint64_t w) noexcept {
            return static_cast<std::uint32_t>(w >> 32U);
        }

    public:
        slots() noexcept = default;

        /// A snapshot: each counter read once. A clear() running meanwhile
        /// shows as finished in the copy (its generation counted), so the
        /// copy never waits for a reset that will not happen to it.
        slots(const slots& other) noexcept { assign(other); }

        slots& operator=(const slots& other) noexcept {
            if (this != &other) {
                assign(other);
            }
            return *this;
        }

        // A move is the same snapshot: atomic counters cannot be handed over.
        slots(slots&& other) noexcept { assign(other); }
        slots& operator=(slots&& other) noexcept {
            if (this != &other) {
                assign(other);
            }
            return *this;
        }

        ~slots() = default;

        // Relaxed: a counter publishes nothing but its own value. Reads of
        // one counter are ordered by its modification order (coherence),
        // which is all a per-dimension read needs; reset() ordering goes
        // through window_.
        [[nodiscard]] std::uint64_t load(std::size_t i) const noexcept {
            return values_[i].load(
                std::memory_order_relaxed);  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): i < N
        }

        // Relaxed, as load: only the value itself is published.
        void store(std::size_t i, std::uint64_t value) noexcept {
            values_[i].store(
                value, std::memory_order_relaxed);  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): i < N
        }

        /// The step runs on the value it is about to replace: a CAS loop that
        /// calls `step` again on the fresh value whenever another thread got
        /// there first. A proposal equal to the current value writes nothing
        /// (a poll or a zero refund does not take the cache line).
        template <class Step>
        [[nodiscard, gnu::always_inline]] Transition update(std::size_t i, Step step) noexcept {
            std::atomic<std::uint64_t>& cell =
                values_[i];  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): i < N
            // Relaxed load and CAS: the counter's modification order alone
            // makes the read-modify-write atomic and the totals exact; no
            // other memory is published through it. A window's updates are
            // ordered against clear() by the acquire/release on window_.
            std::uint64_t before = cell.load(std::memory_order_relaxed);
            for (;;) {
                const Proposal p = step(before);
                if (!p.commit) {
                    return {before, before, false};
                }
                if (p.value == before) {
                    return {before, before, true};
                }
                // Weak: a spurious failure only runs the step once more.
                if (cell.compare_exchange_weak(before, p.value, std::memory_order_relaxed, std::memory_order_relaxed)) {
                    return {before, p.value, true};
                }
            }
        }

        /// Every counter back to 0, then the generation moves on. Waits for
        /// the windows open when it starts, and for a clear() already running.
        void clear() noexcept {
            // Take the clearing bit. Acquire: pairs with the release that ends
            // an earlier clear(), whose zeroes must precede this one's.
            std::uint64_t w = window_.load(std::memory_order_relaxed);
            for (;;) {
                if ((w & clearing_bit) != 0) {
                    w = window_.load(std::memory_order_relaxed);
                    continue;
                }
                if (window_.compare_exchange_weak(w, w | clearing_bit, std::memory_order_acquire,
                                                  std::memory_order_relaxed)) {
                    break;
                }
            }
            // Acquire: pairs with leave_window's release, so every update made
            // inside a window that was open happens before the zeroes below.
            while ((window_.load(std::memory_order_acquire) & open_mask) != 0) {
            }
            for (std::atomic<std::uint64_t>& cell : values_) {
                // Relaxed: a concurrent plain charge is ordered before or after
                // this store by the counter's modification order (it lands
                // wholly before or after the reset); windows see the zero
                // through window_'s release below.
                cell.store(0, std::memory_order_relaxed);
            }
            // Release: a window opened from now on (acquire in enter_window)
            // sees every zero. One RMW bumps the generation and clears the bit.
            window_.fetch_add(generation_unit - clearing_bit, std::memory_order_release);
        }

        /// The number of clear() calls that have finished (modulo 2^32).
        [[nodiscard]] std::uint32_t generation() const noexcept {
            // Acquire: a caller comparing generations then reading counters
            // sees the zeroes of the clear() it counted.
            return generation_of(window_.load(std::memory_order_acquire));
        }

        /// Opens a window in the current generation and returns it; waits
        /// while a clear() runs.
        [[nodiscard]] std::uint32_t enter_window() noexcept {
            for (;;) {
                // Acquire: pairs with clear()'s final release, so the updates
                // in this window come after its zeroes.
                const std::uint64_t w = window_.fetch_add(1, std::memory_order_acquire);
                if ((w & clearing_bit) == 0) {
                    return generation_of(w);
                }
                // Relaxed: nothing was done in the window just abandoned.
                window_.fetch_sub(1, std::memory_order_relaxed);
                while ((window_.load(std::memory_order_relaxed) & clearing_bit) != 0) {
                }
            }
        }

        /// Opens a window only if the generation is still `generation` and
        /// no clear() runs; false (nothing opened) otherwise. Never waits.
        [[nodiscard]] bool enter_window(std::uint32_t generation) noexcept {
            // Acquire: as in enter_window().
            const std::uint64_t w = window_.fetch_add(1, std::memory_order_acquire);
            if ((w & clearing_bit) == 0 && generation_of(w) == generation) {
                return true;
            }
            // Relaxed: nothing was done in this window.
            window_.fetch_sub(1, std::memory_order_relaxed);
            return false;
        }

        /// Closes a window opened by either enter_window.
        void leave_window() noexcept {
            // Release: pairs with clear()'s acquire wait, so this window's
            // updates happen before any zeroes of a clear() that waited for it.
            window_.fetch_sub(1, std::memory_order_release);
        }

    private:
        void assign(const slots& other) noexcept {
            for (std::size_t i = 0; i < N; ++i) {
                store(i, other.load(i));
            }
            // Relaxed: the generation is copied as a value; the copy's own
            // windows start closed.
            const std::uint64_t w = other.window_.load(std::memory_order_relaxed);
            const std::uint64_t generation =
                (w & ~(open_mask | clearing_bit)) + ((w & clearing_bit) != 0 ? generation_unit : 0);
            window_.store(generation, std::memory_order_relaxed);
        }

        std::array<std::atomic<std::uint64_t>, N> values_{};
        std::atomic<std::uint64_t> window_{0};
    };
};

}  // namespace budgetkernel
