// budgetkernel benchmarks: the runtime-keyed list forms. The checkpoint
// `charge(entries)` over a std::array of three KeyedAmount (the form laid out
// entry by entry) and over the same entries through a std::span (the loop
// over a run-time length), and the all-or-nothing `try_charge(entries)`,
// against their typed counterparts (the typed checkpoint of
// charge_cases.hpp, and `try_charge<Tokens, Millis, Calls>`), one budget and
// eight in turn; and the list checkpoint once more as a plain benchmark loop
// (see plain_checkpoint.cpp).
//
// In a file of its own: the list functions are left to the compiler's
// inlining, and g++ decides inlining per translation unit (charge_cases.hpp
// says why the files are split), so they must not share a file with the
// cases whose inlining they could move.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cases.hpp"
#include "charge_cases.hpp"
#include "fixtures.hpp"
#include "harness.hpp"

namespace bench {
namespace {

using charges::check;
using charges::shape;
using charges::time_charges;

// The three entries of a step, keys and amounts opaque one by one, as the
// keyed checkpoint of charge_cases.hpp passes them.
[[gnu::always_inline]] inline std::array<bk::KeyedAmount, 3> step(std::uint64_t a) {
    return {{{opaque(bk::dim<bk::Tokens>), a},
             {opaque(bk::dim<bk::Millis>), opaque(a)},
             {opaque(bk::dim<bk::Calls>), opaque(a)}}};
}

// The list checkpoint over the std::array of `step` (`AsSpan` false), or over
// the same entries through a std::span.
template <std::size_t Lanes, class Storage, bool AsSpan>
void list_checkpoint(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        if constexpr (AsSpan) {
            const std::array<bk::KeyedAmount, 3> entries = step(a);
            return b.charge(std::span<const bk::KeyedAmount>(entries))
                .value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
        } else {
            return b.charge(step(a)).value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
        }
    });
}

template <std::size_t Lanes, class Storage>
void typed_try_charge3(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const auto r = b.template try_charge<bk::Tokens, bk::Millis, bk::Calls>(a, opaque(a), opaque(a));
        return r.value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
    });
}

template <std::size_t Lanes, class Storage>
void list_try_charge3(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const auto r = b.try_charge(step(a));
        return r.value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
    });
}

// The plain loop of plain_checkpoint.cpp with the keyed list: the entries
// built once before the loop from keys found by name, charged as the
// std::array they are (`AsSpan` false) or through a std::span.
template <class Storage, bool AsSpan>
void plain_list(benchmark::State& state) {
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
    std::uint64_t amount = 1;
    benchmark::DoNotOptimize(amount);
    const std::array<bk::KeyedAmount, 3> entries{{{*tokens, amount}, {*millis, amount}, {*calls, amount}}};
    for (auto _ : state) {
        const auto r = AsSpan ? budget.charge(std::span<const bk::KeyedAmount>(entries)) : budget.charge(entries);
        if (!r) {
            state.SkipWithError("a key is not in the set");
            break;
        }
        benchmark::DoNotOptimize(*r);
    }
}

template <std::size_t Lanes, class Storage>
void register_shape(const std::string& policy) {
    benchmark::RegisterBenchmark((shape<Lanes>("list-checkpoint") + "/continue/keyed/" + policy).c_str(),
                                 list_checkpoint<Lanes, Storage, false>);
    benchmark::RegisterBenchmark((shape<Lanes>("list-checkpoint") + "/continue/keyed-span/" + policy).c_str(),
                                 list_checkpoint<Lanes, Storage, true>);
    benchmark::RegisterBenchmark((shape<Lanes>("try_charge") + "/three/typed/" + policy).c_str(),
                                 typed_try_charge3<Lanes, Storage>);
    benchmark::RegisterBenchmark((shape<Lanes>("try_charge") + "/three/keyed/" + policy).c_str(),
                                 list_try_charge3<Lanes, Storage>);
}

template <class Storage>
void register_policy(const std::string& policy) {
    register_shape<1, Storage>(policy);
    register_shape<8, Storage>(policy);
    benchmark::RegisterBenchmark(("plain-checkpoint/continue/keyed-list/" + policy).c_str(),
                                 plain_list<Storage, false>);
    benchmark::RegisterBenchmark(("plain-checkpoint/continue/keyed-list-span/" + policy).c_str(),
                                 plain_list<Storage, true>);
}

}  // namespace

void register_keyed_lists() {
    register_policy<bk::UnsafeStorage>("unsafe");
    register_policy<bk::SafeStorage>("safe");
}

}  // namespace bench
