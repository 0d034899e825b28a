// Dimension sets of every size, user-defined dimensions, iteration in order.
#include <doctest/doctest.h>

#include <string>
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
