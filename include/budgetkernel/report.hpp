// budgetkernel: Report<N>, a per-dimension view of a budget — name, spent,
// limit, warn threshold, remaining and verdict — to iterate.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "configuration.hpp"
#include "dim.hpp"
#include "ledger.hpp"
#include "slot.hpp"
#include "verdict.hpp"

namespace budgetkernel {

/// One dimension of a budget, as it stands.
struct DimensionReport {
    Dim key;                            ///< the dimension's key
    std::string_view name;              ///< its name (static storage; outlives the report)
    std::uint64_t spent = 0;            ///< total spent
    std::uint64_t limit = 0;            ///< its limit
    std::optional<std::uint64_t> warn;  ///< its warn threshold, or empty
    std::uint64_t remaining = 0;        ///< `limit - spent`, or 0 once spent reaches the limit
    Verdict verdict;                    ///< what a zero charge on it would say now

    friend constexpr bool operator==(const DimensionReport&, const DimensionReport&) noexcept = default;
};

/// Every dimension of a budget in set order, taken at one moment: a plain
/// value (it does not follow later charges). Iterate it with a range-for.
///
/// @code
/// for (const bk::DimensionReport& d : budget.report()) {
///     std::printf("%.*s: %llu of %llu\n", int(d.name.size()), d.name.data(), ...);
/// }
/// @endcode
template <std::size_t N>
class Report {
public:
    using value_type = DimensionReport;
    using const_iterator = typename std::array<DimensionReport, N>::const_iterator;

    constexpr explicit Report(const std::array<DimensionReport, N>& rows) noexcept : rows_(rows) {}

    [[nodiscard]] constexpr const_iterator begin() const noexcept { return rows_.begin(); }
    [[nodiscard]] constexpr const_iterator end() const noexcept { return rows_.end(); }
    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
    /// Row `i`, in set order. Precondition: `i < size()` (checked: the last row otherwise).
    [[nodiscard]] constexpr const DimensionReport& operator[](std::size_t i) const noexcept {
        return rows_.at(i < N ? i : N - 1);
    }

    /// The row of `key`, or empty when it is not in the budget's set.
    [[nodiscard]] constexpr std::optional<DimensionReport> find(Dim key) const noexcept {
        for (const DimensionReport& r : rows_) {
            if (r.key == key) {
                return r;
            }
        }
        return std::nullopt;
    }

    friend constexpr bool operator==(const Report&, const Report&) noexcept = default;

private:
    std::array<DimensionReport, N> rows_;
};

namespace detail {

template <class Set, class Storage>
[[nodiscard]] constexpr DimensionReport report_row(const Configuration<Set>& config, const Ledger<Set, Storage>& ledger,
                                                   Slot<Set> s) noexcept {
    const std::uint64_t spent = ledger.spent(s);
    return DimensionReport{s.key(),
                           s.key().name(),
                           spent,
                           config.limit(s),
                           config.warn(s),
                           config.remaining(s, spent),
                           config.judge(s, spent)};
}

template <class Set, class Storage, std::size_t... I>
[[nodiscard]] constexpr std::array<DimensionReport, Set::size> report_rows(
    const Configuration<Set>& config, const Ledger<Set, Storage>& ledger,
    std::index_sequence<I...> /*slots*/) noexcept {
    constexpr std::array<Slot<Set>, Set::size> slots = Slot<Set>::all();
    return {report_row(config, ledger, std::get<I>(slots))...};
}

}  // namespace detail

/// The report of a configuration and a ledger (what `Budget::report()` returns).
template <class Set, class Storage>
[[nodiscard]] constexpr Report<Set::size> make_report(const Configuration<Set>& config,
                                                      const Ledger<Set, Storage>& ledger) noexcept {
    return Report<Set::size>{detail::report_rows(config, ledger, std::make_index_sequence<Set::size>{})};
}

}  // namespace budgetkernel
