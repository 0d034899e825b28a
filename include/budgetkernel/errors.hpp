// budgetkernel: BuilderError and ChargeError, and their messages.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dim.hpp"
#include "dimension.hpp"

namespace budgetkernel {

/// A human-readable error message held in a fixed buffer (no heap), e.g.
/// `budgetkernel: dimension 'tokens' has a zero limit`. Long enough for every
/// message with the longest allowed dimension name, so nothing is cut.
class ErrorMessage {
public:
    static constexpr std::size_t capacity = 128;

    /// `budgetkernel: dimension '<name>' <rule>`.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): called only by the error types, which pass (name, rule)
    constexpr ErrorMessage(std::string_view name, std::string_view rule) noexcept {
        append(prefix);
        append(name);
        append("' ");
        append(rule);
    }

    /// Longest rule text the library passes; checked against `capacity` below.
    static constexpr std::size_t max_rule_length = 48;

    /// The text. The view points into this object: keep the ErrorMessage alive
    /// while using it (`auto m = err.message(); use(m.view());`).
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_.data(), size_}; }
    /// Null-terminated, for C-style output.
    [[nodiscard]] constexpr const char* c_str() const noexcept { return text_.data(); }

private:
    constexpr void append(std::string_view part) noexcept {
        for (const char c : part) {
            if (size_ + 1 < capacity) {  // keep room for the terminator
                text_.at(size_) = c;
                ++size_;
            }
        }
    }

    static constexpr std::string_view prefix = "budgetkernel: dimension '";
    static_assert(prefix.size() + max_dimension_name_length + 2 + max_rule_length < capacity);

    std::array<char, capacity> text_{};
    std::size_t size_ = 0;
};

/// Why a builder refused to build a budget.
class BuilderError {
public:
    enum class Kind : std::uint8_t {
        DuplicateDimension,  ///< declared twice (the first dimension seen twice)
        ZeroLimit,           ///< a limit of 0
        WarnNotBelowLimit,   ///< a warn threshold >= its limit
        MissingLimit,        ///< a dimension of the set never declared
        UnknownDimension,    ///< a key outside the budget's set
    };

    constexpr BuilderError(Kind kind, Dim key) noexcept : kind_(kind), key_(key) {}

    [[nodiscard]] constexpr Kind kind() const noexcept { return kind_; }
    [[nodiscard]] constexpr Dim dimension() const noexcept { return key_; }

    /// E.g. `budgetkernel: dimension 'millis' has a warn threshold not below its limit`.
    [[nodiscard]] constexpr ErrorMessage message() const noexcept { return {key_.name(), rule()}; }

    friend constexpr bool operator==(BuilderError, BuilderError) noexcept = default;

private:
    [[nodiscard]] constexpr std::string_view rule() const noexcept {
        switch (kind_) {
            case Kind::DuplicateDimension:
                return "is declared twice";
            case Kind::ZeroLimit:
                return "has a zero limit";
            case Kind::WarnNotBelowLimit:
                return "has a warn threshold not below its limit";
            case Kind::MissingLimit:
                return "has no limit declared";
            case Kind::UnknownDimension:
                break;
        }
        return "is not in this budget's set";
    }

    Kind kind_;
    Dim key_;
};

/// Why a charge, an admission or a settlement was refused. A refused
/// operation changes nothing.
class ChargeError {
public:
    enum class Kind : std::uint8_t {
        UnknownDimension,    ///< a key outside the budget's set
        Overflow,            ///< the sum would pass 2^64-1 (Checked policy only)
        WouldExhaust,        ///< try_charge / reserve: the total would pass the limit
        DuplicateDimension,  ///< a keyed multi-dimension charge names a key twice
        NotHeld,             ///< a reservation already settled, released, moved from or refused
        Stale,               ///< a reservation made before the budget's last reset()
    };

    constexpr ChargeError(Kind kind, Dim key) noexcept : key_(key), kind_(kind) {}

    [[nodiscard]] constexpr Kind kind() const noexcept { return kind_; }
    [[nodiscard]] constexpr Dim dimension() const noexcept { return key_; }

    /// E.g. `budgetkernel: dimension 'bytes' is not in this budget's set`.
    [[nodiscard]] constexpr ErrorMessage message() const noexcept { return {key_.name(), rule()}; }

    friend constexpr bool operator==(ChargeError, ChargeError) noexcept = default;

private:
    template <class T, class E>
    friend class Result;  // the packed Result<Verdict, ChargeError> stores the fields

    [[nodiscard]] constexpr std::string_view rule() const noexcept {
        switch (kind_) {
            case Kind::Overflow:
                return "would overflow 2^64-1; the charge is refused";
            case Kind::WouldExhaust:
                return "would pass its limit; the charge is refused";
            case Kind::DuplicateDimension:
                return "is named twice in one charge; nothing charged";
            case Kind::NotHeld:
                return "has nothing held by this reservation";
            case Kind::Stale:
                return "was reset since this reservation was made";
            case Kind::UnknownDimension:
                break;
        }
        return "is not in this budget's set";
    }

    Dim key_;
    Kind kind_;
};

/// `"DuplicateDimension"`, ... — the enumerator's own name.
[[nodiscard]] constexpr std::string_view to_string(BuilderError::Kind kind) noexcept {
    switch (kind) {
        case BuilderError::Kind::DuplicateDimension:
            return "DuplicateDimension";
        case BuilderError::Kind::ZeroLimit:
            return "ZeroLimit";
        case BuilderError::Kind::WarnNotBelowLimit:
            return "WarnNotBelowLimit";
        case BuilderError::Kind::MissingLimit:
            return "MissingLimit";
        case BuilderError::Kind::UnknownDimension:
            break;
    }
    return "UnknownDimension";
}

/// `"UnknownDimension"`, `"Overflow"`, ... — the enumerator's own name.
[[nodiscard]] constexpr std::string_view to_string(ChargeError::Kind kind) noexcept {
    switch (kind) {
        case ChargeError::Kind::Overflow:
            return "Overflow";
        case ChargeError::Kind::WouldExhaust:
            return "WouldExhaust";
        case ChargeError::Kind::DuplicateDimension:
            return "DuplicateDimension";
        case ChargeError::Kind::NotHeld:
            return "NotHeld";
        case ChargeError::Kind::Stale:
            return "Stale";
        case ChargeError::Kind::UnknownDimension:
            break;
    }
    return "UnknownDimension";
}

}  // namespace budgetkernel
