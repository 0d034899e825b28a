// The plugin side: keyed charges and keys made inside a shared object.
#include "budget_types.hpp"

namespace {
constexpr bk::Dim tokens = bk::dim<bk::Tokens>;
constexpr bk::Dim usd = bk::dim<UsdMicros>;
constexpr bk::Dim calls = bk::dim<bk::Calls>;
}  // namespace

BKTEST_EXPORT int bktest_plugin_charge(SharedBudget& budget, const bk::Dim* key, std::uint64_t amount) {
    return budget.charge(*key, amount).has_value() ? 1 : 0;
}

BKTEST_EXPORT const bk::Dim* bktest_plugin_key(int which) {
    switch (which) {
        case 0:
            return &tokens;
        case 1:
            return &usd;
        default:
            return &calls;
    }
}
