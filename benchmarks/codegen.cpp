// budgetkernel benchmarks: one charge per function, never inlined, so that
// the code a typed charge compiles to can be read in isolation:
//
//   objdump -d -C --no-show-raw-insn -M intel <build>/benchmarks/budgetkernel_bench |
//     awk '/<codegen::/,/^$/'
//
// Nothing calls these; they exist to be disassembled (docs/PERFORMANCE.md).
#include <cstdint>

#include "fixtures.hpp"
#include "reference.hpp"

namespace codegen {

namespace bk = budgetkernel;
using bench::BudgetOf;
using bench::Dims3;

[[gnu::noinline]] bk::Verdict typed_charge_unsafe(BudgetOf<Dims3, bk::UnsafeStorage>& budget,
                                                  std::uint64_t amount) noexcept {
    return budget.charge<bk::Tokens>(amount);
}

[[gnu::noinline]] bk::Verdict typed_charge_safe(BudgetOf<Dims3, bk::SafeStorage>& budget,
                                                std::uint64_t amount) noexcept {
    return budget.charge<bk::Tokens>(amount);
}

[[gnu::noinline]] bench::HandVerdict hand_written_charge(bench::HandWritten<3>& counters,
                                                         std::uint64_t amount) noexcept {
    return counters.charge<0>(amount);
}

// The last dimension of the set: the library's Continue carries a fixed
// default key, the other verdicts Calls's key (see docs/PERFORMANCE.md).
[[gnu::noinline]] bk::Verdict typed_charge_safe_last(BudgetOf<Dims3, bk::SafeStorage>& budget,
                                                     std::uint64_t amount) noexcept {
    return budget.charge<bk::Calls>(amount);
}

[[gnu::noinline]] bench::HandVerdict hand_written_charge_last(bench::HandWritten<3>& counters,
                                                              std::uint64_t amount) noexcept {
    return counters.charge<2>(amount);
}

[[gnu::noinline]] BudgetOf<Dims3, bk::UnsafeStorage>::keyed_charge_result keyed_charge_unsafe(
    BudgetOf<Dims3, bk::UnsafeStorage>& budget, bk::Dim key, std::uint64_t amount) noexcept {
    return budget.charge(key, amount);
}

[[gnu::noinline]] BudgetOf<Dims3, bk::SafeStorage>::keyed_charge_result keyed_charge_safe(
    BudgetOf<Dims3, bk::SafeStorage>& budget, bk::Dim key, std::uint64_t amount) noexcept {
    return budget.charge(key, amount);
}

[[gnu::noinline]] bk::Verdict would_charge_safe(const BudgetOf<Dims3, bk::SafeStorage>& budget,
                                                std::uint64_t amount) noexcept {
    return budget.would_charge<bk::Tokens>(amount);
}

[[gnu::noinline]] BudgetOf<Dims3, bk::SafeStorage>::keyed_charge_result try_charge_safe(
    BudgetOf<Dims3, bk::SafeStorage>& budget, std::uint64_t amount) noexcept {
    return budget.try_charge<bk::Tokens>(amount);
}

}  // namespace codegen
