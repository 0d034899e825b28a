// budgetkernel benchmarks: many budgets held in a std::vector, charged in an
// order nobody can predict — a server charging the budget of whichever
// tenant's request comes next. 10,000 three-dimension budgets (about 800 KB:
// more than the first two cache levels hold), each operation a typed charge
// of the budget at the next of 4,096 precomputed random positions. The
// library's budgets and the hand-written counters are picked by the same
// sequence of positions.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "cases.hpp"
#include "fixtures.hpp"
#include "harness.hpp"
#include "reference.hpp"

namespace bench {
namespace {

constexpr std::size_t budgets = 10'000;
constexpr std::size_t picks = 4'096;  // a power of two: the cursor wraps with a mask

std::vector<std::uint32_t> random_positions() {
    std::mt19937 rng(20261127);  // fixed seed: every run and case sees the same order
    std::uniform_int_distribution<std::uint32_t> pick(0, budgets - 1);
    std::vector<std::uint32_t> positions(picks);
    for (std::uint32_t& p : positions) {
        p = pick(rng);
    }
    return positions;
}

template <class T, class Charge>
void time_random_charges(benchmark::State& state, std::vector<T>& objects, Charge charge) {
    const std::vector<std::uint32_t> positions = random_positions();
    std::size_t cursor = 0;
    run_batched<1>(state, [&](auto /*lane*/) BENCH_INLINE {
        T& target = objects[positions[cursor]];
        cursor = (cursor + 1) & (picks - 1);
        auto result = charge(*opaque_address(target), opaque(std::uint64_t{1}));
        consume(result);
    });
}

template <class Storage>
void library(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto made = make_budget<B>(State::Continue);
    if (!made) {
        state.SkipWithError("the budget could not be set up");
        return;
    }
    std::vector<B> all(budgets, *made);
    time_random_charges(state, all,
                        [](B& b, std::uint64_t a) BENCH_INLINE { return b.template charge<bk::Tokens>(a); });
}

void hand_written(benchmark::State& state) {
    std::vector<HandWritten<3>> all(budgets, make_hand_written<3>(State::Continue));
    time_random_charges(state, all, [](HandWritten<3>& h, std::uint64_t a) BENCH_INLINE { return h.charge<0>(a); });
}

}  // namespace

void register_vector_of_budgets() {
    benchmark::RegisterBenchmark("vector_of_budgets/continue/reference", hand_written);
    benchmark::RegisterBenchmark("vector_of_budgets/continue/typed/unsafe", library<bk::UnsafeStorage>);
    benchmark::RegisterBenchmark("vector_of_budgets/continue/typed/safe", library<bk::SafeStorage>);
    benchmark::RegisterBenchmark("vector_of_budgets/continue/typed/default", library<bk::DefaultStorage>);
}

}  // namespace bench
