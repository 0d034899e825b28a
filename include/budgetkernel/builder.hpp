// budgetkernel: the builders — typed (Builder) and runtime-keyed (KeyedBuilder).
#pragma once

#include <cstdint>
#include <optional>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/bind.hpp>
#include <boost/mp11/list.hpp>

#include "amount.hpp"
#include "configuration.hpp"
#include "dim.hpp"
#include "errors.hpp"
#include "result.hpp"
#include "slot.hpp"

namespace budgetkernel {

template <class B>
class KeyedBuilder;

namespace detail {

// Function templates called for their failure, as in detail/diagnostics.hpp.
template <class D, class Set>
constexpr void dimension_is_declared_twice() noexcept {
    static_assert(dependent_false<D, Set>, "budgetkernel: dimension is declared twice in this builder");
}

template <class D, class Set>
constexpr void dimension_has_no_limit() noexcept {
    static_assert(dependent_false<D, Set>,
                  "budgetkernel: build() called before every dimension of the set has a limit; this one has none");
}

template <class Set, class Declared>
using first_undeclared = boost::mp11::mp_first<boost::mp11::mp_push_back<
    boost::mp11::mp_remove_if_q<typename Set::list, boost::mp11::mp_bind_front<boost::mp11::mp_contains, Declared>>,
    void>>;

template <class B>
[[nodiscard]] constexpr Result<B, BuilderError> build(const Declaration<typename B::dims>& decl) noexcept {
    const auto config = Configuration<typename B::dims>::from(decl);
    if (!config) {
        return config.error();
    }
    return B{*config};
}

}  // namespace detail

/// The typed builder: `B::builder().limit<Tokens>(100).limit_with_warn<Millis>(50, 40).build()`.
///
/// Its type records which dimensions have been declared, so that declaring a
/// dimension outside the set, declaring one twice, or calling build() with
/// one missing does not compile. Value errors (a zero limit, a warn threshold
/// not below its limit) come back from build(); when the chain is a constant
/// expression, `static_assert(result.has_value())` checks them at compile time.
///
/// A runtime-keyed call (`limit(Dim, ...)`) hands over to a KeyedBuilder.
template <class B, class Declared = boost::mp11::mp_list<>>
class Builder {
    using Set = typename B::dims;

public:
    constexpr Builder() noexcept = default;

    /// Declares `D` with `limit` and no warn threshold.
    template <class D>
    [[nodiscard]] constexpr auto limit(Amount limit) const noexcept {
        return declare<D>(limit.value(), std::nullopt);
    }

    /// Declares `D` with `limit` and a warn threshold `warn` (must be < limit).
    template <class D>
    [[nodiscard]] constexpr auto limit_with_warn(Amount limit, Amount warn) const noexcept {
        return declare<D>(limit.value(), warn.value());
    }

    /// Runtime-keyed declaration; continues as a KeyedBuilder.
    [[nodiscard]] constexpr KeyedBuilder<B> limit(Dim key, Amount limit) const noexcept {
        return KeyedBuilder<B>{decl_}.limit(key, limit);
    }

    /// Runtime-keyed declaration with a warn threshold; continues as a KeyedBuilder.
    [[nodiscard]] constexpr KeyedBuilder<B> limit_with_warn(Dim key, Amount limit, Amount warn) const noexcept {
        return KeyedBuilder<B>{decl_}.limit_with_warn(key, limit, warn);
    }

    /// The budget, or the first value error (per dimension in set order:
    /// ZeroLimit, then WarnNotBelowLimit).
    [[nodiscard]] constexpr Result<B, BuilderError> build() const noexcept {
        using Missing = detail::first_undeclared<Set, Declared>;
        // A missing non-dimension is left to the set's own error about it.
        if constexpr (!std::is_void_v<Missing> && Dimension<Missing>) {
            detail::dimension_has_no_limit<Missing, Set>();
        }
        return detail::build<B>(decl_);
    }

private:
    template <class, class>
    friend class Builder;

    constexpr explicit Builder(const detail::Declaration<Set>& decl) noexcept : decl_(decl) {}

    template <class D>
    [[nodiscard]] constexpr auto declare(std::uint64_t limit, std::optional<std::uint64_t> warn) const noexcept {
        if constexpr (!Set::template contains<D>) {
            detail::require_member<D, Set>();
            return *this;
        } else if constexpr (boost::mp11::mp_contains<Declared, D>::value) {
            detail::dimension_is_declared_twice<D, Set>();
            return *this;
        } else {
            detail::Declaration<Set> next = decl_;
            next.declare(Slot<Set>::template of<D>(), limit, warn);
            return Builder<B, boost::mp11::mp_push_back<Declared, D>>{next};
        }
    }

    detail::Declaration<Set> decl_{};
};

/// The runtime-keyed builder, for configuration read at run time. Every call
/// returns a KeyedBuilder, so a loop can assign each result back to one
/// variable:
///
/// @code
/// auto b = Llm::keyed_builder();
/// for (const auto& e : entries) { b = b.limit(e.key, e.limit); }
/// auto built = b.build();
/// @endcode
///
/// build() reports, in this order: the first dimension declared twice
/// (DuplicateDimension); the first key outside the set (UnknownDimension);
/// then per dimension in set order MissingLimit, ZeroLimit, WarnNotBelowLimit.
/// A repeated declaration keeps the first value; an unknown key is recorded
/// and otherwise ignored. Nothing is lost silently: build() fails.
template <class B>
class KeyedBuilder {
    using Set = typename B::dims;

public:
    constexpr KeyedBuilder() noexcept = default;
    constexpr explicit KeyedBuilder(const detail::Declaration<Set>& decl) noexcept
        : decl_(decl), called_(decl.declared) {}

    /// A builder that starts from `base`'s limits and thresholds: every
    /// dimension is declared, and each call overrides one dimension (its
    /// limit and its threshold; `limit` alone leaves it without one). Two
    /// calls on one dimension are still DuplicateDimension; the result is
    /// validated like any other. `Budget::keyed_builder(base)` returns one.
    ///
    /// @code
    /// auto tenant = Llm::keyed_builder(defaults).limit(bk::dim<bk::Tokens>, 50'000).build();
    /// @endcode
    constexpr explicit KeyedBuilder(const Configuration<Set>& base) noexcept {
        for (const Slot<Set> s : Slot<Set>::all()) {
            decl_.declare(s, base.limit(s), base.warn(s));
        }
    }

    [[nodiscard]] constexpr KeyedBuilder limit(Dim key, Amount limit) const noexcept {
        return declare(key, limit.value(), std::nullopt);
    }

    [[nodiscard]] constexpr KeyedBuilder limit_with_warn(Dim key, Amount limit, Amount warn) const noexcept {
        return declare(key, limit.value(), warn.value());
    }

    /// Typed declaration on a keyed builder: `D` must be in the set (compile
    /// error otherwise); a repeat is reported by build().
    template <class D>
    [[nodiscard]] constexpr KeyedBuilder limit(Amount limit) const noexcept {
        return declare(Slot<Set>::template of<D>().key(), limit.value(), std::nullopt);
    }

    template <class D>
    [[nodiscard]] constexpr KeyedBuilder limit_with_warn(Amount limit, Amount warn) const noexcept {
        return declare(Slot<Set>::template of<D>().key(), limit.value(), warn.value());
    }

    [[nodiscard]] constexpr Result<B, BuilderError> build() const noexcept {
        if (has_duplicate_) {
            return BuilderError{BuilderError::Kind::DuplicateDimension, duplicate_};
        }
        if (has_unknown_) {
            return BuilderError{BuilderError::Kind::UnknownDimension, unknown_};
        }
        return detail::build<B>(decl_);
    }

private:
    [[nodiscard]] constexpr KeyedBuilder declare(Dim key, std::uint64_t limit,
                                                 std::optional<std::uint64_t> warn) const noexcept {
        KeyedBuilder next = *this;
        const std::optional<Slot<Set>> s = Slot<Set>::find(key);
        if (!s) {
            if (!next.has_unknown_) {
                next.unknown_ = key;
                next.has_unknown_ = true;
            }
        } else if ((next.called_ & detail::Declaration<Set>::bit(*s)) != 0) {
            if (!next.has_duplicate_) {
                next.duplicate_ = key;
                next.has_duplicate_ = true;
            }
        } else {
            next.called_ |= detail::Declaration<Set>::bit(*s);
            next.decl_.declare(*s, limit, warn);
        }
        return next;
    }

    // Plain flags rather than std::optional<Dim>: g++ 12 at -O2 reports a
    // false -Wmaybe-uninitialized when copying an empty optional of a class.
    // The keys start as the set's first key and are read only when flagged.
    detail::Declaration<Set> decl_{};
    std::uint64_t called_ = 0;  // bit i: a call declared slot i (a base configuration sets none)
    Dim duplicate_ = Set::keys.front();
    Dim unknown_ = Set::keys.front();
    bool has_duplicate_ = false;
    bool has_unknown_ = false;
};

}  // namespace budgetkernel
