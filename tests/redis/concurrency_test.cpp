// Several processes on one budget: exact totals (nothing lost, nothing
// counted twice) and no overcommit by try_charge or reserve, whatever the
// interleaving. Each worker is a forked process with its own connection.
#include <doctest/doctest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <budgetkernel/redis/redis.hpp>
#include <vector>

#include "server.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bkredis_test;

namespace {

using RBudget = bkr::Budget<Three>;
constexpr int workers = 4;

// tokens 1000 (warn 800), millis 2^63 (no warn), calls 2^64-1.
bk::Configuration<Three> config() {
    return Llm<bk::SafeStorage>::builder()
        .limit_with_warn<bk::Tokens>(1000, 800)
        .limit<bk::Millis>(std::uint64_t{1} << 63U)
        .limit<bk::Calls>(max)
        .build()
        ->configuration();
}

// Runs `work(worker index)` in `workers` child processes; each child's exit
// status is what `work` returns (0..255). Returns the statuses.
template <class F>
std::vector<int> in_processes(F work) {
    std::vector<pid_t> pids;
    for (int w = 0; w < workers; ++w) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::_exit(work(w));
        }
        pids.push_back(pid);
    }
    std::vector<int> statuses;
    for (const pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        statuses.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    return statuses;
}

RBudget budget(bkr::Client& client, std::string_view name) {
    auto b = RBudget::make(client, config(), name, "concurrency:");
    REQUIRE(b.has_value());
    return *b;
}

}  // namespace

TEST_CASE("the server fixture is up") { REQUIRE(shared_server().running()); }

TEST_CASE("concurrent charges from several processes: the total is exact") {
    {
        bkr::Client client{shared_server().options()};
        REQUIRE(budget(client, "exact").reset().has_value());
    }
    constexpr int per_worker = 500;
    const auto statuses = in_processes([](int w) {
        bkr::Client client{shared_server().options()};
        auto b = *RBudget::make(client, config(), "exact", "concurrency:");
        for (int i = 0; i < per_worker; ++i) {
            // Amounts near 2^53 on millis: a double-based counter would drift.
            if (!b.charge<bk::Millis>((std::uint64_t{1} << 53U) + static_cast<std::uint64_t>(w)) ||
                !b.charge<bk::Calls>(1u)) {
                return 1;
            }
        }
        return 0;
    });
    CHECK(statuses == std::vector<int>(workers, 0));
    bkr::Client client{shared_server().options()};
    auto b = budget(client, "exact");
    std::uint64_t expected_millis = 0;
    for (int w = 0; w < workers; ++w) {
        expected_millis += per_worker * ((std::uint64_t{1} << 53U) + static_cast<std::uint64_t>(w));
    }
    CHECK(*b.spent<bk::Millis>() == expected_millis);
    CHECK(*b.spent<bk::Calls>() == std::uint64_t{workers} * per_worker);
}

TEST_CASE("no_overcommit_under_contention: try_charge and reserve never pass the limit") {
    {
        bkr::Client client{shared_server().options()};
        REQUIRE(budget(client, "quota").reset().has_value());
    }
    // Each worker asks for 3 tokens at a time (try_charge) or holds 5 and
    // settles 3 (reserve), until refused; it reports how many tokens it got.
    const auto statuses = in_processes([](int w) {
        bkr::Client client{shared_server().options()};
        auto b = *RBudget::make(client, config(), "quota", "concurrency:");
        int got = 0;
        for (int i = 0; i < 1000; ++i) {
            if (w % 2 == 0) {
                const auto v = b.try_charge<bk::Tokens, bk::Calls>(3u, 1u);
                if (!v) {
                    return v.error().kind() == bkr::Error::Kind::WouldExhaust ? got / 3 : 255;
                }
                if (v->is_exhausted()) {
                    return 254;
                }
            } else {
                auto r = b.reserve<bk::Tokens, bk::Calls>(5u, 1u);
                if (!r) {
                    return r.error().kind() == bkr::Error::Kind::WouldExhaust ? got / 3 : 253;
                }
                if (!r.settle(3u, 1u)) {
                    return 252;
                }
            }
            got += 3;
        }
        return 251;
    });
    bkr::Client client{shared_server().options()};
    auto b = budget(client, "quota");
    std::uint64_t granted = 0;
    for (const int s : statuses) {
        REQUIRE(s >= 0);
        REQUIRE(s < 250);
        granted += 3 * static_cast<std::uint64_t>(s);
    }
    const std::uint64_t tokens = *b.spent<bk::Tokens>();
    CHECK(tokens == granted);  // every admitted amount recorded, nothing else
    CHECK(tokens <= 1000);     // never past the limit
    CHECK(tokens > 1000 - 5);  // and refused only when the next one did not fit
    CHECK(*b.spent<bk::Calls>() == granted / 3);
}
