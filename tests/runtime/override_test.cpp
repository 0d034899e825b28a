// A keyed builder that starts from an existing configuration and overrides
// some dimensions (per-tenant limits over defaults).
#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("overrides replace only the dimensions they name", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    const auto defaults = make_llm<B>().configuration();  // tokens 100/80, millis 50, calls 3/0

    const auto same = B::keyed_builder(defaults).build();
    REQUIRE(same.has_value());
    CHECK(same->configuration() == defaults);

    const auto tenant = B::keyed_builder(defaults)
                            .limit_with_warn(bk::dim<bk::Tokens>, 5000U, 4000U)
                            .template limit<bk::Calls>(7U)
                            .build();
    REQUIRE(tenant.has_value());
    CHECK(tenant->template limit<bk::Tokens>() == 5000U);
    CHECK(tenant->template warn_threshold<bk::Tokens>() == 4000U);
    CHECK(tenant->template limit<bk::Millis>() == 50U);  // kept
    CHECK(tenant->template limit<bk::Calls>() == 7U);
    CHECK_FALSE(tenant->template warn_threshold<bk::Calls>().has_value());  // `limit` alone drops the threshold
}

TEST_CASE_TEMPLATE("overrides from data are validated like any declaration", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    using BK = bk::BuilderError::Kind;
    const auto defaults = make_llm<B>().configuration();
    // Legend: the overrides (key, limit), the error build() must give, on which dimension.
    struct Case {
        std::vector<std::pair<bk::Dim, std::uint64_t>> overrides;
        BK kind;
        bk::Dim on;
    };
    const std::vector<Case> cases{
        {{{bk::dim<bk::Millis>, 0}}, BK::ZeroLimit, bk::dim<bk::Millis>},
        {{{bk::dim<bk::Calls>, 4}, {bk::dim<bk::Calls>, 5}}, BK::DuplicateDimension, bk::dim<bk::Calls>},
        {{{bk::dim<bk::Bytes>, 4}}, BK::UnknownDimension, bk::dim<bk::Bytes>},
    };
    for (const Case& c : cases) {
        auto b = B::keyed_builder(defaults);
        for (const auto& [key, limit] : c.overrides) {
            b = b.limit(key, limit);
        }
        const auto r = b.build();
        REQUIRE_FALSE(r.has_value());
        CHECK(refusal_of(r).kind() == c.kind);
        CHECK(refusal_of(r).dimension() == c.on);
    }
    const auto warn_too_high = B::keyed_builder(defaults).limit_with_warn(bk::dim<bk::Tokens>, 10U, 10U).build();
    CHECK(refusal_of(warn_too_high).kind() == BK::WarnNotBelowLimit);
}

TEST_CASE("overriding is a constant expression") {
    using B = Llm<bk::UnsafeStorage>;
    constexpr auto tenant = B::keyed_builder(make_llm<B>().configuration()).limit(bk::dim<bk::Millis>, 9U).build();
    static_assert(tenant.has_value() && tenant->limit<bk::Millis>() == 9 && tenant->limit<bk::Tokens>() == 100);
    CHECK(tenant->limit<bk::Calls>() == 3U);
}
