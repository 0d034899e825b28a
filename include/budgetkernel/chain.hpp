// budgetkernel: Chain — one charge against several budgets at once (a run
// inside a tenant inside a global budget).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "amount.hpp"
#include "budget.hpp"
#include "charge_result.hpp"
#include "detail/diagnostics.hpp"
#include "errors.hpp"
#include "overflow.hpp"
#include "result.hpp"
#include "transition.hpp"
#include "verdict.hpp"

namespace budgetkernel {

/// The verdict of a charge across a chain: the `worst` of the budgets'
/// verdicts, and which budget of the chain (its position, from 0) gave it —
/// on equal severity the first in chain order, as `worst` keeps its left
/// operand. Continue names no budget.
class ChainVerdict {
public:
    constexpr ChainVerdict() noexcept = default;
    constexpr ChainVerdict(Verdict verdict, std::size_t budget) noexcept : verdict_(verdict), budget_(budget) {}

    [[nodiscard]] constexpr Verdict verdict() const noexcept { return verdict_; }
    [[nodiscard]] constexpr Verdict::Kind kind() const noexcept { return verdict_.kind(); }
    /// The dimension of Warn or Exhausted; empty for Continue.
    [[nodiscard]] constexpr std::optional<Dim> dimension() const noexcept { return verdict_.dimension(); }
    /// The position in the chain of the budget that gave the verdict; empty for Continue.
    [[nodiscard]] constexpr std::optional<std::size_t> budget() const noexcept {
        if (verdict_.kind() == Verdict::Kind::Continue) {
            return std::nullopt;
        }
        return budget_;
    }
    [[nodiscard]] constexpr bool is_continuing() const noexcept { return verdict_.is_continuing(); }
    [[nodiscard]] constexpr bool is_exhausted() const noexcept { return verdict_.is_exhausted(); }

    /// `this` unless `other` is more severe (the left operand wins ties).
    [[nodiscard]] constexpr ChainVerdict worst(const ChainVerdict& other) const noexcept {
        return other.verdict_.kind() > verdict_.kind() ? other : *this;
    }

    friend constexpr bool operator==(const ChainVerdict& a, const ChainVerdict& b) noexcept {
        return a.verdict_ == b.verdict_ && a.budget() == b.budget();
    }

private:
    Verdict verdict_;
    std::size_t budget_ = 0;
};

/// Why a charge across a chain was refused: the budget's error
/// (WouldExhaust, Overflow) and that budget's position in the chain.
class ChainError {
public:
    constexpr ChainError(ChargeError error, std::size_t budget) noexcept : error_(error), budget_(budget) {}

    [[nodiscard]] constexpr ChargeError error() const noexcept { return error_; }
    [[nodiscard]] constexpr ChargeError::Kind kind() const noexcept { return error_.kind(); }
    [[nodiscard]] constexpr Dim dimension() const noexcept { return error_.dimension(); }
    [[nodiscard]] constexpr std::size_t budget() const noexcept { return budget_; }

    friend constexpr bool operator==(const ChainError&, const ChainError&) noexcept = default;

private:
    ChargeError error_;
    std::size_t budget_;
};

namespace detail {

template <class B>
struct is_budget : std::false_type {};
template <class Set, class S, class O>
struct is_budget<Budget<Set, S, O>> : std::true_type {};

// A chain's dimension must be in every budget: this names the dimension and
// the set that lacks it in the compiler's "required from" line.
template <class D, class Set>
struct require_in_chain {
    static_assert(dependent_false<D, Set>, "budgetkernel: dimension is not in the set of every budget of this chain");
    static constexpr bool value = true;
};

// One error for each set of the chain that lacks D, and nothing else: the
// chain's operations compile no charge at all when D is missing somewhere.
template <class D, class Set>
constexpr void require_in_chain_budget() noexcept {
    if constexpr (!Set::template contains<D>) {
        static_cast<void>(require_in_chain<D, Set>::value);
    }
}

template <class D, class... Set>
constexpr void require_in_every_chain_budget() noexcept {
    (require_in_chain_budget<D, Set>(), ...);
}

}  // namespace detail

/// A fixed list of budgets (different types and dimension sets allowed)
/// charged together: a run's own cap, its tenant's budget, a global one.
/// Holds pointers; the budgets must outlive the chain. No heap, and the
/// length is fixed at compile time. Budgets on AtomicStorage may be shared
/// with other threads and other chains.
///
/// - `charge<D>(amount)`: charges every budget, in chain order; the verdict
///   is the worst, naming the budget and the dimension. Under a budget with
///   `Checked` overflow the result is a Result: the first refusal (with its
///   budget) is the error, every charge that fits is recorded, as the
///   checkpoint does.
/// - `try_charge<D>(amount)`: all or nothing. Each budget in turn admits the
///   amount (as `try_charge<D>` would) or refuses it; at the first refusal
///   the admissions already made are returned and the error names that
///   budget. Shared budgets may see a transient hold (see docs/DESIGN.md,
///   "Shared budgets").
/// - `D` missing from any budget of the chain is a compile error.
///
/// @code
/// bk::Chain chain{run, tenant, global};
/// auto r = chain.try_charge<bk::Tokens>(1200);
/// if (!r) { /* r.error().budget(): which one said no */ }
/// @endcode
template <class... B>
class Chain {
    static_assert(sizeof...(B) >= 1, "budgetkernel: a chain needs at least one budget");
    static_assert((detail::is_budget<B>::value && ...), "budgetkernel: a chain holds bk::Budget<...> objects");

    static constexpr bool any_refuses = (refuses_overflow_v<typename B::overflow_policy> || ...);

public:
    /// What `charge<D>` returns: ChainVerdict, or a Result when a budget of
    /// the chain refuses overflow.
    using charge_result = std::conditional_t<any_refuses, Result<ChainVerdict, ChainError>, ChainVerdict>;
    using try_result = Result<ChainVerdict, ChainError>;

    constexpr explicit Chain(B&... budgets) noexcept : budgets_(&budgets...) {}

    static constexpr std::size_t size = sizeof...(B);

    template <class D>
    [[nodiscard]] constexpr charge_result charge(detail::amount_for<D> amount) noexcept {
        if constexpr (!in_every<D>) {
            detail::require_in_every_chain_budget<D, typename B::dims...>();
            return ChainVerdict{};
        } else {
            return charge_each<D>(amount.value(), std::index_sequence_for<B...>{});
        }
    }

    template <class D>
    [[nodiscard]] constexpr try_result try_charge(detail::amount_for<D> amount) noexcept {
        if constexpr (!in_every<D>) {
            detail::require_in_every_chain_budget<D, typename B::dims...>();
            return ChainVerdict{};
        } else {
            return admit_from<D, 0>(amount.value());
        }
    }

    /// The budget at position `I`.
    template <std::size_t I>
    [[nodiscard]] constexpr auto& at() const noexcept {
        return *std::get<I>(budgets_);
    }

private:
    template <class D>
    static constexpr bool in_every = (B::dims::template contains<D> && ...);

    template <class D, std::size_t... I>
    constexpr charge_result charge_each(std::uint64_t amount, std::index_sequence<I... /*positions*/>) noexcept {
        ChainVerdict worst;
        std::optional<ChainError> first_error;
        (charge_one<D, I>(amount, worst, first_error), ...);
        if constexpr (any_refuses) {
            if (first_error) {
                return *first_error;
            }
        }
        return worst;
    }

    template <class D, std::size_t I>
    constexpr void charge_one(std::uint64_t amount, ChainVerdict& worst,
                              std::optional<ChainError>& first_error) noexcept {
        const auto r = std::get<I>(budgets_)->template charge<D>(amount);
        if constexpr (std::is_same_v<std::remove_cv_t<decltype(r)>, Verdict>) {
            worst = worst.worst(ChainVerdict{r, I});
        } else if (r) {
            worst = worst.worst(ChainVerdict{*r, I});
        } else if (!first_error) {
            first_error = ChainError{r.error(), I};
        }
    }

    // Admits at budget I, then the rest; a refusal further on takes back
    // the hold made here as a multi-dimension try_charge takes back its own
    // (the exact earlier total when nothing else changed it), so a refused
    // chain leaves every budget as it found it. A budget on a shared
    // storage whose hold cannot be refused (a saturating policy and a limit
    // of 2^64-1: Budget::admits_every) holds only once
    // every later budget has admitted, so that its hold, which may saturate,
    // is never taken back: as in a multi-dimension try_charge, a saturated
    // total shared with other threads cannot tell its own hold from theirs.
    template <class D, std::size_t I>
    constexpr try_result admit_from(std::uint64_t amount) noexcept {
        if constexpr (I == sizeof...(B)) {
            return ChainVerdict{};
        } else {
            auto& budget = *std::get<I>(budgets_);
            if (budget.template admits_every<D>()) {
                const try_result rest = admit_from<D, I + 1>(amount);
                if (!rest) {
                    return rest;
                }
                // Admitted whatever the total (admits_every), and never taken
                // back: a plain single-dimension admission, no window.
                return ChainVerdict{*budget.template try_charge<D>(amount), I}.worst(*rest);
            }
            Transition t{};
            std::uint32_t generation = 0;
            const auto held = budget.template hold<D>(amount, t, generation);
            if (!held) {
                return ChainError{held.error(), I};
            }
            const try_result rest = admit_from<D, I + 1>(amount);
            if (!rest) {
                budget.template unhold<D>(generation, t, amount);
                return rest;
            }
            return ChainVerdict{*held, I}.worst(*rest);
        }
    }

    std::tuple<B*...> budgets_;
};

template <class... B>
Chain(B&...) -> Chain<B...>;

}  // namespace budgetkernel
