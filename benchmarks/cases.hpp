// budgetkernel benchmarks: registration of the cases, one function per
// source file (see charge_cases.hpp for why the files are split).
#pragma once

namespace bench {

void register_reference_charges();
void register_reference_copy();
void register_unsafe_charges();
void register_unsafe_charges_x8();
void register_safe_charges();
void register_safe_charges_x8();
void register_lifecycle_benchmarks();
void register_admission_benchmarks();
void register_vector_of_budgets();
void register_plain_checkpoints();
void register_keyed_lists();
void register_keyed_admission_lists();

}  // namespace bench
