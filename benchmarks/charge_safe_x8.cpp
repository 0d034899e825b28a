// budgetkernel benchmarks: charge cases of budgets with SafeStorage, eight budgets
// charged in turn (throughput).
#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_safe_charges_x8() { charges::LibraryCases<bk::SafeStorage, 8>::register_all("safe"); }

}  // namespace bench
