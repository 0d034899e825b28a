// budgetkernel: unsigned 64-bit decimal text, without the C library (no
// locale, no errno, usable in constant expressions).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace budgetkernel::detail {

/// Most digits of a std::uint64_t: 18446744073709551615.
inline constexpr std::size_t max_decimal_digits = 20;

/// The digits of `value`, most significant first, held by value.
class Decimal {
public:
    constexpr explicit Decimal(std::uint64_t value) noexcept {
        std::size_t start = max_decimal_digits;
        do {
            --start;
            digits_.at(start) = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        start_ = start;
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept {
        return std::string_view{digits_.data(), digits_.size()}.substr(start_);
    }

private:
    std::array<char, max_decimal_digits> digits_{};
    std::size_t start_ = 0;
};

}  // namespace budgetkernel::detail
