// Shared by the admission tests (SPEC section 8): the table of asking and
// admitting operations that runs both in static_assert (tests/static) and
// under doctest (tests/runtime), for every storage and overflow policy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "support.hpp"

namespace bktest {

using Err = bk::ChargeError::Kind;
using ChargeResult = bk::Result<bk::Verdict, bk::ChargeError>;

/// Tokens, Millis, Calls or, for keyed rows only, Bytes (outside Three).
enum class At : std::uint8_t { tokens, millis, calls, bytes };

constexpr bk::Dim key_at(At d) noexcept {
    switch (d) {
        case At::millis:
            return bk::dim<bk::Millis>;
        case At::calls:
            return bk::dim<bk::Calls>;
        case At::bytes:
            return bk::dim<bk::Bytes>;
        case At::tokens:
            break;
    }
    return bk::dim<bk::Tokens>;
}

constexpr std::size_t slot_at(At d) noexcept {
    switch (d) {
        case At::millis:
            return 1;
        case At::calls:
            return 2;
        default:
            return 0;
    }
}

/// Calls `f` with a value of the dimension type `d` names (Tokens, Millis or
/// Calls): the typed path, for tests that pick dimensions from data.
template <class F>
constexpr auto on_dim(At d, F f) noexcept {
    switch (d) {
        case At::millis:
            return f(bk::Millis{});
        case At::calls:
            return f(bk::Calls{});
        default:
            return f(bk::Tokens{});
    }
}

/// A charge's outcome as a Result, whatever the overflow policy returns.
constexpr ChargeResult as_result(bk::Verdict v) noexcept { return v; }
constexpr ChargeResult as_result(ChargeResult r) noexcept { return r; }

/// The three totals of a Three budget, in set order.
template <class B>
constexpr std::array<std::uint64_t, 3> totals(const B& b) noexcept {
    return {b.template spent<bk::Tokens>(), b.template spent<bk::Millis>(), b.template spent<bk::Calls>()};
}

enum class Op : std::uint8_t {
    charge,       // typed charge<D>(amount)
    would,        // typed would_charge<D>(amount)
    attempt,      // typed try_charge<D>(amount)
    keyed_would,  // would_charge(key, amount)
    keyed_try,    // try_charge(key, amount)
    status,       // status(); `dim` is the verdict's dimension
    reset,        // reset(); every total back to 0
};

/// Crossing flags expected on a verdict.
enum Cross : std::uint8_t { no_cross = 0, cw = 1, cl = 2, cw_cl = 3 };

/// One operation and what must follow: either an error of kind `error` naming
/// `dim` with every total unchanged, or a verdict (`kind`, on `dim` unless
/// Continue, with exactly the crossing flags `cross`) after which `dim`'s
/// total is `spent` and the other totals are unchanged.
struct AdmissionRow {
    Op op;
    At dim;
    std::uint64_t amount;
    K kind;
    Cross cross;
    std::uint64_t spent;
    bool refused = false;
    Err error = Err::UnknownDimension;
};

/// A refusal: `error` on `dim`, nothing changes.
constexpr AdmissionRow refused(Op op, At dim, std::uint64_t amount, Err error) noexcept {
    return {op, dim, amount, K::Continue, no_cross, 0, true, error};
}

/// Budgets the tables run on. `make_llm` (support.hpp): tokens 100 (warn
/// 80), millis 50, calls 3 (warn 0). `make_wide`: tokens 2^64-1 (warn
/// 2^64-2), millis 2^64-2, calls 1 (warn 0).
template <class B>
constexpr B make_wide() noexcept {
    return *B::builder()
                .template limit_with_warn<bk::Tokens>(max, max - 1)
                .template limit<bk::Millis>(max - 1)
                .template limit_with_warn<bk::Calls>(1, 0)
                .build();
}

// Legend: rows run in order on one budget made by make_llm(); each pins the
// rule on its right. The same for Saturate and Checked: no row overflows.
inline constexpr std::array admission_table{
    AdmissionRow{Op::would, At::tokens, 0, K::Continue, no_cross, 0},        // asking about nothing
    AdmissionRow{Op::would, At::tokens, 81, K::Warn, cw, 0},                 // would cross warn; nothing changes
    AdmissionRow{Op::would, At::tokens, 101, K::Exhausted, cw_cl, 0},        // would cross both
    AdmissionRow{Op::would, At::tokens, max, K::Exhausted, cw_cl, 0},        // UINT64_MAX asked, not charged
    refused(Op::attempt, At::tokens, 101, Err::WouldExhaust),                // refused: nothing changes
    refused(Op::attempt, At::tokens, max, Err::WouldExhaust),                // UINT64_MAX refused
    AdmissionRow{Op::attempt, At::tokens, 80, K::Continue, no_cross, 80},    // at the threshold: strict
    AdmissionRow{Op::attempt, At::tokens, 1, K::Warn, cw, 81},               // the charge that crosses warn
    AdmissionRow{Op::attempt, At::tokens, 1, K::Warn, no_cross, 82},         // Warn repeats, no second crossing
    AdmissionRow{Op::attempt, At::tokens, 0, K::Warn, no_cross, 82},         // zero admitted, not crossing
    AdmissionRow{Op::would, At::tokens, 18, K::Warn, no_cross, 82},          // up to the limit: inclusive
    AdmissionRow{Op::would, At::tokens, 19, K::Exhausted, cl, 82},           // past it: crosses the limit only
    refused(Op::attempt, At::tokens, 19, Err::WouldExhaust),                 // one past the limit
    AdmissionRow{Op::attempt, At::tokens, 18, K::Warn, no_cross, 100},       // exactly to the limit
    refused(Op::attempt, At::tokens, 1, Err::WouldExhaust),                  // nothing more fits
    AdmissionRow{Op::attempt, At::tokens, 0, K::Warn, no_cross, 100},        // zero: at the limit is not exhausted
    AdmissionRow{Op::charge, At::tokens, 1, K::Exhausted, cl, 101},          // charge records past the limit
    AdmissionRow{Op::charge, At::tokens, 1, K::Exhausted, no_cross, 102},    // crossing only once
    refused(Op::attempt, At::tokens, 0, Err::WouldExhaust),                  // zero refused once exhausted
    AdmissionRow{Op::would, At::tokens, 0, K::Exhausted, no_cross, 102},     // a zero question polls
    AdmissionRow{Op::status, At::tokens, 0, K::Exhausted, no_cross, 102},    // status: worst, no crossing
    refused(Op::keyed_try, At::bytes, 1, Err::UnknownDimension),             // key outside the set
    refused(Op::keyed_would, At::bytes, 0, Err::UnknownDimension),           // also when asking
    refused(Op::keyed_try, At::bytes, max, Err::UnknownDimension),           // whatever the amount
    AdmissionRow{Op::keyed_try, At::millis, 50, K::Continue, no_cross, 50},  // no threshold: no warn crossing
    AdmissionRow{Op::keyed_would, At::millis, 1, K::Exhausted, cl, 50},      // keyed ask
    refused(Op::keyed_try, At::millis, 1, Err::WouldExhaust),                // keyed refusal names millis
    AdmissionRow{Op::charge, At::millis, 1, K::Exhausted, cl, 51},           // millis exhausted too
    AdmissionRow{Op::status, At::tokens, 0, K::Exhausted, no_cross, 102},    // worst in set order: tokens first
    AdmissionRow{Op::reset, At::tokens, 0, K::Continue, no_cross, 0},        // reset
    AdmissionRow{Op::status, At::tokens, 0, K::Continue, no_cross, 0},       // a fresh budget continues
    AdmissionRow{Op::keyed_try, At::calls, 0, K::Continue, no_cross, 0},     // warn 0: zero spend does not warn
    AdmissionRow{Op::keyed_try, At::calls, 1, K::Warn, cw, 1},               // warn 0: first unit crosses
    AdmissionRow{Op::attempt, At::calls, 2, K::Warn, no_cross, 3},           // up to the limit
    AdmissionRow{Op::status, At::calls, 0, K::Warn, no_cross, 3},            // status names calls
    AdmissionRow{Op::attempt, At::tokens, 81, K::Warn, cw, 81},              // tokens warns as well
    AdmissionRow{Op::status, At::tokens, 0, K::Warn, no_cross, 81},          // tie: the first in set order
    AdmissionRow{Op::charge, At::calls, 0, K::Warn, no_cross, 3},            // a zero charge never crosses
    AdmissionRow{Op::would, At::calls, 1, K::Exhausted, cl, 3},              // asking past the limit
    AdmissionRow{Op::keyed_would, At::tokens, 20, K::Exhausted, cl, 81},     // keyed: crossing the limit
    refused(Op::attempt, At::millis, 51, Err::WouldExhaust),                 // a fresh millis, one past
};

// make_wide(), Saturate: a saturating sum is admitted when the limit is 2^64-1.
inline constexpr std::array wide_saturate_table{
    AdmissionRow{Op::attempt, At::tokens, max - 1, K::Continue, no_cross, max - 1},  // at the threshold
    AdmissionRow{Op::attempt, At::tokens, 1, K::Warn, cw, max},                      // to 2^64-1 exactly
    AdmissionRow{Op::attempt, At::tokens, max, K::Warn, no_cross, max},              // saturates: fits 2^64-1
    AdmissionRow{Op::would, At::tokens, max, K::Warn, no_cross, max},                // asking says the same
    AdmissionRow{Op::charge, At::tokens, 1, K::Warn, no_cross, max},                 // a limit of 2^64-1 never exhausts
    AdmissionRow{Op::attempt, At::tokens, 0, K::Warn, no_cross, max},                // zero admitted
    refused(Op::attempt, At::millis, max, Err::WouldExhaust),                        // one past 2^64-2
    AdmissionRow{Op::attempt, At::millis, max - 1, K::Continue, no_cross, max - 1},  // to the limit
    refused(Op::attempt, At::millis, 1, Err::WouldExhaust),                          // one past it
    refused(Op::keyed_try, At::millis, 2, Err::WouldExhaust),                        // saturating sum is past it
    AdmissionRow{Op::would, At::millis, max, K::Exhausted, cl, max - 1},             // saturating question
    AdmissionRow{Op::charge, At::millis, max, K::Exhausted, cl, max},                // saturating charge
    refused(Op::attempt, At::millis, 0, Err::WouldExhaust),                          // exhausted: zero refused
    AdmissionRow{Op::status, At::millis, 0, K::Exhausted, no_cross, max},            // the worst is millis
    refused(Op::keyed_try, At::calls, max, Err::WouldExhaust),                       // UINT64_MAX on a small limit
    AdmissionRow{Op::keyed_try, At::calls, 1, K::Warn, cw, 1},                       // to the limit of 1
    AdmissionRow{Op::charge, At::calls, max, K::Exhausted, cl, max},                 // saturates
    AdmissionRow{Op::keyed_would, At::calls, max, K::Exhausted, no_cross, max},      // asked at 2^64-1
    AdmissionRow{Op::reset, At::tokens, 0, K::Continue, no_cross, 0},                // reset
    AdmissionRow{Op::attempt, At::tokens, max, K::Warn, cw, max},                    // fresh: 2^64-1 fits
};

// make_wide(), Checked: the same steps; a sum past 2^64-1 is Overflow instead.
inline constexpr std::array wide_checked_table{
    AdmissionRow{Op::attempt, At::tokens, max - 1, K::Continue, no_cross, max - 1},  // at the threshold
    AdmissionRow{Op::attempt, At::tokens, 1, K::Warn, cw, max},                      // to 2^64-1 exactly
    refused(Op::attempt, At::tokens, max, Err::Overflow),                            // would overflow
    refused(Op::would, At::tokens, max, Err::Overflow),                              // asking says the same
    refused(Op::charge, At::tokens, 1, Err::Overflow),                               // and charging
    AdmissionRow{Op::attempt, At::tokens, 0, K::Warn, no_cross, max},                // zero admitted
    refused(Op::attempt, At::millis, max, Err::WouldExhaust),                        // one past 2^64-2
    AdmissionRow{Op::attempt, At::millis, max - 1, K::Continue, no_cross, max - 1},  // to the limit
    refused(Op::attempt, At::millis, 1, Err::WouldExhaust),                          // fits 2^64-1, not the limit
    refused(Op::keyed_try, At::millis, 2, Err::Overflow),                            // past 2^64-1: Overflow first
    refused(Op::would, At::millis, max, Err::Overflow),                              // asking too
    AdmissionRow{Op::charge, At::millis, 1, K::Exhausted, cl, max},                  // to 2^64-1 exactly
    refused(Op::attempt, At::millis, 0, Err::WouldExhaust),                          // exhausted: zero refused
    AdmissionRow{Op::status, At::millis, 0, K::Exhausted, no_cross, max},            // the worst is millis
    refused(Op::keyed_try, At::calls, max, Err::WouldExhaust),                       // UINT64_MAX on a small limit
    AdmissionRow{Op::keyed_try, At::calls, 1, K::Warn, cw, 1},                       // to the limit of 1
    refused(Op::charge, At::calls, max, Err::Overflow),                              // refused, not saturated
    AdmissionRow{Op::keyed_would, At::calls, max - 1, K::Exhausted, cl, 1},          // to 2^64-1 exactly
    AdmissionRow{Op::reset, At::tokens, 0, K::Continue, no_cross, 0},                // reset
    AdmissionRow{Op::attempt, At::tokens, max, K::Warn, cw, max},                    // fresh: 2^64-1 fits
};

/// Runs one row's operation on `b`; the outcome as a Result.
template <class B>
constexpr ChargeResult run_row(B& b, const AdmissionRow& row) noexcept {
    switch (row.op) {
        case Op::charge:
            return on_dim(row.dim, [&](auto d) { return as_result(b.template charge<decltype(d)>(row.amount)); });
        case Op::would:
            return on_dim(row.dim, [&](auto d) { return as_result(b.template would_charge<decltype(d)>(row.amount)); });
        case Op::attempt:
            return on_dim(row.dim, [&](auto d) { return b.template try_charge<decltype(d)>(row.amount); });
        case Op::keyed_would:
            return b.would_charge(key_at(row.dim), row.amount);
        case Op::keyed_try:
            return b.try_charge(key_at(row.dim), row.amount);
        case Op::status:
            return b.status();
        case Op::reset:
            b.reset();
            return b.status();
    }
    return b.status();
}

/// True when `r` is what `row` expects, given the totals before and after.
constexpr bool row_holds(const AdmissionRow& row, const ChargeResult& r, const std::array<std::uint64_t, 3>& before,
                         const std::array<std::uint64_t, 3>& after) noexcept {
    const bk::Dim key = key_at(row.dim);
    if (row.refused) {
        return !r.has_value() && r.error().kind() == row.error && r.error().dimension() == key && after == before;
    }
    if (!r.has_value()) {
        return false;
    }
    const bk::Verdict v = *r;
    const bool dim_ok = row.kind == K::Continue ? !v.dimension().has_value() : v.dimension() == key;
    const bool cross_ok = v.crossed_warn() == ((row.cross & cw) != 0) && v.crossed_limit() == ((row.cross & cl) != 0) &&
                          v.crossed() == (row.cross != no_cross);
    std::array<std::uint64_t, 3> expected = row.op == Op::reset ? std::array<std::uint64_t, 3>{} : before;
    expected.at(slot_at(row.dim)) = row.spent;
    return v.kind() == row.kind && dim_ok && cross_ok && after == expected;
}

/// Runs `table` on `budget`; the index of the first row whose outcome
/// differs, or N when every row holds.
template <class B, std::size_t N>
constexpr std::size_t first_admission_mismatch(B budget, const std::array<AdmissionRow, N>& table) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        const AdmissionRow& row = table.at(i);
        const std::array<std::uint64_t, 3> before = totals(budget);
        const ChargeResult r = run_row(budget, row);
        if (!row_holds(row, r, before, totals(budget))) {
            return i;
        }
    }
    return N;
}

}  // namespace bktest
