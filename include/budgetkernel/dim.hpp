// budgetkernel: runtime keys naming a dimension type.
#pragma once

#include <string_view>
#include <type_traits>

#include "dimension.hpp"

namespace budgetkernel {

class Verdict;

namespace detail {

struct DimInfo {
    std::string_view name;
    std::string_view type_identity;
};

// A string naming the type `D` itself, distinct for distinct types.
template <class D>
constexpr std::string_view type_identity() noexcept {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-array-to-pointer-decay): the predefined name is a char array; its view carries the length
    return {__PRETTY_FUNCTION__, sizeof(__PRETTY_FUNCTION__) - 1};
}

// One object per dimension type; its address is the dimension's identity.
// Default visibility, so that a program and its shared libraries agree on it
// under -fvisibility=hidden; the object still takes the visibility of `D`
// when `D` is hidden (see "Keys across shared objects" in docs/DESIGN.md).
template <Dimension D>
[[gnu::visibility("default")]] inline constexpr DimInfo dim_info{D::name, type_identity<D>()};

}  // namespace detail

/// A runtime key for a dimension type, for code that learns at run time which
/// dimension it means (configuration files, protocol fields).
///
/// Keys are cheap to copy, usable in constant expressions, and compare equal
/// exactly when they name the same dimension type. Obtain one with
/// `budgetkernel::dim<D>` or by name through `Dims<...>::find`.
///
/// @code
/// constexpr budgetkernel::Dim k = budgetkernel::dim<budgetkernel::Tokens>;
/// static_assert(k.name() == "tokens");
/// @endcode
class Dim {
public:
    /// The key of dimension type `D`.
    template <Dimension D>
    [[nodiscard]] static constexpr Dim of() noexcept {
        return Dim{&detail::dim_info<D>};
    }

    /// The dimension's name, e.g. `"tokens"`.
    [[nodiscard]] constexpr std::string_view name() const noexcept { return info_->name; }

    /// True when both keys name the same dimension type.
    friend constexpr bool operator==(Dim a, Dim b) noexcept {
        if (std::is_constant_evaluated()) {
            // g++ will not fold a comparison of two distinct objects'
            // addresses in a constant expression under
            // -fno-delete-null-pointer-checks (which -fsanitize=null and
            // -fsanitize=undefined imply). Different identity strings prove
            // different types without comparing addresses. Equal strings do
            // not prove the same type (a template over lambdas, or clang's
            // local classes, print alike), so then the addresses decide, as
            // at run time: the same object folds everywhere, and two objects
            // that print alike stop the build under that g++ flag rather
            // than give a wrong answer.
            if (a.info_->type_identity != b.info_->type_identity) {
                return false;
            }
        }
        return a.info_ == b.info_;
    }

private:
    friend class Verdict;  // holds a key that is unset while it is Continue

    constexpr Dim() noexcept = default;
    constexpr explicit Dim(const detail::DimInfo* info) noexcept : info_(info) {}

    const detail::DimInfo* info_ = &detail::dim_info<Tokens>;
};

/// The runtime key of dimension type `D`, usable in constant expressions.
template <Dimension D>
inline constexpr Dim dim = Dim::of<D>();

}  // namespace budgetkernel
