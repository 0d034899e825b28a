// A user can supply their own policies; the concepts say what they need.
#include <doctest/doctest.h>

#include <optional>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

namespace {

// An overflow policy that refuses any charge above 1000 units at once, and
// otherwise saturates: a project-specific sanity limit on single charges.
struct RefuseHugeCharges {
    static constexpr std::optional<std::uint64_t> add(std::uint64_t spent, std::uint64_t amount) noexcept {
        if (amount > 1000) {
            return std::nullopt;
        }
        return bk::Checked::add(spent, amount);  // an accepted sum is exact, as the kernel assumes
    }
};

// A storage policy keeping counters in a plain array plus a write count, to
// show the slot interface; it must behave like the library's own.
struct CountingStorage {
    template <std::size_t N>
    class slots {
    public:
        [[nodiscard]] constexpr std::uint64_t load(std::size_t i) const noexcept { return values_.at(i); }
        constexpr void store(std::size_t i, std::uint64_t v) noexcept {
            values_.at(i) = v;
            ++writes_;
        }
        template <class Step>
        [[nodiscard]] constexpr bk::Transition update(std::size_t i, Step step) noexcept {
            return bk::update_in_place(*this, i, step);
        }
        constexpr void clear() noexcept {
            values_.fill(0);
            ++resets_;
        }
        [[nodiscard]] constexpr std::uint32_t generation() const noexcept { return resets_; }
        [[nodiscard]] constexpr std::uint64_t writes() const noexcept { return writes_; }

    private:
        std::array<std::uint64_t, N> values_{};
        std::uint64_t writes_ = 0;
        std::uint32_t resets_ = 0;
    };
};

static_assert(bk::OverflowPolicy<RefuseHugeCharges> && bk::refuses_overflow_v<RefuseHugeCharges>);
static_assert(bk::StoragePolicy<CountingStorage>);

}  // namespace

TEST_CASE("a user overflow policy that refuses decides the result type and refusals") {
    auto b = make_llm<Llm<bk::SafeStorage, RefuseHugeCharges>>();
    const auto ok = b.charge<bk::Tokens>(90);
    REQUIRE(ok.has_value());
    CHECK(ok->is_warning());
    const auto refused = b.charge<bk::Tokens>(1001);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refusal_of(refused).kind() == bk::ChargeError::Kind::Overflow);
    CHECK(b.spent<bk::Tokens>() == 90);
}

TEST_CASE("a user storage policy runs the whole semantics table") {
    CHECK(first_mismatch<Llm<CountingStorage>>(semantics_table) == semantics_table.size());
    auto b = make_llm<Llm<CountingStorage>>();
    CHECK(b.charge<bk::Calls>(1).is_warning());
    CHECK(b.charge<bk::Calls>(1).is_warning());
    CHECK(b.spent<bk::Calls>() == 2);
}
