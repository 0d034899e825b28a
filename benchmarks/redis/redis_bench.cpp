// The Redis ledger's cost: charges per second and round trips per charge,
// one by one and pipelined, against a bare INCRBY (the floor: one round trip
// and the cheapest write Redis has). Starts its own redis-server on a free
// loopback port and stops it. Prints a Markdown table.
//   redis_bench [charges per case, default 20000]
#include <budgetkernel/budgetkernel.hpp>
#include <budgetkernel/redis/redis.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "../../tests/redis/server.hpp"

namespace bk = budgetkernel;
namespace bkr = budgetkernel::redis;
using Set = bk::Dims<bk::Tokens, bk::Calls>;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t batch = 100;

struct Row {
    const char* name;
    double per_second;
    double trips_per_charge;
};

// Runs `body(n)` (which must perform n charges) and measures it.
Row measure(const char* name, bkr::Client& client, std::size_t n, const std::function<bool(std::size_t)>& body) {
    const auto trips = client.round_trips();
    const auto start = Clock::now();
    if (!body(n)) {
        std::fprintf(stderr, "redis_bench: %s failed\n", name);
        std::exit(1);
    }
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    return {name, static_cast<double>(n) / secs,
            static_cast<double>(client.round_trips() - trips) / static_cast<double>(n)};
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
    if (n < batch || n % batch != 0) {
        std::fprintf(stderr, "redis_bench: the count must be a multiple of %zu\n", batch);
        return 2;
    }
    bkredis_test::Server server;
    if (!server.running()) {
        std::fprintf(stderr, "redis_bench: cannot start redis-server\n");
        return 1;
    }
    bkr::Client client{server.options()};
    const auto config = bk::Budget<Set>::builder().limit<bk::Tokens>(UINT64_MAX).limit<bk::Calls>(UINT64_MAX).build();
    auto budget = *bkr::Budget<Set>::make(client, config->configuration(), "bench");
    if (!budget.reset()) {
        return 1;
    }
    std::vector<Row> rows;
    rows.push_back(measure("INCRBY, one by one (floor)", client, n, [&](std::size_t k) {
        for (std::size_t i = 0; i < k; ++i) {
            const std::string_view args[] = {"INCRBY", "bench:floor", "7"};
            if (!client.command(args, -1, bkr::Access::Change)) {
                return false;
            }
        }
        return true;
    }));
    rows.push_back(measure("INCRBY, pipelined by 100 (floor)", client, n, [&](std::size_t k) {
        const std::vector<std::vector<std::string>> cmds(batch, {"INCRBY", "bench:floor", "7"});
        for (std::size_t i = 0; i < k; i += batch) {
            if (!client.pipeline(cmds, -1, bkr::Access::Change)) {
                return false;
            }
        }
        return true;
    }));
    rows.push_back(measure("charge<Tokens>, one by one", client, n, [&](std::size_t k) {
        for (std::size_t i = 0; i < k; ++i) {
            if (!budget.charge<bk::Tokens>(7u)) {
                return false;
            }
        }
        return true;
    }));
    rows.push_back(measure("charge<Tokens>, pipelined by 100", client, n, [&](std::size_t k) {
        const std::vector<std::uint64_t> amounts(batch, 7);
        for (std::size_t i = 0; i < k; i += batch) {
            if (!budget.charge_pipelined<bk::Tokens>(amounts)) {
                return false;
            }
        }
        return true;
    }));
    rows.push_back(measure("try_charge<Tokens, Calls>, one by one", client, n, [&](std::size_t k) {
        for (std::size_t i = 0; i < k; ++i) {
            if (!budget.try_charge<bk::Tokens, bk::Calls>(7u, 1u)) {
                return false;
            }
        }
        return true;
    }));
    rows.push_back(measure("reserve<Tokens> + settle, one by one", client, n, [&](std::size_t k) {
        for (std::size_t i = 0; i < k; ++i) {
            auto r = budget.reserve<bk::Tokens>(10u);
            if (!r || !r.settle(7u)) {
                return false;
            }
        }
        return true;
    }));
    std::printf(
        "| case | charges/s | round trips per charge | time per charge vs INCRBY one by one |\n|---|---:|---:|---:|\n");
    for (const Row& r : rows) {
        std::printf("| %s | %.0f | %.2f | %.2fx |\n", r.name, r.per_second, r.trips_per_charge,
                    rows.front().per_second / r.per_second);
    }
    return 0;
}
