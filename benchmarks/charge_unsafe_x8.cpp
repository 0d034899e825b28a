// budgetkernel benchmarks: charge cases of budgets with UnsafeStorage, eight budgets
// charged in turn (throughput).
#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_unsafe_charges_x8() { charges::LibraryCases<bk::UnsafeStorage, 8>::register_all("unsafe"); }

}  // namespace bench
