// The uninitialised storage at run time: every slot reads 0 until stored, a
// clear hides every stored value, copies carry only what was stored. Run under
// valgrind memcheck by the CI matrix: any read of an unset slot is reported.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("slots read 0 until stored, and clear() forgets", N, std::integral_constant<std::size_t, 1>,
                   std::integral_constant<std::size_t, 3>, std::integral_constant<std::size_t, 8>,
                   std::integral_constant<std::size_t, 9>, std::integral_constant<std::size_t, 17>,
                   std::integral_constant<std::size_t, 33>, std::integral_constant<std::size_t, 64>) {
    constexpr std::size_t n = N::value;
    bk::detail::UninitializedSlots<n> slots;
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(slots.load(i) == 0);
    }
    for (std::size_t i = 0; i < n; i += 2) {
        slots.store(i, i + 1);
    }
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(slots.load(i) == (i % 2 == 0 ? i + 1 : 0));
    }
    const auto copy = slots;  // copies unset slots as bytes, never reads them as values
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(copy.load(i) == slots.load(i));
    }
    slots.clear();
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(slots.load(i) == 0);
        CHECK(copy.load(i) == (i % 2 == 0 ? i + 1 : 0));
    }
    slots.store(n - 1, max);
    CHECK(slots.load(n - 1) == max);
    auto assigned = copy;
    assigned = slots;
    CHECK(assigned.load(n - 1) == max);
    CHECK(assigned.load(0) == (n == 1 ? max : 0));
}

TEST_CASE("a budget with unset counters answers every query without reading them") {
    // Budgets built at run time start with uninitialised counters.
    volatile std::uint64_t limit = 10;
    auto built = bk::Budget<bk::standard_dims, bk::UnsafeStorage>::keyed_builder();
    for (const bk::Dim key : bk::standard_dims::keys) {
        built = built.limit(key, limit);
    }
    auto b = *built.build();
    for (const bk::Dim key : bk::standard_dims::keys) {
        CHECK(b.spent(key) == 0u);
        CHECK(b.remaining(key) == 10u);
    }
    CHECK(b.charge<bk::Custom2>(11).is_exhausted());
    CHECK(b.charge<bk::Custom1>(0).is_continuing());
    auto copy = b;
    copy.reset();
    CHECK(copy.spent<bk::Custom2>() == 0);
    CHECK(b.spent<bk::Custom2>() == 11);
}

TEST_CASE("presence masks are the narrowest that fit") {
    CHECK(sizeof(bk::detail::presence_mask_t<8>) == 1);
    CHECK(sizeof(bk::detail::presence_mask_t<9>) == 2);
    CHECK(sizeof(bk::detail::presence_mask_t<17>) == 4);
    CHECK(sizeof(bk::detail::presence_mask_t<33>) == 8);
}
