// budgetkernel benchmarks: the checkpoint as a plain Google Benchmark loop.
//
// Written the way a user measures a checkpoint: a budget in a local
// variable, the keys found by name before the loop (names that the optimiser
// cannot see, as if read from configuration), an amount it cannot see
// either, and each verdict kept with DoNotOptimize. Unlike the cases of
// charge_cases.hpp, nothing hides the budget's address: the compiler may keep
// its counters in registers, and does so for the typed checkpoint when every
// charge is inlined. A keyed charge left out of line makes the budget escape
// into the call, and this loop is where that shows (docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cases.hpp"
#include "fixtures.hpp"

namespace bench {
namespace {

// 1, unknown to the optimiser.
std::uint64_t hidden_amount() {
    std::uint64_t amount = 1;
    benchmark::DoNotOptimize(amount);
    return amount;
}

template <class Storage>
void plain_typed(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    std::optional<B> built = make_budget<B>(State::Continue);
    if (!built) {
        state.SkipWithError("the budget did not build");
        return;
    }
    B budget = *built;
    const std::uint64_t amount = hidden_amount();
    for (auto _ : state) {
        const bk::Verdict v =
            bk::Verdict::worst(budget.template charge<bk::Tokens>(amount), budget.template charge<bk::Millis>(amount),
                               budget.template charge<bk::Calls>(amount));
        benchmark::DoNotOptimize(v);
    }
}

template <class Storage>
void plain_keyed(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    std::optional<B> built = make_budget<B>(State::Continue);
    std::array<std::string_view, 3> names{"tokens", "millis", "calls"};
    benchmark::DoNotOptimize(names);
    const std::optional<bk::Dim> tokens = Dims3::find(names[0]);
    const std::optional<bk::Dim> millis = Dims3::find(names[1]);
    const std::optional<bk::Dim> calls = Dims3::find(names[2]);
    if (!built || !tokens || !millis || !calls) {
        state.SkipWithError("the budget did not build or a name is unknown");
        return;
    }
    B budget = *built;
    const std::uint64_t amount = hidden_amount();
    for (auto _ : state) {
        const auto t = budget.charge(*tokens, amount);
        const auto m = budget.charge(*millis, amount);
        const auto c = budget.charge(*calls, amount);
        if (!t || !m || !c) {
            state.SkipWithError("a key is not in the set");
            break;
        }
        const bk::Verdict v = bk::Verdict::worst(*t, *m, *c);
        benchmark::DoNotOptimize(v);
    }
}

void plain_reference(benchmark::State& state) {
    HandWritten<3> hand = make_hand_written<3>(State::Continue);
    const std::uint64_t amount = hidden_amount();
    for (auto _ : state) {
        const HandVerdict v = HandVerdict::worst(HandVerdict::worst(hand.charge<0>(amount), hand.charge<1>(amount)),
                                                 hand.charge<2>(amount));
        benchmark::DoNotOptimize(v);
    }
}

template <class Storage>
void register_policy(const std::string& policy) {
    benchmark::RegisterBenchmark(("plain-checkpoint/continue/typed/" + policy).c_str(), plain_typed<Storage>);
    benchmark::RegisterBenchmark(("plain-checkpoint/continue/keyed/" + policy).c_str(), plain_keyed<Storage>);
}

}  // namespace

void register_plain_checkpoints() {
    benchmark::RegisterBenchmark("plain-checkpoint/continue/reference", plain_reference);
    register_policy<bk::UnsafeStorage>("unsafe");
    register_policy<bk::SafeStorage>("safe");
}

}  // namespace bench
