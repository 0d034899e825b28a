// budgetkernel: Slot<Set>, a dimension's position in its set — the only kind
// of index the configuration and the counters accept.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/diagnostics.hpp"
#include "dim.hpp"
#include "dims.hpp"

namespace budgetkernel {

/// The position of one of `Set`'s dimensions. A Slot is made only from a
/// dimension type of the set (compile time) or from a key the set contains
/// (run time), so `index() < Set::size` holds for every Slot that exists.
template <class Set>
class Slot {
    static_assert(is_dims_v<Set>, "budgetkernel: Slot<Set> needs Set = bk::Dims<...>");

public:
    /// The slot of `D`; a compile error naming `D` and `Set` if `D` is not in `Set`.
    template <class D>
    [[nodiscard]] static constexpr Slot of() noexcept {
        if constexpr (Set::template contains<D>) {
            return Slot{Set::template index_of<D>};
        } else {
            detail::require_member<D, Set>();
            return Slot{0};
        }
    }

    /// The slot of `key`, or empty when `key` is not in `Set`. At most
    /// `Set::size` comparisons.
    [[nodiscard]] static constexpr std::optional<Slot> find(Dim key) noexcept {
        if (const Lookup found = lookup(key); found.known) {
            return found.slot;
        }
        return std::nullopt;
    }

    /// The answer of `lookup`: `key`'s slot and true, or slot 0 and false.
    struct Lookup {
        Slot slot;
        bool known;
    };

    /// `find` for hot paths (the runtime-keyed charge): the same search, with
    /// an answer that is fully initialised on both outcomes. g++ keeps the
    /// payload of a disengaged std::optional in memory, which costs a store
    /// and a reload on every lookup.
    [[nodiscard]] static constexpr Lookup lookup(Dim key) noexcept {
        for (std::size_t i = 0; i < Set::size; ++i) {
            if (Set::keys[i] == key) {  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): i < Set::size
                return {Slot{i}, true};
            }
        }
        return {Slot{0}, false};
    }

    /// `found(slot)` with `key`'s slot, or `missing()` when `key` is not in
    /// `Set`; both must return the same type. At most `Set::size`
    /// comparisons. For sets of up to 8 dimensions the search is a chain of
    /// comparisons each leading to its own call of `found` with a constant
    /// slot, so that once inlined every branch reaches its counter at a fixed
    /// offset, as the typed operations do; larger sets search with a loop.
    template <class Found, class Missing>
    [[nodiscard, gnu::always_inline]] static constexpr auto visit(Dim key, Found found, Missing missing) noexcept
        -> decltype(missing()) {
        if constexpr (searched_by_chain) {
            return visit_from<0>(key, found, missing);
        } else {
            if (const Lookup l = lookup(key); l.known) {
                return found(l.slot);
            }
            return missing();
        }
    }

    /// The slot at position `I` of the set.
    template <std::size_t I>
        requires(I < Set::size)
    [[nodiscard]] static constexpr Slot nth() noexcept { return Slot{I}; }

    /// Whether `visit` (and the keyed charges) search with a chain of
    /// comparisons, one per dimension (sets of up to 8), or with `lookup`.
    static constexpr bool searched_by_chain = Set::size <= 8;

    /// Every slot of the set, in order.
    [[nodiscard]] static constexpr std::array<Slot, Set::size> all() noexcept {
        return all_of(std::make_index_sequence<Set::size>{});
    }

    [[nodiscard]] constexpr std::size_t index() const noexcept { return index_; }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-constant-array-index): index_ < Set::size (class invariant)
    [[nodiscard]] constexpr Dim key() const noexcept { return Set::keys[index_]; }

    friend constexpr bool operator==(Slot, Slot) noexcept = default;

private:
    constexpr explicit Slot(std::size_t index) noexcept : index_(index) {}

    // Always inlined, as `visit` is: a keyed charge is a handful of
    // instructions once the chain is laid into its caller, and clang++ 14
    // otherwise keeps the chain out of line, passing the visitors through
    // memory (measured: twice the cost of a typed charge instead of 1.1x).
    template <std::size_t I, class Found, class Missing>
    [[nodiscard, gnu::always_inline]] static constexpr auto visit_from(Dim key, Found& found, Missing& missing) noexcept
        -> decltype(missing()) {
        if constexpr (I == Set::size) {
            return missing();
        } else {
            if (key == std::get<I>(Set::keys)) {
                return found(Slot{I});
            }
            return visit_from<I + 1>(key, found, missing);
        }
    }

    template <std::size_t... I>
    [[nodiscard]] static constexpr std::array<Slot, Set::size> all_of(std::index_sequence<I...> /*slots*/) noexcept {
        return {Slot{I}...};
    }

    std::size_t index_;
};

namespace detail {

/// Element `slot` of an array sized by the set; in range by Slot's invariant.
template <class Array, class Set>
[[nodiscard]] constexpr auto& at(Array& array, Slot<Set> slot) noexcept {
    static_assert(std::tuple_size_v<std::remove_const_t<Array>> == Set::size);
    return array[slot.index()];  // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index): index() < Set::size
}

}  // namespace detail

}  // namespace budgetkernel
