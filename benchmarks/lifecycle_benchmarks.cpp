// budgetkernel benchmarks: reset() and construction through the typed
// builder, for 3 and 8 dimensions.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>

#include "cases.hpp"
#include "fixtures.hpp"
#include "harness.hpp"

namespace bench {
namespace {

bool check(benchmark::State& state, bool ok) {
    if (!ok) {
        state.SkipWithError("the object could not be set up");
    }
    return ok;
}

/// reset() of a budget whose every counter has been charged, through an
/// opaque address; the whole object is kept afterwards.
template <class Set, class Storage>
void reset(benchmark::State& state) {
    using B = BudgetOf<Set, Storage>;
    const auto made = make_budget<B>(State::Warn);
    if (!check(state, made.has_value())) {
        return;
    }
    auto budget = replicate<1>(*made);
    run_batched<1>(state, [&](auto lane) BENCH_INLINE {
        B* b = opaque_address(budget[lane].value);
        b->reset();
        consume(*b);
    });
}

template <std::size_t N>
void hand_written_reset(benchmark::State& state) {
    auto hand = replicate<1>(make_hand_written<N>(State::Warn));
    run_batched<1>(state, [&](auto lane) BENCH_INLINE {
        HandWritten<N>* h = opaque_address(hand[lane].value);
        h->reset();
        consume(*h);
    });
}

/// Declares every dimension of the set with an opaque limit and threshold.
template <class Builder, class D, class... Rest>
[[gnu::always_inline]] inline auto declare_all(const Builder& builder, std::uint64_t limit, std::uint64_t warn) {
    const auto next = builder.template limit_with_warn<D>(opaque(limit), opaque(warn));
    if constexpr (sizeof...(Rest) == 0) {
        return next;
    } else {
        return declare_all<std::remove_cvref_t<decltype(next)>, Rest...>(next, limit, warn);
    }
}

template <class B, class... D>
[[gnu::always_inline]] inline auto build_through_builder(bk::Dims<D...> /*set*/, std::uint64_t limit,
                                                         std::uint64_t warn) {
    return declare_all<decltype(B::builder()), D...>(B::builder(), limit, warn).build();
}

/// `B::builder().limit_with_warn<D>(limit, warn)...build()` over the whole
/// set, values opaque, the result (budget or error) kept.
template <class Set, class Storage>
void build(benchmark::State& state) {
    using B = BudgetOf<Set, Storage>;
    constexpr std::uint64_t limit = 1000;
    constexpr std::uint64_t warn = 800;
    if (!check(state, build_through_builder<B>(Set{}, limit, warn).has_value())) {
        return;
    }
    run_batched<1>(state, [&](auto /*lane*/) BENCH_INLINE {
        auto built = build_through_builder<B>(Set{}, limit, warn);
        consume(built);
    });
}

template <class Set>
void register_size(const std::string& n) {
    benchmark::RegisterBenchmark(("reset/" + n + "/reference").c_str(), hand_written_reset<Set::size>);
    benchmark::RegisterBenchmark(("reset/" + n + "/unsafe").c_str(), reset<Set, bk::UnsafeStorage>);
    benchmark::RegisterBenchmark(("reset/" + n + "/safe").c_str(), reset<Set, bk::SafeStorage>);
    benchmark::RegisterBenchmark(("build/" + n + "/unsafe").c_str(), build<Set, bk::UnsafeStorage>);
    benchmark::RegisterBenchmark(("build/" + n + "/safe").c_str(), build<Set, bk::SafeStorage>);
}

}  // namespace

void register_lifecycle_benchmarks() {
    register_size<Dims3>("3");
    register_size<Dims8>("8");
}

}  // namespace bench
