// UnsafeStorage in constant evaluation: slots are written at construction
// (with a poison pattern), so constexpr objects are fully initialised, can be
// copied (clang 14 refuses to copy anything else), and read 0 until stored.
#include "support.hpp"

namespace {
template <std::size_t N>
constexpr bool slots_behave() {
    bk::detail::UninitializedSlots<N> s;
    for (std::size_t i = 0; i < N; ++i) {
        if (s.load(i) != 0) {
            return false;  // a poisoned slot leaked through: presence check skipped
        }
    }
    s.store(N - 1, 7);
    const auto copy = s;
    auto assigned = bk::detail::UninitializedSlots<N>{};
    assigned = copy;
    s.clear();
    return s.load(N - 1) == 0 && copy.load(N - 1) == 7 && assigned.load(N - 1) == 7 &&
           assigned.load(0) == (N == 1 ? 7 : 0);
}
static_assert(slots_behave<1>() && slots_behave<8>() && slots_behave<9>() && slots_behave<64>());

constexpr bk::detail::UninitializedSlots<3> constant_slots{};
static_assert(constant_slots.load(2) == 0);
}  // namespace

int main() { return 0; }
