// A set holding a type that is not a dimension, built through the keyed
// builder (which reads the set's keys): the set's error is the only one.
// first-error: budgetkernel: this type is not a dimension
// expect: require_dimension<\s*(struct )?Widget\s*>
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
namespace bk = budgetkernel;
struct Widget {
    int name = 0;  // not a static constexpr std::string_view
};
struct Pages {
    static constexpr std::string_view name = "pages";
};
#ifdef BKTEST_FAIL
using B = bk::Budget<bk::Dims<bk::Tokens, Widget>>;
#else
using B = bk::Budget<bk::Dims<bk::Tokens, Pages>>;
#endif
int main() {
    auto r = B::keyed_builder().limit(bk::dim<bk::Tokens>, 10).limit(*B::find_dim("pages"), 5).build();
    return r.has_value() ? 0 : 1;
}
