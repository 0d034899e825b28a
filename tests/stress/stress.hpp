// Shared by the stress tests: a few threads started together on one budget.
// Bounded in threads and iterations; nothing here depends on timing.
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace bk = budgetkernel;

namespace bkstress {

/// Four threads: two cores are enough to interleave them, and few enough
/// for ThreadSanitizer to stay quick.
inline constexpr std::size_t threads = 4;

/// Runs `body(t)` for t in [0, threads) on that many threads, released
/// together so that their loops overlap, and joins them all.
template <class Body>
void run_together(Body body) {
    std::atomic<std::size_t> ready{0};
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        pool.emplace_back([&ready, &body, t] {
            ready.fetch_add(1);
            while (ready.load() < threads) {
                std::this_thread::yield();
            }
            body(t);
        });
    }
    for (std::thread& th : pool) {
        th.join();
    }
}

using Two = bk::Dims<bk::Tokens, bk::Calls>;

template <class Storage, class Overflow = bk::Saturate>
using Shared = bk::Budget<Two, Storage, Overflow>;

template <class B>
B make(std::uint64_t tokens, std::uint64_t calls) {
    return *B::builder()
                .template limit_with_warn<bk::Tokens>(tokens, tokens / 2)
                .template limit<bk::Calls>(calls)
                .build();
}

}  // namespace bkstress
