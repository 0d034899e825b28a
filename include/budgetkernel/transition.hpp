// budgetkernel: the read-modify-write step a storage policy performs for a
// charge, an admission or a refund.
#pragma once

#include <cstddef>
#include <cstdint>

namespace budgetkernel {

/// What an update step proposes for a counter, given its current value:
/// the new value, and whether to write it at all (an admission that does
/// not fit proposes nothing).
struct Proposal {
    std::uint64_t value;
    bool commit;
};

/// What an update did: the counter's value it decided on, the value after
/// it (equal to `before` when nothing was written), and whether it wrote.
struct Transition {
    std::uint64_t before;
    std::uint64_t after;
    bool committed;
};

/// The update of a storage whose counters nobody else touches meanwhile: a
/// load, the step, and a store when the step commits. A storage policy's
/// `update` can simply call it (SafeStorage and UnsafeStorage do); one that
/// shares its counters between threads implements `update` atomically.
template <class Slots, class Step>
[[nodiscard, gnu::always_inline]] constexpr Transition update_in_place(Slots& slots, std::size_t i,
                                                                       Step step) noexcept {
    const std::uint64_t before = slots.load(i);
    const Proposal p = step(before);
    if (p.commit) {
        slots.store(i, p.value);
        return {before, p.value, true};
    }
    return {before, before, false};
}

namespace detail {
// A step for concept checks: a storage must accept any step.
struct ProbeStep {
    constexpr Proposal operator()(std::uint64_t before) const noexcept { return {before, false}; }
};
}  // namespace detail

}  // namespace budgetkernel
