// budgetkernel benchmarks: the runtime-keyed list checkpoint
// `charge(entries)` over a std::array of three KeyedAmount (laid out entry by
// entry in the caller) and over the same entries through a std::span (a
// call, which picks the same form by the list's length), against the typed
// checkpoint of charge_cases.hpp, one budget and eight in turn; and once
// more as a plain benchmark loop (see plain_checkpoint.cpp). The keyed
// list admission is in keyed_admission_lists.cpp.
//
// In a file of its own: the span form is left to the compiler's inlining,
// and g++ decides inlining per translation unit (charge_cases.hpp says why
// the files are split), so the lists must not share a file with the cases
// whose inlining they could move, nor with each other.
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
#include "keyed_step.hpp"

namespace bench {
namespace {

using charges::check;
using charges::shape;
using charges::time_charges;

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
