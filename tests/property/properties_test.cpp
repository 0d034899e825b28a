// Property tests of the public API (rapidcheck), the seed's list:
// accumulation equals a saturating sum, spent never decreases without reset,
// dimensions are independent, unknown keys do not mutate, reset restores,
// limits are inclusive, warn comes before exhaustion. Both storage policies.
// The seed is fixed by RC_PARAMS in tests/meson.build so failures reproduce.
#include <rapidcheck.h>

#include <cstdio>
#include <vector>

#include "generators.hpp"
#include "support.hpp"

using namespace bktest;
using namespace bktest::generators;

namespace {

std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) { return a > max - b ? max : a + b; }

struct Charge {
    std::size_t dim;
    std::uint64_t amount;
};

rc::Gen<std::vector<Charge>> charges() {
    return rc::gen::container<std::vector<Charge>>(rc::gen::build<Charge>(
        rc::gen::set(&Charge::dim, rc::gen::inRange<std::size_t>(0, 3)), rc::gen::set(&Charge::amount, amount())));
}

template <class S>
bool run_all(const char* storage) {
    using B = Llm<S>;
    bool ok = true;
    const auto prop = [&](const char* name, auto f) {
        std::printf("[%s] ", storage);
        ok = rc::check(name, f) && ok;
    };

    prop("accumulation equals a saturating sum, per dimension", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        std::array<std::uint64_t, 3> model{};
        for (const Charge& ch : cs) {
            static_cast<void>(b.charge(Three::keys.at(ch.dim), ch.amount));
            model.at(ch.dim) = sat_add(model.at(ch.dim), ch.amount);
        }
        for (std::size_t i = 0; i < 3; ++i) {
            RC_ASSERT(b.spent(Three::keys.at(i)) == model.at(i));
        }
    });

    prop("spent never decreases without reset", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        for (const Charge& ch : cs) {
            const bk::Dim key = Three::keys.at(ch.dim);
            const std::uint64_t before = *b.spent(key);
            static_cast<void>(b.charge(key, ch.amount));
            RC_ASSERT(*b.spent(key) >= before);
        }
    });

    prop("charging one dimension leaves the others unchanged", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        for (const Charge& ch : cs) {
            std::array<std::uint64_t, 3> before{};
            for (std::size_t i = 0; i < 3; ++i) {
                before.at(i) = *b.spent(Three::keys.at(i));
            }
            static_cast<void>(b.charge(Three::keys.at(ch.dim), ch.amount));
            for (std::size_t i = 0; i < 3; ++i) {
                if (i != ch.dim) {
                    RC_ASSERT(*b.spent(Three::keys.at(i)) == before.at(i));
                }
            }
        }
    });

    prop("unknown keys change nothing", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        const std::uint64_t a = *amount();
        B b = build<B>(c);
        for (const Charge& ch : cs) {
            static_cast<void>(b.charge(Three::keys.at(ch.dim), ch.amount));
        }
        const B before = b;
        for (const bk::Dim k : {bk::dim<bk::Bytes>, bk::dim<bk::Memory>, bk::dim<GpuSeconds>}) {
            const auto r = b.charge(k, a);
            RC_ASSERT(!r.has_value());
            RC_ASSERT(r.error().kind() == bk::ChargeError::Kind::UnknownDimension);
        }
        RC_ASSERT(b == before);
    });

    prop("reset restores the initial accounting state", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        const B fresh = b;
        for (const Charge& ch : cs) {
            static_cast<void>(b.charge(Three::keys.at(ch.dim), ch.amount));
        }
        b.reset();
        RC_ASSERT(b == fresh);
        for (std::size_t i = 0; i < 3; ++i) {
            RC_ASSERT(b.spent(Three::keys.at(i)) == 0u);
            RC_ASSERT(b.remaining(Three::keys.at(i)) == c.limits.at(i));
        }
    });

    prop("limits are inclusive: exhausted exactly when spent > limit", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        for (const Charge& ch : cs) {
            const bk::Dim key = Three::keys.at(ch.dim);
            const bk::Verdict v = *b.charge(key, ch.amount);
            const std::uint64_t spent = *b.spent(key);
            RC_ASSERT(v.is_exhausted() == (spent > c.limits.at(ch.dim)));
            RC_ASSERT(*b.remaining(key) == (spent >= c.limits.at(ch.dim) ? 0 : c.limits.at(ch.dim) - spent));
        }
    });

    prop("warn fires above the threshold and before exhaustion", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B b = build<B>(c);
        for (const Charge& ch : cs) {
            const bk::Dim key = Three::keys.at(ch.dim);
            const bk::Verdict v = *b.charge(key, ch.amount);
            const std::uint64_t spent = *b.spent(key);
            const auto& w = c.warns.at(ch.dim);
            const bool over_limit = spent > c.limits.at(ch.dim);
            RC_ASSERT(v.is_warning() == (!over_limit && w.has_value() && spent > *w));
            if (v.kind() != bk::Verdict::Kind::Continue) {
                RC_ASSERT(v.dimension() == key);
            }
        }
    });

    prop("typed and keyed charges agree", [] {
        const Config c = *config();
        const std::vector<Charge> cs = *charges();
        B typed = build<B>(c);
        B keyed = typed;
        for (const Charge& ch : cs) {
            const bk::Verdict t = charge_typed(typed, static_cast<On>(ch.dim), ch.amount);
            RC_ASSERT(*keyed.charge(Three::keys.at(ch.dim), ch.amount) == t);
        }
        RC_ASSERT(typed == keyed);
    });

    return ok;
}

}  // namespace

int main() {
    const bool unsafe_ok = run_all<bk::UnsafeStorage>("UnsafeStorage");
    const bool safe_ok = run_all<bk::SafeStorage>("SafeStorage");
    const bool atomic_ok = run_all<bk::AtomicStorage>("AtomicStorage");
    return unsafe_ok && safe_ok && atomic_ok ? 0 : 1;
}
