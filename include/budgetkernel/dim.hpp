// budgetkernel: runtime keys naming a dimension type.
#pragma once

#include <string_view>

#include "dimension.hpp"

namespace budgetkernel {

class Verdict;

namespace detail {

struct DimInfo {
    std::string_view name;
};

// One object per dimension type; its address is the dimension's identity.
template <Dimension D>
inline constexpr DimInfo dim_info{D::name};

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

    friend constexpr bool operator==(Dim, Dim) noexcept = default;

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
