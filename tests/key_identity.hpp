// Dimension types whose predefined-function text prints alike although they
// are distinct types, and a table of every pair's "same key?" answer, so that
// the same table is computed in constant evaluation and at run time.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

namespace bktest::identity {

namespace bk = budgetkernel;

// A class template over lambda-returned names: g++ prints every one of them
// as `Named<<lambda closure object><lambda()>()>`, clang++ as `Named<{}>`.
template <auto F>
struct Named {
    static constexpr std::string_view name = F();
};
using Alpha = Named<[] { return std::string_view{"alpha"}; }>;
using Beta = Named<[] { return std::string_view{"beta"}; }>;
using AlsoAlpha = Named<[] { return std::string_view{"alpha"}; }>;  // same name, another type

// Local classes as template arguments: clang++ prints them without their
// enclosing function, so both keys below print as `Tagged<Local>`.
template <class Tag>
struct Tagged {
    static constexpr std::string_view name = "tagged";
};
constexpr bk::Dim first_local_key() noexcept {
    struct Local {};
    return bk::dim<Tagged<Local>>;
}
constexpr bk::Dim second_local_key() noexcept {
    struct Local {};
    return bk::dim<Tagged<Local>>;
}

inline constexpr std::size_t key_count = 6;

constexpr std::array<bk::Dim, key_count> keys() noexcept {
    return {bk::dim<Alpha>,    bk::dim<Beta>,      bk::dim<AlsoAlpha>,
            first_local_key(), second_local_key(), bk::dim<bk::Tokens>};
}

/// Bit i*key_count+j: keys()[i] == keys()[j].
constexpr std::uint64_t equality_table() noexcept {
    std::uint64_t bits = 0;
    const auto k = keys();
    for (std::size_t i = 0; i < key_count; ++i) {
        for (std::size_t j = 0; j < key_count; ++j) {
            if (k.at(i) == k.at(j)) {
                bits |= std::uint64_t{1} << (i * key_count + j);
            }
        }
    }
    return bits;
}

/// The identity matrix: every key equals itself and nothing else.
constexpr std::uint64_t identity_matrix() noexcept {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < key_count; ++i) {
        bits |= std::uint64_t{1} << (i * key_count + i);
    }
    return bits;
}

using Set = bk::Dims<Alpha, Beta>;
template <class Storage>
using Budget = bk::Budget<Set, Storage>;

/// A keyed charge of 7 on Beta and of 1 on AlsoAlpha (outside the set): the
/// first must land on Beta alone, the second must be refused.
template <class B>
constexpr bool keyed_charges_hit_the_right_dimension() noexcept {
    B b = *B::builder().template limit<Alpha>(10).template limit<Beta>(10).build();
    const auto on_beta = b.charge(bk::dim<Beta>, 7U);
    const auto outside = b.charge(bk::dim<AlsoAlpha>, 1U);
    return on_beta.has_value() && b.template spent<Alpha>() == 0 && b.template spent<Beta>() == 7 &&
           !outside.has_value() && outside.error().kind() == bk::ChargeError::Kind::UnknownDimension &&
           !Set::has(bk::dim<AlsoAlpha>) && !Set::has(first_local_key()) && Set::has(bk::dim<Alpha>);
}

}  // namespace bktest::identity
