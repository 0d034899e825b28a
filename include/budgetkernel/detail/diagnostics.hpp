// budgetkernel: compile-time checks whose failure messages users read.
//
// Each check is a template parameterised on the offending type(s) and the set
// involved, so that the compiler's "in instantiation of" line names them: a
// static_assert message cannot print a type before C++26.
//
// The checks named after a mistake are function templates called for their
// failure, not class templates read for a `::value`: clang++ marks a class
// whose static_assert failed as broken and reports every later use of it
// again ("incomplete definition", "not an integral constant expression"),
// while a function whose body failed can still be called. The callers return
// true regardless, so an assertion around them adds no second error.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/set.hpp>

#include "../dimension.hpp"

namespace budgetkernel::detail {

template <class... T>
inline constexpr bool dependent_false = false;

template <class D>
struct require_dimension {
    static constexpr bool is_a_dimension = Dimension<D>;
    static_assert(is_a_dimension,
                  "budgetkernel: this type is not a dimension: a dimension is a class with "
                  "`static constexpr std::string_view name` of 1-48 characters from [A-Za-z0-9_.-]");
    static constexpr bool value = true;
};

template <class D, class Set>
constexpr void dimension_is_listed_twice() noexcept {
    static_assert(dependent_false<D, Set>,
                  "budgetkernel: a dimension set (bk::Dims<...>) lists the same dimension twice");
}

template <class D, class Set>
constexpr void dimension_name_is_shared() noexcept {
    static_assert(dependent_false<D, Set>,
                  "budgetkernel: two dimensions of a dimension set (bk::Dims<...>) have the same name");
}

template <class D, class Set>
constexpr void dimension_is_named_twice_in_one_charge() noexcept {
    static_assert(dependent_false<D, Set>, "budgetkernel: a multi-dimension charge names the same dimension twice");
}

// Index of the first of `D...` that occurs again later, or sizeof...(D).
template <class... D>
constexpr std::size_t first_repeated_type() noexcept {
    constexpr std::array<bool, sizeof...(D)> repeats{
        (boost::mp11::mp_count<boost::mp11::mp_list<D...>, D>::value > 1)...};
    std::size_t i = 0;
    while (i < repeats.size() && !repeats.at(i)) {
        ++i;
    }
    return i;
}

// Index of the first of `D...` whose name another one repeats later.
template <class... D>
constexpr std::size_t first_shared_name() noexcept {
    constexpr std::array<std::string_view, sizeof...(D)> names{std::string_view{D::name}...};
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = i + 1; j < names.size(); ++j) {
            if (names.at(i) == names.at(j)) {
                return i;
            }
        }
    }
    return names.size();
}

// Fails, naming the first repeated type, when `D...` lists a type twice.
// `Set` is named only to appear in the diagnostic; it may be incomplete.
template <class Set, class... D>
constexpr bool require_distinct_types() noexcept {
    constexpr std::size_t at = first_repeated_type<D...>();
    if constexpr (at < sizeof...(D)) {
        dimension_is_listed_twice<boost::mp11::mp_at_c<boost::mp11::mp_list<D...>, at>, Set>();
    }
    return true;
}

// Fails, naming the first such dimension, when two of `D...` share a name.
// Only `Checkable` sets are compared: every member has a name and no type
// repeats, so a mistake reported by another check is not reported again.
template <bool Checkable, class Set, class... D>
constexpr bool require_distinct_names() noexcept {
    if constexpr (Checkable) {
        constexpr std::size_t at = first_shared_name<D...>();
        if constexpr (at < sizeof...(D)) {
            dimension_name_is_shared<boost::mp11::mp_at_c<boost::mp11::mp_list<D...>, at>, Set>();
        }
    }
    return true;
}

// Fails, naming the first repeated dimension, when one multi-dimension call
// (charge, try_charge, reserve) lists a dimension twice.
template <class Set, class... D>
constexpr void require_distinct_in_charge() noexcept {
    constexpr std::size_t at = first_repeated_type<D...>();
    if constexpr (at < sizeof...(D)) {
        dimension_is_named_twice_in_one_charge<boost::mp11::mp_at_c<boost::mp11::mp_list<D...>, at>, Set>();
    }
}

template <class D, class Set>
struct dimension_is_in_set {
    static constexpr bool value = Set::template contains<D>;
};

/// Fails to compile, naming `D` and `Set`, when a typed operation names a
/// dimension its budget does not count.
template <class D, class Set>
constexpr void require_member() noexcept {
    static_assert(dimension_is_in_set<D, Set>::value, "budgetkernel: dimension is not in this budget's set");
}

}  // namespace budgetkernel::detail
