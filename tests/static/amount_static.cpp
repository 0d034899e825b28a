// What converts to an Amount, asked the way generic code asks (a concept, a
// requires-expression, std::is_convertible), and the answer must agree with
// what a call does. Built twice: -std=c++20 and -std=gnu++20, where
// `__int128` counts as an integral type and must still never be narrowed.
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include "support.hpp"

using namespace bktest;

namespace {

using B = Llm<bk::SafeStorage>;

// `amount` is an lvalue here: a variable, as in `b.charge<Tokens>(n)`.
template <class T>
concept ChargeableVariable = requires(B b, T amount) {
    b.charge<bk::Tokens>(amount);
};
// A prvalue or xvalue of T, as a literal or an expression is.
template <class T>
concept ChargeableValue = requires(B b) {
    b.charge<bk::Tokens>(std::declval<T>());
};
template <class T>
concept KeyedChargeableVariable = requires(B b, T amount) {
    b.charge(bk::dim<bk::Tokens>, amount);
};
template <class T>
concept LimitableVariable = requires(T amount) {
    B::keyed_builder().limit(bk::dim<bk::Tokens>, amount);
};

// Unsigned integers up to 64 bits: always.
static_assert(ChargeableVariable<unsigned> && ChargeableVariable<std::uint64_t> && ChargeableVariable<std::uint8_t>);
static_assert(ChargeableVariable<const std::uint64_t> && ChargeableValue<std::uint32_t>);
// The twins of the signed refusals below:
static_assert(KeyedChargeableVariable<unsigned> && LimitableVariable<std::uint64_t>);
static_assert(std::is_convertible_v<std::uint64_t&, bk::Amount> && std::is_convertible_v<std::uint16_t, bk::Amount>);

// Signed variables: never (the call would be a hard error, so the answer is no).
static_assert(!ChargeableVariable<int> && !ChargeableVariable<const int> && !ChargeableVariable<std::int64_t>);
static_assert(!ChargeableVariable<long long> && !ChargeableVariable<signed char> && !ChargeableVariable<short>);
static_assert(!KeyedChargeableVariable<int> && !LimitableVariable<std::int64_t>);
static_assert(!std::is_convertible_v<int&, bk::Amount> && !std::is_convertible_v<const int&, bk::Amount>);
static_assert(!std::is_constructible_v<bk::Amount, std::int64_t&>);

// Signed prvalues: yes, through the consteval constructor, which refuses
// negative constants (tests/compile_fail/negative_amount.cpp). A literal:
static_assert(ChargeableValue<int>);
constexpr std::uint64_t charge_literal() noexcept {
    B b = make_llm<B>();
    (void)b.charge<bk::Tokens>(120);
    (void)b.charge(bk::dim<bk::Tokens>, 3);
    return b.spent<bk::Tokens>();
}
static_assert(charge_literal() == 123);

// Neither bool nor non-integers.
static_assert(!ChargeableVariable<bool> && !ChargeableValue<bool> && !ChargeableVariable<double>);
static_assert(!ChargeableValue<float> && !ChargeableVariable<const char*>);

// Wider than 64 bits: never, not even a constant (a value that does not fit
// must not become a smaller one).
#if defined(__SIZEOF_INT128__)
__extension__ using u128 = unsigned __int128;
__extension__ using i128 = __int128;
static_assert(!ChargeableVariable<u128> && !ChargeableValue<u128> && !ChargeableVariable<i128>);
static_assert(!ChargeableValue<i128> && !KeyedChargeableVariable<u128> && !LimitableVariable<u128>);
static_assert(!std::is_convertible_v<u128, bk::Amount> && !std::is_constructible_v<bk::Amount, i128>);
#endif

// amount_from: the checked conversion from any integer.
static_assert(bk::amount_from(std::int64_t{0}) == bk::Amount{0U});
static_assert(bk::amount_from(std::int64_t{42})->value() == 42);
static_assert(!bk::amount_from(std::int64_t{-1}).has_value());
static_assert(!bk::amount_from(std::numeric_limits<std::int64_t>::min()).has_value());
static_assert(bk::amount_from(std::numeric_limits<std::int64_t>::max())->value() == 0x7fff'ffff'ffff'ffffU);
static_assert(bk::amount_from(max)->value() == max);
static_assert(bk::amount_from(static_cast<signed char>(-128)) == std::nullopt);
static_assert(bk::amount_from(std::uint8_t{255})->value() == 255);
#if defined(__SIZEOF_INT128__)
static_assert(bk::amount_from((u128{1} << 64U) + 5U) == std::nullopt);  // 2^64+5 is not 5
static_assert(bk::amount_from(u128{max})->value() == max);
static_assert(bk::amount_from(u128{max} + 1U) == std::nullopt);
static_assert(bk::amount_from(i128{-1}) == std::nullopt);
static_assert(bk::amount_from(i128{max})->value() == max);
static_assert(bk::amount_from(i128{max} + 1) == std::nullopt);
#endif
template <class T>
concept Convertible = requires(T v) {
    bk::amount_from(v);
};
static_assert(Convertible<int> && Convertible<std::uint64_t> && !Convertible<bool> && !Convertible<double>);
static_assert(noexcept(bk::amount_from(1)));

}  // namespace

int main() { return 0; }
