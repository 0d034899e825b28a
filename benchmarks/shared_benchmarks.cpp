// budgetkernel benchmarks: one budget shared by threads (AtomicStorage).
//
//  - atomic/typed vs atomic/reference: one thread, a typed charge on
//    AtomicStorage against a hand-written std::atomic<std::uint64_t> CAS loop
//    doing the same saturating add and two compares (target <= 1.10).
//  - contended/*: 2 threads charging one budget: AtomicStorage, the same
//    budget on SafeStorage behind a std::mutex, and one SafeStorage budget
//    per thread (the floor: no sharing at all).
//  - contended/try_charge: 2 threads admitting into one AtomicStorage budget.
// Reported by `benchmarks/compare` (its "shared budgets" section).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <limits>
#include <mutex>

#include <budgetkernel/budgetkernel.hpp>

namespace bk = budgetkernel;

namespace {

using Set = bk::Dims<bk::Tokens, bk::Millis, bk::Calls>;
using Atomic = bk::Budget<Set, bk::AtomicStorage>;
using Plain = bk::Budget<Set, bk::SafeStorage>;

// A limit no benchmark reaches: every charge continues.
constexpr std::uint64_t huge = std::numeric_limits<std::uint64_t>::max() / 2;

template <class B>
B make() {
    return *B::builder()
                .template limit_with_warn<bk::Tokens>(huge, huge - 1)
                .template limit<bk::Millis>(huge)
                .template limit<bk::Calls>(huge)
                .build();
}

// The hand-written shared counter: what a careful user writes without the
// library, with the same verdict rules for one dimension.
struct ReferenceCounter {
    std::atomic<std::uint64_t> spent{0};
    std::uint64_t limit = huge;
    std::uint64_t warn = huge - 1;

    int charge(std::uint64_t amount) noexcept {
        std::uint64_t before = spent.load(std::memory_order_relaxed);
        std::uint64_t after = 0;
        do {
            after = before + amount;
            after = after < before ? std::numeric_limits<std::uint64_t>::max() : after;
        } while (!spent.compare_exchange_weak(before, after, std::memory_order_relaxed, std::memory_order_relaxed));
        return after > limit ? 2 : after > warn ? 1 : 0;
    }
};

void atomic_typed(benchmark::State& state) {
    Atomic b = make<Atomic>();
    for (auto _ : state) {
        bk::Verdict v = b.charge<bk::Tokens>(1);
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(atomic_typed)->Name("atomic/typed");

void atomic_reference(benchmark::State& state) {
    ReferenceCounter c;
    for (auto _ : state) {
        int v = c.charge(1);
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(atomic_reference)->Name("atomic/reference");

// Shared between the threads of one benchmark run (google-benchmark starts
// them on the same function; thread 0 sets up and checks).
Atomic shared_atomic = make<Atomic>();
Plain shared_plain = make<Plain>();
std::mutex shared_mutex;

void contended_atomic(benchmark::State& state) {
    if (state.thread_index() == 0) {
        shared_atomic.reset();
    }
    for (auto _ : state) {
        bk::Verdict v = shared_atomic.charge<bk::Tokens>(1);
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(contended_atomic)->Name("contended/atomic")->Threads(2)->UseRealTime();

void contended_mutex(benchmark::State& state) {
    for (auto _ : state) {
        bk::Verdict v;
        {
            const std::lock_guard<std::mutex> lock(shared_mutex);
            v = shared_plain.charge<bk::Tokens>(1);
        }
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(contended_mutex)->Name("contended/mutex")->Threads(2)->UseRealTime();

void contended_per_thread(benchmark::State& state) {
    Plain own = make<Plain>();
    for (auto _ : state) {
        bk::Verdict v = own.charge<bk::Tokens>(1);
        benchmark::DoNotOptimize(v);
        benchmark::ClobberMemory();  // keep each charge a real store, as a shared one is
    }
}
BENCHMARK(contended_per_thread)->Name("contended/per-thread")->Threads(2)->UseRealTime();

void contended_try_charge(benchmark::State& state) {
    if (state.thread_index() == 0) {
        shared_atomic.reset();
    }
    for (auto _ : state) {
        auto r = shared_atomic.try_charge<bk::Tokens>(1);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(contended_try_charge)->Name("contended/try_charge")->Threads(2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
