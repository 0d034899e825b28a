// budgetkernel/redis: how a 64-bit total travels and is stored — exactly 16
// lowercase hex digits, which the ledger script splits into two 32-bit halves
// (Lua numbers are doubles; see src/redis/ledger.lua).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace budgetkernel::redis::detail {

/// `v` as 16 lowercase hex digits, most significant first.
[[nodiscard]] inline std::string hex16(std::uint64_t v) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i) {
        s[static_cast<std::size_t>(i)] = digits[v & 0xFU];
        v >>= 4U;
    }
    return s;
}

/// The value of exactly 16 lowercase hex digits; empty for anything else.
[[nodiscard]] constexpr std::optional<std::uint64_t> parse_hex16(std::string_view s) noexcept {
    if (s.size() != 16) {
        return std::nullopt;
    }
    std::uint64_t v = 0;
    for (const char c : s) {
        unsigned d = 0;
        if (c >= '0' && c <= '9') {
            d = static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            d = static_cast<unsigned>(c - 'a') + 10U;
        } else {
            return std::nullopt;
        }
        v = (v << 4U) | d;
    }
    return v;
}

}  // namespace budgetkernel::redis::detail
