// Keys compare by type identity in constant evaluation, also for distinct
// types whose predefined-function text is the same (see key_identity.hpp);
// tests/runtime/key_identity_test.cpp checks the same table at run time.
#include "key_identity.hpp"

namespace {
using namespace bktest::identity;

static_assert(equality_table() == identity_matrix());
static_assert(keyed_charges_hit_the_right_dimension<Budget<bk::SafeStorage>>());
static_assert(keyed_charges_hit_the_right_dimension<Budget<bk::UnsafeStorage>>());
static_assert(bk::dim<Alpha>.name() == bk::dim<AlsoAlpha>.name() && bk::dim<Alpha> != bk::dim<AlsoAlpha>);
}  // namespace

int main() { return 0; }
