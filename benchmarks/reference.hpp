// budgetkernel benchmarks: the hand-written reference — what a careful
// programmer writes without the library for a fixed set of counters.
//
// Plain std::uint64_t arrays laid out as the library lays out a budget
// (limits, warn thresholds, spent), the same saturating add, the same two
// compares, and a verdict carrying the same information in the same shape:
// its kind (one byte) and the dimension it is about, as a pointer to the
// dimension's name (the library's key is a pointer to its dimension's
// descriptor). The dimension is known at compile time, as in `charge<D>`.
//
// Every verdict of charge<I> names dimension I, Continue included (where it
// means nothing): a constant per call site, the cheapest choice, so that the
// reference is as fast as hand-written code gets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace bench {

struct HandVerdict {
    enum class Kind : std::uint8_t { Continue, Warn, Exhausted };

    Kind kind = Kind::Continue;
    const char* dimension = nullptr;  // name of the dimension charged; meaningful unless Continue

    [[nodiscard]] static constexpr HandVerdict worst(HandVerdict a, HandVerdict b) noexcept {
        return b.kind > a.kind ? b : a;
    }
};

inline constexpr std::array<const char*, 8> hand_names{"tokens", "millis",  "calls",   "bytes",
                                                       "memory", "custom0", "custom1", "custom2"};

template <std::size_t N>
struct HandWritten {
    static_assert(N <= hand_names.size());
    static constexpr std::uint64_t no_warn = std::numeric_limits<std::uint64_t>::max();

    std::uint64_t limit[N];  // NOLINT(modernize-avoid-c-arrays): plain on purpose
    std::uint64_t warn[N];   // NOLINT(modernize-avoid-c-arrays): no_warn when none
    std::uint64_t spent[N];  // NOLINT(modernize-avoid-c-arrays)

    template <std::size_t I>
    HandVerdict charge(std::uint64_t amount) noexcept {
        static_assert(I < N);
        std::uint64_t sum = spent[I] + amount;
        if (sum < amount) {
            sum = std::numeric_limits<std::uint64_t>::max();
        }
        spent[I] = sum;
        if (sum > limit[I]) {
            return {HandVerdict::Kind::Exhausted, std::get<I>(hand_names)};
        }
        if (sum > warn[I]) {
            return {HandVerdict::Kind::Warn, std::get<I>(hand_names)};
        }
        return {HandVerdict::Kind::Continue, std::get<I>(hand_names)};
    }

    /// Asks first: charges only when the new total stays within the limit
    /// (no overflow either), as careful code does before sending a request.
    template <std::size_t I>
    bool try_charge(std::uint64_t amount, HandVerdict& out) noexcept {
        static_assert(I < N);
        const std::uint64_t before = spent[I];
        if (before > limit[I] || amount > limit[I] - before) {
            return false;
        }
        const std::uint64_t sum = before + amount;
        spent[I] = sum;
        out = {sum > warn[I] ? HandVerdict::Kind::Warn : HandVerdict::Kind::Continue, std::get<I>(hand_names)};
        return true;
    }

    /// The verdict charge<I>(amount) would give, changing nothing.
    template <std::size_t I>
    [[nodiscard]] HandVerdict would_charge(std::uint64_t amount) const noexcept {
        static_assert(I < N);
        std::uint64_t sum = spent[I] + amount;
        if (sum < amount) {
            sum = std::numeric_limits<std::uint64_t>::max();
        }
        if (sum > limit[I]) {
            return {HandVerdict::Kind::Exhausted, std::get<I>(hand_names)};
        }
        if (sum > warn[I]) {
            return {HandVerdict::Kind::Warn, std::get<I>(hand_names)};
        }
        return {HandVerdict::Kind::Continue, std::get<I>(hand_names)};
    }

    void reset() noexcept {
        for (std::uint64_t& s : spent) {
            s = 0;
        }
    }
};

}  // namespace bench
