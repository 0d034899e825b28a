// budgetkernel: Result<Verdict, ChargeError>, what every charge that can be
// refused returns, packed into 16 bytes so that it comes back in registers.
#pragma once

#include <cstdint>
#include <type_traits>

#include "dim.hpp"
#include "errors.hpp"
#include "result.hpp"
#include "verdict.hpp"

namespace budgetkernel {

namespace detail {

// Not constexpr: the packed Result calls it when a constant expression
// reads the side it does not hold, which stops the build there as reading
// the inactive member of the general Result's union does.
inline void read_of_a_side_not_held() noexcept {}

}  // namespace detail

/// The result of a keyed charge, a `Checked` charge, `try_charge`, `settle`:
/// a Verdict or a ChargeError. Both carry a key and a one-byte kind, so the
/// result stores one key and one byte: the verdict's kind and crossing flags,
/// or a flag and the error's kind: 16 bytes, trivially copyable, returned in two registers
/// on x86-64 and AArch64 (the general `Result` would need 24 bytes and come
/// back through memory).
///
/// The interface is the general `Result`'s, except that `value()`, `*r` and
/// `error()` return copies (there is no stored Verdict to refer to) and
/// `r->` goes through a small proxy. Reading the side that is not held is a
/// precondition violation, as for every Result; in a constant expression it
/// fails to compile.
///
/// @code
/// auto r = budget.try_charge<bk::Tokens>(500);
/// if (!r) { std::puts(r.error().message().c_str()); }
/// else if (r->is_warning()) { /* admitted, above the warn threshold */ }
/// @endcode
template <>
class [[nodiscard]] Result<Verdict, ChargeError> {
public:
    using value_type = Verdict;
    using error_type = ChargeError;

    /// What `operator->` returns: a Verdict held by value.
    class Arrow {
    public:
        constexpr const Verdict* operator->() const noexcept { return &verdict_; }

    private:
        friend class Result;
        constexpr explicit Arrow(Verdict v) noexcept : verdict_(v) {}
        Verdict verdict_;
    };

    constexpr Result(Verdict value) noexcept  // NOLINT(google-explicit-constructor): return a value directly
        : code_(value.code_), key_(value.key_) {}
    constexpr Result(ChargeError error) noexcept  // NOLINT(google-explicit-constructor): return an error directly
        : code_(static_cast<std::uint8_t>(error_bit | static_cast<std::uint8_t>(error.kind_))), key_(error.key_) {}

    [[nodiscard]] constexpr bool has_value() const noexcept { return (code_ & error_bit) == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// The verdict. Precondition: `has_value()`.
    [[nodiscard]] constexpr Verdict value() const noexcept { return verdict(); }
    [[nodiscard]] constexpr Verdict operator*() const noexcept { return verdict(); }
    [[nodiscard]] constexpr Arrow operator->() const noexcept { return Arrow{verdict()}; }

    /// The verdict, or `fallback` when this holds an error.
    [[nodiscard]] constexpr Verdict value_or(Verdict fallback) const noexcept {
        return has_value() ? verdict() : fallback;
    }

    /// The error. Precondition: `!has_value()`.
    [[nodiscard]] constexpr ChargeError error() const noexcept {
        if (std::is_constant_evaluated() && has_value()) {
            detail::read_of_a_side_not_held();
        }
        return ChargeError{static_cast<ChargeError::Kind>(code_ & error_kind_bits), key_};
    }

    friend constexpr bool operator==(const Result& a, const Result& b) noexcept {
        if (a.has_value() != b.has_value()) {
            return false;
        }
        return a.has_value() ? a.verdict() == b.verdict() : a.error() == b.error();
    }

private:
    [[nodiscard]] constexpr Verdict verdict() const noexcept {
        if (std::is_constant_evaluated() && !has_value()) {
            detail::read_of_a_side_not_held();
        }
        return Verdict{key_, code_};
    }

    // A Verdict's code never has this bit; an error's code is it plus the
    // error's kind. A verdict converts to a result without a single
    // instruction: the two are the same key and the same byte.
    static constexpr std::uint8_t error_bit = 0x80;
    static constexpr std::uint8_t error_kind_bits = 0x7f;

    std::uint8_t code_;
    Dim key_;
};

static_assert(sizeof(Result<Verdict, ChargeError>) <= 16 && std::is_trivially_copyable_v<Result<Verdict, ChargeError>>);

}  // namespace budgetkernel
