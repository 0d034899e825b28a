// custom_budget: a budget type of the project's own (see gpu_budget.hpp)
// charged for a night of render jobs.
//
// Every job charges one submission, then the GPU seconds the scheduler
// reported. The Checked overflow policy turns a corrupt reading (2^64-1, what
// a negative duration becomes in an unsigned field) into a refused charge:
// the job's line says so, nothing is added, and the night goes on. The
// program stops at the first exhausted job.

#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#include "gpu_budget.hpp"
#include "report.hpp"

namespace bk = budgetkernel;
using render_farm::GpuBudget;
using render_farm::GpuSeconds;

namespace {

// The configuration also works in a constant expression: one job longer than
// the whole allowance exhausts the budget, and spent keeps what was charged.
static_assert([] {
    GpuBudget budget{*render_farm::nightly_limits};
    const auto verdict = budget.charge<GpuSeconds>(7201U);
    return verdict.has_value() && verdict->is_exhausted() && budget.spent<GpuSeconds>() == 7201;
}());

struct Job {
    std::string_view name;
    std::uint64_t gpu_seconds;
};

constexpr std::array<Job, 5> night{{
    {"render-preview", 900},
    {"bake-lighting", 2400},
    {"sensor-glitch", std::numeric_limits<std::uint64_t>::max()},
    {"denoise", 2800},
    {"final-render", 1500},
}};

void print_refusal(std::string_view job, const bk::ChargeError& error, std::uint64_t spent) {
    const std::string_view kind = bk::to_string(error.kind());
    const std::string_view dim = error.dimension().name();
    std::printf("%.*s: refused (%.*s on %.*s; spent stays %" PRIu64 ")\n", examples::width(job), job.data(),
                examples::width(kind), kind.data(), examples::width(dim), dim.data(), spent);
}

}  // namespace

int main() {
    GpuBudget budget{*render_farm::nightly_limits};

    for (const Job& job : night) {
        const GpuBudget::charge_result submission = budget.charge<bk::Calls>(1U);
        if (!submission) {
            examples::print_error("custom_budget", submission.error().message().view());
            return 1;
        }
        const GpuBudget::charge_result gpu = budget.charge<GpuSeconds>(job.gpu_seconds);
        if (!gpu) {
            print_refusal(job.name, gpu.error(), budget.spent<GpuSeconds>());
            continue;
        }
        const bk::Verdict verdict = bk::Verdict::worst(*submission, *gpu);
        examples::print_step(job.name, verdict);
        if (verdict.is_exhausted()) {
            break;
        }
    }
    return 0;
}
