// budgetkernel: Reservation, an estimate held against a budget until the
// actual amount is known.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include "amount.hpp"
#include "charge_result.hpp"
#include "detail/diagnostics.hpp"
#include "dim.hpp"
#include "errors.hpp"
#include "verdict.hpp"

namespace budgetkernel {

/// An estimate of dimensions `D...` held against a budget of type `B`, made
/// by `B::reserve<D...>(estimates...)`: a move-only handle of fixed size (a
/// pointer, the amounts, the budget's reset generation and the outcome; no
/// heap).
///
/// `reserve` is a `try_charge`: all estimates are recorded, or none is. An
/// admitted reservation then settles once:
///  - `settle(actual...)`: each total becomes what it would be had `actual`
///    been charged instead of the estimate. A smaller actual returns the
///    difference; a larger one charges the extra as `charge<D>` would (it may
///    exhaust; under `Checked` it may be refused as Overflow, leaving the
///    estimate recorded). Returns the worst of the verdicts after settling, in
///    the order of `D...`.
///  - `release()`, or destroying the handle unsettled: every estimate is
///    returned.
///
/// Rules that keep the totals honest:
///  - A reservation settles or releases once. A second `settle`, or one on a
///    refused or moved-from handle, changes nothing and returns NotHeld; a
///    second `release` does nothing.
///  - Returning an amount never takes a total below 0. Under `Saturate` a
///    total at 2^64-1 stays there (a saturated total has lost count of what
///    it holds, so nothing can be taken back from it); under `Checked` no
///    total saturates, so one at 2^64-1 is exact and is refunded as usual.
///  - After `reset()` of the budget the estimate is already gone: settling
///    changes nothing and returns Stale, and releasing does nothing. The
///    actual amount of a call that straddles a reset is the caller's to
///    charge into the new window, if it wants to.
///  - The budget must outlive the handle (as a container outlives its
///    iterators); moving the budget leaves the handle pointing at the old one.
///  - Assigning to the budget (a copy, a move, a `restore`d snapshot) gives
///    it the other budget's totals and reset generation, which the handle
///    cannot tell from its own: settle or release before assigning (or
///    `keep()` the hold), as an iterator is not used across an assignment to
///    its container. A handle settled afterwards is judged as if made on the
///    new totals, or reports Stale when the two generations differ.
///
/// @code
/// auto held = budget.reserve<bk::Tokens>(4096);    // the request's maximum
/// if (!held) { /* held.error(): WouldExhaust — do not send */ }
/// const std::uint64_t used = send_request();
/// bk::Verdict v = *held.settle(used);               // the unused part comes back
/// @endcode
template <class B, class... D>
class [[nodiscard]] Reservation {
    static constexpr std::size_t size = sizeof...(D);

public:
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;

    /// Takes over `other`'s hold; `other` holds nothing afterwards.
    constexpr Reservation(Reservation&& other) noexcept
        : budget_(other.budget_),
          estimates_(other.estimates_),
          generation_(other.generation_),
          outcome_(other.outcome_) {
        other.budget_ = nullptr;
    }

    /// Releases what this handle holds, then takes over `other`'s hold.
    constexpr Reservation& operator=(Reservation&& other) noexcept {
        if (this != &other) {
            release();
            budget_ = other.budget_;
            estimates_ = other.estimates_;
            generation_ = other.generation_;
            outcome_ = other.outcome_;
            other.budget_ = nullptr;
        }
        return *this;
    }

    /// Releases the estimate unless it was settled or released.
    constexpr ~Reservation() { release(); }

    /// True when the reservation was admitted.
    [[nodiscard]] constexpr bool has_value() const noexcept { return outcome_.has_value(); }
    constexpr explicit operator bool() const noexcept { return outcome_.has_value(); }

    /// The verdict of admitting the estimates. Precondition: `has_value()`.
    [[nodiscard]] constexpr Verdict verdict() const noexcept { return *outcome_; }
    /// Why it was refused (WouldExhaust, Overflow). Precondition: `!has_value()`.
    [[nodiscard]] constexpr ChargeError error() const noexcept { return outcome_.error(); }

    /// True while the estimate is held: admitted, not yet settled, released
    /// or moved from (a reset of the budget does not change this; settling
    /// then reports Stale and uses the handle up, as any settle does).
    [[nodiscard]] constexpr bool held() const noexcept { return budget_ != nullptr; }

    /// The estimate held (or once held) for `X`, one of `D...`.
    template <class X>
    [[nodiscard]] constexpr std::uint64_t estimate() const noexcept {
        if constexpr ((std::is_same_v<X, D> || ...)) {
            return std::get<boost::mp11::mp_find<boost::mp11::mp_list<D...>, X>::value>(estimates_);
        } else {
            // One error, naming X and the reservation's dimensions.
            static_assert(detail::dependent_false<X, D...>, "budgetkernel: this reservation holds no such dimension");
            return 0;
        }
    }

    /// Settles with the actual amounts, one per dimension in the order of
    /// `D...`; see the class comment. NotHeld when nothing is held, Stale
    /// after a reset of the budget.
    constexpr Result<Verdict, ChargeError> settle(detail::amount_for<D>... actual) noexcept {
        if (budget_ == nullptr) {
            return ChargeError{ChargeError::Kind::NotHeld, first_key()};
        }
        B* const budget = budget_;
        budget_ = nullptr;
        return budget->template settle_held<D...>(generation_, estimates_, {actual.value()...});
    }

    /// Keeps the estimates as the amounts spent: what `settle(estimates...)`
    /// would leave, without touching the budget again. A no-op when nothing
    /// is held.
    constexpr void keep() noexcept { budget_ = nullptr; }

    /// Returns every estimate to the budget (nothing after a reset); a
    /// no-op when nothing is held.
    constexpr void release() noexcept {
        if (budget_ != nullptr) {
            B* const budget = budget_;
            budget_ = nullptr;
            budget->template release_held<D...>(generation_, estimates_);
        }
    }

private:
    friend B;

    // Admitted: `budget` non-null, `outcome` the admission verdict.
    constexpr Reservation(B* budget, const std::array<std::uint64_t, size>& estimates, std::uint32_t generation,
                          Result<Verdict, ChargeError> outcome) noexcept
        : budget_(budget), estimates_(estimates), generation_(generation), outcome_(outcome) {}

    [[nodiscard]] static constexpr Dim first_key() noexcept {
        return dim<boost::mp11::mp_first<boost::mp11::mp_list<D...>>>;
    }

    B* budget_;
    std::array<std::uint64_t, size> estimates_;
    std::uint32_t generation_;
    Result<Verdict, ChargeError> outcome_;
};

}  // namespace budgetkernel
