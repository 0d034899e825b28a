// budgetkernel benchmarks: the budgets measured and the states they are put
// in before timing, for the library and for the hand-written reference alike.
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "reference.hpp"

namespace bench {

namespace bk = budgetkernel;

using Dims1 = bk::Dims<bk::Tokens>;
using Dims3 = bk::Dims<bk::Tokens, bk::Millis, bk::Calls>;
using Dims8 = bk::standard_dims;

/// Storage is always named explicitly: the Meson option that flips the
/// default storage must not change what a benchmark measures.
template <class Set, class Storage>
using BudgetOf = bk::Budget<Set, Storage, bk::Saturate>;

/// The state every charge of a case finds and leaves the dimension in, so
/// that each case measures one verdict in a steady state, as the charges of
/// a long-running loop would.
enum class State { Continue, Warn, Exhausted };

struct Setup {
    std::uint64_t limit;
    std::optional<std::uint64_t> warn;
    std::uint64_t initial;  // charged before timing
};

// Amounts of 1 per charge cannot move a dimension out of its state within
// any benchmark's run time (2^61 charges).
[[nodiscard]] constexpr Setup setup_for(State s) noexcept {
    constexpr std::uint64_t big = std::uint64_t{1} << 62;
    switch (s) {
        case State::Warn:
            return {big, 1, 2};
        case State::Exhausted:
            return {1, std::nullopt, 2};
        case State::Continue:
            break;
    }
    return {big, big / 2, 0};
}

[[nodiscard]] constexpr bk::Verdict::Kind kind_for(State s) noexcept {
    switch (s) {
        case State::Warn:
            return bk::Verdict::Kind::Warn;
        case State::Exhausted:
            return bk::Verdict::Kind::Exhausted;
        case State::Continue:
            break;
    }
    return bk::Verdict::Kind::Continue;
}

[[nodiscard]] constexpr HandVerdict::Kind hand_kind_for(State s) noexcept {
    return static_cast<HandVerdict::Kind>(kind_for(s));
}

/// A budget of type `B` whose every dimension is in state `s`. Built at run
/// time through the runtime-keyed builder, as configuration read from a file
/// would be. Returns empty if the library refuses the setup (a bug here).
template <class B>
[[nodiscard]] std::optional<B> make_budget(State s) noexcept {
    const Setup setup = setup_for(s);
    auto builder = B::keyed_builder();
    for (const bk::Dim key : B::dims::keys) {
        builder = setup.warn ? builder.limit_with_warn(key, setup.limit, *setup.warn) : builder.limit(key, setup.limit);
    }
    const auto built = builder.build();
    if (!built) {
        return std::nullopt;
    }
    B budget = *built;
    for (const bk::Dim key : B::dims::keys) {
        if (!budget.charge(key, setup.initial)) {
            return std::nullopt;
        }
    }
    return budget;
}

/// The hand-written counterpart of `make_budget`.
template <std::size_t N>
[[nodiscard]] HandWritten<N> make_hand_written(State s) noexcept {
    const Setup setup = setup_for(s);
    HandWritten<N> h{};
    for (std::size_t i = 0; i < N; ++i) {
        h.limit[i] = setup.limit;                                  // NOLINT: i < N
        h.warn[i] = setup.warn.value_or(HandWritten<N>::no_warn);  // NOLINT: i < N
        h.spent[i] = setup.initial;                                // NOLINT: i < N
    }
    return h;
}

}  // namespace bench
