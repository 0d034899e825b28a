// budgetkernel benchmarks: asking before spending — try_charge (admitted, in
// the Continue state) and would_charge — for both storage policies and the
// hand-written reference, one object charged over and over and eight in turn.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "cases.hpp"
#include "charge_cases.hpp"
#include "fixtures.hpp"
#include "harness.hpp"
#include "reference.hpp"

namespace bench {
namespace {

using charges::amount;
using charges::check;
using charges::shape;
using charges::time_charges;

template <std::size_t Lanes, class Storage>
void typed_try_charge(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const auto r = b.template try_charge<bk::Tokens>(a);
        return r.value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
    });
}

template <std::size_t Lanes>
void hand_written_try_charge(benchmark::State& state) {
    time_charges<Lanes>(state, make_hand_written<3>(State::Continue),
                        [](HandWritten<3>& h, std::uint64_t a) BENCH_INLINE {
                            HandVerdict v{HandVerdict::Kind::Exhausted, hand_names[0]};
                            static_cast<void>(h.try_charge<0>(a, v));
                            return v;
                        });
}

template <std::size_t Lanes, class Storage>
void typed_would_charge(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Warn);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget,
                        [](B& b, std::uint64_t a) BENCH_INLINE { return b.template would_charge<bk::Tokens>(a); });
}

template <std::size_t Lanes>
void hand_written_would_charge(benchmark::State& state) {
    time_charges<Lanes>(state, make_hand_written<3>(State::Warn),
                        [](HandWritten<3>& h, std::uint64_t a) BENCH_INLINE { return h.would_charge<0>(a); });
}

template <std::size_t Lanes>
void register_shape() {
    const std::string t = shape<Lanes>("try_charge") + "/continue/";
    const std::string w = shape<Lanes>("would_charge") + "/warn/";
    benchmark::RegisterBenchmark((t + "reference").c_str(), hand_written_try_charge<Lanes>);
    benchmark::RegisterBenchmark((t + "typed/unsafe").c_str(), typed_try_charge<Lanes, bk::UnsafeStorage>);
    benchmark::RegisterBenchmark((t + "typed/safe").c_str(), typed_try_charge<Lanes, bk::SafeStorage>);
    benchmark::RegisterBenchmark((w + "reference").c_str(), hand_written_would_charge<Lanes>);
    benchmark::RegisterBenchmark((w + "typed/unsafe").c_str(), typed_would_charge<Lanes, bk::UnsafeStorage>);
    benchmark::RegisterBenchmark((w + "typed/safe").c_str(), typed_would_charge<Lanes, bk::SafeStorage>);
}

}  // namespace

void register_admission_benchmarks() {
    register_shape<1>();
    register_shape<8>();
}

}  // namespace bench
