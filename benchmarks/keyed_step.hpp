// budgetkernel benchmarks: the keyed list of one checkpoint step, shared by
// the list checkpoint (keyed_lists.cpp) and the list admission
// (keyed_admission_lists.cpp).
#pragma once

#include <array>
#include <cstdint>

#include "fixtures.hpp"
#include "harness.hpp"

namespace bench {

// The three entries of a step, keys and amounts opaque one by one, as the
// keyed checkpoint of charge_cases.hpp passes them.
[[gnu::always_inline]] inline std::array<bk::KeyedAmount, 3> step(std::uint64_t a) {
    return {{{opaque(bk::dim<bk::Tokens>), a},
             {opaque(bk::dim<bk::Millis>), opaque(a)},
             {opaque(bk::dim<bk::Calls>), opaque(a)}}};
}

}  // namespace bench
