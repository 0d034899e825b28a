// budgetkernel: Dims<D...>, the typelist of a budget's dimensions.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/set.hpp>

#include "detail/diagnostics.hpp"
#include "dim.hpp"
#include "dimension.hpp"

namespace budgetkernel {

namespace detail {

// The key that stands for `D`: `dim<D>`, or, for a type that is not a
// dimension (already reported: by require_dimension in a set, by
// require_member in a typed operation of a budget), the key of Tokens, so
// that `dim<D>` does not report the same mistake a second time.
template <class D>
inline constexpr Dim key_of = dim<std::conditional_t<Dimension<D>, D, Tokens>>;

}  // namespace detail

/// Most dimensions one budget may have (one presence bit each).
inline constexpr std::size_t max_dimensions = 64;

/// The set of dimensions a budget counts, in the order that fixes their slots
/// and the order in which the builder validates them.
///
/// Must be non-empty, list only `Dimension` types, list none twice and give
/// no two the same name; each rule is a compile error naming the culprit.
///
/// @code
/// using Llm = budgetkernel::Dims<budgetkernel::Tokens, budgetkernel::Millis>;
/// static_assert(Llm::contains<budgetkernel::Tokens> && Llm::index_of<budgetkernel::Millis> == 1);
/// @endcode
template <class... D>
struct Dims {
    static_assert(sizeof...(D) > 0, "budgetkernel: a dimension set (bk::Dims<...>) must list at least one dimension");
    static_assert(sizeof...(D) <= max_dimensions, "budgetkernel: a dimension set may list at most 64 dimensions");
    static_assert((detail::require_dimension<D>::value && ...));
    static_assert(detail::require_distinct_types<Dims, D...>());

private:
    // Names are compared only once every member is known to have one and no
    // type repeats, so that a single mistake gives a single error.
    static constexpr bool names_comparable =
        (Dimension<D> && ...) && detail::first_repeated_type<D...>() == sizeof...(D);
    static_assert(detail::require_distinct_names<names_comparable, Dims, D...>());

public:
    /// The dimension types as a Boost.Mp11 list.
    using list = boost::mp11::mp_list<D...>;

    /// Number of dimensions.
    static constexpr std::size_t size = sizeof...(D);

    /// True when `X` is one of this set's dimensions.
    template <class X>
    static constexpr bool contains = boost::mp11::mp_contains<list, X>::value;

    /// Slot of `X`, in declaration order. `X` must be in the set.
    template <class X>
        requires contains<X>
    static constexpr std::size_t index_of = boost::mp11::mp_find<list, X>::value;

    /// The runtime keys of the dimensions, in slot order.
    static constexpr std::array<Dim, size> keys{detail::key_of<D>...};

    /// The key of the dimension called `name`, or empty when no dimension of
    /// this set has that name. Bounded by `size` comparisons.
    [[nodiscard]] static constexpr std::optional<Dim> find(std::string_view name) noexcept {
        for (const Dim key : keys) {
            if (key.name() == name) {
                return key;
            }
        }
        return std::nullopt;
    }

    /// Whether `key` names a dimension of this set.
    [[nodiscard]] static constexpr bool has(Dim key) noexcept {
        for (const Dim k : keys) {
            if (k == key) {
                return true;
            }
        }
        return false;
    }
};

/// The eight standard dimensions, e.g. for `standard_dims::find("tokens")`.
using standard_dims = Dims<Tokens, Millis, Bytes, Calls, Memory, Custom0, Custom1, Custom2>;

/// True for specialisations of `Dims`.
template <class T>
inline constexpr bool is_dims_v = false;
template <class... D>
inline constexpr bool is_dims_v<Dims<D...>> = true;

}  // namespace budgetkernel
