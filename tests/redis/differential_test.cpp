// Differential: random operation sequences run on the in-process bk::Budget
// and on the Redis ledger side by side must give the same verdicts (kind,
// dimension and crossing flags), the same errors and the same totals after
// every step — with amounts and limits at 2^53, 2^63 and 2^64-1, under both
// overflow policies.
#include <doctest/doctest.h>

#include <budgetkernel/redis/redis.hpp>
#include <memory>
#include <random>
#include <vector>

#include "server.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bkredis_test;

namespace {

constexpr std::uint64_t p53 = std::uint64_t{1} << 53U;
constexpr std::uint64_t p63 = std::uint64_t{1} << 63U;

bool same(bk::Verdict a, bk::Verdict b) {
    return a == b && a.crossed_warn() == b.crossed_warn() && a.crossed_limit() == b.crossed_limit();
}

// The kernel's outcome (Verdict or Result<Verdict, ChargeError>) against the adapter's.
template <class Local>
bool same(const Local& local, const bkr::Result<bk::Verdict>& remote) {
    if constexpr (std::is_same_v<Local, bk::Verdict>) {
        return remote.has_value() && same(local, *remote);
    } else {
        if (local.has_value() != remote.has_value()) {
            return false;
        }
        if (local.has_value()) {
            return same(*local, *remote);
        }
        return remote.error().charge_error() == local.error();
    }
}

struct Draw {
    std::mt19937_64 rng;
    std::uint64_t amount() {
        static constexpr std::uint64_t edges[] = {0,       1,       2,   3,       50,      80,
                                                  100,     p53 - 1, p53, p53 + 1, p63 - 1, p63,
                                                  p63 + 1, max - 1, max, max / 2, p53 / 2, p63 / 2};
        switch (rng() % 4) {
            case 0:
                return edges[rng() % std::size(edges)];
            case 1:
                return rng() % 64;
            case 2:
                return rng();
            default:
                return edges[rng() % std::size(edges)] - rng() % 3;
        }
    }
    bk::Dim key() {
        static constexpr bk::Dim keys[] = {bk::dim<bk::Tokens>, bk::dim<bk::Millis>, bk::dim<bk::Calls>,
                                           bk::dim<bk::Bytes>};
        return keys[rng() % (rng() % 8 == 0 ? 4 : 3)];  // now and then a key outside the set
    }
};

template <class Overflow>
void run_differential(const bk::Configuration<Three>& config, std::string_view name, std::uint64_t seed, int steps) {
    using Local = bk::Budget<Three, bk::SafeStorage, Overflow>;
    using Remote = bkr::Budget<Three, Overflow>;
    bkr::Client client{shared_server().options()};
    auto made = Remote::make(client, config, name, "differential:");
    REQUIRE(made.has_value());
    Remote remote = *made;
    Local local{config};
    REQUIRE(remote.reset().has_value());

    using LocalHold = decltype(local.template reserve<bk::Tokens, bk::Calls>(0u, 0u));
    using RemoteHold = decltype(remote.template reserve<bk::Tokens, bk::Calls>(0u, 0u));
    struct Hold {
        LocalHold local;
        RemoteHold remote;
    };
    std::vector<std::unique_ptr<Hold>> holds;

    Draw draw{std::mt19937_64{seed}};
    for (int step = 0; step < steps; ++step) {
        CAPTURE(seed);
        CAPTURE(step);
        const bk::Dim key = draw.key();
        const std::uint64_t a = draw.amount();
        const std::uint64_t b = draw.amount();
        CAPTURE(a);
        CAPTURE(b);
        const auto op = draw.rng() % 11;
        CAPTURE(op);
        switch (op) {
            case 0:
            case 1:
                CHECK(same(local.charge(key, a), remote.charge(key, a)));
                break;
            case 2:
                CHECK(same(local.would_charge(key, a), remote.would_charge(key, a)));
                break;
            case 3:
                CHECK(same(local.try_charge(key, a), remote.try_charge(key, a)));
                break;
            case 4:
                CHECK(same(local.template try_charge<bk::Calls, bk::Tokens>(a, b),
                           remote.template try_charge<bk::Calls, bk::Tokens>(a, b)));
                break;
            case 5: {
                const std::array pairs{bk::KeyedAmount{key, a}, bk::KeyedAmount{draw.key(), b}};
                CHECK(same(local.try_charge(std::span<const bk::KeyedAmount>{pairs}),
                           remote.try_charge(std::span<const bk::KeyedAmount>{pairs})));
                break;
            }
            case 6:
                if (holds.size() < 4) {
                    auto h = std::unique_ptr<Hold>(new Hold{local.template reserve<bk::Tokens, bk::Calls>(a, b),
                                                            remote.template reserve<bk::Tokens, bk::Calls>(a, b)});
                    REQUIRE(static_cast<bool>(h->local) == static_cast<bool>(h->remote));
                    if (h->local) {
                        CHECK(same(h->local.verdict(), h->remote.verdict()));
                    } else {
                        CHECK(h->remote.error().charge_error() == h->local.error());
                    }
                    holds.push_back(std::move(h));
                }
                break;
            case 7:
                if (!holds.empty()) {
                    const std::size_t i = draw.rng() % holds.size();
                    CHECK(same(holds[i]->local.settle(a, b), holds[i]->remote.settle(a, b)));
                    if (draw.rng() % 2 == 0) {
                        holds.erase(holds.begin() + static_cast<std::ptrdiff_t>(i));  // destroyed: no-op now
                    }
                }
                break;
            case 8:
                if (!holds.empty()) {
                    const std::size_t i = draw.rng() % holds.size();
                    holds[i]->local.release();
                    static_cast<void>(holds[i]->remote.release());
                    holds.erase(holds.begin() + static_cast<std::ptrdiff_t>(i));
                }
                break;
            case 9:
                if (draw.rng() % 4 == 0) {
                    local.reset();
                    REQUIRE(remote.reset().has_value());
                }
                break;
            default:
                CHECK(same(local.status(), remote.status()));
                break;
        }
        for (const bk::Dim k : Three::keys) {
            const auto r = remote.spent(k);
            REQUIRE(r.has_value());
            CHECK(*r == *local.spent(k));
        }
    }
    holds.clear();  // destroying open holds releases them on both sides
    for (const bk::Dim k : Three::keys) {
        CHECK(*remote.spent(k) == *local.spent(k));
    }
}

bk::Configuration<Three> small() { return make_llm<Llm<bk::SafeStorage>>().configuration(); }

bk::Configuration<Three> wide() {
    return Llm<bk::SafeStorage>::builder()
        .limit_with_warn<bk::Tokens>(p53, p53 - 1)
        .limit_with_warn<bk::Millis>(p63 + 1, p63 - 1)
        .limit_with_warn<bk::Calls>(max, max - 1)
        .build()
        ->configuration();
}

}  // namespace

TEST_CASE("the server fixture is up") { REQUIRE(shared_server().running()); }

TEST_CASE("random sequences: Saturate, small limits") {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        run_differential<bk::Saturate>(small(), "sat-small", seed, 300);
    }
}

TEST_CASE("random sequences: Saturate, limits at 2^53, 2^63 and 2^64-1") {
    for (std::uint64_t seed = 11; seed <= 13; ++seed) {
        run_differential<bk::Saturate>(wide(), "sat-wide", seed, 300);
    }
}

TEST_CASE("random sequences: Checked, small limits") {
    for (std::uint64_t seed = 21; seed <= 23; ++seed) {
        run_differential<bk::Checked>(small(), "checked-small", seed, 300);
    }
}

TEST_CASE("random sequences: Checked, limits at 2^53, 2^63 and 2^64-1") {
    for (std::uint64_t seed = 31; seed <= 33; ++seed) {
        run_differential<bk::Checked>(wide(), "checked-wide", seed, 300);
    }
}
