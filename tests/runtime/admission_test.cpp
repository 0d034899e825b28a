// Asking before spending (SPEC 8.1, 8.2, 8.4): would_charge, try_charge and
// status, typed and keyed, under every storage and overflow policy. The
// tables are in admission_support.hpp; tests/static runs them at compile time.
#include <doctest/doctest.h>

#include <tuple>

#include "admission_support.hpp"
#include "refusal.hpp"

using namespace bktest;

TEST_CASE_TEMPLATE("every row of the admission table holds, Saturate and Checked", S, BKTEST_STORAGES) {
    CHECK(first_admission_mismatch(make_llm<Llm<S>>(), admission_table) == admission_table.size());
    CHECK(first_admission_mismatch(make_llm<Llm<S, bk::Checked>>(), admission_table) == admission_table.size());
}

TEST_CASE_TEMPLATE("at 2^64-1: Saturate admits a saturating sum, Checked reports Overflow", S, BKTEST_STORAGES) {
    CHECK(first_admission_mismatch(make_wide<Llm<S>>(), wide_saturate_table) == wide_saturate_table.size());
    CHECK(first_admission_mismatch(make_wide<Llm<S, bk::Checked>>(), wide_checked_table) == wide_checked_table.size());
}

TEST_CASE_TEMPLATE("the admission tables are sensitive: a wrong expectation is detected", S, BKTEST_STORAGES) {
    const auto fresh = make_llm<Llm<S>>();
    std::array broken = admission_table;
    broken.at(1).cross = no_cross;  // the question would cross the warn threshold
    CHECK(first_admission_mismatch(fresh, broken) == 1);
    broken = admission_table;
    broken.at(1).spent = 81;  // asking must not record
    CHECK(first_admission_mismatch(fresh, broken) == 1);
    broken = admission_table;
    broken.at(4).error = Err::Overflow;  // a refusal names its reason
    CHECK(first_admission_mismatch(fresh, broken) == 4);
    broken = admission_table;
    broken.at(9).cross = cw;  // a zero amount never crosses
    CHECK(first_admission_mismatch(fresh, broken) == 9);
    broken = admission_table;
    broken.at(18) = AdmissionRow{Op::attempt, At::tokens, 0, K::Exhausted, no_cross, 102};  // zero refused once over
    CHECK(first_admission_mismatch(fresh, broken) == 18);
    std::array wide = wide_saturate_table;
    wide.at(2) = refused(Op::attempt, At::tokens, max, Err::WouldExhaust);  // a saturating sum fits 2^64-1
    CHECK(first_admission_mismatch(make_wide<Llm<S>>(), wide) == 2);
}

TEST_CASE_TEMPLATE("would_charge agrees with the charge it describes and changes nothing", S, BKTEST_STORAGES) {
    const std::array<std::uint64_t, 9> amounts{0, 1, 19, 20, 21, 79, 100, max - 1, max};
    for (const At d : {At::tokens, At::millis, At::calls}) {
        for (const std::uint64_t a : amounts) {
            auto b = make_llm<Llm<S>>();
            static_cast<void>(b.template charge<bk::Tokens>(81));
            static_cast<void>(b.template charge<bk::Calls>(2));
            const auto before = b;
            const ChargeResult asked =
                on_dim(d, [&](auto t) { return as_result(b.template would_charge<decltype(t)>(a)); });
            const ChargeResult keyed = b.would_charge(key_at(d), a);
            CHECK(b == before);
            const ChargeResult charged =
                on_dim(d, [&](auto t) { return as_result(b.template charge<decltype(t)>(a)); });
            REQUIRE(asked.has_value());
            REQUIRE(keyed.has_value());
            REQUIRE(charged.has_value());
            CHECK(same_verdict(*asked, *charged));
            CHECK(same_verdict(*keyed, *charged));
        }
    }
}

TEST_CASE_TEMPLATE("Checked: would_charge reports the Overflow the charge would", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S, bk::Checked>>();
    REQUIRE(b.template charge<bk::Millis>(max - 3).has_value());
    const auto before = b;
    for (const std::uint64_t a : {std::uint64_t{4}, std::uint64_t{5}, max}) {
        const auto asked = b.template would_charge<bk::Millis>(a);
        const auto keyed = b.would_charge(bk::dim<bk::Millis>, a);
        REQUIRE_FALSE(asked.has_value());
        CHECK(refusal_of(asked) == bk::ChargeError{Err::Overflow, bk::dim<bk::Millis>});
        CHECK(keyed == asked);
        CHECK(b.template charge<bk::Millis>(a) == asked);
        CHECK(b == before);
    }
    const auto fits = b.template would_charge<bk::Millis>(3);  // asked first, then charged
    CHECK(fits == b.template charge<bk::Millis>(3));
    CHECK(fits.has_value());
}

TEST_CASE_TEMPLATE("try_charge: typed and keyed agree on every outcome", S, BKTEST_STORAGES) {
    const std::array<std::uint64_t, 8> amounts{0, 1, 2, 30, 49, 50, 51, max};
    auto typed = make_llm<Llm<S>>();
    auto keyed = typed;
    for (const At d : {At::calls, At::millis, At::tokens}) {
        for (const std::uint64_t a : amounts) {
            const ChargeResult t = on_dim(d, [&](auto x) { return typed.template try_charge<decltype(x)>(a); });
            const ChargeResult k = keyed.try_charge(key_at(d), a);
            CHECK(t == k);
            CHECK(t.has_value() == k.has_value());
            if (t.has_value() && k.has_value()) {
                CHECK(same_verdict(*t, *k));
            }
            CHECK(typed == keyed);
            CHECK(typed.spent(key_at(d)) <= typed.limit(key_at(d)));
        }
    }
}

TEST_CASE_TEMPLATE("status is the worst zero charge in set order and changes nothing", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    const auto polled = [](auto budget) {  // a copy: the zero charges change nothing, but are charges
        return bk::Verdict::worst(budget.template charge<bk::Tokens>(0), budget.template charge<bk::Millis>(0),
                                  budget.template charge<bk::Calls>(0));
    };
    const std::array<std::tuple<At, std::uint64_t>, 6> steps{
        {{At::calls, 1}, {At::tokens, 81}, {At::millis, 51}, {At::tokens, 20}, {At::calls, 5}, {At::millis, max}}};
    CHECK(b.status() == bk::Verdict::proceed());
    for (const auto& step : steps) {
        const std::uint64_t a = std::get<1>(step);
        static_cast<void>(on_dim(std::get<0>(step), [&](auto x) { return b.template charge<decltype(x)>(a); }));
        const auto before = b;
        const bk::Verdict s = b.status();
        CHECK(s == polled(b));
        CHECK_FALSE(s.crossed());
        CHECK(b == before);
    }
    CHECK(b.status() == bk::Verdict::exhausted(bk::dim<bk::Tokens>));
}

TEST_CASE("messages of the admission and reservation errors") {
    // Legend: {kind, its enumerator's name, the message for dimension tokens}.
    const std::array<std::tuple<Err, std::string_view, std::string_view>, 4> table{{
        {Err::WouldExhaust, "WouldExhaust",
         "budgetkernel: dimension 'tokens' would pass its limit; the charge is refused"},
        {Err::DuplicateDimension, "DuplicateDimension",
         "budgetkernel: dimension 'tokens' is named twice in one charge; nothing charged"},
        {Err::NotHeld, "NotHeld", "budgetkernel: dimension 'tokens' has nothing held by this reservation"},
        {Err::Stale, "Stale", "budgetkernel: dimension 'tokens' was reset since this reservation was made"},
    }};
    for (const auto& [kind, name, text] : table) {
        const bk::ChargeError e{kind, bk::dim<bk::Tokens>};
        CHECK(e.kind() == kind);
        CHECK(e.dimension() == bk::dim<bk::Tokens>);
        CHECK(bk::to_string(kind) == name);
        CHECK(e.message().view() == text);
        CHECK(std::string_view{e.message().c_str()} == text);
    }
}

TEST_CASE_TEMPLATE("refusals carry the messages of their kind", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S, bk::Checked>>();
    const auto exhaust = b.template try_charge<bk::Millis>(51);
    REQUIRE_FALSE(exhaust);
    CHECK(refusal_of(exhaust).message().view() ==
          "budgetkernel: dimension 'millis' would pass its limit; the charge is refused");
    REQUIRE(b.template charge<bk::Calls>(max).has_value());
    const auto overflow = b.template try_charge<bk::Calls>(1);
    REQUIRE_FALSE(overflow);
    CHECK(refusal_of(overflow).message().view() ==
          "budgetkernel: dimension 'calls' would overflow 2^64-1; the charge is refused");
    const std::array<bk::KeyedAmount, 2> twice{{{bk::dim<bk::Tokens>, 1u}, {bk::dim<bk::Tokens>, 1u}}};
    const auto duplicate = b.try_charge(twice);
    REQUIRE_FALSE(duplicate);
    CHECK(refusal_of(duplicate).message().view() ==
          "budgetkernel: dimension 'tokens' is named twice in one charge; nothing charged");
}
