// Several dimensions in one call (SPEC 8.3): the typed and keyed checkpoint
// (`charge`, worst in argument order) and all-or-nothing admission
// (`try_charge`), with the keyed list's own errors.
#include <doctest/doctest.h>

#include <optional>
#include <span>
#include <vector>

#include "admission_support.hpp"
#include "refusal.hpp"

using namespace bktest;

namespace {
constexpr bk::Dim tokens = bk::dim<bk::Tokens>;
constexpr bk::Dim millis = bk::dim<bk::Millis>;
constexpr bk::Dim calls = bk::dim<bk::Calls>;
constexpr bk::Dim bytes = bk::dim<bk::Bytes>;

using Totals = std::array<std::uint64_t, 3>;

// AtomicStorage counting the read-modify-writes made on it: a storage shared
// between threads (it has windows), where an admission that cannot be
// refused is made after the others.
std::size_t shared_updates = 0;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables): the count the test reads

struct CountingShared {
    template <std::size_t N>
    class slots : public bk::AtomicStorage::slots<N> {
    public:
        template <class Step>
        [[nodiscard]] bk::Transition update(std::size_t i, Step step) noexcept {
            ++shared_updates;
            return bk::AtomicStorage::slots<N>::update(i, step);
        }
    };
};
static_assert(bk::StoragePolicy<CountingShared>);
}  // namespace

TEST_CASE_TEMPLATE("typed try_charge of several dimensions: all admitted, worst in argument order", S,
                   BKTEST_STORAGES) {
    for (const bool checked : {false, true}) {
        CAPTURE(checked);
        const auto run = [](auto b) {
            const auto r = b.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(1u, 81u, 50u);
            REQUIRE(r.has_value());
            CHECK(*r == bk::Verdict::warn(calls));  // calls and tokens both warn: the first argument wins
            CHECK(r->crossed_warn());
            CHECK(totals(b) == Totals{81, 50, 1});
            const auto again = b.template try_charge<bk::Millis, bk::Tokens>(0u, 19u);
            REQUIRE(again.has_value());
            CHECK(*again == bk::Verdict::warn(tokens));  // Continue on millis, Warn on tokens
            CHECK_FALSE(again->crossed());
            CHECK(totals(b) == Totals{100, 50, 1});
        };
        if (checked) {
            run(make_llm<Llm<S, bk::Checked>>());
        } else {
            run(make_llm<Llm<S>>());
        }
    }
}

TEST_CASE_TEMPLATE("typed try_charge of several dimensions: one refusal and nothing changes", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Tokens>(40));
    const auto before = b;
    // Calls fits and is recorded first; tokens does not: calls is undone.
    const auto r = b.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(2u, 61u, 51u);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::WouldExhaust, tokens});  // first in argument order, not millis
    CHECK(b == before);
    const auto last = b.template try_charge<bk::Tokens, bk::Calls, bk::Millis>(60u, 3u, 51u);
    REQUIRE_FALSE(last.has_value());
    CHECK(refusal_of(last).dimension() == millis);
    CHECK(b == before);
    const auto huge = b.template try_charge<bk::Millis, bk::Calls>(max, max);
    REQUIRE_FALSE(huge.has_value());
    CHECK(refusal_of(huge) == bk::ChargeError{Err::WouldExhaust, millis});
    CHECK(b == before);
}

TEST_CASE_TEMPLATE("Checked multi-dimension try_charge: Overflow names its dimension, nothing changes", S,
                   BKTEST_STORAGES) {
    auto b = make_wide<Llm<S, bk::Checked>>();
    REQUIRE(b.template charge<bk::Tokens>(max - 1).has_value());
    const auto before = b;
    const auto r = b.template try_charge<bk::Millis, bk::Tokens>(5u, 2u);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::Overflow, tokens});
    CHECK(b == before);
    const std::array<bk::KeyedAmount, 2> list{{{millis, 5u}, {tokens, 2u}}};
    CHECK(b.try_charge(list) == r);
    CHECK(b == before);
    // Saturate admits the same request: the saturated total fits a limit of 2^64-1.
    auto s = make_wide<Llm<S>>();
    static_cast<void>(s.template charge<bk::Tokens>(max - 1));
    const auto admitted = s.template try_charge<bk::Millis, bk::Tokens>(5u, 2u);
    REQUIRE(admitted.has_value());
    CHECK(totals(s) == Totals{max, 5, 0});
}

TEST_CASE_TEMPLATE("keyed try_charge over a list: all or nothing, like the typed one", S, BKTEST_STORAGES) {
    auto typed = make_llm<Llm<S>>();
    auto keyed = typed;
    const std::array<bk::KeyedAmount, 3> fits{{{calls, 1u}, {tokens, 81u}, {millis, 10u}}};
    const auto k = keyed.try_charge(fits);
    const auto t = typed.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(1u, 81u, 10u);
    REQUIRE(k.has_value());
    REQUIRE(t.has_value());
    CHECK(same_verdict(*k, *t));
    CHECK(keyed == typed);
    const auto before = keyed;
    const std::array<bk::KeyedAmount, 3> refused{{{millis, 40u}, {calls, 3u}, {tokens, 1u}}};
    const auto r = keyed.try_charge(refused);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::WouldExhaust, calls});  // millis fits; calls is the first that does not
    CHECK(keyed == before);
}

TEST_CASE_TEMPLATE("keyed lists: unknown and repeated keys are refused before anything is charged", S,
                   BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Calls>(1));
    const auto before = b;
    // Legend: a list, and the error of its first bad entry.
    const std::vector<std::pair<std::vector<bk::KeyedAmount>, bk::ChargeError>> table{
        {{{tokens, 1u}, {bytes, 1u}}, {Err::UnknownDimension, bytes}},
        {{{bytes, 0u}}, {Err::UnknownDimension, bytes}},
        {{{tokens, 1u}, {tokens, 1u}}, {Err::DuplicateDimension, tokens}},
        {{{millis, 1u}, {calls, 1u}, {millis, 0u}}, {Err::DuplicateDimension, millis}},
        {{{calls, max}, {calls, max}}, {Err::DuplicateDimension, calls}},
        {{{millis, 1u}, {millis, 1u}, {bytes, 1u}}, {Err::DuplicateDimension, millis}},  // the first bad entry
        {{{tokens, 1u}, {bytes, 1u}, {tokens, 1u}}, {Err::UnknownDimension, bytes}},
        {{{bk::dim<GpuSeconds>, max}, {tokens, 1u}}, {Err::UnknownDimension, bk::dim<GpuSeconds>}},
    };
    for (const auto& [list, error] : table) {
        const auto t = b.try_charge(std::span<const bk::KeyedAmount>(list));
        REQUIRE_FALSE(t.has_value());
        CHECK(refusal_of(t) == error);
        CHECK(b == before);
        const auto c = b.charge(std::span<const bk::KeyedAmount>(list));
        REQUIRE_FALSE(c.has_value());
        CHECK(refusal_of(c) == error);
        CHECK(b == before);
    }
}

TEST_CASE_TEMPLATE("keyed lists: empty and very long", S, BKTEST_STORAGES) {
    auto b = make_llm<Llm<S>>();
    static_cast<void>(b.template charge<bk::Tokens>(90));
    const auto before = b;
    const std::span<const bk::KeyedAmount> empty;
    const auto t = b.try_charge(empty);
    REQUIRE(t.has_value());
    CHECK(*t == bk::Verdict::proceed());  // nothing charged: nothing to report
    const auto c = b.charge(empty);
    REQUIRE(c.has_value());
    CHECK(*c == bk::Verdict::proceed());
    CHECK(b == before);
    // A long list repeats a key early: refused after reading a few entries.
    std::vector<bk::KeyedAmount> long_list(100000, bk::KeyedAmount{millis, 1u});
    long_list.front() = {tokens, 1u};
    long_list.at(2) = {calls, 1u};
    const auto r = b.try_charge(long_list);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::DuplicateDimension, millis});
    CHECK(b.charge(long_list) == r);
    CHECK(b == before);
    // Every dimension once, in any order, then anything more is a repeat.
    const std::array<bk::KeyedAmount, 4> all_then_one{{{calls, 1u}, {millis, 1u}, {tokens, 1u}, {calls, 0u}}};
    CHECK(refusal_of(b.try_charge(all_then_one)) == bk::ChargeError{Err::DuplicateDimension, calls});
    CHECK(b.try_charge(std::span(all_then_one).first(3)).has_value());
    CHECK(totals(b) == Totals{91, 1, 1});
}

TEST_CASE_TEMPLATE("the checkpoint charge<A, B, C>: every amount recorded, worst in argument order", S,
                   BKTEST_STORAGES) {
    auto typed = make_llm<Llm<S>>();
    auto keyed = typed;
    auto single = typed;
    const bk::Verdict v = typed.template charge<bk::Millis, bk::Tokens, bk::Calls>(60u, 120u, 1u);
    const std::array<bk::KeyedAmount, 3> list{{{millis, 60u}, {tokens, 120u}, {calls, 1u}}};
    const auto k = keyed.charge(list);
    const bk::Verdict by_hand =
        bk::Verdict::worst(single.template charge<bk::Millis>(60), single.template charge<bk::Tokens>(120),
                           single.template charge<bk::Calls>(1));
    CHECK(v == bk::Verdict::exhausted(millis));  // both exhaust: the first argument is reported
    CHECK(v.crossed_limit());
    REQUIRE(k.has_value());
    CHECK(same_verdict(*k, v));
    CHECK(same_verdict(v, by_hand));
    CHECK(typed == single);
    CHECK(keyed == single);
    CHECK(totals(typed) == Totals{120, 60, 1});  // recorded even where it exhausts
    // UINT64_MAX in a checkpoint saturates, as a single charge does.
    const bk::Verdict sat = typed.template charge<bk::Calls, bk::Tokens>(max, max);
    CHECK(sat == bk::Verdict::exhausted(calls));
    CHECK(totals(typed) == Totals{max, 60, max});
}

TEST_CASE_TEMPLATE("Checked checkpoint: what fits is recorded, the first refusal is the result", S, BKTEST_STORAGES) {
    auto typed = make_llm<Llm<S, bk::Checked>>();
    REQUIRE(typed.template charge<bk::Millis>(max).has_value());
    auto keyed = typed;
    const auto r = typed.template charge<bk::Tokens, bk::Millis, bk::Calls>(5u, 1u, 2u);
    const std::array<bk::KeyedAmount, 3> list{{{tokens, 5u}, {millis, 1u}, {calls, 2u}}};
    const auto k = keyed.charge(list);
    REQUIRE_FALSE(r.has_value());
    CHECK(refusal_of(r) == bk::ChargeError{Err::Overflow, millis});
    CHECK(k == r);
    CHECK(totals(typed) == Totals{5, max, 2});
    CHECK(typed == keyed);
}

TEST_CASE_TEMPLATE("a hold that cannot be refused is made last: the answers stay those of argument order", S,
                   BKTEST_STORAGES) {
    // Tokens has no limit (2^64-1) under Saturate, so its hold can never be
    // refused; on a shared storage it is made after the others (so that a
    // saturating hold is never undone), and under every storage the answers
    // stay those of argument order.
    using B = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>, S, bk::Saturate>;
    auto b =
        *B::builder().template limit_with_warn<bk::Tokens>(max, 1000).template limit_with_warn<bk::Calls>(2, 1).build();
    REQUIRE(b.template charge<bk::Tokens>(max - 10).is_warning());
    const auto refused = b.template try_charge<bk::Tokens, bk::Calls>(100u, 3u);
    CHECK(refusal_of(refused) == bk::ChargeError{Err::WouldExhaust, calls});
    CHECK(b.template spent<bk::Tokens>() == max - 10);
    CHECK(b.template spent<bk::Calls>() == 0);
    const std::array<bk::KeyedAmount, 2> list{{{tokens, 100}, {calls, 3}}};
    CHECK(refusal_of(b.try_charge(list)) == bk::ChargeError{Err::WouldExhaust, calls});
    CHECK(b.template spent<bk::Tokens>() == max - 10);
    // Admitted: tokens saturates and warns, calls crosses its threshold; both
    // warn, and the verdict names tokens, the first argument.
    const auto both = b.template try_charge<bk::Tokens, bk::Calls>(100u, 2u);
    REQUIRE(both.has_value());
    CHECK(*both == bk::Verdict::warn(tokens));
    CHECK_FALSE(both->crossed());
    CHECK(b.template spent<bk::Tokens>() == max);
    CHECK(b.template spent<bk::Calls>() == 2);
    // A chain holds the budget that cannot refuse last: the refusal at the
    // second budget leaves the first untouched.
    auto first = *B::builder().template limit_with_warn<bk::Tokens>(max, 1000).template limit<bk::Calls>(2).build();
    auto second = *B::builder().template limit_with_warn<bk::Tokens>(5, 1).template limit<bk::Calls>(2).build();
    REQUIRE(first.template charge<bk::Tokens>(max - 1).is_continuing());
    bk::Chain chain{first, second};
    const auto chained = chain.template try_charge<bk::Tokens>(6);
    REQUIRE_FALSE(chained.has_value());
    CHECK(chained.error().budget() == 1);
    CHECK(first.template spent<bk::Tokens>() == max - 1);
    CHECK(second.template spent<bk::Tokens>() == 0);
    const auto fits = chain.template try_charge<bk::Tokens>(5);
    REQUIRE(fits.has_value());
    CHECK(fits->kind() == bk::Verdict::Kind::Warn);  // both warn: the first budget of the chain is named
    CHECK(fits->budget() == std::optional<std::size_t>{0});
    CHECK(first.template spent<bk::Tokens>() == max);
    CHECK(second.template spent<bk::Tokens>() == 5);
}

TEST_CASE("on a shared storage, a refused admission never holds a total whose hold cannot be refused") {
    // Tokens has no limit under Saturate: its hold waits until every other
    // dimension (or budget) has admitted, so a refusal leaves it untouched,
    // not held and then taken back. Each refused call below makes exactly
    // one update: the refused attempt on the full dimension or budget.
    using B = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>, CountingShared, bk::Saturate>;
    auto b = *B::builder().limit<bk::Tokens>(max).limit<bk::Calls>(2).build();
    REQUIRE(b.charge<bk::Tokens>(max - 10).is_continuing());
    REQUIRE(b.charge<bk::Calls>(2).is_continuing());
    shared_updates = 0;
    CHECK(refusal_of(b.try_charge<bk::Tokens, bk::Calls>(100u, 1u)) == bk::ChargeError{Err::WouldExhaust, calls});
    CHECK(shared_updates == 1);
    const std::array<bk::KeyedAmount, 2> list{{{tokens, 100}, {calls, 1}}};
    CHECK(refusal_of(b.try_charge(list)) == bk::ChargeError{Err::WouldExhaust, calls});
    CHECK(shared_updates == 2);
    CHECK(refusal_of(b.reserve<bk::Tokens, bk::Calls>(100u, 1u)) == bk::ChargeError{Err::WouldExhaust, calls});
    CHECK(shared_updates == 3);
    auto full = *B::builder().limit<bk::Tokens>(5).limit<bk::Calls>(2).build();
    REQUIRE(full.charge<bk::Tokens>(5).is_continuing());
    bk::Chain chain{b, full};
    CHECK(refusal_of(chain.try_charge<bk::Tokens>(1)).budget() == 1U);
    CHECK(shared_updates == 5);  // the charge that filled `full`, then its refusal
    CHECK(b.spent<bk::Tokens>() == max - 10);
    CHECK(b.spent<bk::Calls>() == 2);
}

namespace {

// Both results of one list: the same verdict with the same crossing flags,
// or the same error.
bool same_outcome(const ChargeResult& a, const ChargeResult& b) {
    if (a.has_value() != b.has_value()) {
        return false;
    }
    return a.has_value() ? same_verdict(*a, *b) : a.error() == b.error();
}

// The keys and amounts of the lists below: the set's three keys and one
// outside it; amounts that keep totals in Continue, cross a threshold, pass
// 2^64-1 and are zero.
constexpr std::array<bk::Dim, 4> list_keys{key_at(At::tokens), key_at(At::millis), key_at(At::calls),
                                           key_at(At::bytes)};
constexpr std::array<std::uint64_t, 4> list_amounts{1, 30, max, 0};

// List number `code` of N entries over `keys`: the key of entry `i` is digit
// `i` of `code` in base keys.size(), its amount one of list_amounts.
template <std::size_t N, std::size_t K, std::size_t... I>
std::array<bk::KeyedAmount, N> numbered_list(const std::array<bk::Dim, K>& keys, [[maybe_unused]] std::size_t code,
                                             std::index_sequence<I...> /*entries*/) {
    std::array<std::size_t, N> digits{};
    for (std::size_t i = 0, rest = code; i < N; ++i, rest /= K) {
        digits.at(i) = rest % K;
    }
    // No entries, and `code` unused, when N is 0.
    return {bk::KeyedAmount{keys.at(digits.at(I)), list_amounts.at((code + I) % list_amounts.size())}...};
}

// The error a keyed list is refused with before anything is charged or
// admitted: its first unknown or repeated key.
template <class B>
std::optional<bk::ChargeError> list_error(const B& b, std::span<const bk::KeyedAmount> list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const ChargeResult poll = b.would_charge(list[i].key, 0);  // zero never overflows
        if (!poll.has_value()) {
            return poll.error();
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (list[j].key == list[i].key) {
                return bk::ChargeError{Err::DuplicateDimension, list[i].key};
            }
        }
    }
    return std::nullopt;
}

// What a keyed checkpoint over `list` must give, worked out with single
// keyed charges: a bad list is refused with nothing charged; otherwise every
// entry is charged in order, the result is `worst` of the verdicts, or
// under Checked the first refusal (the entries that fit are recorded all the
// same).
template <class B>
ChargeResult charged_one_by_one(B& b, std::span<const bk::KeyedAmount> list) {
    if (const auto bad = list_error(b, list)) {
        return *bad;
    }
    std::optional<bk::ChargeError> refusal;
    bk::Verdict worst;
    for (const bk::KeyedAmount& e : list) {
        const ChargeResult r = b.charge(e.key, e.amount);
        if (!r.has_value()) {
            refusal = refusal.value_or(r.error());
        } else {
            worst = bk::Verdict::worst(worst, *r);
        }
    }
    return refusal ? ChargeResult{*refusal} : ChargeResult{worst};
}

// What a keyed all-or-nothing admission of `list` must give, worked out
// with single keyed admissions on a copy: a bad list is refused; otherwise
// the first entry refused after the ones before it were admitted is the
// error and `b` is left as it was, or every entry is admitted and the result
// is `worst` of the verdicts in order.
template <class B>
ChargeResult admitted_one_by_one(B& b, std::span<const bk::KeyedAmount> list) {
    if (const auto bad = list_error(b, list)) {
        return *bad;
    }
    B trial = b;
    bk::Verdict worst;
    for (const bk::KeyedAmount& e : list) {
        const ChargeResult r = trial.try_charge(e.key, e.amount);
        if (!r.has_value()) {
            return r.error();
        }
        worst = bk::Verdict::worst(worst, *r);
    }
    b = trial;
    return worst;
}

// One list given to a budget's four list doors (checkpoint and admission,
// each as a std::array and through a span) and to the single-entry models,
// on copies of `start`: the same results and the same budgets.
template <std::size_t N, class B>
void list_forms_agree(const B& start, const std::array<bk::KeyedAmount, N>& list) {
    const std::span<const bk::KeyedAmount> as_span(list);
    for (const bool admit : {false, true}) {
        CAPTURE(admit);
        B by_array = start;
        B by_span = start;
        B by_one = start;
        const ChargeResult a = admit ? by_array.try_charge(list) : by_array.charge(list);
        const ChargeResult s = admit ? by_span.try_charge(as_span) : by_span.charge(as_span);
        const ChargeResult one = admit ? admitted_one_by_one(by_one, list) : charged_one_by_one(by_one, list);
        CHECK(same_outcome(a, s));
        CHECK(same_outcome(a, one));
        CHECK(by_array == by_span);
        CHECK(by_array == by_one);
    }
}

// Every list of N entries over `keys` through list_forms_agree: as a
// std::array (laid out entry by entry on sets of up to 8 dimensions),
// through a span (for lists no longer than a set of up to 4 the same form,
// chosen by the run-time length; other lists are checked by the loops) and
// one entry at a time.
template <std::size_t N, std::size_t K, class B>
void every_list_agrees(const B& start, const std::array<bk::Dim, K>& keys) {
    std::size_t lists = 1;
    for (std::size_t i = 0; i < N; ++i) {
        lists *= K;
    }
    for (std::size_t code = 0; code < lists; ++code) {
        CAPTURE(code);
        list_forms_agree<N>(start, numbered_list<N>(keys, code, std::make_index_sequence<N>{}));
    }
}

template <class B>
void arrays_match_spans() {
    for (const std::uint64_t before : {std::uint64_t{0}, std::uint64_t{79}, max - 5}) {
        CAPTURE(before);
        B start = make_llm<B>();
        static_cast<void>(start.template charge<bk::Tokens>(before));
        static_cast<void>(start.template charge<bk::Calls>(before == 0 ? 0U : 1U));
        every_list_agrees<0>(start, list_keys);
        every_list_agrees<1>(start, list_keys);
        every_list_agrees<2>(start, list_keys);
        every_list_agrees<3>(start, list_keys);
        every_list_agrees<4>(start, list_keys);  // longer than the set: through the span
    }
}

}  // namespace

TEST_CASE_TEMPLATE("keyed lists: a std::array, a span and single charges and admissions agree", S, BKTEST_STORAGES) {
    arrays_match_spans<Llm<S>>();
    arrays_match_spans<Llm<S, bk::Checked>>();
}

namespace {

// A set of five dimensions: larger than the span form lays out by length, so
// its spans go through the loops while its arrays (at most 8 dimensions) are
// laid out entry by entry.
using Five = bk::Dims<bk::Tokens, bk::Millis, bk::Calls, bk::Bytes, bk::Memory>;

template <class S, class O>
bk::Budget<Five, S, O> make_five() {
    auto built = bk::Budget<Five, S, O>::builder()
                     .template limit_with_warn<bk::Tokens>(100, 80)
                     .template limit<bk::Millis>(50)
                     .template limit_with_warn<bk::Calls>(3, 1)
                     .template limit_with_warn<bk::Bytes>(max, 10)
                     .template limit<bk::Memory>(max - 1)
                     .build();
    REQUIRE(built.has_value());
    return *built;
}

// Keys of the five-dimension lists: the set's five and one outside it.
constexpr std::array<bk::Dim, 6> five_keys{bk::dim<bk::Tokens>, bk::dim<bk::Millis>, bk::dim<bk::Calls>,
                                           bk::dim<bk::Bytes>,  bk::dim<bk::Memory>, bk::dim<bk::Custom0>};

template <class S, class O>
void five_dimension_lists() {
    for (const std::uint64_t before : {std::uint64_t{0}, std::uint64_t{79}, max - 5}) {
        CAPTURE(before);
        auto start = make_five<S, O>();
        static_cast<void>(start.template charge<bk::Tokens>(before));
        static_cast<void>(start.template charge<bk::Bytes>(before));
        every_list_agrees<0>(start, five_keys);
        every_list_agrees<1>(start, five_keys);
        every_list_agrees<2>(start, five_keys);
        every_list_agrees<3>(start, five_keys);
    }
}

}  // namespace

TEST_CASE_TEMPLATE("keyed lists on a set of five: array, span and single charges and admissions agree", S,
                   BKTEST_STORAGES) {
    five_dimension_lists<S, bk::Saturate>();
    five_dimension_lists<S, bk::Checked>();
}

TEST_CASE("keyed lists: a std::array reports the first bad entry and charges nothing") {
    auto b = make_llm<Llm<bk::SafeStorage, bk::Checked>>();
    static_cast<void>(b.template charge<bk::Millis>(max));
    const auto before = b;
    const std::array<bk::KeyedAmount, 3> unknown_last{{{tokens, 1u}, {millis, 0u}, {bytes, 1u}}};
    CHECK(refusal_of(b.charge(unknown_last)) == bk::ChargeError{Err::UnknownDimension, bytes});
    const std::array<bk::KeyedAmount, 3> repeated_then_unknown{{{calls, 1u}, {calls, 1u}, {bytes, 1u}}};
    CHECK(refusal_of(b.charge(repeated_then_unknown)) == bk::ChargeError{Err::DuplicateDimension, calls});
    CHECK(b == before);
    // Checked: the first refusal is the result, the entries that fit are
    // recorded (as for charge<A, B, C>).
    const std::array<bk::KeyedAmount, 3> overflow_in_middle{{{tokens, 5u}, {millis, 1u}, {calls, 1u}}};
    const auto r = b.charge(overflow_in_middle);
    CHECK(refusal_of(r) == bk::ChargeError{Err::Overflow, millis});
    CHECK(totals(b) == Totals{5, max, 1});
}
