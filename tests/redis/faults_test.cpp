// Faults as values: server down, timeouts, a connection lost mid-call, replies
// of the wrong shape, the script gone after a restart, the server killed and
// restarted mid-run (with AOF: no acknowledged charge lost).
#include <doctest/doctest.h>

#include <budgetkernel/redis/redis.hpp>
#include <chrono>

#include "fake_server.hpp"
#include "server.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bkredis_test;
using bkr::Error;
using EK = Error::Kind;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

using RBudget = bkr::Budget<Three>;

bkr::Options options_for(int port, milliseconds timeout) {
    bkr::Options o;
    o.port = port;
    o.connect_timeout = timeout;
    o.command_timeout = timeout;
    return o;
}

RBudget budget_on(bkr::Client& client, std::string_view name = "faults") {
    auto b = RBudget::make(client, make_llm<Llm<bk::SafeStorage>>().configuration(), name);
    REQUIRE(b.has_value());
    return *b;
}

// What a fake server answers to SCRIPT LOAD: any 40-character bulk string.
const std::string sha_reply = "$40\r\n" + std::string(40, 'a') + "\r\n";

// Generous: this bounds a hang, not speed (the timeout under test is 300 ms).
constexpr auto hang_bound = std::chrono::seconds{10};

}  // namespace

TEST_CASE("server down: ConnectionFailed, nothing sent") {
    bkr::Client client{options_for(free_port(), milliseconds{300})};
    auto b = budget_on(client);
    const auto v = b.charge<bk::Tokens>(1u);
    REQUIRE_FALSE(v.has_value());
    CHECK(v.error().kind() == EK::ConnectionFailed);
    CHECK_FALSE(v.error().outcome_unknown());
    CHECK(v.error().message().find("cannot connect") != std::string::npos);
    CHECK(b.spent<bk::Tokens>().error().kind() == EK::ConnectionFailed);
}

TEST_CASE("no answer: a read times out, a charge sent without reply is OutcomeUnknown, within the timeout") {
    FakeServer fake{{sha_reply, FakeServer::silence}};
    bkr::Client client{options_for(fake.port(), milliseconds{300})};
    auto b = budget_on(client);
    const auto start = Clock::now();
    const auto v = b.charge<bk::Tokens>(5u);
    CHECK(Clock::now() - start < hang_bound);
    REQUIRE_FALSE(v.has_value());
    CHECK(v.error().kind() == EK::OutcomeUnknown);
    CHECK(v.error().outcome_unknown());
    CHECK(v.error().message().find("within 300 ms") != std::string::npos);
    CHECK(fake.commands_read() == 2);  // SCRIPT LOAD, then the charge once: never repeated

    const auto start2 = Clock::now();
    const auto s = b.spent<bk::Tokens>();  // reconnects; the fake stays silent
    CHECK(Clock::now() - start2 < hang_bound);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().kind() == EK::Timeout);
}

TEST_CASE("connection lost after sending: OutcomeUnknown for a charge, ConnectionLost for a read") {
    FakeServer fake{{sha_reply, FakeServer::hang_up, FakeServer::hang_up}};
    bkr::Client client{options_for(fake.port(), milliseconds{2000})};
    auto b = budget_on(client);
    const auto v = b.try_charge<bk::Tokens>(5u);
    REQUIRE_FALSE(v.has_value());
    CHECK(v.error().kind() == EK::OutcomeUnknown);
    CHECK(v.error().message().find("lost") != std::string::npos);
    const auto s = b.status();
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().kind() == EK::ConnectionLost);
    CHECK(fake.commands_read() == 3);
}

TEST_CASE("replies of the wrong shape: BadReply, never a crash") {
    FakeServer fake{{
        "+OK\r\n",                                    // SCRIPT LOAD answered with a status
        sha_reply, ":7\r\n",                          // a charge answered with an integer
        "*1\r\n$3\r\nabc\r\n",                        // a charge answered with a short array
        "*3\r\n$2\r\nzz\r\n$2\r\nzz\r\n$1\r\n0\r\n",  // an array of non-numbers
        "$3\r\nabc\r\n",                              // HMGET answered with a string
        "*3\r\n$3\r\nabc\r\n$-1\r\n$-1\r\n",          // HMGET with a malformed total
        "-ERR something broke\r\n",                   // an error reply
    }};
    bkr::Client client{options_for(fake.port(), milliseconds{2000})};
    auto b = budget_on(client);
    CHECK(b.charge<bk::Tokens>(1u).error().kind() == EK::BadReply);
    CHECK(b.charge<bk::Tokens>(1u).error().kind() == EK::BadReply);
    CHECK(b.charge<bk::Tokens>(1u).error().kind() == EK::BadReply);
    CHECK(b.charge<bk::Tokens>(1u).error().kind() == EK::BadReply);
    CHECK(b.spent<bk::Tokens>().error().kind() == EK::BadReply);
    CHECK(b.spent<bk::Tokens>().error().kind() == EK::BadReply);
    const auto e = b.reset();
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().kind() == EK::ServerError);
    CHECK(e.error().message().find("something broke") != std::string::npos);
}

TEST_CASE("the script gone from the server (SCRIPT FLUSH) is loaded again, and the charge runs once") {
    Server server;
    REQUIRE(server.running());
    bkr::Client client{server.options()};
    auto b = budget_on(client);
    REQUIRE(b.reset().has_value());
    REQUIRE(b.charge<bk::Tokens>(7u).has_value());
    REQUIRE(run(client, {"SCRIPT", "FLUSH"}).has_value());
    REQUIRE(b.charge<bk::Tokens>(7u).has_value());
    CHECK(*b.spent<bk::Tokens>() == 14);
}

TEST_CASE("server killed and restarted: clear errors while down, then recovery") {
    Server server;
    REQUIRE(server.running());
    bkr::Client client{server.options(milliseconds{500})};
    auto b = budget_on(client);
    REQUIRE(b.reset().has_value());
    REQUIRE(b.charge<bk::Tokens>(3u).has_value());
    server.kill();
    const auto lost = b.charge<bk::Tokens>(1u);  // on the old connection
    REQUIRE_FALSE(lost.has_value());
    CHECK((lost.error().kind() == EK::OutcomeUnknown || lost.error().kind() == EK::ConnectionLost));
    const auto down = b.charge<bk::Tokens>(1u);
    REQUIRE_FALSE(down.has_value());
    CHECK(down.error().kind() == EK::ConnectionFailed);
    REQUIRE(server.restart());
    const auto back = b.charge<bk::Tokens>(2u);  // the new server has no script: reloaded
    REQUIRE(back.has_value());
    CHECK(*b.spent<bk::Tokens>() == 2);  // no AOF here: the old total is gone
}

TEST_CASE("with AOF, a server killed mid-run loses no acknowledged charge") {
    Server server{ServerConfig{.aof = true}};
    REQUIRE(server.running());
    bkr::Client client{server.options(milliseconds{500})};
    auto b = budget_on(client, "aof");
    REQUIRE(b.reset().has_value());

    // The server is killed after 300 acknowledged charges and restarted after
    // 20 failed ones (from this thread: a server forked by another thread
    // would die with that thread, see PR_SET_PDEATHSIG in server.hpp).
    bool restart_ok = false;
    bool killed = false;
    std::uint64_t acked = 0;
    std::uint64_t unknown = 0;
    std::uint64_t faults = 0;
    std::uint64_t after_restart = 0;
    const auto deadline = Clock::now() + std::chrono::seconds{30};
    while (Clock::now() < deadline && after_restart < 200) {
        if (acked == 300 && !killed) {
            server.kill();
            killed = true;
        }
        if (faults == 20 && !restart_ok) {
            restart_ok = server.restart();
            REQUIRE(restart_ok);
        }
        const auto v = b.charge<bk::Millis>(1u);
        if (v) {
            ++acked;
            after_restart += restart_ok ? 1 : 0;
            continue;
        }
        ++faults;
        const EK k = v.error().kind();
        CHECK((k == EK::OutcomeUnknown || k == EK::ConnectionLost || k == EK::ConnectionFailed || k == EK::Timeout));
        unknown += k == EK::OutcomeUnknown ? 1 : 0;
    }
    REQUIRE(restart_ok);
    CHECK(faults == 20);
    CHECK(after_restart == 200);
    const auto total = b.spent<bk::Millis>();
    REQUIRE(total.has_value());
    CHECK(*total >= acked);            // nothing acknowledged was lost
    CHECK(*total <= acked + unknown);  // and nothing was counted twice
}
