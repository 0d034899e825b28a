// budgetkernel: dimension types — the resources a budget counts.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace budgetkernel {

/// Longest name a dimension may carry. Bounding it keeps every error message
/// in a fixed-size buffer (no heap) without ever truncating a name.
inline constexpr std::size_t max_dimension_name_length = 48;

namespace detail {

constexpr bool is_name_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

constexpr bool is_valid_dimension_name(std::string_view name) noexcept {
    if (name.empty() || name.size() > max_dimension_name_length) {
        return false;
    }
    for (const char c : name) {
        if (!is_name_char(c)) {
            return false;
        }
    }
    return true;
}

}  // namespace detail

/// A dimension is a class type with a constant `static constexpr
/// std::string_view name` of 1 to 48 characters drawn from `[A-Za-z0-9_.-]`
/// (so names survive a whitespace-separated configuration file and read well
/// in messages).
///
/// @code
/// struct GpuSeconds { static constexpr std::string_view name = "gpu_seconds"; };
/// static_assert(budgetkernel::Dimension<GpuSeconds>);
/// @endcode
template <class D>
concept Dimension = std::is_class_v<D> && requires {
    { D::name } -> std::convertible_to<std::string_view>;
    // Substitution fails (rather than erroring) when `name` is not a constant.
    typename std::bool_constant<detail::is_valid_dimension_name(D::name)>;
} && detail::is_valid_dimension_name(D::name);

// The standard tags have default visibility even in code compiled with
// -fvisibility=hidden: a key's identity is an object instantiated for its
// dimension type, and GCC and clang give that object the visibility of the
// type, so a hidden tag would give every shared object its own key.

/// Model tokens consumed.
struct [[gnu::visibility("default")]] Tokens {
    static constexpr std::string_view name = "tokens";
};
/// Elapsed milliseconds, measured by the caller.
struct [[gnu::visibility("default")]] Millis {
    static constexpr std::string_view name = "millis";
};
/// Bytes transferred or produced.
struct [[gnu::visibility("default")]] Bytes {
    static constexpr std::string_view name = "bytes";
};
/// Calls made (requests, tool invocations, steps).
struct [[gnu::visibility("default")]] Calls {
    static constexpr std::string_view name = "calls";
};
/// Memory, in whatever unit the caller measures.
struct [[gnu::visibility("default")]] Memory {
    static constexpr std::string_view name = "memory";
};
/// Caller-defined unit number 0.
struct [[gnu::visibility("default")]] Custom0 {
    static constexpr std::string_view name = "custom0";
};
/// Caller-defined unit number 1.
struct [[gnu::visibility("default")]] Custom1 {
    static constexpr std::string_view name = "custom1";
};
/// Caller-defined unit number 2.
struct [[gnu::visibility("default")]] Custom2 {
    static constexpr std::string_view name = "custom2";
};

}  // namespace budgetkernel
