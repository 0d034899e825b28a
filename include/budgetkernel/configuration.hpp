// budgetkernel: Configuration<Set>, the immutable half of a budget — limits
// and warn thresholds — and the validation that makes one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

#include "errors.hpp"
#include "result.hpp"
#include "slot.hpp"
#include "verdict.hpp"

namespace budgetkernel {

template <class Set>
class Configuration;

namespace detail {

// What a builder has collected so far; not yet validated.
template <class Set>
struct Declaration {
    std::array<std::uint64_t, Set::size> limits{};
    std::array<std::uint64_t, Set::size> warns{};
    std::uint64_t declared = 0;   // bit i: slot i has a limit
    std::uint64_t with_warn = 0;  // bit i: slot i has a warn threshold

    [[nodiscard]] static constexpr std::uint64_t bit(Slot<Set> s) noexcept { return std::uint64_t{1} << s.index(); }
    [[nodiscard]] constexpr bool has(Slot<Set> s) const noexcept { return (declared & bit(s)) != 0; }

    constexpr void declare(Slot<Set> s, std::uint64_t limit, std::optional<std::uint64_t> warn) noexcept {
        at(limits, s) = limit;
        declared |= bit(s);
        if (warn) {
            at(warns, s) = *warn;
            with_warn |= bit(s);
        } else {
            with_warn &= ~bit(s);  // an override may drop a base threshold
        }
    }
};

}  // namespace detail

/// Limits and warn thresholds for every dimension of `Set`, validated: each
/// limit is > 0 and each warn threshold, where there is one, is < its limit.
/// Only `from` (used by both builders) makes one, so every Configuration that
/// exists is valid. It never changes, so several ledgers may share one.
template <class Set>
class Configuration {
public:
    /// Validates a declaration in the order of the SPEC: per dimension, in
    /// the set's order, MissingLimit, then ZeroLimit, then WarnNotBelowLimit.
    [[nodiscard]] static constexpr Result<Configuration, BuilderError> from(
        const detail::Declaration<Set>& d) noexcept {
        Configuration config;
        for (const Slot<Set> s : Slot<Set>::all()) {
            const Dim key = s.key();
            const std::uint64_t limit = detail::at(d.limits, s);
            if (!d.has(s)) {
                return BuilderError{BuilderError::Kind::MissingLimit, key};
            }
            if (limit == 0) {
                return BuilderError{BuilderError::Kind::ZeroLimit, key};
            }
            const bool has_warn = (d.with_warn & detail::Declaration<Set>::bit(s)) != 0;
            if (has_warn && detail::at(d.warns, s) >= limit) {
                return BuilderError{BuilderError::Kind::WarnNotBelowLimit, key};
            }
            detail::at(config.limits_, s) = limit;
            detail::at(config.warns_, s) = has_warn ? detail::at(d.warns, s) : no_warn;
        }
        return config;
    }

    [[nodiscard]] constexpr std::uint64_t limit(Slot<Set> s) const noexcept { return detail::at(limits_, s); }

    [[nodiscard]] constexpr std::optional<std::uint64_t> warn(Slot<Set> s) const noexcept {
        const std::uint64_t w = detail::at(warns_, s);
        if (w == no_warn) {
            return std::nullopt;
        }
        return w;
    }

    /// What is left of `s`'s limit once `spent` is spent: 0 at or past it.
    [[nodiscard]] constexpr std::uint64_t remaining(Slot<Set> s, std::uint64_t spent) const noexcept {
        const std::uint64_t limit = detail::at(limits_, s);
        return spent >= limit ? 0 : limit - spent;
    }

    /// The verdict for `spent` on slot `s`: Exhausted above the limit, else
    /// Warn above the warn threshold, else Continue. No crossing flags: this
    /// judges a state, not a charge.
    [[nodiscard]] constexpr Verdict judge(Slot<Set> s, std::uint64_t spent) const noexcept {
        return judge(s, spent, spent, s.key());
    }

    /// The verdict of a change of `s`'s total from `before` to `after`:
    /// judged on `after`, with the crossing flags set where `before` was at or
    /// below a threshold that `after` is above.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): before and after read in time order, as everywhere
    [[nodiscard]] constexpr Verdict judge(Slot<Set> s, std::uint64_t before, std::uint64_t after) const noexcept {
        return judge(s, before, after, s.key());
    }

    /// `judge(s, before, after)` for a caller that holds `s`'s key.
    /// Precondition: `key == s.key()`.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): before and after read in time order, as everywhere
    [[nodiscard, gnu::always_inline]] constexpr Verdict judge(Slot<Set> s, std::uint64_t before, std::uint64_t after,
                                                              Dim key) const noexcept {
        const std::uint64_t limit = detail::at(limits_, s);
        // "No threshold" is stored as 2^64-1, which no total exceeds, so
        // judging needs no branch on it.
        const std::uint64_t warn = detail::at(warns_, s);
        // Continue is the straight path and costs what judging alone costs;
        // the crossing flags are worked out only on the Warn and Exhausted
        // paths, behind a test that a steady state (a total already over the
        // threshold) answers the same way every time.
        if (after > limit) [[unlikely]] {
            if (before <= limit) [[unlikely]] {
                return Verdict{key, Verdict::code_of(Verdict::Kind::Exhausted, crossing(before, after, warn, limit))};
            }
            return Verdict{Verdict::Kind::Exhausted, key};
        }
        if (after > warn) [[unlikely]] {
            if (before <= warn) [[unlikely]] {
                return Verdict{key, Verdict::code_of(Verdict::Kind::Warn, Verdict::crossed_warn_bit)};
            }
            return Verdict{Verdict::Kind::Warn, key};
        }
        // The key goes with Continue too (where it is not observable): the
        // same key on every outcome is a constant, not a select between two.
        return Verdict{Verdict::Kind::Continue, key};
    }

    friend constexpr bool operator==(const Configuration&, const Configuration&) noexcept = default;

private:
    // The crossing flags of a change from `before` to `after`. A dimension
    // without a threshold (warn == 2^64-1, not below the limit) has none to
    // cross.
    [[nodiscard]] static constexpr std::uint8_t crossing(std::uint64_t before, std::uint64_t after, std::uint64_t warn,
                                                         std::uint64_t limit) noexcept {
        const bool over_limit = before <= limit && after > limit;
        const bool over_warn = before <= warn && after > warn && warn < limit;
        return static_cast<std::uint8_t>((over_limit ? Verdict::crossed_limit_bit : 0U) |
                                         (over_warn ? Verdict::crossed_warn_bit : 0U));
    }

    // A valid threshold is below a limit that is at most 2^64-1, so 2^64-1 is
    // free to mean "none", and judge() needs no branch on it.
    static constexpr std::uint64_t no_warn = std::numeric_limits<std::uint64_t>::max();

    constexpr Configuration() noexcept = default;

    std::array<std::uint64_t, Set::size> limits_{};
    std::array<std::uint64_t, Set::size> warns_{};
};

}  // namespace budgetkernel
