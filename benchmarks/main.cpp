// budgetkernel benchmarks: entry point. Adds what a report needs besides the
// timings to the run's context (the JSON "context" object): the compiler,
// whether the code was optimised, and the size of budgets per storage policy.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>

#include "cases.hpp"
#include "fixtures.hpp"
#include "reference.hpp"

namespace {

namespace bk = budgetkernel;

void add_size(const std::string& what, std::size_t bytes) {
    benchmark::AddCustomContext("sizeof/" + what, std::to_string(bytes));
}

template <class Storage>
void add_budget_sizes(const std::string& policy) {
    add_size(policy + "/1", sizeof(bench::BudgetOf<bench::Dims1, Storage>));
    add_size(policy + "/3", sizeof(bench::BudgetOf<bench::Dims3, Storage>));
    add_size(policy + "/8", sizeof(bench::BudgetOf<bench::Dims8, Storage>));
}

void add_context() {
#if defined(__clang__)
    benchmark::AddCustomContext("compiler", "clang++ " __clang_version__);
#elif defined(__GNUC__)
    benchmark::AddCustomContext("compiler", "g++ " __VERSION__);
#endif
#if defined(__OPTIMIZE__)
    benchmark::AddCustomContext("optimized", "yes");
#else
    benchmark::AddCustomContext("optimized", "no");
#endif
    add_budget_sizes<bk::UnsafeStorage>("unsafe");
    add_budget_sizes<bk::SafeStorage>("safe");
    add_size("reference/1", sizeof(bench::HandWritten<1>));
    add_size("reference/3", sizeof(bench::HandWritten<3>));
    add_size("reference/8", sizeof(bench::HandWritten<8>));
    add_size("verdict", sizeof(bk::Verdict));
    add_size("keyed_charge_result", sizeof(bench::BudgetOf<bench::Dims3, bk::SafeStorage>::keyed_charge_result));
    add_size("reference_verdict", sizeof(bench::HandVerdict));
}

}  // namespace

int main(int argc, char** argv) {
    add_context();
    bench::register_reference_charges();
    bench::register_reference_copy();
    bench::register_unsafe_charges();
    bench::register_safe_charges();
    bench::register_unsafe_charges_x8();
    bench::register_safe_charges_x8();
    bench::register_lifecycle_benchmarks();
    bench::register_admission_benchmarks();
    bench::register_vector_of_budgets();
    bench::register_plain_checkpoints();
    bench::register_keyed_lists();
    bench::register_keyed_admission_lists();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
