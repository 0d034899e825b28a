// A set of 65 dimensions: one error, the set's own, and nothing from the
// storage below it.
// first-error: budgetkernel: a dimension set may list at most 64 dimensions
// max-errors: 1
// max-lines: 39
#include <budgetkernel/budgetkernel.hpp>
#include <utility>
namespace bk = budgetkernel;
template <int I>
struct Numbered {
    static constexpr std::array<char, 3> text{char('a' + I / 26), char('a' + I % 26), '\0'};
    static constexpr std::string_view name{text.data(), 2};
};
template <int... I>
auto numbered(std::integer_sequence<int, I...>) -> bk::Dims<Numbered<I>...>;
#ifdef BKTEST_FAIL
using Set = decltype(numbered(std::make_integer_sequence<int, 65>{}));
#else
using Set = decltype(numbered(std::make_integer_sequence<int, 64>{}));
#endif
int main() { return static_cast<int>(bk::Budget<Set>::dims::size) - 64; }
