// `refusal_of(r)`: the error of a result (or a reservation) that must have been
// refused. It fails the test case when `r` was admitted, so that a check on
// the error cannot pass on an admitted result whose bytes read as an error
// (the packed charge result keeps a verdict and an error in the same byte),
// and never reads the error of a result that holds a value.
#pragma once

#include <doctest/doctest.h>

namespace bktest {

template <class R>
[[nodiscard]] auto refusal_of(const R& r) {
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace bktest
