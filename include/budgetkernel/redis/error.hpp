// budgetkernel/redis: Error, why a call on a Redis-backed budget did not give
// a verdict — the kernel's refusals and the network's faults, as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../dim.hpp"
#include "../errors.hpp"

namespace budgetkernel::redis {

/// What went wrong. The first group are the kernel's own refusals (the same
/// kinds as `ChargeError`): the ledger is unchanged. The second group are
/// faults of the connection or the server.
class Error {
public:
    // The refusals come first, in ChargeError::Kind's order (checked below).
    enum class Kind : std::uint8_t {
        UnknownDimension,    ///< a key outside the budget's set; nothing changed
        Overflow,            ///< the sum would pass 2^64-1 (Checked); nothing changed
        WouldExhaust,        ///< try_charge/reserve refused: the total would pass the limit; nothing changed
        DuplicateDimension,  ///< a keyed multi-charge names a key twice; nothing changed
        NotHeld,             ///< the reservation is already settled or released; nothing changed
        Stale,               ///< the reservation was made before the last reset(); nothing changed
        InvalidName,         ///< a budget name or key prefix that cannot make a key with one hash tag
        ConnectionFailed,    ///< could not connect; nothing was sent
        ConnectionLost,      ///< the connection broke before the command was sent, or during a read-only call
        Timeout,             ///< no answer within the timeout: before sending, or during a read-only call
        OutcomeUnknown,      ///< a changing command was sent and no reply came: it may or may not have run
        BadReply,            ///< the server answered with a reply of the wrong shape
        ServerError,         ///< the server answered with an error (script error, cluster down, ...)
        TooManyRedirects,    ///< MOVED/ASK redirects did not settle within the configured bound
    };

    Error(Kind kind, std::string detail, std::optional<Dim> dimension = std::nullopt)
        : kind_(kind), detail_(std::move(detail)), dimension_(dimension) {}

    [[nodiscard]] Kind kind() const noexcept { return kind_; }
    /// The dimension a refusal names (the first in argument order), if any.
    [[nodiscard]] std::optional<Dim> dimension() const noexcept { return dimension_; }
    /// True for the kernel's refusals: the call reached the server (or did
    /// not need to) and certainly changed nothing.
    [[nodiscard]] bool is_refusal() const noexcept { return kind_ <= Kind::Stale; }
    /// The kernel's ChargeError for a refusal that names a dimension (the
    /// kinds are the same); empty for a fault.
    [[nodiscard]] std::optional<ChargeError> charge_error() const noexcept {
        if (!is_refusal() || !dimension_) {
            return std::nullopt;
        }
        return ChargeError{static_cast<ChargeError::Kind>(kind_), *dimension_};
    }
    /// True when a changing command may have run: do not repeat a charge
    /// blindly (settle/release can be repeated: a second one answers NotHeld).
    [[nodiscard]] bool outcome_unknown() const noexcept { return kind_ == Kind::OutcomeUnknown; }
    /// What happened, in words, e.g. "timed out after 200 ms waiting for a reply".
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }
    /// `budgetkernel-redis: <kind>: <detail>`.
    [[nodiscard]] std::string message() const {
        std::string m = "budgetkernel-redis: ";
        m += to_string(kind_);
        if (dimension_) {
            m += " on '";
            m += dimension_->name();
            m += "'";
        }
        if (!detail_.empty()) {
            m += ": ";
            m += detail_;
        }
        return m;
    }

    /// The enumerator's own name, e.g. `"OutcomeUnknown"`.
    [[nodiscard]] static constexpr std::string_view to_string(Kind k) noexcept {
        switch (k) {
            case Kind::UnknownDimension:
                return "UnknownDimension";
            case Kind::Overflow:
                return "Overflow";
            case Kind::WouldExhaust:
                return "WouldExhaust";
            case Kind::DuplicateDimension:
                return "DuplicateDimension";
            case Kind::NotHeld:
                return "NotHeld";
            case Kind::Stale:
                return "Stale";
            case Kind::InvalidName:
                return "InvalidName";
            case Kind::ConnectionFailed:
                return "ConnectionFailed";
            case Kind::ConnectionLost:
                return "ConnectionLost";
            case Kind::Timeout:
                return "Timeout";
            case Kind::OutcomeUnknown:
                return "OutcomeUnknown";
            case Kind::BadReply:
                return "BadReply";
            case Kind::ServerError:
                return "ServerError";
            case Kind::TooManyRedirects:
                break;
        }
        return "TooManyRedirects";
    }

private:
    Kind kind_;
    std::string detail_;
    std::optional<Dim> dimension_;
};

static_assert(static_cast<int>(Error::Kind::UnknownDimension) ==
                  static_cast<int>(ChargeError::Kind::UnknownDimension) &&
              static_cast<int>(Error::Kind::Overflow) == static_cast<int>(ChargeError::Kind::Overflow) &&
              static_cast<int>(Error::Kind::WouldExhaust) == static_cast<int>(ChargeError::Kind::WouldExhaust) &&
              static_cast<int>(Error::Kind::DuplicateDimension) ==
                  static_cast<int>(ChargeError::Kind::DuplicateDimension) &&
              static_cast<int>(Error::Kind::NotHeld) == static_cast<int>(ChargeError::Kind::NotHeld) &&
              static_cast<int>(Error::Kind::Stale) == static_cast<int>(ChargeError::Kind::Stale));

}  // namespace budgetkernel::redis
