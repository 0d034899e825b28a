// budgetkernel benchmarks: charge cases of budgets with SafeStorage, one budget
// charged over and over (latency).
#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_safe_charges() { charges::LibraryCases<bk::SafeStorage, 1>::register_all("safe"); }

}  // namespace bench
