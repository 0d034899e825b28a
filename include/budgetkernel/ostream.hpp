// budgetkernel: operator<< for verdicts, keys, errors, reports, snapshots and
// budgets. Optional: the core headers never include it (nor <ostream>).
//
//     #include <budgetkernel/ostream.hpp>
//     std::cout << budget.charge<bk::Tokens>(85) << '\n';   // "warn on tokens"
//     std::cout << budget << '\n';   // "tokens 85/100 (warn 80, 15 left): warn on tokens; ..."
#pragma once

#include <cstddef>
#include <ostream>
#include <string_view>

#include "budget.hpp"
#include "detail/print.hpp"

namespace budgetkernel {

namespace detail {
struct OstreamSink {
    std::ostream& os;
    void operator()(std::string_view part) const { os << part; }
};
template <class T>
std::ostream& print_to(std::ostream& os, const T& value) {
    OstreamSink sink{os};
    print(sink, value);
    return os;
}
}  // namespace detail

/// `continue`, `warn on <dim>` or `exhausted on <dim>`.
inline std::ostream& operator<<(std::ostream& os, const Verdict& v) { return detail::print_to(os, v); }
/// The dimension's name.
inline std::ostream& operator<<(std::ostream& os, Dim key) { return detail::print_to(os, key); }
/// The error's message.
inline std::ostream& operator<<(std::ostream& os, const BuilderError& e) { return detail::print_to(os, e); }
/// The error's message.
inline std::ostream& operator<<(std::ostream& os, const ChargeError& e) { return detail::print_to(os, e); }
/// The error's message.
inline std::ostream& operator<<(std::ostream& os, const SnapshotError& e) { return detail::print_to(os, e); }
/// `<name> <spent>/<limit> ([warn <warn>, ]<remaining> left): <verdict>`.
inline std::ostream& operator<<(std::ostream& os, const DimensionReport& d) { return detail::print_to(os, d); }
/// Every row, separated by `; `.
template <std::size_t N>
std::ostream& operator<<(std::ostream& os, const Report<N>& r) {
    return detail::print_to(os, r);
}
/// The text form's pairs, `tokens=12 millis=40 calls=1`.
template <std::size_t N>
std::ostream& operator<<(std::ostream& os, const Snapshot<N>& s) {
    return detail::print_to(os, s);
}
/// The budget's report: every dimension, separated by `; `.
template <class Set, class Storage, class Overflow>
std::ostream& operator<<(std::ostream& os, const Budget<Set, Storage, Overflow>& b) {
    return detail::print_to(os, b.report());
}

}  // namespace budgetkernel
