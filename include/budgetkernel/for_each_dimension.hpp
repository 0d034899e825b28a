// budgetkernel: for_each_dimension — visit a set's dimension types in order.
//
// The one place the library uses Boost.Hana: each dimension type is handed to
// the visitor as a `boost::hana::type<D>` value, so generic code can walk a
// budget's dimensions with an ordinary lambda.
#pragma once

#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>

#include "dims.hpp"

namespace budgetkernel {

namespace detail {
template <class Set>
struct hana_types;
template <class... D>
struct hana_types<Dims<D...>> {
    static constexpr auto value = boost::hana::tuple_t<D...>;
};

// A set itself, or the set of a type that names one as `dims` (a Budget).
template <class T>
struct dimension_set_of {
    using type = T;
};
template <class T>
    requires requires { typename T::dims; } && is_dims_v<typename T::dims>
struct dimension_set_of<T> {
    using type = typename T::dims;
};
}  // namespace detail

/// Calls `f(boost::hana::type_c<D>)` for each dimension `D` of `Set`, in slot
/// order. Recover the type with `typename decltype(t)::type`. `Set` is a
/// `Dims<...>` or a Budget type (whose `dims` is then walked).
///
/// @code
/// bk::for_each_dimension<Llm::dims>([&](auto t) {
///     using D = typename decltype(t)::type;
///     std::printf("%s: %llu left\n", D::name.data(), (unsigned long long)budget.remaining<D>());
/// });
/// @endcode
template <class Set, class F>
constexpr void for_each_dimension(F&& f) {
    using Dimensions = typename detail::dimension_set_of<Set>::type;
    static_assert(is_dims_v<Dimensions>,
                  "budgetkernel: for_each_dimension<Set> needs Set = bk::Dims<...> or a bk::Budget<...> type");
    boost::hana::for_each(detail::hana_types<Dimensions>::value, static_cast<F&&>(f));
}

}  // namespace budgetkernel
