// budgetkernel benchmarks: the hand-written reference's charge cases.
#include "cases.hpp"
#include "charge_cases.hpp"

namespace bench {

void register_reference_charges() {
    charges::ReferenceCases<1>::register_all();
    charges::ReferenceCases<8>::register_all();
}

}  // namespace bench
