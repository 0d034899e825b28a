// A planted defect, for the stress tests only (never part of the library):
// AtomicStorage with its compare-and-swap replaced by a load, the step and a
// separate store. Each access is still atomic (no data race for
// ThreadSanitizer to report), but the read-modify-write is not, so
// concurrent updates are lost. Every contention case must fail against it.
//
// Whether a lost update happens must not depend on the scheduler, so the
// planted update pairs the committing threads between the load and the
// store: the first of a pair waits, after its load, until a second one has
// loaded too; both then store a total computed from the same reading, and one
// of the two updates is lost. The wait is bounded in yields, so a thread
// left without a partner at the end of a run goes on alone.
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>

namespace bkstress {

/// How many yields the first thread of a pair waits for the second.
inline constexpr int pair_wait_yields = 200000;

/// Committing updates so far, across all planted storages; odd arrivals wait.
inline std::atomic<std::uint64_t> arrivals{0};

/// Called between the load and the store: returns once this update is paired
/// with another one (or the bounded wait ran out).
inline void pair_up() noexcept {
    const std::uint64_t n = arrivals.fetch_add(1) + 1;
    if (n % 2 == 0) {
        return;  // the second of a pair: its partner has loaded and is waiting
    }
    for (int i = 0; i < pair_wait_yields && arrivals.load() == n; ++i) {
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
            pair_up();
            this->store(i, p.value);
            return {before, p.value, true};
        }
    };
};

static_assert(budgetkernel::StoragePolicy<PlantedStorage>);

}  // namespace bkstress
