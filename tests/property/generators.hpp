// Generators shared by the property tests: amounts biased towards the edges
// that matter, and valid three-dimension configurations.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "support.hpp"

namespace bktest::generators {

// Amounts biased towards the edges that matter.
inline rc::Gen<std::uint64_t> amount() {
    return rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(0, 200), rc::gen::arbitrary<std::uint64_t>(),
                          rc::gen::element<std::uint64_t>(0, 1, max - 1, max, 1ULL << 63));
}

// A 3-dimension budget from generated limits/warns (always valid).
struct Config {
    std::array<std::uint64_t, 3> limits;
    std::array<std::optional<std::uint64_t>, 3> warns;
};

inline rc::Gen<Config> config() {
    return rc::gen::exec([] {
        Config c{};
        for (std::size_t i = 0; i < 3; ++i) {
            c.limits.at(i) = *rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(1, 500),
                                             rc::gen::element<std::uint64_t>(1, max - 1, max));
            if (*rc::gen::arbitrary<bool>()) {
                c.warns.at(i) = *rc::gen::inRange<std::uint64_t>(0, c.limits.at(i));
            }
        }
        return c;
    });
}

template <class B>
B build(const Config& c) {
    auto b = B::keyed_builder();
    for (std::size_t i = 0; i < 3; ++i) {
        const bk::Dim key = Three::keys.at(i);
        b = c.warns.at(i) ? b.limit_with_warn(key, c.limits.at(i), *c.warns.at(i)) : b.limit(key, c.limits.at(i));
    }
    const auto r = b.build();
    RC_ASSERT(r.has_value());
    return *r;
}

}  // namespace bktest::generators
