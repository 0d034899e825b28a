// budgetkernel benchmarks: the measuring loop every case shares, so that the
// library and the hand-written reference are timed by identical code.
#pragma once

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

/// On a lambda, after its parameter list: always inline it (a GNU attribute
/// that g++ and clang++ both accept there; the standard spelling would attach
/// to the lambda's type and be ignored).
#define BENCH_INLINE __attribute__((always_inline))

namespace bench {

/// Operations timed per benchmark iteration. One charge costs about a
/// nanosecond, the same order as the loop's own bookkeeping; a batch makes
/// that bookkeeping negligible. Every case uses the same batch.
inline constexpr std::size_t batch = 64;

/// `value`, unknown to the optimiser: it must assume any value may come out,
/// so nothing computed from it is folded or hoisted out of the loop. It costs
/// no instruction (the value stays in its register). benchmark::DoNotOptimize
/// would do as well but, with g++, it spills its operand to the stack and
/// reloads it, adding a store and a load to every operation measured.
template <class T>
[[gnu::always_inline]] inline T opaque(T value) noexcept {
    asm volatile("" : "+r"(value));  // NOLINT(hicpp-no-assembler): the point of the helper
    return value;
}

/// A pointer to `object` that the optimiser cannot prove points to it: every
/// access through it is a real load or store, nothing carries over in
/// registers from one operation to the next.
template <class T>
[[gnu::always_inline]] inline T* opaque_address(T& object) noexcept {
    return opaque(&object);
}

/// An object alone on its cache line(s), so that the library's budgets and
/// the reference's structs sit alike in memory whatever their sizes.
template <class T>
struct alignas(64) Padded {
    T value;
};

/// `op(lane)` for lanes 0, 1, ..., in turn, each lane a compile-time
/// constant, so that reaching a lane's object costs no arithmetic.
template <class Op, std::size_t... L>
[[gnu::always_inline]] inline void each_lane(Op& op, std::index_sequence<L...> /*lanes*/) {
    (op(std::integral_constant<std::size_t, L>{}), ...);
}

/// Times `batch` operations per iteration and reports the batch size so that
/// per-operation times can be derived from the JSON: `op(lane)` for every
/// lane in turn, batch / Lanes times. With one lane every operation works on
/// the same object and depends on the one before it (latency); with several,
/// consecutive operations work on different objects and may overlap
/// (throughput). Pass `op` marked BENCH_INLINE: the harness must never stand
/// as a call between the loop and the code measured, whatever the compiler's
/// inlining budget.
template <std::size_t Lanes, class Op>
void run_batched(benchmark::State& state, Op op) {
    static_assert(Lanes >= 1 && batch % Lanes == 0);
    for (auto _ : state) {
        for (std::size_t i = 0; i < batch / Lanes; ++i) {
            each_lane(op, std::make_index_sequence<Lanes>{});
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch));
    state.counters["batch"] = batch;
    state.counters["lanes"] = Lanes;
}

template <class T, std::size_t... L>
[[nodiscard]] std::array<Padded<T>, sizeof...(L)> replicate(const T& value, std::index_sequence<L...> /*lanes*/) {
    return {((void)L, Padded<T>{value})...};
}

/// `Lanes` copies of `value`, each on its own cache line(s).
template <std::size_t Lanes, class T>
[[nodiscard]] std::array<Padded<T>, Lanes> replicate(const T& value) {
    return replicate(value, std::make_index_sequence<Lanes>{});
}

/// Keeps the result of an operation alive: it must be computed in full.
template <class V>
[[gnu::always_inline]] inline void consume(V& result) noexcept {
    benchmark::DoNotOptimize(result);
}

}  // namespace bench
