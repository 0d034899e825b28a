// budgetkernel: checked_build<F>() — a configuration built and validated while
// compiling, whose failure names the broken rule and the dimension.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "configuration.hpp"
#include "detail/diagnostics.hpp"
#include "dimension.hpp"
#include "errors.hpp"
#include "slot.hpp"

namespace budgetkernel {

namespace detail {

// A dimension name spelt as a template argument list, which both compilers
// print character by character: `dimension_name<'m', 'i', 'l', 'l', 'i', 's'>`.
template <char... C>
struct dimension_name {};

template <auto Make, std::size_t... I>
auto name_of_error(std::index_sequence<I...> /*chars*/) -> dimension_name<Make().error().dimension().name()[I]...>;

template <auto Make>
using error_dimension_name =
    decltype(name_of_error<Make>(std::make_index_sequence<Make().error().dimension().name().size()>{}));

// One template per rule: g++'s "required from" line and clang++'s quoted
// requirement name the rule (the template) and the dimension (its argument).
template <class Name>
struct zero_limit_on_dimension {
    static_assert(dependent_false<zero_limit_on_dimension>,
                  "budgetkernel: configuration: the dimension named below has a zero limit");
};
template <class Name>
struct warn_threshold_not_below_limit_on_dimension {
    static_assert(dependent_false<warn_threshold_not_below_limit_on_dimension>,
                  "budgetkernel: configuration: the dimension named below has a warn threshold not below its limit");
};
template <class Name>
struct no_limit_declared_for_dimension {
    static_assert(dependent_false<no_limit_declared_for_dimension>,
                  "budgetkernel: configuration: the dimension named below has no limit declared");
};
template <class Name>
struct dimension_declared_twice {
    static_assert(dependent_false<dimension_declared_twice>,
                  "budgetkernel: configuration: the dimension named below is declared twice");
};
template <class Name>
struct dimension_not_in_set {
    static_assert(dependent_false<dimension_not_in_set>,
                  "budgetkernel: configuration: the dimension named below is not in this budget's set");
};

template <BuilderError::Kind Kind, class Name>
struct rule_broken_on : dimension_not_in_set<Name> {};
template <class Name>
struct rule_broken_on<BuilderError::Kind::ZeroLimit, Name> : zero_limit_on_dimension<Name> {};
template <class Name>
struct rule_broken_on<BuilderError::Kind::WarnNotBelowLimit, Name> : warn_threshold_not_below_limit_on_dimension<Name> {
};
template <class Name>
struct rule_broken_on<BuilderError::Kind::MissingLimit, Name> : no_limit_declared_for_dimension<Name> {};
template <class Name>
struct rule_broken_on<BuilderError::Kind::DuplicateDimension, Name> : dimension_declared_twice<Name> {};

// Instantiated from checked_build's template parameter list, not its body,
// so that g++ reports the broken rule alone. (clang++ adds "no matching
// function for call to 'checked_build'" after it.)
template <auto Make, bool Valid = Make().has_value()>
struct configuration_check {
    static constexpr bool value = true;
};
template <auto Make>
struct configuration_check<Make, false> : rule_broken_on<Make().error().kind(), error_dimension_name<Make>> {
    static constexpr bool value = true;
};

}  // namespace detail

/// Runs `Make` (a lambda without captures that returns a builder's
/// `build()` result) while compiling and returns the budget. A configuration
/// that breaks a rule does not compile, and the message names the rule and
/// the dimension, e.g. `zero_limit_on_dimension<dimension_name<'m', 'i', 'l', 'l', 'i', 's'>>`.
///
/// @code
/// constexpr Llm defaults = bk::checked_build<[] {
///     return Llm::builder().limit<bk::Tokens>(1000).limit<bk::Millis>(0).build();  // does not compile
/// }>();
/// @endcode
template <auto Make, bool Checked = detail::configuration_check<Make>::value>
[[nodiscard]] consteval auto checked_build() noexcept {
    using B = typename decltype(Make())::value_type;
    constexpr auto built = Make();
    if constexpr (!built.has_value()) {
        // Not reached in a program that compiles (configuration_check failed);
        // a valid stand-in keeps that failure the only error.
        detail::Declaration<typename B::dims> ones{};
        for (const auto s : Slot<typename B::dims>::all()) {
            ones.declare(s, 1, std::nullopt);
        }
        return B{*Configuration<typename B::dims>::from(ones)};
    } else {
        return built.value();
    }
}

}  // namespace budgetkernel
