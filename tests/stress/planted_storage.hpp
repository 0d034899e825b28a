// A planted defect, for the stress tests only (never part of the library):
// AtomicStorage with its compare-and-swap replaced by a load, the step and a
// separate store. Each access is still atomic (no data race for
// ThreadSanitizer to report), but the read-modify-write is not, so
// concurrent updates are lost. Every contention case must fail against it.
//
// Whether a lost update happens must not depend on the scheduler, so the
// planted update pairs the threads committing to the same counter between
// the load and the store: the first of a pair waits, after its load, until a
// second one has loaded that counter too; both then store a total computed
// from the same reading, and one of the two updates is lost. The wait is
// bounded in yields, so a thread left without a partner at the end of a run
// goes on alone. Only the first updates of each counter are paired: a few
// hundred lost updates fail every check, and pairing all of them made one
// case take a minute on a loaded machine (each wait yields until the partner
// is scheduled).
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>

namespace bkstress {

/// How many yields the first thread of a pair waits for the second.
inline constexpr int pair_wait_yields = 200000;

/// How many committing updates of each counter are paired; later ones store
/// at once (still a load and a separate store, but no longer made to race).
inline constexpr std::uint64_t paired_updates = 512;

/// Committing updates so far of each counter (slot index), across all
/// planted storages; odd arrivals wait for the next one.
inline std::array<std::atomic<std::uint64_t>, 8> arrivals{};

/// Called between the load and the store of counter `slot`: returns once
/// this update is paired with another one of the same counter (or the
/// bounded wait ran out, or the counter is past its paired updates).
inline void pair_up(std::size_t slot) noexcept {
    std::atomic<std::uint64_t>& count = arrivals.at(slot);
    const std::uint64_t n = count.fetch_add(1) + 1;
    if (n % 2 == 0 || n > paired_updates) {
        return;  // the second of a pair (its partner has loaded and waits), or unpaired
    }
    for (int i = 0; i < pair_wait_yields && count.load() == n; ++i) {
        std::this_thread::yield();
    }
}

struct PlantedStorage {
    template <std::size_t N>
    class slots : public budgetkernel::AtomicStorage::slots<N> {
    public:
        template <class Step>
        [[nodiscard]] budgetkernel::Transition update(std::size_t i, Step step) noexcept {
            const std::uint64_t before = this->load(i);
            const budgetkernel::Proposal p = step(before);
            if (!p.commit) {
                return {before, before, false};
            }
            pair_up(i);
            this->store(i, p.value);
            return {before, p.value, true};
        }
    };
};

static_assert(budgetkernel::StoragePolicy<PlantedStorage>);

}  // namespace bkstress
