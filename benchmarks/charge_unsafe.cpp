// budgetkernel benchmarks: charge cases of budgets with UnsafeStorage, one budget
// charged over and over (latency).
#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_unsafe_charges() { charges::LibraryCases<bk::UnsafeStorage, 1>::register_all("unsafe"); }

}  // namespace bench
