// The runtime-keyed fallback: keys, names, unknown keys and names.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("keyed charges agree with typed charges", S, BKTEST_STORAGES) {
    auto typed = make_llm<Llm<S>>();
    auto keyed = make_llm<Llm<S>>();
    const std::array<std::pair<On, std::uint64_t>, 7> steps{{{On::tokens, 50},
                                                             {On::calls, 1},
                                                             {On::tokens, 31},
                                                             {On::millis, 50},
                                                             {On::millis, 1},
                                                             {On::tokens, 0},
                                                             {On::calls, max}}};
    for (const auto& [d, amount] : steps) {
        const bk::Verdict t = charge_typed(typed, d, amount);
        const auto k = keyed.charge(key_of(d), amount);
        REQUIRE(k.has_value());
        CHECK(*k == t);
    }
    CHECK(keyed == typed);
}

TEST_CASE_TEMPLATE("an unknown key is an error and changes nothing", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.template charge<bk::Tokens>(90).is_warning());
    const auto before = b;
    for (const bk::Dim k : {bk::dim<bk::Bytes>, bk::dim<bk::Memory>, bk::dim<GpuSeconds>, bk::dim<bk::Custom2>}) {
        for (const std::uint64_t amount : {std::uint64_t{0}, std::uint64_t{1}, max}) {
            const auto r = b.charge(k, amount);
            REQUIRE_FALSE(r.has_value());
            CHECK(refusal_of(r).kind() == bk::ChargeError::Kind::UnknownDimension);
            CHECK(refusal_of(r).dimension() == k);
        }
        CHECK_FALSE(b.spent(k).has_value());
        CHECK_FALSE(b.remaining(k).has_value());
        CHECK_FALSE(b.limit(k).has_value());
    }
    CHECK(b == before);
}

TEST_CASE_TEMPLATE("keyed queries", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    CHECK(b.charge(bk::dim<bk::Millis>, 20u).has_value());
    CHECK(b.spent(bk::dim<bk::Millis>) == 20u);
    CHECK(b.remaining(bk::dim<bk::Millis>) == 30u);
    CHECK(b.limit(bk::dim<bk::Millis>) == 50u);
    CHECK(b.spent(bk::dim<bk::Tokens>) == 0u);
}

TEST_CASE("keys: identity, names, lookup by name") {
    CHECK(bk::dim<bk::Tokens> == bk::Dim::of<bk::Tokens>());
    CHECK(bk::dim<bk::Tokens> != bk::dim<bk::Millis>);
    CHECK(bk::dim<GpuSeconds>.name() == "gpu_seconds");
    const std::array<std::string_view, 8> names{"tokens", "millis",  "bytes",   "calls",
                                                "memory", "custom0", "custom1", "custom2"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto k = bk::standard_dims::find(names.at(i));
        REQUIRE(k.has_value());
        CHECK(k->name() == names.at(i));
        CHECK(*k == bk::standard_dims::keys.at(i));
    }
    CHECK(Llm<bk::SafeStorage>::find_dim("calls") == bk::dim<bk::Calls>);
}

TEST_CASE("unknown and malformed names find nothing") {
    const std::array<std::string_view, 9> names{"",
                                                "Tokens",
                                                "token",
                                                "tokens ",
                                                " tokens",
                                                "bytes",
                                                "gpu_seconds",
                                                "tokens\n",
                                                std::string_view{"tok\0ens", 7}};
    for (const std::string_view name : names) {
        CHECK_FALSE(Llm<bk::SafeStorage>::find_dim(name).has_value());
    }
    CHECK_FALSE(bk::standard_dims::find("GPU").has_value());
    const std::string long_name(10'000, 'x');
    CHECK_FALSE(bk::standard_dims::find(long_name).has_value());
}
