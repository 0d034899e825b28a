// Misuse that is a constraint failure, checked in the language itself, with
// the matching correct use beside each. (Misuse that is a hard error with a
// message is pinned by tests/compile_fail.)
#include <optional>

#include "support.hpp"

using namespace bktest;

namespace {

// ---- Dimension --------------------------------------------------------------
struct NoName {};
struct IntName {
    static constexpr int name = 3;
};
struct RuntimeName {
    static inline std::string_view name = "runtime";  // not a constant
};
struct EmptyName {
    static constexpr std::string_view name = "";
};
struct SpacedName {
    static constexpr std::string_view name = "gpu seconds";
};
struct QuotedName {
    static constexpr std::string_view name = "it's";
};
struct TooLongName {
    static constexpr std::string_view name = "a_dimension_name_that_is_longer_than_forty_eight_";
};
struct LongestName {
    static constexpr std::string_view name = "a_dimension_name_that_is_exactly_forty_eight_ch_";
};
struct CharArrayName {
    static constexpr const char* name = "char_array";
};

static_assert(bk::Dimension<bk::Tokens> && bk::Dimension<GpuSeconds> && bk::Dimension<LongestName>);
static_assert(bk::Dimension<CharArrayName>);
static_assert(!bk::Dimension<int> && !bk::Dimension<NoName> && !bk::Dimension<IntName>);
static_assert(!bk::Dimension<RuntimeName> && !bk::Dimension<EmptyName> && !bk::Dimension<SpacedName>);
static_assert(!bk::Dimension<QuotedName> && !bk::Dimension<TooLongName>);
static_assert(LongestName::name.size() == 48 && TooLongName::name.size() == 49);
static_assert(!bk::Dimension<bk::Tokens&> && !bk::Dimension<const bk::Tokens*>);

// Keys are identities of types, not of names.
struct MyTokens {
    static constexpr std::string_view name = "tokens";
};
static_assert(bk::dim<MyTokens> != bk::dim<bk::Tokens> && bk::dim<MyTokens>.name() == bk::dim<bk::Tokens>.name());
static_assert(bk::dim<bk::Tokens> == bk::Dim::of<bk::Tokens>() && bk::dim<GpuSeconds> != bk::dim<bk::Memory>);

template <class D>
concept HasKey = requires {
    bk::dim<D>;
};
static_assert(HasKey<bk::Tokens> && !HasKey<int> && !HasKey<EmptyName>);

// ---- Policies ---------------------------------------------------------------
struct NotAPolicy {};
struct ThrowingAdd {
    static std::uint64_t add(std::uint64_t a, std::uint64_t b) { return a + b; }  // not noexcept
};
struct WrongAddType {
    static constexpr int add(std::uint64_t, std::uint64_t) noexcept { return 0; }
};
struct StatefulOverflow {
    static constexpr std::uint64_t add(std::uint64_t a, std::uint64_t) noexcept { return a; }
    int state;
};
struct NoClearStorage {
    template <std::size_t N>
    struct slots {
        [[nodiscard]] constexpr std::uint64_t load(std::size_t) const noexcept { return 0; }
        constexpr void store(std::size_t, std::uint64_t) noexcept {}
    };
};

static_assert(bk::OverflowPolicy<bk::Saturate> && bk::OverflowPolicy<bk::Checked>);
static_assert(!bk::OverflowPolicy<NotAPolicy> && !bk::OverflowPolicy<ThrowingAdd>);
static_assert(!bk::OverflowPolicy<WrongAddType> && !bk::OverflowPolicy<StatefulOverflow>);
static_assert(bk::StoragePolicy<bk::SafeStorage> && bk::StoragePolicy<bk::UnsafeStorage>);
static_assert(!bk::StoragePolicy<NotAPolicy> && !bk::StoragePolicy<NoClearStorage> && !bk::StoragePolicy<bk::Saturate>);

template <class S, class O>
concept BudgetAccepts = requires {
    typename bk::Budget<Three, S, O>;
};
static_assert(BudgetAccepts<bk::SafeStorage, bk::Checked>);
static_assert(!BudgetAccepts<bk::Checked, bk::SafeStorage>);  // swapped
static_assert(!BudgetAccepts<bk::SafeStorage, ThrowingAdd>);
static_assert(!BudgetAccepts<NoClearStorage, bk::Saturate>);

// ---- Amounts ----------------------------------------------------------------
using B = Llm<bk::SafeStorage>;
template <class T>
concept Chargeable = requires(B b, T amount) {
    b.charge<bk::Tokens>(amount);
};
static_assert(Chargeable<unsigned> && Chargeable<std::uint64_t> && Chargeable<std::size_t> && Chargeable<std::uint8_t>);
static_assert(!Chargeable<double> && !Chargeable<bool> && !Chargeable<const char*> && !Chargeable<std::optional<int>>);
static_assert(std::is_convertible_v<std::uint16_t, bk::Amount>);
static_assert(bk::Amount{5}.value() == 5 && bk::Amount{0}.value() == 0);  // non-negative constants are fine
static_assert(bk::Amount{max}.value() == max);

// ---- Results and return types ----------------------------------------------
static_assert(std::is_same_v<B::charge_result, bk::Verdict>);
static_assert(
    std::is_same_v<Llm<bk::SafeStorage, bk::Checked>::charge_result, bk::Result<bk::Verdict, bk::ChargeError>>);
static_assert(std::is_same_v<B::keyed_charge_result, bk::Result<bk::Verdict, bk::ChargeError>>);
static_assert(std::is_same_v<decltype(B::builder().build()), bk::Result<B, bk::BuilderError>>);
static_assert(std::is_constructible_v<bool, bk::Result<B, bk::BuilderError>>);  // explicit operator bool
static_assert(!std::is_convertible_v<bk::Result<B, bk::BuilderError>, bool>);
static_assert(std::is_trivially_copyable_v<bk::Verdict> && std::is_trivially_copyable_v<bk::Dim>);
static_assert(!std::is_default_constructible_v<bk::Dim>);  // keys come from dimensions only
static_assert(!std::is_default_constructible_v<B>);        // budgets come from builders

// A keyed call on the typed builder continues as the keyed builder, and keyed calls keep it.
using TB = decltype(B::builder());
using KB = decltype(B::builder().limit(bk::dim<bk::Tokens>, 1));
static_assert(std::is_same_v<KB, bk::KeyedBuilder<B>>);
static_assert(std::is_same_v<decltype(std::declval<KB>().limit(bk::dim<bk::Calls>, 1)), KB>);
static_assert(std::is_same_v<decltype(std::declval<KB>().limit<bk::Calls>(1)), KB>);
static_assert(!std::is_same_v<TB, KB>);

// ---- Everything is noexcept -------------------------------------------------
static_assert(noexcept(std::declval<B&>().charge<bk::Tokens>(1u)));
static_assert(noexcept(std::declval<B&>().charge(bk::dim<bk::Tokens>, 1u)));
static_assert(noexcept(std::declval<B&>().reset()));
static_assert(noexcept(B::builder().limit<bk::Tokens>(1).limit<bk::Millis>(1).limit<bk::Calls>(1).build()));
static_assert(noexcept(B::keyed_builder().limit(bk::dim<bk::Tokens>, 1u).build()));
static_assert(noexcept(B::find_dim("tokens")));

// ---- Size (SPEC section 7) --------------------------------------------------
static_assert(sizeof(Llm<bk::UnsafeStorage>) <= 80);
static_assert(sizeof(Llm<bk::SafeStorage>) <= 80);
static_assert(sizeof(Llm<bk::UnsafeStorage, bk::Checked>) <= 80);

}  // namespace

int main() { return 0; }
