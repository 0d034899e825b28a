// Dimension sets of every size, user-defined dimensions, iteration in order.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

namespace {
struct Pages {
    static constexpr std::string_view name = "pages";
};
struct Retries {
    static constexpr std::string_view name = "retries";
};
using Crawl = bk::Dims<Pages, bk::Bytes, Retries>;
}  // namespace

TEST_CASE_TEMPLATE("a one-dimension budget", S, BKTEST_STORAGES) {
    auto b = *bk::Budget<bk::Dims<GpuSeconds>, S>::builder().template limit_with_warn<GpuSeconds>(3600, 3000).build();
    CHECK(b.template charge<GpuSeconds>(3000).kind() == K::Continue);
    CHECK(b.template charge<GpuSeconds>(600) == bk::Verdict::warn(bk::dim<GpuSeconds>));
    CHECK(b.template charge<GpuSeconds>(1) == bk::Verdict::exhausted(bk::dim<GpuSeconds>));
    CHECK(refusal_of(b.charge(bk::dim<bk::Tokens>, 1u)).kind() == bk::ChargeError::Kind::UnknownDimension);
}

TEST_CASE_TEMPLATE("all eight standard dimensions, each independent", S, BKTEST_STORAGES) {
    using B = bk::Budget<bk::standard_dims, S>;
    auto builder = B::keyed_builder();
    std::uint64_t limit = 10;
    for (const bk::Dim key : bk::standard_dims::keys) {
        builder = builder.limit(key, limit++);
    }
    auto b = *builder.build();
    std::uint64_t expected_limit = 10;
    for (const bk::Dim key : bk::standard_dims::keys) {
        CHECK(b.charge(key, expected_limit).value() == bk::Verdict::proceed());
        CHECK(b.charge(key, 1u).value() == bk::Verdict::exhausted(key));
        CHECK(b.spent(key) == expected_limit + 1);
        ++expected_limit;
    }
}

TEST_CASE_TEMPLATE("user dimensions in a mixed set", S, BKTEST_STORAGES) {
    using B = bk::Budget<Crawl, S>;
    auto b = *B::builder().template limit<Pages>(2).template limit<bk::Bytes>(1000).template limit<Retries>(1).build();
    CHECK(B::find_dim("pages") == bk::dim<Pages>);
    CHECK(B::find_dim("retries") == bk::dim<Retries>);
    CHECK_FALSE(B::find_dim("tokens").has_value());
    CHECK(b.charge(*B::find_dim("pages"), 3u).value().is_exhausted());
}

// Sets of up to eight dimensions search for a key with a chain of
// comparisons; larger ones with a loop (slot.hpp). Every keyed operation must
// find every slot, first to last, on both sides of that line.
using Nine =
    bk::Dims<bk::Tokens, bk::Millis, bk::Bytes, bk::Calls, bk::Memory, bk::Custom0, bk::Custom1, Pages, Retries>;
using Ten = bk::Dims<bk::Tokens, bk::Millis, bk::Bytes, bk::Calls, bk::Memory, bk::Custom0, bk::Custom1, Pages, Retries,
                     bk::Custom2>;

// The largest set there is: 64 dimensions (a list's check keeps one bit per
// slot in 64 bits).
template <int I>
struct Numbered {
    static constexpr std::array<char, 2> text{static_cast<char>('a' + I / 26), static_cast<char>('a' + I % 26)};
    static constexpr std::string_view name{text.data(), text.size()};
};
template <int... I>
auto numbered(std::integer_sequence<int, I...> /*indices*/) -> bk::Dims<Numbered<I>...>;
using SixtyFour = decltype(numbered(std::make_integer_sequence<int, bk::max_dimensions>{}));

static_assert(bk::Slot<Ten>::find(bk::dim<bk::Custom2>)->index() == 9);
static_assert(bk::Slot<Ten>::find(bk::dim<bk::Tokens>)->index() == 0);
static_assert(!bk::Slot<Ten>::find(bk::dim<GpuSeconds>).has_value());
static_assert(bk::Slot<bk::standard_dims>::find(bk::dim<bk::Custom2>)->index() == 7);
static_assert(!bk::Slot<bk::standard_dims>::find(bk::dim<Pages>).has_value());
static_assert(bk::Slot<SixtyFour>::find(bk::dim<Numbered<63>>)->index() == 63);
static_assert(!bk::Slot<SixtyFour>::find(bk::dim<bk::Tokens>).has_value());
// Sets of up to eight dimensions are searched by a chain, larger ones by a
// loop; the sets above sit on both sides of that line.
static_assert(bk::Slot<bk::standard_dims>::searched_by_chain && !bk::Slot<Nine>::searched_by_chain);
static_assert(bk::Slot<Ten>::nth<9>() == *bk::Slot<Ten>::find(bk::dim<bk::Custom2>));
static_assert(bk::Slot<Crawl>::nth<1>() == bk::Slot<Crawl>::of<bk::Bytes>());

namespace {
template <class Set, class Storage>
void keyed_doors_find_every_slot() {
    // Slot i has the limit 10 + i; every key is charged to its limit, then
    // one more, through each keyed door.
    auto each = [](auto&& step) {
        for (std::size_t i = 0; i < Set::size; ++i) {
            step(i, Set::keys.at(i));
        }
    };
    auto make = [&] {
        auto builder = bk::Budget<Set, Storage>::keyed_builder();
        each([&](std::size_t i, bk::Dim key) { builder = builder.limit(key, 10 + i); });
        return *builder.build();
    };
    auto b = make();
    each([&](std::size_t i, bk::Dim key) {
        CHECK(bk::Slot<Set>::find(key)->index() == i);
        CHECK(b.would_charge(key, 11 + i).value() == bk::Verdict::exhausted(key));
        CHECK(refusal_of(b.try_charge(key, 11 + i)) == bk::ChargeError{bk::ChargeError::Kind::WouldExhaust, key});
        CHECK(b.try_charge(key, 10 + i).value() == bk::Verdict::proceed());
        CHECK(b.charge(key, 1u).value() == bk::Verdict::exhausted(key));
        CHECK(b.spent(key) == 11 + i);
    });
    CHECK(refusal_of(b.charge(bk::dim<GpuSeconds>, 1u)).kind() == bk::ChargeError::Kind::UnknownDimension);

    // The lists: every key once, in reverse order, charged and admitted as
    // the typed checkpoint would; then the last key again, refused first.
    auto list_of = [&](std::uint64_t amount) {
        std::vector<bk::KeyedAmount> list;
        for (std::size_t i = Set::size; i-- > 0;) {
            list.push_back({Set::keys.at(i), amount});
        }
        return list;
    };
    auto fresh = make();
    CHECK(fresh.try_charge(list_of(10)).value() == bk::Verdict::proceed());
    // Only slot 0 (limit 10) is now over its limit.
    CHECK(fresh.charge(list_of(1)).value() == bk::Verdict::exhausted(Set::keys.front()));
    each([&](std::size_t /*slot*/, bk::Dim key) { CHECK(fresh.spent(key) == 11); });
    const auto before = fresh;
    auto repeated = list_of(0);
    repeated.push_back({Set::keys.back(), 0u});
    const bk::ChargeError twice{bk::ChargeError::Kind::DuplicateDimension, Set::keys.back()};
    CHECK(refusal_of(fresh.charge(repeated)) == twice);
    CHECK(refusal_of(fresh.try_charge(repeated)) == twice);
    auto unknown = list_of(1);
    unknown.insert(unknown.begin() + 1, {bk::dim<GpuSeconds>, 1u});
    const bk::ChargeError outside{bk::ChargeError::Kind::UnknownDimension, bk::dim<GpuSeconds>};
    CHECK(refusal_of(fresh.charge(unknown)) == outside);
    CHECK(refusal_of(fresh.try_charge(unknown)) == outside);
    CHECK(fresh == before);
}
}  // namespace

TEST_CASE_TEMPLATE("keyed doors and keyed lists find every slot, up to eight dimensions and beyond", Set, Crawl,
                   bk::standard_dims, Nine, Ten, SixtyFour) {
    keyed_doors_find_every_slot<Set, bk::UnsafeStorage>();
    keyed_doors_find_every_slot<Set, bk::SafeStorage>();
    keyed_doors_find_every_slot<Set, bk::AtomicStorage>();
}

TEST_CASE("for_each_dimension visits the set in slot order") {
    std::vector<std::string> names;
    bk::for_each_dimension<Crawl>([&](auto t) {
        using D = typename decltype(t)::type;
        names.emplace_back(D::name);
    });
    CHECK(names == std::vector<std::string>{"pages", "bytes", "retries"});
}

TEST_CASE_TEMPLATE("for_each_dimension accepts a Budget type and walks its set", S, BKTEST_STORAGES) {
    std::vector<std::string> names;
    bk::for_each_dimension<bk::Budget<Crawl, S, bk::Checked>>([&](auto t) {
        using D = typename decltype(t)::type;
        names.emplace_back(D::name);
    });
    CHECK(names == std::vector<std::string>{"pages", "bytes", "retries"});
}

TEST_CASE("set members and slots") {
    CHECK(Crawl::size == 3);
    CHECK(Crawl::contains<Retries>);
    CHECK_FALSE(Crawl::contains<bk::Tokens>);
    CHECK(Crawl::index_of<Retries> == 2);
    CHECK(Crawl::has(bk::dim<bk::Bytes>));
    CHECK_FALSE(Crawl::has(bk::dim<bk::Tokens>));
    CHECK(bk::Slot<Crawl>::of<bk::Bytes>().index() == 1);
    CHECK(bk::Slot<Crawl>::find(bk::dim<Retries>)->key() == bk::dim<Retries>);
    CHECK_FALSE(bk::Slot<Crawl>::find(bk::dim<bk::Tokens>).has_value());
}
