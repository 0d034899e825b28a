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
}  // namespace detail

/// Calls `f(boost::hana::type_c<D>)` for each dimension `D` of `Set`, in slot
/// order. Recover the type with `typename decltype(t)::type`.
///
/// @code
/// bk::for_each_dimension<Llm::dims>([&](auto t) {
///     using D = typename decltype(t)::type;
///     std::printf("%s: %llu left\n", D::name.data(), (unsigned long long)budget.remaining<D>());
/// });
/// @endcode
template <class Set, class F>
constexpr void for_each_dimension(F&& f) {
    static_assert(is_dims_v<Set>, "budgetkernel: for_each_dimension<Set> needs Set = bk::Dims<...>");
    boost::hana::for_each(detail::hana_types<Set>::value, static_cast<F&&>(f));
}

}  // namespace budgetkernel
