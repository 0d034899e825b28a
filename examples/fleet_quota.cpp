// fleet_quota: several processes share one tenant's quota through Redis.
// Each worker process reserves the maximum a request may cost, "sends" the
// request, and settles what it really used; the quota holds across all of
// them because the counters live in Redis, not in any one process.
//   fleet_quota <redis-port> [workers (1-16, default 4)]
#include <sys/wait.h>
#include <unistd.h>

#include <budgetkernel/budgetkernel.hpp>
#include <budgetkernel/redis/redis.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bk = budgetkernel;
namespace bkr = budgetkernel::redis;
using Quota = bk::Budget<bk::Dims<bk::Calls, bk::Tokens>>;
using Shared = bkr::Budget<Quota::dims>;

namespace {

// The tenant's daily quota: 40 calls (warn after 30), 20000 tokens (warn after 16000).
bk::Configuration<Quota::dims> quota() {
    constexpr auto built =
        Quota::builder().limit_with_warn<bk::Calls>(40, 30).limit_with_warn<bk::Tokens>(20000, 16000).build();
    static_assert(built.has_value());
    return built->configuration();
}

bkr::Options options(int port) {
    bkr::Options o;
    o.port = port;
    o.command_timeout = std::chrono::milliseconds{500};
    return o;
}

// One worker: requests until the quota refuses one. Returns the requests made.
int worker(int port, int id) {
    bkr::Client client{options(port)};
    auto shared = Shared::make(client, quota(), "tenant-acme", "fleet_quota:");
    if (!shared) {
        std::fprintf(stderr, "worker %d: %s\n", id, shared.error().message().c_str());
        return 0;
    }
    int made = 0;
    for (int request = 1; request <= 100; ++request) {
        auto held = shared->reserve<bk::Calls, bk::Tokens>(1u, 1000u);  // at most 1000 tokens per request
        if (!held) {
            std::printf("worker %d request %d: refused (%s)\n", id, request, held.error().message().c_str());
            break;
        }
        const std::uint64_t used = 200 + static_cast<std::uint64_t>((id * 37 + request * 91) % 600);
        const auto v = held.settle(1u, used);
        if (!v) {
            std::fprintf(stderr, "worker %d: %s\n", id, v.error().message().c_str());
            break;
        }
        ++made;
        std::printf("worker %d request %d: used %llu tokens: %s\n", id, request, static_cast<unsigned long long>(used),
                    v->is_warning() ? "warn" : "continue");
    }
    return made;
}

}  // namespace

int main(int argc, char** argv) {
    const int port = argc > 1 ? std::atoi(argv[1]) : 0;
    const int workers = argc > 2 ? std::atoi(argv[2]) : 4;
    if (port <= 0 || port > 65535 || workers < 1 || workers > 16) {
        std::fprintf(stderr, "fleet_quota: usage: fleet_quota <redis-port> [workers (1-16)]\n");
        return 2;
    }
    bkr::Client client{options(port)};
    auto shared = Shared::make(client, quota(), "tenant-acme", "fleet_quota:");
    if (!shared || !shared->reset()) {
        std::fprintf(stderr, "fleet_quota: cannot reach Redis on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::fflush(stdout);
    for (int id = 1; id <= workers; ++id) {
        if (::fork() == 0) {
            const int made = worker(port, id);
            std::fflush(stdout);
            std::_Exit(made > 0 ? 0 : 3);
        }
    }
    for (int id = 1; id <= workers; ++id) {
        ::wait(nullptr);
    }
    const auto calls = shared->spent<bk::Calls>();
    const auto tokens = shared->spent<bk::Tokens>();
    if (!calls || !tokens) {
        std::fprintf(stderr, "fleet_quota: cannot read the totals\n");
        return 1;
    }
    std::printf("tenant-acme: %llu of 40 calls, %llu of 20000 tokens (%s)\n", static_cast<unsigned long long>(*calls),
                static_cast<unsigned long long>(*tokens),
                *calls <= 40 && *tokens <= 20000 ? "within quota" : "OVER QUOTA");
    return *calls <= 40 && *tokens <= 20000 ? 0 : 1;
}
