// Building: value errors from both builders, and the order they are reported in.
#include <doctest/doctest.h>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

namespace {
using E = bk::BuilderError::Kind;
using B = Llm<bk::DefaultStorage>;
constexpr bk::Dim tokens = bk::dim<bk::Tokens>;
constexpr bk::Dim millis = bk::dim<bk::Millis>;
constexpr bk::Dim calls = bk::dim<bk::Calls>;

void check_error(const bk::Result<B, bk::BuilderError>& r, E kind, bk::Dim key) {
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r).kind() == kind);
    CHECK(refusal_of(r).dimension() == key);
}
}  // namespace

TEST_CASE("typed builder: a valid declaration builds with the given limits") {
    const auto r =
        B::builder().limit<bk::Tokens>(10).limit_with_warn<bk::Millis>(max, max - 1).limit<bk::Calls>(1).build();
    REQUIRE(r.has_value());
    CHECK(r->limit<bk::Tokens>() == 10);
    CHECK(r->limit<bk::Millis>() == max);
    CHECK(r->warn_threshold<bk::Millis>() == max - 1);
    CHECK_FALSE(r->warn_threshold<bk::Tokens>().has_value());
    CHECK(r->spent<bk::Calls>() == 0);
}

TEST_CASE("typed builder: declaration order does not matter") {
    const auto a = B::builder().limit<bk::Calls>(3).limit<bk::Tokens>(1).limit<bk::Millis>(2).build();
    const auto b = B::builder().limit<bk::Tokens>(1).limit<bk::Millis>(2).limit<bk::Calls>(3).build();
    REQUIRE(a.has_value());
    CHECK(a == b);
}

TEST_CASE("typed builder: value errors") {
    check_error(B::builder().limit<bk::Tokens>(0).limit<bk::Millis>(1).limit<bk::Calls>(1).build(), E::ZeroLimit,
                tokens);
    check_error(B::builder().limit<bk::Tokens>(1).limit_with_warn<bk::Millis>(5, 5).limit<bk::Calls>(1).build(),
                E::WarnNotBelowLimit, millis);
    check_error(B::builder().limit<bk::Tokens>(1).limit_with_warn<bk::Millis>(5, max).limit<bk::Calls>(1).build(),
                E::WarnNotBelowLimit, millis);
    check_error(B::builder().limit<bk::Tokens>(1).limit<bk::Millis>(1).limit_with_warn<bk::Calls>(0, 0).build(),
                E::ZeroLimit, calls);  // zero limit before warn-not-below-limit on one dimension
}

TEST_CASE("typed builder: errors are reported in the set's order, not the call order") {
    // calls is declared first and is wrong, but tokens comes first in the set.
    check_error(B::builder().limit<bk::Calls>(0).limit_with_warn<bk::Millis>(3, 9).limit<bk::Tokens>(0).build(),
                E::ZeroLimit, tokens);
    check_error(B::builder().limit<bk::Calls>(0).limit_with_warn<bk::Millis>(3, 9).limit<bk::Tokens>(7).build(),
                E::WarnNotBelowLimit, millis);
}

TEST_CASE("keyed builder: valid, in any order, assigned back in a loop") {
    const std::array<std::pair<std::string_view, std::uint64_t>, 3> config{
        {{"calls", 3}, {"tokens", 100}, {"millis", 50}}};
    auto builder = B::keyed_builder();
    for (const auto& [name, limit] : config) {
        const auto key = B::find_dim(name);
        REQUIRE(key.has_value());
        builder = builder.limit(*key, limit);
    }
    const auto r = builder.build();
    REQUIRE(r.has_value());
    CHECK(r->limit<bk::Calls>() == 3);
    CHECK(r == B::builder().limit<bk::Tokens>(100).limit<bk::Millis>(50).limit<bk::Calls>(3).build());
}

TEST_CASE("typed calls hand over to the keyed builder") {
    const auto r = B::builder().limit<bk::Tokens>(5).limit(millis, 6).limit<bk::Calls>(7).build();
    REQUIRE(r.has_value());
    CHECK(r->limit<bk::Millis>() == 6);
    check_error(B::builder().limit<bk::Tokens>(5).limit(tokens, 6).limit(millis, 6).limit(calls, 1).build(),
                E::DuplicateDimension, tokens);
}

TEST_CASE("keyed builder: each error kind") {
    check_error(B::keyed_builder().limit(tokens, 1).limit(millis, 1).build(), E::MissingLimit, calls);
    check_error(B::keyed_builder().build(), E::MissingLimit, tokens);
    check_error(B::keyed_builder().limit(tokens, 1).limit(millis, 0).limit(calls, 1).build(), E::ZeroLimit, millis);
    check_error(B::keyed_builder().limit(tokens, 1).limit(millis, 1).limit_with_warn(calls, 4, 4).build(),
                E::WarnNotBelowLimit, calls);
    check_error(
        B::keyed_builder().limit(tokens, 1).limit(bk::dim<bk::Bytes>, 1).limit(millis, 1).limit(calls, 1).build(),
        E::UnknownDimension, bk::dim<bk::Bytes>);
    check_error(B::keyed_builder().limit(tokens, 1).limit(millis, 1).limit(calls, 1).limit(tokens, 1).build(),
                E::DuplicateDimension, tokens);
}

TEST_CASE("keyed builder: order of reports") {
    // Legend: duplicate first (the first dimension seen twice), then the first
    // unknown key, then per dimension in set order: missing, zero, warn.
    check_error(B::keyed_builder()
                    .limit(bk::dim<bk::Bytes>, 0)
                    .limit(calls, 0)
                    .limit(millis, 1)
                    .limit(millis, 1)
                    .limit(calls, 1)
                    .build(),
                E::DuplicateDimension, millis);
    check_error(B::keyed_builder().limit(calls, 0).limit(bk::dim<bk::Memory>, 1).limit(bk::dim<bk::Bytes>, 1).build(),
                E::UnknownDimension, bk::dim<bk::Memory>);
    check_error(B::keyed_builder().limit(calls, 0).limit_with_warn(millis, 1, 1).build(), E::MissingLimit, tokens);
    check_error(B::keyed_builder().limit(calls, 0).limit_with_warn(millis, 1, 1).limit(tokens, 1).build(),
                E::WarnNotBelowLimit, millis);
}

TEST_CASE("builder errors carry readable messages naming the dimension") {
    const auto r = B::builder().limit<bk::Tokens>(1).limit_with_warn<bk::Millis>(5, 7).limit<bk::Calls>(1).build();
    REQUIRE_FALSE(r);
    CHECK(refusal_of(r).message().view() ==
          "budgetkernel: dimension 'millis' has a warn threshold not below its limit");
    CHECK(std::string_view{r.error().message().c_str()} == r.error().message().view());
    CHECK(bk::to_string(r.error().kind()) == "WarnNotBelowLimit");
}
