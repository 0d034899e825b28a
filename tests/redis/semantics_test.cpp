// SPEC sections 2, 8 and 9 through Redis: the semantics table and every
// admission and reservation rule, against a real redis-server.
#include <doctest/doctest.h>

#include <budgetkernel/redis/redis.hpp>

#include "server.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bkredis_test;
using bkr::Error;
using EK = Error::Kind;

namespace {

template <class Overflow = bk::Saturate>
using RBudget = bkr::Budget<Three, Overflow>;

// A budget on a name of its own (tokens 100 warn 80, millis 50, calls 3 warn 0).
template <class Overflow = bk::Saturate>
RBudget<Overflow> fresh(bkr::Client& client, std::string_view name) {
    const auto config = make_llm<Llm<bk::SafeStorage>>().configuration();
    auto b = RBudget<Overflow>::make(client, config, name, "semantics:");
    REQUIRE(b.has_value());
    REQUIRE(b->reset().has_value());
    return *b;
}

std::uint64_t spent(RBudget<>& b, bk::Dim key) {
    auto s = b.spent(key);
    REQUIRE(s.has_value());
    return *s;
}

}  // namespace

TEST_CASE("the server fixture is up") { REQUIRE(shared_server().running()); }

TEST_CASE("every row of the semantics table holds through Redis") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "table");
    for (std::size_t i = 0; i < semantics_table.size(); ++i) {
        CAPTURE(i);
        const Row& row = semantics_table.at(i);
        if (row.reset) {
            REQUIRE(b.reset().has_value());
            for (const bk::Dim key : Three::keys) {
                CHECK(spent(b, key) == 0);
            }
            continue;
        }
        const bk::Dim key = key_of(row.dim);
        const auto v = b.charge(key, row.amount);
        REQUIRE(v.has_value());
        CHECK(v->kind() == row.kind);
        CHECK((row.kind == K::Continue ? !v->dimension().has_value() : v->dimension() == key));
        CHECK(spent(b, key) == row.spent);
    }
}

TEST_CASE("typed and keyed reads: spent, remaining, unknown keys") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "reads");
    REQUIRE(b.charge<bk::Tokens>(30u).has_value());
    CHECK(*b.spent<bk::Tokens>() == 30);
    CHECK(*b.remaining<bk::Tokens>() == 70);
    CHECK(*b.remaining(bk::dim<bk::Millis>) == 50);
    REQUIRE(b.charge<bk::Millis>(60u).has_value());
    CHECK(*b.remaining<bk::Millis>() == 0);  // saturates at 0 past the limit
    CHECK(b.spent(bk::dim<bk::Bytes>).error().kind() == EK::UnknownDimension);
    CHECK(b.remaining(bk::dim<bk::Bytes>).error().kind() == EK::UnknownDimension);
    const auto unknown = b.charge(bk::dim<bk::Bytes>, 1u);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().kind() == EK::UnknownDimension);
    CHECK(unknown.error().dimension() == bk::dim<bk::Bytes>);
    CHECK(unknown.error().is_refusal());
}

TEST_CASE("would_charge answers what charge would, and changes nothing") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "would");
    CHECK(b.would_charge<bk::Tokens>(80u)->kind() == K::Continue);
    CHECK(b.would_charge<bk::Tokens>(81u)->kind() == K::Warn);
    CHECK(b.would_charge<bk::Tokens>(101u)->kind() == K::Exhausted);
    CHECK(b.would_charge(bk::dim<bk::Calls>, 1u)->kind() == K::Warn);
    CHECK(b.would_charge(bk::dim<bk::Bytes>, 1u).error().kind() == EK::UnknownDimension);
    CHECK(*b.spent<bk::Tokens>() == 0);
    CHECK(*b.spent<bk::Calls>() == 0);
}

TEST_CASE("try_charge admits up to the limit, refuses past it, changes nothing when refused") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "try");
    CHECK(b.try_charge<bk::Tokens>(80u)->kind() == K::Continue);
    CHECK(b.try_charge<bk::Tokens>(20u)->kind() == K::Warn);  // exactly at the limit: admitted
    const auto refused = b.try_charge<bk::Tokens>(1u);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().kind() == EK::WouldExhaust);
    CHECK(refused.error().dimension() == bk::dim<bk::Tokens>);
    CHECK(*b.spent<bk::Tokens>() == 100);
    // A zero amount is admitted exactly when not already exhausted.
    CHECK(b.try_charge<bk::Tokens>(0u)->kind() == K::Warn);
    REQUIRE(b.charge<bk::Millis>(51u)->is_exhausted());
    CHECK(b.try_charge<bk::Millis>(0u).error().kind() == EK::WouldExhaust);
    CHECK(*b.spent<bk::Millis>() == 51);
}

TEST_CASE("multi-dimension try_charge is all or nothing, refusal names the first dimension in argument order") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "multi");
    const auto ok = b.try_charge<bk::Tokens, bk::Calls>(90u, 1u);
    REQUIRE(ok.has_value());
    CHECK(ok->kind() == K::Warn);  // worst, argument order: tokens warns first
    CHECK(ok->dimension() == bk::dim<bk::Tokens>);
    const auto no = b.try_charge<bk::Calls, bk::Millis, bk::Tokens>(1u, 60u, 20u);
    REQUIRE_FALSE(no.has_value());
    CHECK(no.error().kind() == EK::WouldExhaust);
    CHECK(no.error().dimension() == bk::dim<bk::Millis>);
    CHECK(*b.spent<bk::Calls>() == 1);
    CHECK(*b.spent<bk::Millis>() == 0);
    CHECK(*b.spent<bk::Tokens>() == 90);

    const std::array keyed{bkr::KeyedAmount{bk::dim<bk::Millis>, 10}, bkr::KeyedAmount{bk::dim<bk::Calls>, 2}};
    CHECK(b.try_charge(keyed)->kind() == K::Warn);
    CHECK(*b.spent<bk::Millis>() == 10);
    const std::array dup{bkr::KeyedAmount{bk::dim<bk::Millis>, 1}, bkr::KeyedAmount{bk::dim<bk::Millis>, 1}};
    CHECK(b.try_charge(dup).error().kind() == EK::DuplicateDimension);
    const std::array unknown{bkr::KeyedAmount{bk::dim<bk::Millis>, 1}, bkr::KeyedAmount{bk::dim<bk::Bytes>, 1}};
    CHECK(b.try_charge(unknown).error().kind() == EK::UnknownDimension);
    CHECK(*b.spent<bk::Millis>() == 10);
}

TEST_CASE("status is the worst verdict of the current totals in set order") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "status");
    CHECK(b.status()->kind() == K::Continue);
    REQUIRE(b.charge<bk::Calls>(1u).has_value());
    CHECK(*b.status() == bk::Verdict::warn(bk::dim<bk::Calls>));
    REQUIRE(b.charge<bk::Tokens>(81u).has_value());
    CHECK(*b.status() == bk::Verdict::warn(bk::dim<bk::Tokens>));  // equal severity: set order
    REQUIRE(b.charge<bk::Millis>(51u).has_value());
    CHECK(*b.status() == bk::Verdict::exhausted(bk::dim<bk::Millis>));
}

TEST_CASE("reservations: settle below, above, release, twice, after reset") {
    bkr::Client client{shared_server().options()};
    auto b = fresh(client, "reserve");
    {
        auto r = b.reserve<bk::Tokens>(50u);
        REQUIRE(r);
        CHECK(r.verdict().kind() == K::Continue);
        CHECK(*b.spent<bk::Tokens>() == 50);
        CHECK(r.settle(30u)->kind() == K::Continue);
        CHECK(*b.spent<bk::Tokens>() == 30);
        CHECK(r.settle(30u).error().kind() == EK::NotHeld);  // never a second refund
        CHECK(r.release().error().kind() == EK::NotHeld);
        CHECK(*b.spent<bk::Tokens>() == 30);
    }
    {
        auto r = b.reserve<bk::Tokens>(10u);
        REQUIRE(r);
        const auto v = r.settle(80u);  // the extra is charged as charge would: may exhaust
        REQUIRE(v.has_value());
        CHECK(v->kind() == K::Exhausted);
        CHECK(*b.spent<bk::Tokens>() == 110);
    }
    {
        REQUIRE(b.reset().has_value());
        auto r = b.reserve<bk::Tokens, bk::Calls>(40u, 1u);
        REQUIRE(r);
        CHECK(r.verdict() == bk::Verdict::warn(bk::dim<bk::Calls>));
        REQUIRE(r.release().has_value());
        CHECK(*b.spent<bk::Tokens>() == 0);
        CHECK(*b.spent<bk::Calls>() == 0);
    }
    {
        auto r = b.reserve<bk::Tokens>(40u);
        REQUIRE(r);
        REQUIRE(b.reset().has_value());
        REQUIRE(b.charge<bk::Tokens>(5u).has_value());
        const auto s = r.settle(0u);  // made before the reset: nothing refunded into the new window
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().kind() == EK::Stale);
        CHECK(*b.spent<bk::Tokens>() == 5);
    }
    {
        auto r = b.reserve<bk::Tokens>(96u);  // 5 + 96 > 100: refused, nothing held
        REQUIRE_FALSE(r);
        CHECK(r.error().kind() == EK::WouldExhaust);
        CHECK(*b.spent<bk::Tokens>() == 5);
        CHECK(r.settle(1u).error().kind() == EK::NotHeld);
    }
    {
        auto r = b.reserve<bk::Tokens>(10u);
        REQUIRE(r);
        CHECK(*b.spent<bk::Tokens>() == 15);
    }  // destroyed unsettled: released
    CHECK(*b.spent<bk::Tokens>() == 5);
}

TEST_CASE("a refund never goes below zero and a saturated total stays at 2^64-1") {
    bkr::Client client{shared_server().options()};
    const auto config =
        *Llm<bk::SafeStorage>::builder().limit<bk::Tokens>(max).limit<bk::Millis>(max).limit<bk::Calls>(max).build();
    auto b = *RBudget<>::make(client, config.configuration(), "saturated", "semantics:");
    REQUIRE(b.reset().has_value());
    auto r = b.reserve<bk::Tokens>(max - 1);
    REQUIRE(r);
    REQUIRE(b.charge<bk::Tokens>(10u).has_value());
    CHECK(*b.spent<bk::Tokens>() == max);  // saturated
    REQUIRE(r.settle(0u).has_value());
    CHECK(*b.spent<bk::Tokens>() == max);  // stays

    auto low = b.reserve<bk::Millis>(100u);
    REQUIRE(low);
    REQUIRE(b.reset().has_value());
    // Stale after a reset; a fresh hold with a smaller total below it:
    auto r2 = b.reserve<bk::Millis>(100u);
    REQUIRE(r2);
    CHECK(low.release().error().kind() == EK::Stale);
    REQUIRE(r2.settle(0u).has_value());
    CHECK(*b.spent<bk::Millis>() == 0);
}

TEST_CASE("Checked: an overflowing charge, try_charge or settle is refused and changes nothing") {
    bkr::Client client{shared_server().options()};
    const auto config =
        *Llm<bk::SafeStorage>::builder().limit<bk::Tokens>(max).limit<bk::Millis>(max).limit<bk::Calls>(max).build();
    auto b = *bkr::Budget<Three, bk::Checked>::make(client, config.configuration(), "checked", "semantics:");
    REQUIRE(b.reset().has_value());
    REQUIRE(b.charge<bk::Tokens>(max - 1)->kind() == K::Continue);
    const auto over = b.charge<bk::Tokens>(2u);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().kind() == EK::Overflow);
    CHECK(*b.spent<bk::Tokens>() == max - 1);
    CHECK(b.would_charge<bk::Tokens>(2u).error().kind() == EK::Overflow);
    CHECK(b.try_charge<bk::Calls, bk::Tokens>(1u, 2u).error().kind() == EK::Overflow);
    CHECK(*b.spent<bk::Calls>() == 0);
    CHECK(b.charge<bk::Tokens>(1u)->kind() == K::Continue);  // exactly 2^64-1 fits
    CHECK(*b.spent<bk::Tokens>() == max);

    auto r = b.reserve<bk::Millis>(1u);
    REQUIRE(r);
    REQUIRE(b.charge<bk::Millis>(max - 1).has_value());
    CHECK(r.settle(2u).error().kind() == EK::Overflow);  // the extra would overflow
    CHECK(*b.spent<bk::Millis>() == max);                // the estimate stays recorded
    CHECK(r.settle(1u).error().kind() == EK::NotHeld);   // settled once, as in the kernel
}

TEST_CASE("exact at the edges of doubles and of signed 64-bit: 2^53, 2^63, 2^64-1") {
    bkr::Client client{shared_server().options()};
    constexpr std::uint64_t p53 = std::uint64_t{1} << 53U;
    constexpr std::uint64_t p63 = std::uint64_t{1} << 63U;
    const auto config = *Llm<bk::SafeStorage>::builder()
                             .limit_with_warn<bk::Tokens>(p53 + 1, p53 - 1)
                             .limit_with_warn<bk::Millis>(p63 + 1, p63 - 1)
                             .limit_with_warn<bk::Calls>(max, max - 1)
                             .build();
    auto b = *RBudget<>::make(client, config.configuration(), "edges", "semantics:");
    bk::Budget<Three, bk::SafeStorage> local{config.configuration()};
    REQUIRE(b.reset().has_value());
    // Each step: charge 1 across the edges; Redis and the kernel must agree on
    // every verdict and total (a double would merge 2^53 and 2^53+1).
    const std::pair<bk::Dim, std::uint64_t> steps[] = {
        {bk::dim<bk::Tokens>, p53 - 2}, {bk::dim<bk::Tokens>, 1},      {bk::dim<bk::Tokens>, 1},
        {bk::dim<bk::Tokens>, 1},       {bk::dim<bk::Tokens>, 1},      {bk::dim<bk::Millis>, p63 - 2},
        {bk::dim<bk::Millis>, 1},       {bk::dim<bk::Millis>, 1},      {bk::dim<bk::Millis>, 1},
        {bk::dim<bk::Millis>, 1},       {bk::dim<bk::Calls>, max - 2}, {bk::dim<bk::Calls>, 1},
        {bk::dim<bk::Calls>, 1},        {bk::dim<bk::Calls>, 1},       {bk::dim<bk::Calls>, max},
    };
    for (const auto& [key, amount] : steps) {
        const auto remote = b.charge(key, amount);
        const auto mine = local.charge(key, amount);
        REQUIRE(remote.has_value());
        CHECK(*remote == *mine);
        CHECK(*b.spent(key) == *local.spent(key));
        CHECK(*b.remaining(key) == *local.remaining(key));
    }
    CHECK(*b.spent<bk::Tokens>() == p53 + 2);
    CHECK(*b.spent<bk::Millis>() == p63 + 2);
    CHECK(*b.spent<bk::Calls>() == max);
    // Admission at the very top: limit 2^64-1 admits a charge to exactly 2^64-1.
    REQUIRE(b.reset().has_value());
    CHECK(b.try_charge<bk::Calls>(max - 1)->kind() == K::Continue);
    CHECK(b.try_charge<bk::Calls>(1u)->kind() == K::Warn);
    CHECK(*b.spent<bk::Calls>() == max);
    CHECK(b.try_charge<bk::Tokens>(p53 + 1)->kind() == K::Warn);
    CHECK(b.try_charge<bk::Tokens>(1u).error().kind() == EK::WouldExhaust);
}

TEST_CASE("bad names are refused before anything is sent") {
    bkr::Client client{shared_server().options()};
    const auto config = make_llm<Llm<bk::SafeStorage>>().configuration();
    CHECK(RBudget<>::make(client, config, "").error().kind() == EK::InvalidName);
    CHECK(RBudget<>::make(client, config, "a{b").error().kind() == EK::InvalidName);
    CHECK(RBudget<>::make(client, config, "ok", "pre}").error().kind() == EK::InvalidName);
    const auto b = RBudget<>::make(client, config, "tenant-1", "app:");
    REQUIRE(b.has_value());
    CHECK(b->key() == "app:{tenant-1}");
    CHECK(b->slot() == bkr::key_slot("tenant-1"));
}
