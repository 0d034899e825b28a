// budgetkernel: the text of verdicts, keys, errors, reports and budgets, handed
// piece by piece to a sink — the one mechanism below ostream.hpp and fmt.hpp.
// No I/O here: a sink is any callable taking std::string_view.
#pragma once

#include <cstddef>
#include <string_view>

#include "../dim.hpp"
#include "../errors.hpp"
#include "../report.hpp"
#include "../snapshot.hpp"
#include "../verdict.hpp"
#include "decimal.hpp"

namespace budgetkernel::detail {

// `continue`, `warn on tokens`, `exhausted on tokens`.
template <class Sink>
constexpr void print(Sink& out, const Verdict& v) {
    out(to_string(v.kind()));
    if (const auto d = v.dimension()) {
        out(" on ");
        out(d->name());
    }
}

template <class Sink>
constexpr void print(Sink& out, Dim key) {
    out(key.name());
}

template <class Sink, class Error>
    requires requires(const Error& e) { e.message().view(); }
constexpr void print(Sink& out, const Error& e) {
    const auto m = e.message();
    out(m.view());
}

// `tokens 85/100 (warn 80, 15 left): warn on tokens`.
template <class Sink>
constexpr void print(Sink& out, const DimensionReport& d) {
    out(d.name);
    out(" ");
    out(Decimal{d.spent}.view());
    out("/");
    out(Decimal{d.limit}.view());
    out(" (");
    if (d.warn) {
        out("warn ");
        out(Decimal{*d.warn}.view());
        out(", ");
    }
    out(Decimal{d.remaining}.view());
    out(" left): ");
    print(out, d.verdict);
}

// The rows of a report, separated by "; ".
template <class Sink, std::size_t N>
constexpr void print(Sink& out, const Report<N>& r) {
    bool first = true;
    for (const DimensionReport& d : r) {
        if (!first) {
            out("; ");
        }
        first = false;
        print(out, d);
    }
}

// The text form's pairs: `tokens=12 millis=40 calls=1`.
template <class Sink, std::size_t N>
constexpr void print(Sink& out, const Snapshot<N>& s) {
    bool first = true;
    for (const SnapshotEntry& e : s.used()) {
        if (!first) {
            out(" ");
        }
        first = false;
        out(e.has_valid_name() ? e.name_view() : std::string_view{"?"});
        out("=");
        out(Decimal{e.spent}.view());
    }
}

}  // namespace budgetkernel::detail
