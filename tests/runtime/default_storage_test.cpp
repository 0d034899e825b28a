// The Meson option default_storage reaches the code through the dependency.
#include <doctest/doctest.h>

#include "support.hpp"

#ifndef BKTEST_EXPECT_DEFAULT_SAFE
#error "tests/meson.build passes BKTEST_EXPECT_DEFAULT_SAFE=0 or 1"
#endif

TEST_CASE("DefaultStorage is the policy the build chose") {
    constexpr bool safe = std::is_same_v<bk::DefaultStorage, bk::SafeStorage>;
    CHECK(safe == (BKTEST_EXPECT_DEFAULT_SAFE == 1));
    CHECK(std::is_same_v<bk::Budget<bk::Dims<bk::Tokens>>::storage_policy, bk::DefaultStorage>);
    CHECK(std::is_same_v<bk::Budget<bk::Dims<bk::Tokens>>::overflow_policy, bk::Saturate>);
}
