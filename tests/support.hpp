// Shared by the tests: dimension sets, budget aliases per policy, and the
// semantics table that runs both in static_assert and under doctest.
#pragma once

#include <budgetkernel/budgetkernel.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace bk = budgetkernel;

namespace bktest {

inline constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();

/// A user-defined dimension, as a project would declare one in its headers.
struct GpuSeconds {
    static constexpr std::string_view name = "gpu_seconds";
};

using Three = bk::Dims<bk::Tokens, bk::Millis, bk::Calls>;

template <class Storage, class Overflow = bk::Saturate>
using Llm = bk::Budget<Three, Storage, Overflow>;

/// tokens 100 (warn 80), millis 50 (no warn), calls 3 (warn 0).
template <class B>
constexpr B make_llm() noexcept {
    return *B::builder()
                .template limit_with_warn<bk::Tokens>(100, 80)
                .template limit<bk::Millis>(50)
                .template limit_with_warn<bk::Calls>(3, 0)
                .build();
}

using K = bk::Verdict::Kind;
enum class On : std::uint8_t { tokens, millis, calls, none };

constexpr bk::Dim key_of(On d) noexcept {
    switch (d) {
        case On::millis:
            return bk::dim<bk::Millis>;
        case On::calls:
            return bk::dim<bk::Calls>;
        default:
            return bk::dim<bk::Tokens>;
    }
}

/// `charge<Tokens>`, `charge<Millis>` or `charge<Calls>`, chosen at run time
/// by `d`: the typed path, for tests that pick dimensions from data.
template <class B>
constexpr bk::Verdict charge_typed(B& budget, On d, std::uint64_t amount) noexcept {
    switch (d) {
        case On::millis:
            return budget.template charge<bk::Millis>(amount);
        case On::calls:
            return budget.template charge<bk::Calls>(amount);
        default:
            return budget.template charge<bk::Tokens>(amount);
    }
}

/// One typed charge and what must follow: verdict kind, its dimension
/// (`none` for Continue) and the spent total of the charged dimension.
/// `reset` rows call reset() instead and expect every counter at 0.
struct Row {
    On dim;
    std::uint64_t amount;
    K kind;
    std::uint64_t spent;
    bool reset = false;
};

// Legend: each row charges `dim` by `amount` on a budget made by make_llm()
// (rows run in order on one budget); the rule each row pins is on its right.
inline constexpr std::array semantics_table{
    Row{On::tokens, 0, K::Continue, 0},        // zero charge polls a fresh budget
    Row{On::tokens, 80, K::Continue, 80},      // at the warn threshold: warn is strict (>)
    Row{On::tokens, 1, K::Warn, 81},           // just above it: Warn
    Row{On::tokens, 0, K::Warn, 81},           // a poll repeats the current state
    Row{On::tokens, 19, K::Warn, 100},         // spent == limit: inclusive, still Warn
    Row{On::tokens, 1, K::Exhausted, 101},     // just above the limit: Exhausted, spent kept
    Row{On::tokens, 5, K::Exhausted, 106},     // repeated charges after exhaustion keep adding
    Row{On::tokens, 0, K::Exhausted, 106},     // and a poll reports Exhausted
    Row{On::millis, 50, K::Continue, 50},      // no warn threshold: Continue up to the limit
    Row{On::millis, 1, K::Exhausted, 51},      // dimensions are independent
    Row{On::calls, 0, K::Continue, 0},         // warn == 0: zero spent does not warn
    Row{On::calls, 1, K::Warn, 1},             // warn == 0: any positive spend warns
    Row{On::calls, 2, K::Warn, 3},             // still inclusive at the limit
    Row{On::calls, max, K::Exhausted, max},    // saturates at 2^64-1
    Row{On::calls, max, K::Exhausted, max},    // and stays there
    Row{On::tokens, 0, K::Continue, 0, true},  // reset zeroes every counter
    Row{On::tokens, 101, K::Exhausted, 101},   // exhaustion wins when one charge crosses both
    Row{On::millis, max, K::Exhausted, max},   // UINT64_MAX on a fresh counter
};

/// Verdict equality (kind, and dimension unless Continue) and the same
/// crossing flags, which Verdict's == leaves out.
constexpr bool same_verdict(const bk::Verdict& a, const bk::Verdict& b) noexcept {
    return a == b && a.crossed_warn() == b.crossed_warn() && a.crossed_limit() == b.crossed_limit();
}

/// Runs `table` on a fresh budget of type B; returns the index of the first
/// row whose outcome differs, or table.size() when every row matches.
template <class B, std::size_t N>
constexpr std::size_t first_mismatch(const std::array<Row, N>& table) noexcept {
    B budget = make_llm<B>();
    for (std::size_t i = 0; i < N; ++i) {
        const Row& row = table.at(i);
        if (row.reset) {
            budget.reset();
            if (budget.template spent<bk::Tokens>() != 0 || budget.template spent<bk::Millis>() != 0 ||
                budget.template spent<bk::Calls>() != 0) {
                return i;
            }
            continue;
        }
        const bk::Verdict v = charge_typed(budget, row.dim, row.amount);
        const bk::Dim key = key_of(row.dim);
        const bool dim_ok = row.kind == K::Continue ? !v.dimension().has_value() : v.dimension() == key;
        if (v.kind() != row.kind || !dim_ok || budget.spent(key) != row.spent) {
            return i;
        }
    }
    return N;
}

}  // namespace bktest

/// The storage policies every templated test case runs under.
#define BKTEST_STORAGES bk::UnsafeStorage, bk::SafeStorage, bk::AtomicStorage

/// The storage policies usable in constant expressions (std::atomic is not),
/// for templated cases that also evaluate at compile time.
#define BKTEST_CONSTEXPR_STORAGES bk::UnsafeStorage, bk::SafeStorage
