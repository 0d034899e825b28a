// task_runner: a batch of tasks bounded by calls, time, output bytes and an
// application-defined "work units" counter kept in the standard Custom0 slot.
//
// Every task charges one call, then its milliseconds, its bytes and its work
// units; the task's verdict is the worst of the four. The runner stops at the
// first exhausted task.

#include <array>
#include <cstdint>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

/// Work units: the runner's own measure of effort. Its dimension is named
/// "custom0" in verdicts and configuration.
using WorkUnits = bk::Custom0;

using TaskBudget = bk::Budget<bk::Dims<bk::Calls, bk::Millis, bk::Bytes, WorkUnits>>;

struct Task {
    std::string_view name;
    std::uint64_t millis;
    std::uint64_t bytes;
    std::uint64_t work_units;
};

constexpr std::array<Task, 5> tasks{{
    {"parse", 1500, 200000, 10},
    {"index", 3000, 650000, 25},
    {"rank", 4000, 500000, 35},
    {"summarize", 3200, 450000, 20},
    {"extra-cleanup", 1200, 120000, 8},
}};

}  // namespace

int main() {
    const auto built = TaskBudget::builder()
                           .limit_with_warn<bk::Calls>(4, 3)
                           .limit_with_warn<bk::Millis>(12000, 9000)
                           .limit_with_warn<bk::Bytes>(2000000, 1600000)
                           .limit_with_warn<WorkUnits>(100, 80)
                           .build();
    if (!built) {
        examples::print_error("task_runner", built.error().message().view());
        return 1;
    }
    TaskBudget budget = *built;

    for (const Task& task : tasks) {
        const bk::Verdict calls = budget.charge<bk::Calls>(1U);
        const bk::Verdict millis = budget.charge<bk::Millis>(task.millis);
        const bk::Verdict bytes = budget.charge<bk::Bytes>(task.bytes);
        const bk::Verdict units = budget.charge<WorkUnits>(task.work_units);
        const bk::Verdict verdict = bk::Verdict::worst(calls, millis, bytes, units);
        examples::print_step(task.name, verdict);
        if (verdict.is_exhausted()) {
            break;
        }
    }
    return 0;
}
