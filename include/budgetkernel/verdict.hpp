// budgetkernel: Verdict, the answer to every charge.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>

#include "dim.hpp"

namespace budgetkernel {

template <class Set>
class Configuration;

/// What a charge (or a zero-amount poll) says about the budget: carry on,
/// carry on but a warn threshold is passed, or stop because a limit is passed.
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

    [[nodiscard]] constexpr Kind kind() const noexcept { return kind_; }

    /// The dimension a Warn or Exhausted verdict is about; empty for Continue.
    [[nodiscard]] constexpr std::optional<Dim> dimension() const noexcept {
        if (kind_ == Kind::Continue) {
            return std::nullopt;
        }
        return key_;
    }

    /// True unless Exhausted (a Warn still continues).
    [[nodiscard]] constexpr bool is_continuing() const noexcept { return kind_ != Kind::Exhausted; }
    [[nodiscard]] constexpr bool is_warning() const noexcept { return kind_ == Kind::Warn; }
    [[nodiscard]] constexpr bool is_exhausted() const noexcept { return kind_ == Kind::Exhausted; }

    /// The more severe of two verdicts; on equal severity `a`, the left one.
    /// Reducing a checkpoint's charges with it reports the first dimension
    /// that reached the worst state. It does not make the charges atomic.
    [[nodiscard]] static constexpr Verdict worst(Verdict a, Verdict b) noexcept { return b.kind_ > a.kind_ ? b : a; }

    /// Left fold of the binary `worst` over three or more verdicts.
    template <class... Rest>
        requires(sizeof...(Rest) >= 1 && (std::same_as<Rest, Verdict> && ...))
    [[nodiscard]] static constexpr Verdict worst(Verdict a, Verdict b, Rest... rest) noexcept {
        return worst(worst(a, b), rest...);
    }

    /// Same kind and, unless Continue, same dimension.
    friend constexpr bool operator==(Verdict a, Verdict b) noexcept {
        return a.kind_ == b.kind_ && (a.kind_ == Kind::Continue || a.key_ == b.key_);
    }

private:
    template <class Set>
    friend class Configuration;  // Configuration::judge makes a charge's verdict

    constexpr Verdict(Kind kind, Dim key) noexcept : kind_(kind), key_(key) {}

    Kind kind_ = Kind::Continue;
    // Not observable while Continue (dimension() is empty, == ignores it). A
    // charge's Continue carries the charged key anyway; see Configuration::judge.
    Dim key_{};
};

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
