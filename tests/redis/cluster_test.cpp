// The ledger against a local three-node Redis Cluster: budgets spread over
// every node reached through one seed (MOVED followed), and a budget whose
// slot is being migrated (ASK followed, script loaded on the importing node).
#include <doctest/doctest.h>

#include <array>
#include <budgetkernel/redis/redis.hpp>
#include <memory>
#include <set>

#include "server.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bkredis_test;
using EK = bkr::Error::Kind;
using std::chrono::milliseconds;

namespace {

using RBudget = bkr::Budget<Three>;

struct Cluster {
    std::array<std::unique_ptr<Server>, 3> nodes;
    bool ok = false;

    Cluster() {
        std::vector<std::string> create{"redis-cli", "--cluster", "create"};
        for (auto& n : nodes) {
            n = std::make_unique<Server>(ServerConfig{.cluster = true});
            if (!n->running()) {
                return;
            }
            create.push_back("127.0.0.1:" + std::to_string(n->port()));
        }
        create.emplace_back("--cluster-yes");
        if (run_and_wait(create, nodes[0]->dir() + "/create.log") != 0) {
            return;
        }
        // Up when every node says cluster_state:ok (bounded: 30 s).
        for (int i = 0; i < 300 && !ok; ++i) {
            ok = true;
            for (auto& n : nodes) {
                bkr::Client c{n->options()};
                const auto r = run(c, {"CLUSTER", "INFO"});
                ok = ok && r && r->str.find("cluster_state:ok") != std::string::npos;
            }
            if (!ok) {
                std::this_thread::sleep_for(milliseconds{100});
            }
        }
    }

    // The node that owns `key`, by asking each one without following redirects.
    std::size_t owner(const std::string& key) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            bkr::Options o = nodes[i]->options();
            o.max_redirects = 0;
            bkr::Client c{o};
            const auto r = run(c, {"EXISTS", key});
            if (r && r->type == bkr::Reply::Type::Integer) {
                return i;
            }
        }
        return nodes.size();
    }

    std::string id(std::size_t i) {
        bkr::Client c{nodes[i]->options()};
        const auto r = run(c, {"CLUSTER", "MYID"});
        return r ? r->str : std::string{};
    }
};

Cluster& cluster() {
    static Cluster c;
    return c;
}

RBudget budget(bkr::Client& client, std::string_view name) {
    auto b = RBudget::make(client, make_llm<Llm<bk::SafeStorage>>().configuration(), name, "cluster:");
    REQUIRE(b.has_value());
    return *b;
}

}  // namespace

TEST_CASE("the three-node cluster is up") { REQUIRE(cluster().ok); }

TEST_CASE("key_slot agrees with CLUSTER KEYSLOT and hashes the tag only") {
    REQUIRE(cluster().ok);
    bkr::Client client{cluster().nodes[0]->options()};
    for (const std::string name : {"a", "tenant-42", "x{y", "{}", "fleet"}) {
        const std::string key = "p:{" + name + "}:spent";
        const auto r = run(client, {"CLUSTER", "KEYSLOT", key});
        REQUIRE(r.has_value());
        CHECK(r->integer == bkr::key_slot(key));
    }
    CHECK(bkr::key_slot("p:{t}") == bkr::key_slot("t"));
}

TEST_CASE("budgets on every node, through one seed: the same answers as a single server") {
    REQUIRE(cluster().ok);
    bkr::Client client{cluster().nodes[0]->options()};
    std::set<std::size_t> owners;
    for (int i = 0; i < 12; ++i) {
        const std::string name = "tenant-" + std::to_string(i);
        auto b = budget(client, name);
        owners.insert(cluster().owner(b.key()));
        REQUIRE(b.reset().has_value());
        CHECK(b.charge<bk::Tokens>(50u)->kind() == K::Continue);
        CHECK(b.try_charge<bk::Tokens, bk::Calls>(40u, 1u)->kind() == K::Warn);
        CHECK(b.try_charge<bk::Tokens>(11u).error().kind() == EK::WouldExhaust);
        auto r = b.reserve<bk::Millis>(20u);
        REQUIRE(r);
        REQUIRE(r.settle(5u).has_value());
        CHECK(*b.spent<bk::Tokens>() == 90);
        CHECK(*b.spent<bk::Millis>() == 5);
        CHECK(*b.status() == bk::Verdict::warn(bk::dim<bk::Tokens>));
    }
    CHECK(owners == std::set<std::size_t>{0, 1, 2});  // every node served some budget
}

TEST_CASE("a slot being migrated: ASK is followed, the script is loaded where the call runs") {
    REQUIRE(cluster().ok);
    bkr::Client client{cluster().nodes[0]->options()};
    auto b = budget(client, "migrating");
    const std::string slot = std::to_string(b.slot());
    const std::size_t from = cluster().owner(b.key());
    REQUIRE(from < 3);
    const std::size_t to = (from + 1) % 3;
    bkr::Client at_from{cluster().nodes[from]->options()};
    bkr::Client at_to{cluster().nodes[to]->options()};
    REQUIRE(run(at_from, {"DEL", b.key()}).has_value());
    REQUIRE(run(at_to, {"SCRIPT", "FLUSH"}).has_value());
    const std::string from_id = cluster().id(from);
    const std::string to_id = cluster().id(to);
    REQUIRE(run(at_to, {"CLUSTER", "SETSLOT", slot, "IMPORTING", from_id})->type == bkr::Reply::Type::Status);
    REQUIRE(run(at_from, {"CLUSTER", "SETSLOT", slot, "MIGRATING", to_id})->type == bkr::Reply::Type::Status);

    // The budget's keys do not exist on the old owner: it answers ASK.
    const auto before = client.round_trips();
    const auto first = b.charge<bk::Tokens>(30u);
    REQUIRE_MESSAGE(first.has_value(), first.error().message());
    CHECK(first->kind() == K::Continue);
    CHECK(client.round_trips() - before >= 2);  // the ASK, then ASKING + call on the importer
    CHECK(b.try_charge<bk::Tokens>(60u)->kind() == K::Warn);

    for (auto& n : cluster().nodes) {
        bkr::Client c{n->options()};
        REQUIRE(run(c, {"CLUSTER", "SETSLOT", slot, "NODE", to_id})->type == bkr::Reply::Type::Status);
    }
    CHECK(*b.spent<bk::Tokens>() == 90);  // now a MOVED to the new owner
    CHECK(cluster().owner(b.key()) == to);
}

TEST_CASE("redirects are bounded") {
    REQUIRE(cluster().ok);
    bkr::Options o = cluster().nodes[0]->options();
    o.max_redirects = 0;
    bkr::Client client{o};
    // A name whose slot the seed does not own needs at least one redirect.
    for (int i = 0;; ++i) {
        REQUIRE(i < 100);
        auto b = budget(client, "bounded-" + std::to_string(i));
        if (cluster().owner(b.key()) != 0) {
            const auto s = b.spent<bk::Tokens>();
            REQUIRE_FALSE(s.has_value());
            CHECK(s.error().kind() == EK::TooManyRedirects);
            break;
        }
    }
}
