// budgetkernel/redis: Reservation, an estimate held on a Redis-backed budget
// until it is settled with the actual amounts or released.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "../amount.hpp"
#include "../slot.hpp"
#include "../verdict.hpp"
#include "error.hpp"
#include "result.hpp"

namespace budgetkernel::redis {

/// The handle `Budget::reserve` returns: move-only; the hold itself is
/// recorded on the server under a random id, so settling or releasing it is
/// idempotent there — repeating one after a lost reply answers NotHeld rather
/// than refunding twice.
///
/// Exactly the kernel's `bk::Reservation` rules (reservation.hpp):
/// - `settle(actuals...)`: each total becomes what it would be had the actual
///   been charged instead of the estimate (a refund never goes below 0, and a
///   total saturated at 2^64-1 stays there; an extra is charged as `charge`
///   would; under Checked an extra that would overflow is refused as
///   Overflow for its dimension, whose estimate stays recorded). After the
///   budget's reset(): Stale, nothing changes.
/// - `release()`, or destroying an open reservation: the whole estimate back
///   (after a reset: nothing, reported as Stale).
/// - A second settle/release: NotHeld, nothing changes.
/// - When the reserve call's reply was lost (OutcomeUnknown), the hold may
///   exist: `release()` (and the destructor) still returns it if it does.
template <class B, std::size_t N>
class Reservation {
public:
    Reservation(Reservation&& other) noexcept
        : budget_(std::exchange(other.budget_, nullptr)),
          slots_(other.slots_),
          id_(std::move(other.id_)),
          generation_(std::move(other.generation_)),
          admission_(std::move(other.admission_)),
          state_(std::exchange(other.state_, State::Closed)) {}
    Reservation& operator=(Reservation&&) = delete;
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;

    /// Releases an open hold (errors are dropped: use release() to see them).
    ~Reservation() {
        if (state_ != State::Closed) {
            static_cast<void>(release());
        }
    }

    /// True when the estimate was admitted and is held.
    explicit operator bool() const noexcept { return admission_.has_value(); }
    /// The admission verdict (Continue or Warn); precondition: admitted.
    [[nodiscard]] Verdict verdict() const noexcept { return *admission_; }
    /// Why the reservation was refused (WouldExhaust, Overflow, a fault);
    /// precondition: not admitted.
    [[nodiscard]] const Error& error() const noexcept { return admission_.error(); }
    /// True while the hold is (or, after a lost reply, may be) on the server.
    [[nodiscard]] bool is_open() const noexcept { return state_ != State::Closed; }

    /// Replaces the estimates by the actual amounts (in the order of
    /// `reserve`'s dimensions) and returns the worst verdict after settling.
    template <std::convertible_to<Amount>... A>
        requires(sizeof...(A) == N)
    Result<Verdict> settle(A... actuals) { return finish(std::array<std::uint64_t, N>{Amount{actuals}.value()...}); }

    /// Returns the whole estimate to the budget.
    Result<Done> release() {
        auto r = finish(std::array<std::uint64_t, N>{});
        if (!r) {
            return r.error();
        }
        return Done{};
    }

private:
    friend B;
    enum class State : std::uint8_t { Open, Unknown, Closed };
    using Slot_ = Slot<typename B::dims>;

    Reservation(B& budget, std::array<Slot_, N> slots, std::string id, std::string generation,
                Result<Verdict> admission)
        : budget_(&budget),
          slots_(slots),
          id_(std::move(id)),
          generation_(std::move(generation)),
          admission_(std::move(admission)),
          state_(admission_ ? State::Open : (admission_.error().outcome_unknown() ? State::Unknown : State::Closed)) {}

    Result<Verdict> finish(const std::array<std::uint64_t, N>& amounts) {
        if (state_ == State::Closed || budget_ == nullptr) {
            return Error{Error::Kind::NotHeld, "the reservation is not held; nothing changed", slots_.front().key()};
        }
        const auto steps = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return std::array<typename B::Step, N>{typename B::Step{slots_[I], amounts[I]}...};
        }
        (std::make_index_sequence<N>{});
        // An unknown reserve has no known generation: '*' settles whatever
        // hold exists (a reset in between removed it: NotHeld).
        auto r = budget_->settle_steps(id_, state_ == State::Unknown ? std::string{"*"} : generation_, steps);
        if (r || r.error().is_refusal()) {  // settled, or nothing left to settle
            state_ = State::Closed;
        }
        return r;
    }

    B* budget_;
    std::array<Slot_, N> slots_;
    std::string id_;
    std::string generation_;
    Result<Verdict> admission_;
    State state_;
};

}  // namespace budgetkernel::redis
