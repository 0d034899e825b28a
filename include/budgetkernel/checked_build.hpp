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

// One function template per rule: g++'s "in instantiation of" line and
// clang++'s "requested here" note name the rule (the template) and the
// dimension (its argument). Functions rather than class templates for the
// reason given in detail/diagnostics.hpp: the failure stays the only error.
template <class Name>
constexpr void zero_limit_on_dimension() noexcept {
    static_assert(dependent_false<Name>, "budgetkernel: configuration: the dimension named below has a zero limit");
}
template <class Name>
constexpr void warn_threshold_not_below_limit_on_dimension() noexcept {
    static_assert(dependent_false<Name>,
                  "budgetkernel: configuration: the dimension named below has a warn threshold not below its limit");
}
template <class Name>
constexpr void no_limit_declared_for_dimension() noexcept {
    static_assert(dependent_false<Name>,
                  "budgetkernel: configuration: the dimension named below has no limit declared");
}
template <class Name>
constexpr void dimension_declared_twice() noexcept {
    static_assert(dependent_false<Name>, "budgetkernel: configuration: the dimension named below is declared twice");
}
template <class Name>
constexpr void dimension_not_in_set() noexcept {
    static_assert(dependent_false<Name>,
                  "budgetkernel: configuration: the dimension named below is not in this budget's set");
}

// Called from checked_build's template parameter list, not its body, so that
// the broken rule is reported before anything in the body is looked at.
template <auto Make>
constexpr bool configuration_check() noexcept {
    if constexpr (!Make().has_value()) {
        using Name = error_dimension_name<Make>;
        constexpr BuilderError::Kind kind = Make().error().kind();
        if constexpr (kind == BuilderError::Kind::ZeroLimit) {
            zero_limit_on_dimension<Name>();
        } else if constexpr (kind == BuilderError::Kind::WarnNotBelowLimit) {
            warn_threshold_not_below_limit_on_dimension<Name>();
        } else if constexpr (kind == BuilderError::Kind::MissingLimit) {
            no_limit_declared_for_dimension<Name>();
        } else if constexpr (kind == BuilderError::Kind::DuplicateDimension) {
            dimension_declared_twice<Name>();
        } else {
            dimension_not_in_set<Name>();
        }
    }
    return true;
}

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
template <auto Make, bool Checked = detail::configuration_check<Make>()>
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
