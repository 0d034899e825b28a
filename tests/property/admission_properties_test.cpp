// Property tests of admission and reservations (SPEC 8 and 9), against a
// plain reference model: admitted totals never pass a limit; a refused
// multi-dimension admission leaves every total unchanged; settling equals
// charging the actual amount; releasing restores. Every storage policy,
// both overflow policies. The seed is fixed by RC_PARAMS in tests/meson.build.
#include <rapidcheck.h>

#include <cstdio>
#include <optional>
#include <vector>

#include "admission_support.hpp"
#include "generators.hpp"

using namespace bktest;
using namespace bktest::generators;

namespace {

// ---- the reference model --------------------------------------------------------

// Keys a list may name: the three of the set, then two outside it.
const std::array<bk::Dim, 5> list_keys{bk::dim<bk::Tokens>, bk::dim<bk::Millis>, bk::dim<bk::Calls>, bk::dim<bk::Bytes>,
                                       bk::dim<GpuSeconds>};

struct Entry {
    std::size_t key;  // index into list_keys
    std::uint64_t amount;
};

struct Model {
    Config config;
    bool checked;
    std::array<std::uint64_t, 3> spent{};

    // The new total by the overflow policy; empty when Checked refuses it.
    [[nodiscard]] std::optional<std::uint64_t> add(std::size_t i, std::uint64_t a) const {
        const std::uint64_t s = spent.at(i);
        if (a > max - s) {
            return checked ? std::nullopt : std::optional<std::uint64_t>{max};
        }
        return s + a;
    }

    // Why entry `e` would be refused now, if it would.
    [[nodiscard]] std::optional<bk::ChargeError> refusal(std::size_t i, std::uint64_t a) const {
        const auto sum = add(i, a);
        if (!sum) {
            return bk::ChargeError{Err::Overflow, list_keys.at(i)};
        }
        if (*sum > config.limits.at(i)) {
            return bk::ChargeError{Err::WouldExhaust, list_keys.at(i)};
        }
        return std::nullopt;
    }

    // All or nothing over a list: the list's own errors, then the first refusal.
    std::optional<bk::ChargeError> try_list(const std::vector<Entry>& list) {
        std::array<bool, 3> seen{};
        for (const Entry& e : list) {
            if (e.key >= 3) {
                return bk::ChargeError{Err::UnknownDimension, list_keys.at(e.key)};
            }
            if (seen.at(e.key)) {
                return bk::ChargeError{Err::DuplicateDimension, list_keys.at(e.key)};
            }
            seen.at(e.key) = true;
        }
        for (const Entry& e : list) {
            if (auto r = refusal(e.key, e.amount)) {
                return r;
            }
        }
        for (const Entry& e : list) {
            spent.at(e.key) = *add(e.key, e.amount);
        }
        return std::nullopt;
    }

    // A refund: never below 0, never from 2^64-1.
    void refund(std::size_t i, std::uint64_t a) {
        std::uint64_t& s = spent.at(i);
        if (s != max) {
            s = a > s ? 0 : s - a;
        }
    }
};

rc::Gen<std::vector<Entry>> keyed_list() {
    return rc::gen::container<std::vector<Entry>>(rc::gen::build<Entry>(
        rc::gen::set(&Entry::key, rc::gen::weightedElement<std::size_t>({{4, 0}, {4, 1}, {4, 2}, {1, 3}, {1, 4}})),
        rc::gen::set(&Entry::amount, amount())));
}

template <class B>
void charge_randomly(B& b, Model& m) {
    const auto warmup = *rc::gen::container<std::vector<Entry>>(
        rc::gen::build<Entry>(rc::gen::set(&Entry::key, rc::gen::inRange<std::size_t>(0, 3)),
                              rc::gen::set(&Entry::amount, rc::gen::inRange<std::uint64_t>(0, 300))));
    for (const Entry& e : warmup) {
        static_cast<void>(b.charge(list_keys.at(e.key), e.amount));
        m.spent.at(e.key) = *m.add(e.key, e.amount);
    }
}

template <class S, class O>
bool run_all(const char* policies) {
    using B = Llm<S, O>;
    constexpr bool checked = bk::refuses_overflow_v<O>;
    bool ok = true;
    const auto prop = [&](const char* name, auto f) {
        std::printf("[%s] ", policies);
        ok = rc::check(name, f) && ok;
    };

    prop("admitted totals never pass a limit", [] {
        const Config c = *config();
        B b = build<B>(c);
        std::vector<typename B::template reservation<bk::Tokens, bk::Calls>> held;
        const auto n = *rc::gen::inRange<std::size_t>(0, 60);
        for (std::size_t step = 0; step < n; ++step) {
            const std::uint64_t a = *amount();
            const std::uint64_t a2 = *amount();
            switch (*rc::gen::inRange(0, 6)) {
                case 0:
                    static_cast<void>(on_dim(static_cast<At>(*rc::gen::inRange(0, 3)),
                                             [&](auto d) { return b.template try_charge<decltype(d)>(a); }));
                    break;
                case 1:
                    static_cast<void>(b.template try_charge<bk::Millis, bk::Calls>(a, a2));
                    break;
                case 2: {
                    const std::vector<Entry> list = *keyed_list();
                    std::vector<bk::KeyedAmount> keyed;
                    for (const Entry& e : list) {
                        keyed.push_back({list_keys.at(e.key), e.amount});
                    }
                    static_cast<void>(b.try_charge(keyed));
                    break;
                }
                case 3:
                    held.push_back(b.template reserve<bk::Tokens, bk::Calls>(a, a2));
                    break;
                case 4:
                    if (!held.empty()) {
                        held.back().release();
                        held.pop_back();
                    }
                    break;
                default:
                    if (!held.empty()) {  // settling at most the estimate stays within the limit
                        auto& r = held.front();
                        static_cast<void>(
                            r.settle(r.template estimate<bk::Tokens>() / 2, r.template estimate<bk::Calls>()));
                    }
                    break;
            }
            for (std::size_t i = 0; i < 3; ++i) {
                RC_ASSERT(totals(b).at(i) <= c.limits.at(i));
            }
        }
    });

    prop("a keyed or typed multi-dimension admission is all or nothing, as the model says", [] {
        const Config c = *config();
        B b = build<B>(c);
        Model m{c, checked};
        charge_randomly(b, m);
        const std::vector<Entry> list = *keyed_list();
        std::vector<bk::KeyedAmount> keyed;
        for (const Entry& e : list) {
            keyed.push_back({list_keys.at(e.key), e.amount});
        }
        const B before = b;
        const std::optional<bk::ChargeError> expected = m.try_list(list);
        const auto r = b.try_charge(keyed);
        RC_ASSERT(r.has_value() == !expected.has_value());
        if (expected) {
            RC_ASSERT(r.error() == *expected);
            RC_ASSERT(b == before);
        }
        RC_ASSERT(totals(b) == m.spent);
        // The typed form over three distinct dimensions agrees.
        B typed = before;
        Model tm{c, checked, totals(before)};
        const std::uint64_t x = *amount();
        const std::uint64_t y = *amount();
        const std::uint64_t z = *amount();
        const auto t = typed.template try_charge<bk::Calls, bk::Tokens, bk::Millis>(x, y, z);
        const auto te = tm.try_list({{2, x}, {0, y}, {1, z}});
        RC_ASSERT(t.has_value() == !te.has_value());
        if (te) {
            RC_ASSERT(t.error() == *te);
            RC_ASSERT(typed == before);
        } else {
            B by_hand = before;  // admitted: the worst of the three charges in argument order
            const bk::Verdict v = bk::Verdict::worst(as_result(by_hand.template charge<bk::Calls>(x)).value(),
                                                     as_result(by_hand.template charge<bk::Tokens>(y)).value(),
                                                     as_result(by_hand.template charge<bk::Millis>(z)).value());
            RC_ASSERT(*t == v);
            RC_ASSERT(typed == by_hand);
        }
        RC_ASSERT(totals(typed) == tm.spent);
    });

    prop("settle equals charging the actual amount instead of the estimate", [] {
        const Config c = *config();
        B b = build<B>(c);
        Model m{c, checked};
        charge_randomly(b, m);
        const auto d = static_cast<At>(*rc::gen::inRange(0, 3));
        const std::size_t i = slot_at(d);
        const std::uint64_t estimate = *amount();
        const std::uint64_t actual = *amount();
        B by_charge = b;
        const std::uint64_t start = totals(b).at(i);
        const ChargeResult charged =
            on_dim(d, [&](auto x) { return as_result(by_charge.template charge<decltype(x)>(actual)); });
        on_dim(d, [&](auto x) {
            using D = decltype(x);
            auto held = b.template reserve<D>(estimate);
            RC_ASSERT(static_cast<bool>(held) == !m.refusal(i, estimate).has_value());
            if (!held) {
                return 0;
            }
            const std::uint64_t reserved = totals(b).at(i);
            const ChargeResult settled = held.settle(actual);
            if (!checked && reserved == max && actual < estimate) {
                // Documented: under Saturate a total at 2^64-1 gives nothing
                // back (under Checked it is exact and refunded like any).
                RC_ASSERT(totals(b).at(i) == max);
            } else if (!charged.has_value()) {
                // Checked: the sum overflows either way; the estimate stays.
                RC_ASSERT(!settled.has_value());
                RC_ASSERT(settled.error() == charged.error());
                RC_ASSERT(totals(b).at(i) == reserved);
                RC_ASSERT(reserved == start + estimate);
            } else {
                RC_ASSERT(settled == charged);
                RC_ASSERT(b == by_charge);
            }
            return 0;
        });
    });

    prop("a keyed checkpoint over a std::array gives what the same list gives through a span", [] {
        const Config c = *config();
        B b = build<B>(c);
        Model m{c, checked};
        charge_randomly(b, m);
        const auto entry = [] {
            const std::vector<Entry> one = *rc::gen::container<std::vector<Entry>>(
                1, rc::gen::build<Entry>(rc::gen::set(&Entry::key, rc::gen::weightedElement<std::size_t>(
                                                                       {{4, 0}, {4, 1}, {4, 2}, {1, 3}, {1, 4}})),
                                         rc::gen::set(&Entry::amount, amount())));
            return bk::KeyedAmount{list_keys.at(one.front().key), one.front().amount};
        };
        const std::array<bk::KeyedAmount, 3> three{entry(), entry(), entry()};
        const std::array<bk::KeyedAmount, 2> two{entry(), entry()};
        B by_span = b;
        const auto a3 = b.charge(three);
        const auto s3 = by_span.charge(std::span<const bk::KeyedAmount>(three));
        const auto a2 = b.charge(two);
        const auto s2 = by_span.charge(std::span<const bk::KeyedAmount>(two));
        RC_ASSERT(a3 == s3);
        RC_ASSERT(a2 == s2);
        if (a3 && s3) {
            RC_ASSERT(a3->crossed_warn() == s3->crossed_warn() && a3->crossed_limit() == s3->crossed_limit());
        }
        RC_ASSERT(b == by_span);
    });

    prop("releasing, or dropping, a reservation restores every total", [] {
        const Config c = *config();
        B b = build<B>(c);
        Model m{c, checked};
        charge_randomly(b, m);
        const B before = b;
        const std::uint64_t x = *amount();
        const std::uint64_t y = *amount();
        const bool release = *rc::gen::arbitrary<bool>();
        {
            auto held = b.template reserve<bk::Millis, bk::Tokens>(x, y);
            const auto expected = m.try_list({{1, x}, {0, y}});
            RC_ASSERT(static_cast<bool>(held) == !expected.has_value());
            if (held) {
                RC_ASSERT(totals(b) == m.spent);
            } else {
                RC_ASSERT(held.error() == *expected);
                RC_ASSERT(b == before);
            }
            if (release) {
                held.release();
            }
        }
        // Documented: under Saturate a total at 2^64-1 gives nothing back.
        std::array<std::uint64_t, 3> expected = totals(before);
        for (std::size_t i = 0; i < 2; ++i) {
            if (!checked && m.spent.at(i) == max) {
                expected.at(i) = max;
            }
        }
        RC_ASSERT(totals(b) == expected);
    });

    return ok;
}

}  // namespace

int main() {
    bool ok = run_all<bk::UnsafeStorage, bk::Saturate>("UnsafeStorage, Saturate");
    ok = run_all<bk::SafeStorage, bk::Saturate>("SafeStorage, Saturate") && ok;
    ok = run_all<bk::UnsafeStorage, bk::Checked>("UnsafeStorage, Checked") && ok;
    ok = run_all<bk::SafeStorage, bk::Checked>("SafeStorage, Checked") && ok;
    ok = run_all<bk::AtomicStorage, bk::Saturate>("AtomicStorage, Saturate") && ok;
    ok = run_all<bk::AtomicStorage, bk::Checked>("AtomicStorage, Checked") && ok;
    return ok ? 0 : 1;
}
