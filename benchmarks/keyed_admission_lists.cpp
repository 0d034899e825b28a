// budgetkernel benchmarks: the runtime-keyed list admission
// `try_charge(entries)` over a std::array of three KeyedAmount (laid out in
// the caller) and over the same entries through a std::span (a call, which
// picks the same form by the list's length), against the typed
// `try_charge<Tokens, Millis, Calls>`, one budget and eight in turn.
//
// In a file of its own, apart from the list checkpoint of keyed_lists.cpp:
// g++ decides inlining per translation unit (charge_cases.hpp says why the
// files are split), and the admission laid into its callers would move the
// checkpoint's.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

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

// The keyed admission over the std::array of `step` (`AsSpan` false), or
// over the same entries through a std::span.
template <std::size_t Lanes, class Storage, bool AsSpan>
void list_try_charge3(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const std::array<bk::KeyedAmount, 3> entries = step(a);
        const auto r = AsSpan ? b.try_charge(std::span<const bk::KeyedAmount>(entries)) : b.try_charge(entries);
        return r.value_or(bk::Verdict::exhausted(bk::dim<bk::Tokens>));
    });
}

template <std::size_t Lanes, class Storage>
void register_shape(const std::string& policy) {
    benchmark::RegisterBenchmark((shape<Lanes>("try_charge") + "/three/typed/" + policy).c_str(),
                                 typed_try_charge3<Lanes, Storage>);
    benchmark::RegisterBenchmark((shape<Lanes>("try_charge") + "/three/keyed/" + policy).c_str(),
                                 list_try_charge3<Lanes, Storage, false>);
    benchmark::RegisterBenchmark((shape<Lanes>("try_charge") + "/three/keyed-span/" + policy).c_str(),
                                 list_try_charge3<Lanes, Storage, true>);
}

}  // namespace

void register_keyed_admission_lists() {
    register_shape<1, bk::UnsafeStorage>("unsafe");
    register_shape<8, bk::UnsafeStorage>("unsafe");
    register_shape<1, bk::SafeStorage>("safe");
    register_shape<8, bk::SafeStorage>("safe");
}

}  // namespace bench
