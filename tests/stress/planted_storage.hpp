// A planted defect, for the stress tests only (never part of the library):
// AtomicStorage with its compare-and-swap replaced by a load, the step, a
// yield and a separate store. Each access is still atomic (no data race for
// ThreadSanitizer to report), but the read-modify-write is not, so
// concurrent updates are lost. Every stress case must fail against it.
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <cstddef>
#include <cstdint>
#include <thread>

namespace bkstress {

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
            std::this_thread::yield();  // widen the window between the read and the write
            this->store(i, p.value);
            return {before, p.value, true};
        }
    };
};

static_assert(budgetkernel::StoragePolicy<PlantedStorage>);

}  // namespace bkstress
