// budgetkernel benchmarks: a second, identical copy of the reference's
// continuing charge, compiled apart from the first so that it sits elsewhere
// in the program. Its ratio to the first is the noise floor of the run: what
// separates two copies of the same instructions.
#include <benchmark/benchmark.h>

#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_reference_copy() {
    benchmark::RegisterBenchmark("charge/continue/reference-copy",
                                 charges::hand_written_charge<1, State::Continue, 0, 1>);
    benchmark::RegisterBenchmark("charge-x8/continue/reference-copy",
                                 charges::hand_written_charge<8, State::Continue, 0, 1>);
}

}  // namespace bench
