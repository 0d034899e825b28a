// budgetkernel: KeyedAmount, one (key, amount) pair of a runtime-keyed
// multi-dimension charge.
#pragma once

#include "amount.hpp"
#include "dim.hpp"

namespace budgetkernel {

/// One entry of a runtime-keyed multi-dimension charge or admission, which
/// takes a `std::span` of them (a fixed-size array on the caller's side; no
/// heap).
///
/// @code
/// const std::array<bk::KeyedAmount, 2> step{{{bk::dim<bk::Tokens>, 1200}, {bk::dim<bk::Calls>, 1}}};
/// auto r = budget.try_charge(step);  // all or nothing
/// @endcode
// An aggregate: Amount has no default constructor, so every KeyedAmount is
// made with both members.
struct KeyedAmount {  // NOLINT(cppcoreguidelines-pro-type-member-init)
    Dim key;
    Amount amount;
};

}  // namespace budgetkernel
