// budgetkernel benchmarks: the charge cases — typed, runtime-keyed, a
// three-charge checkpoint — for the library and the hand-written reference.
//
// Every case charges objects it reaches through opaque addresses with opaque
// amounts and consumes each whole verdict; the library and the reference go
// through the same `time_charges` loop. Each case runs in two shapes:
//   charge/...     every charge on one object, each depending on the one
//                  before through the spent counter (latency of a charge);
//   charge-x8/...  eight objects charged in turn, so that consecutive charges
//                  are independent and overlap (throughput: every instruction
//                  of a charge counts).
//
// The reference's cases and each storage policy's are instantiated in their
// own source file (charge_*.cpp). g++ stops inlining in a translation unit
// once the unit has grown by a set fraction through inlining
// (--param inline-unit-growth), so one large file would leave some library
// calls out of line depending on what else the file holds. Small files keep
// every inlining decision what it is in an ordinary user's file.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fixtures.hpp"
#include "harness.hpp"

namespace bench::charges {

inline constexpr std::uint64_t amount = 1;

/// One operation per lane: `charge(object, amount)`, with the object's
/// address and the amount hidden from the optimiser and the result kept.
template <std::size_t Lanes, class Target, class Charge>
void time_charges(benchmark::State& state, const Target& prototype, Charge charge) {
    auto objects = replicate<Lanes>(prototype);
    run_batched<Lanes>(state, [&](auto lane) BENCH_INLINE {
        Target* t = opaque_address(objects[lane].value);
        auto result = charge(*t, opaque(amount));
        consume(result);
    });
}

inline bool check(benchmark::State& state, bool ok) {
    if (!ok) {
        state.SkipWithError("the object is not in the state this case measures");
    }
    return ok;
}

inline bool check(benchmark::State& state, const bk::Verdict& v, State s) {
    return check(state, v.kind() == kind_for(s));
}

template <std::size_t Lanes, class Storage, State S, class D>
void typed_charge(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    auto budget = make_budget<B>(S);
    if (!check(state, budget.has_value()) || !check(state, budget->template charge<D>(0), S)) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE { return b.template charge<D>(a); });
}

template <std::size_t Lanes, class Storage, State S, class D>
void keyed_charge(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    auto budget = make_budget<B>(S);
    const bk::Dim key = bk::dim<D>;
    if (!check(state, budget.has_value())) {
        return;
    }
    const auto polled = budget->charge(key, 0);
    if (!check(state, polled.has_value()) || !check(state, *polled, S)) {
        return;
    }
    time_charges<Lanes>(state, *budget, [key](B& b, std::uint64_t a) BENCH_INLINE { return b.charge(opaque(key), a); });
}

// `Copy` only makes another, identical function: the control case that
// shows how far two copies of the same code measure apart.
template <std::size_t Lanes, State S, std::size_t I, int Copy = 0>
void hand_written_charge(benchmark::State& state) {
    HandWritten<3> hand = make_hand_written<3>(S);
    if (!check(state, hand.template charge<I>(0).kind == hand_kind_for(S))) {
        return;
    }
    time_charges<Lanes>(state, hand,
                        [](HandWritten<3>& h, std::uint64_t a) BENCH_INLINE { return h.template charge<I>(a); });
}

// Three sequential charges reduced with worst: the checkpoint of a step that
// consumed tokens, time and a call. Each amount is opaque on its own.
template <std::size_t Lanes, class Storage>
void typed_checkpoint(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const bk::Verdict tokens = b.template charge<bk::Tokens>(a);
        const bk::Verdict millis = b.template charge<bk::Millis>(opaque(a));
        const bk::Verdict calls = b.template charge<bk::Calls>(opaque(a));
        return bk::Verdict::worst(tokens, millis, calls);
    });
}

// The same checkpoint in one call: charge<Tokens, Millis, Calls>(a, b, c).
template <std::size_t Lanes, class Storage>
void variadic_checkpoint(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        return b.template charge<bk::Tokens, bk::Millis, bk::Calls>(a, opaque(a), opaque(a));
    });
}

// The checkpoint through the runtime-keyed door, as code that reads its
// dimensions from configuration writes it: three keyed charges, each result
// checked (an unknown key would stop the step), reduced with worst. The keys
// are opaque: the optimiser cannot resolve them at compile time.
template <std::size_t Lanes, class Storage>
void keyed_checkpoint(benchmark::State& state) {
    using B = BudgetOf<Dims3, Storage>;
    const auto budget = make_budget<B>(State::Continue);
    if (!check(state, budget.has_value())) {
        return;
    }
    time_charges<Lanes>(state, *budget, [](B& b, std::uint64_t a) BENCH_INLINE {
        const auto tokens = b.charge(opaque(bk::dim<bk::Tokens>), a);
        const auto millis = b.charge(opaque(bk::dim<bk::Millis>), opaque(a));
        const auto calls = b.charge(opaque(bk::dim<bk::Calls>), opaque(a));
        if (!tokens || !millis || !calls) [[unlikely]] {
            return bk::Verdict::exhausted(bk::dim<bk::Tokens>);
        }
        return bk::Verdict::worst(*tokens, *millis, *calls);
    });
}

template <std::size_t Lanes>
void hand_written_checkpoint(benchmark::State& state) {
    time_charges<Lanes>(state, make_hand_written<3>(State::Continue),
                        [](HandWritten<3>& h, std::uint64_t a) BENCH_INLINE {
                            const HandVerdict tokens = h.charge<0>(a);
                            const HandVerdict millis = h.charge<1>(opaque(a));
                            const HandVerdict calls = h.charge<2>(opaque(a));
                            return HandVerdict::worst(HandVerdict::worst(tokens, millis), calls);
                        });
}

/// "charge" or "charge-x8" and so on.
template <std::size_t Lanes>
std::string shape(const char* op) {
    return Lanes == 1 ? std::string(op) : std::string(op) + "-x" + std::to_string(Lanes);
}

// Each verdict state on the first dimension of the set (Tokens, slot 0), and
// Continue on the last (Calls, slot 2): the keyed lookup's longest search.
template <template <State, class, std::size_t> class Each>
void for_each_state() {
    Each<State::Continue, bk::Tokens, 0>::run("continue");
    Each<State::Warn, bk::Tokens, 0>::run("warn");
    Each<State::Exhausted, bk::Tokens, 0>::run("exhausted");
    Each<State::Continue, bk::Calls, 2>::run("continue-last");
}

template <std::size_t Lanes>
struct ReferenceCases {
    template <State S, class D, std::size_t I>
    struct Each {
        static void run(const std::string& label) {
            benchmark::RegisterBenchmark((shape<Lanes>("charge") + "/" + label + "/reference").c_str(),
                                         hand_written_charge<Lanes, S, I>);
        }
    };

    static void register_all() {
        for_each_state<Each>();
        benchmark::RegisterBenchmark((shape<Lanes>("checkpoint") + "/continue/reference").c_str(),
                                     hand_written_checkpoint<Lanes>);
    }
};

template <class Storage, std::size_t Lanes>
struct LibraryCases {
    static inline std::string policy;

    template <State S, class D, std::size_t I>
    struct Each {
        static void run(const std::string& label) {
            const std::string prefix = shape<Lanes>("charge") + "/" + label + "/";
            benchmark::RegisterBenchmark((prefix + "typed/" + policy).c_str(), typed_charge<Lanes, Storage, S, D>);
            benchmark::RegisterBenchmark((prefix + "keyed/" + policy).c_str(), keyed_charge<Lanes, Storage, S, D>);
        }
    };

    static void register_all(const std::string& name) {
        policy = name;
        for_each_state<Each>();
        benchmark::RegisterBenchmark((shape<Lanes>("checkpoint") + "/continue/typed/" + policy).c_str(),
                                     typed_checkpoint<Lanes, Storage>);
        benchmark::RegisterBenchmark((shape<Lanes>("checkpoint") + "/continue/variadic/" + policy).c_str(),
                                     variadic_checkpoint<Lanes, Storage>);
        benchmark::RegisterBenchmark((shape<Lanes>("checkpoint") + "/continue/keyed/" + policy).c_str(),
                                     keyed_checkpoint<Lanes, Storage>);
    }
};

}  // namespace bench::charges
