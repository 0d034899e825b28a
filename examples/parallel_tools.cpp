// parallel_tools: one agent budget shared by tool calls running in parallel,
// then the agent's run charged inside a tenant's and a global budget.
//
// Part 1: four tools run at once, each on its own std::thread. Before its
// call a tool reserves its maximum (3000 tokens and one call) on the shared
// budget; when the call returns it settles with what it really used. The
// budget's counters are atomics (bk::AtomicStorage), so no mutex is needed,
// and reservations never let the holds pass the limit. The lines are printed
// in tool order after every thread has finished, so the output does not
// depend on the interleaving.
//
// Part 2: the run's budget, a tenant's budget and a global budget form a
// chain: each step is admitted by all three or by none (try_charge); the
// last step is charged whatever it costs (charge). A line names the budget
// that gave the verdict: `<step>: warn on tokens (run)`,
// `<step>: refused by tenant on tokens`.

#include <array>
#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <thread>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

using Agent = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>, bk::AtomicStorage>;
using Tenant = bk::Budget<bk::Dims<bk::Tokens>, bk::SafeStorage>;
using Global = bk::Budget<bk::Dims<bk::Tokens, bk::Bytes>, bk::AtomicStorage>;

struct Tool {
    std::string_view name;
    std::uint64_t tokens_used;
};

constexpr std::uint64_t tool_estimate = 3000;
constexpr std::array<Tool, 4> tools{{{"search", 1200}, {"fetch", 2500}, {"summarize", 900}, {"translate", 2100}}};

struct Step {
    std::string_view name;
    std::uint64_t tokens;
    bool must_fit;  // try_charge (all or nothing) or charge (record anyway)
};

constexpr std::array<Step, 5> steps{{
    {"plan", 2000, true},
    {"draft", 8000, true},
    {"review", 2500, true},
    {"review-short", 1500, true},
    {"wrap-up", 2000, false},
}};

constexpr std::array<std::string_view, 3> chain_names{"run", "tenant", "global"};

// `<step>: continue`, or `<step>: <kind> on <dim> (<budget>)`.
void print_chain_step(std::string_view step, const bk::ChainVerdict& v) {
    const auto which = v.budget();
    const auto dim = v.dimension();
    if (!which || !dim) {
        examples::print_step(step, v.verdict());
        return;
    }
    const std::string_view kind = bk::to_string(v.kind());
    const std::string_view who = chain_names.at(*which);
    std::printf("%.*s: %.*s on %.*s (%.*s)\n", examples::width(step), step.data(), examples::width(kind), kind.data(),
                examples::width(dim->name()), dim->name().data(), examples::width(who), who.data());
}

}  // namespace

int main() {
    const auto agent_built = Agent::builder().limit_with_warn<bk::Tokens>(20000, 16000).limit<bk::Calls>(8).build();
    const auto tenant_built = Tenant::builder().limit_with_warn<bk::Tokens>(12000, 9000).build();
    const auto global_built = Global::builder().limit<bk::Tokens>(1000000).limit<bk::Bytes>(1U << 30U).build();
    if (!agent_built || !tenant_built || !global_built) {
        examples::print_error("parallel_tools", "invalid limits");
        return 1;
    }
    Agent agent = *agent_built;  // a snapshot copy, made before any thread starts
    Tenant tenant = *tenant_built;
    Global global = *global_built;

    // ---- part 1: parallel tool calls on one shared budget -----------------
    std::array<std::optional<bk::Result<bk::Verdict, bk::ChargeError>>, tools.size()> settled;
    {
        std::array<std::thread, tools.size()> threads;
        for (std::size_t i = 0; i < tools.size(); ++i) {
            threads.at(i) = std::thread([&agent, &settled, i] {
                auto held = agent.reserve<bk::Tokens, bk::Calls>(tool_estimate, 1);
                if (!held) {
                    settled.at(i) = held.error();
                    return;
                }
                // ... the tool runs here; it reports what it used ...
                settled.at(i) = held.settle(tools.at(i).tokens_used, 1);
            });
        }
        for (std::thread& t : threads) {
            t.join();
        }
    }
    for (std::size_t i = 0; i < tools.size(); ++i) {
        const auto& r = *settled.at(i);
        if (!r) {
            examples::print_error("parallel_tools", r.error().message().view());
            return 1;
        }
        examples::print_step(tools.at(i).name, *r);
    }
    std::printf("agent: %" PRIu64 " tokens and %" PRIu64 " calls spent\n", agent.spent<bk::Tokens>(),
                agent.spent<bk::Calls>());

    // ---- part 2: run inside tenant inside global ---------------------------
    bk::Chain chain{agent, tenant, global};
    for (const Step& step : steps) {
        if (step.must_fit) {
            const auto r = chain.try_charge<bk::Tokens>(step.tokens);
            if (!r) {
                const std::string_view who = chain_names.at(r.error().budget());
                const std::string_view dim = r.error().dimension().name();
                std::printf("%.*s: refused by %.*s on %.*s\n", examples::width(step.name), step.name.data(),
                            examples::width(who), who.data(), examples::width(dim), dim.data());
                continue;
            }
            print_chain_step(step.name, *r);
            continue;
        }
        const bk::ChainVerdict v = chain.charge<bk::Tokens>(step.tokens);
        print_chain_step(step.name, v);
        if (v.is_exhausted()) {
            break;
        }
    }
    std::printf("spent: run %" PRIu64 ", tenant %" PRIu64 ", global %" PRIu64 " tokens\n", agent.spent<bk::Tokens>(),
                tenant.spent<bk::Tokens>(), global.spent<bk::Tokens>());
    return 0;
}
