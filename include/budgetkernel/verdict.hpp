// budgetkernel: Verdict, the answer to every charge.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "dim.hpp"

namespace budgetkernel {

template <class Set>
class Configuration;
template <class T, class E>
class Result;

/// What a charge (or a zero-amount poll) says about the budget: carry on,
/// carry on but a warn threshold is passed, or stop because a limit is passed.
///
/// A charge's verdict also says whether that charge is the one that moved its
/// dimension over its warn threshold (`crossed_warn()`) or over its limit
/// (`crossed_limit()`), judged from the totals before and after it. Warn
/// still repeats on every charge above the threshold; the crossing flags are
/// set once, on the charge that crossed, so an alert can fire once without
/// the budget keeping any hidden state. Polls (`status()`, zero charges) never
/// cross. Equality ignores the flags: two verdicts are equal when they say the
/// same thing about the state.
///
/// @code
/// auto v = budget.charge<budgetkernel::Tokens>(120);
/// if (v.is_exhausted()) { /* stop; v.dimension()->name() says which */ }
/// @endcode
class Verdict {
public:
    /// Severity order: Continue < Warn < Exhausted.
    enum class Kind : std::uint8_t { Continue, Warn, Exhausted };

    /// Continue.
    constexpr Verdict() noexcept = default;

    /// Continue.
    [[nodiscard]] static constexpr Verdict proceed() noexcept { return Verdict{}; }
    /// Warn on `key`: its spent amount is above its warn threshold.
    [[nodiscard]] static constexpr Verdict warn(Dim key) noexcept { return Verdict{Kind::Warn, key}; }
    /// Exhausted on `key`: its spent amount is above its limit.
    [[nodiscard]] static constexpr Verdict exhausted(Dim key) noexcept { return Verdict{Kind::Exhausted, key}; }

    [[nodiscard]] constexpr Kind kind() const noexcept {
        return static_cast<Kind>((static_cast<unsigned>(code_) >> kind_shift) & kind_bits);
    }

    /// The dimension a Warn or Exhausted verdict is about; empty for Continue.
    [[nodiscard]] constexpr std::optional<Dim> dimension() const noexcept {
        if (kind() == Kind::Continue) {
            return std::nullopt;
        }
        return key_;
    }

    /// This charge moved its dimension from at or below its warn threshold to
    /// above it (always false for a dimension without a threshold).
    [[nodiscard]] constexpr bool crossed_warn() const noexcept { return (code_ & crossed_warn_bit) != 0; }
    /// This charge moved its dimension from at or below its limit to above it.
    [[nodiscard]] constexpr bool crossed_limit() const noexcept { return (code_ & crossed_limit_bit) != 0; }
    /// `crossed_warn() || crossed_limit()`.
    [[nodiscard]] constexpr bool crossed() const noexcept { return (code_ & crossing_mask) != 0; }

    /// True unless Exhausted (a Warn still continues).
    [[nodiscard]] constexpr bool is_continuing() const noexcept { return kind() != Kind::Exhausted; }
    [[nodiscard]] constexpr bool is_warning() const noexcept { return kind() == Kind::Warn; }
    [[nodiscard]] constexpr bool is_exhausted() const noexcept { return kind() == Kind::Exhausted; }

    /// The more severe of two verdicts; on equal severity `a`, the left one.
    /// Reducing a checkpoint's charges with it reports the first dimension
    /// that reached the worst state. It does not make the charges atomic.
    [[nodiscard, gnu::always_inline]] static constexpr Verdict worst(Verdict a, Verdict b) noexcept {
        // The kind sits above the crossing flags, so `b` is more severe
        // exactly when its byte is above `a`'s with every flag set.
        return b.code_ > (a.code_ | crossing_mask) ? b : a;
    }

    /// `Verdict::worst(*this, other)`: `a.worst(b).worst(c)` reduces left to
    /// right, whatever order the compiler evaluates function arguments in.
    [[nodiscard, gnu::always_inline]] constexpr Verdict worst(Verdict other) const noexcept {
        return worst(*this, other);
    }

    /// Left fold of the binary `worst` over three or more verdicts.
    template <class... Rest>
        requires(sizeof...(Rest) >= 1 && (std::same_as<Rest, Verdict> && ...))
    [[nodiscard, gnu::always_inline]] static constexpr Verdict worst(Verdict a, Verdict b, Rest... rest) noexcept {
        // A Continue's byte is 0: when every verdict after `a` continues,
        // `a` is the answer, found with one test instead of a compare and
        // two selects per verdict (the usual checkpoint).
        if ((b.code_ | ... | rest.code_) == 0) {
            return a;
        }
        return worst(worst(a, b), rest...);
    }

    /// Same kind and, unless Continue, same dimension.
    friend constexpr bool operator==(Verdict a, Verdict b) noexcept {
        return a.kind() == b.kind() && (a.kind() == Kind::Continue || a.key_ == b.key_);
    }

private:
    template <class Set>
    friend class Configuration;  // Configuration::judge makes a charge's verdict
    template <class T, class E>
    friend class Result;  // the packed Result<Verdict, ChargeError> stores the fields

    // The kind and the crossing flags share one byte: a charge's verdict
    // comes back as a key and a byte, and a Continue's byte is 0. The kind
    // sits above the flags, so bytes order as kinds do (worst compares them
    // directly). kind() masks the kind's two bits, so a byte with the
    // packed Result's error bit still reads as one of the three kinds.
    static constexpr std::uint8_t crossed_warn_bit = 1;
    static constexpr std::uint8_t crossed_limit_bit = 2;
    static constexpr std::uint8_t crossing_mask = crossed_warn_bit | crossed_limit_bit;
    static constexpr unsigned kind_shift = 2;
    static constexpr unsigned kind_bits = 3;

    // The byte of `kind` with the crossing flags `flags`.
    [[nodiscard]] static constexpr std::uint8_t code_of(Kind kind, std::uint8_t flags = 0) noexcept {
        return static_cast<std::uint8_t>((static_cast<unsigned>(kind) << kind_shift) | flags);
    }

    constexpr Verdict(Kind kind, Dim key) noexcept : code_(code_of(kind)), key_(key) {}
    constexpr Verdict(Dim key, std::uint8_t code) noexcept : code_(code), key_(key) {}

    // Not observable while Continue (dimension() is empty, == ignores it). A
    // charge's Continue carries the charged key anyway; see Configuration::judge.
    std::uint8_t code_ = 0;  // code_of(kind, crossed_warn_bit | crossed_limit_bit)
    Dim key_{};
};

static_assert(sizeof(Verdict) <= 16 && std::is_trivially_copyable_v<Verdict>);

/// `"continue"`, `"warn"` or `"exhausted"`.
[[nodiscard]] constexpr std::string_view to_string(Verdict::Kind kind) noexcept {
    switch (kind) {
        case Verdict::Kind::Warn:
            return "warn";
        case Verdict::Kind::Exhausted:
            return "exhausted";
        case Verdict::Kind::Continue:
            break;
    }
    return "continue";
}

}  // namespace budgetkernel
