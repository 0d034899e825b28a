// Budget chains (SPEC section 11): one charge against several budgets of
// different types, plain and all-or-nothing, naming budget and dimension.
#include <doctest/doctest.h>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

namespace {

template <class S>
using Run = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>, S>;
template <class S>
using Tenant = bk::Budget<bk::Dims<bk::Bytes, bk::Tokens>, S, bk::Checked>;
template <class S>
using Global = bk::Budget<bk::Dims<bk::Tokens>, S>;

template <class S>
struct Fixture {
    // run tokens 100 (warn 50); tenant tokens 300 (warn 250); global tokens 1000 (warn 900).
    Run<S> run = *Run<S>::builder().template limit_with_warn<bk::Tokens>(100, 50).template limit<bk::Calls>(5).build();
    Tenant<S> tenant =
        *Tenant<S>::builder().template limit<bk::Bytes>(10).template limit_with_warn<bk::Tokens>(300, 250).build();
    Global<S> global = *Global<S>::builder().template limit_with_warn<bk::Tokens>(1000, 900).build();
};

}  // namespace

TEST_CASE_TEMPLATE("a plain chain charge records everywhere and names the worst budget", S, BKTEST_STORAGES) {
    Fixture<S> f;
    bk::Chain chain{f.run, f.tenant, f.global};
    static_assert(decltype(chain)::size == 3);

    auto r = chain.template charge<bk::Tokens>(40);  // a Result: the tenant is Checked
    REQUIRE(r);
    CHECK(r->kind() == K::Continue);
    CHECK_FALSE(r->budget().has_value());

    r = chain.template charge<bk::Tokens>(20);  // run 60 > warn 50
    REQUIRE(r);
    CHECK(r->kind() == K::Warn);
    CHECK(r->budget() == 0U);
    CHECK(r->dimension() == bk::dim<bk::Tokens>);

    r = chain.template charge<bk::Tokens>(50);  // run 110: exhausted, recorded anyway
    REQUIRE(r);
    CHECK(r->is_exhausted());
    CHECK(r->budget() == 0U);
    CHECK(f.run.template spent<bk::Tokens>() == 110);
    CHECK(f.tenant.template spent<bk::Tokens>() == 110);
    CHECK(f.global.template spent<bk::Tokens>() == 110);
}

TEST_CASE_TEMPLATE("the tie goes to the first budget in chain order", S, BKTEST_STORAGES) {
    Fixture<S> f;
    bk::Chain chain{f.global, f.run};
    static_cast<void>(f.global.template charge<bk::Tokens>(910));      // global warns
    const bk::ChainVerdict v = chain.template charge<bk::Tokens>(60);  // run warns too
    CHECK(v.kind() == K::Warn);
    CHECK(v.budget() == 0U);
}

TEST_CASE_TEMPLATE("try_charge across a chain is all or nothing and names the refusing budget", S, BKTEST_STORAGES) {
    Fixture<S> f;
    static_cast<void>(f.tenant.template charge<bk::Tokens>(280));  // the tenant has 20 left
    bk::Chain chain{f.run, f.tenant, f.global};

    const auto refused = chain.template try_charge<bk::Tokens>(30);
    REQUIRE_FALSE(refused);
    CHECK(refusal_of(refused).budget() == 1U);
    CHECK(refusal_of(refused).kind() == bk::ChargeError::Kind::WouldExhaust);
    CHECK(refusal_of(refused).dimension() == bk::dim<bk::Tokens>);
    CHECK(f.run.template spent<bk::Tokens>() == 0);  // the run's hold was returned
    CHECK(f.tenant.template spent<bk::Tokens>() == 280);
    CHECK(f.global.template spent<bk::Tokens>() == 0);

    const auto admitted = chain.template try_charge<bk::Tokens>(20);
    REQUIRE(admitted);
    CHECK(admitted->kind() == K::Warn);  // tenant 300 > warn 250
    CHECK(admitted->budget() == 1U);
    CHECK(f.run.template spent<bk::Tokens>() == 20);
    CHECK(f.tenant.template spent<bk::Tokens>() == 300);
    CHECK(f.global.template spent<bk::Tokens>() == 20);

    const auto last = chain.template try_charge<bk::Tokens>(1);
    REQUIRE_FALSE(last);
    CHECK(refusal_of(last).budget() == 1U);
}

TEST_CASE_TEMPLATE("a refused chain restores a total its hold saturated", S, BKTEST_STORAGES) {
    // The first budget's hold would take its total to 2^64-1 (saturating,
    // within the limit); the second refuses. A refund could not tell that
    // total from a saturated one and would leave it there: the chain must
    // restore the total it found (a storage nobody else writes undoes the
    // hold exactly; a shared one makes that hold last, after the refusal,
    // so it is never made).
    using Wide = bk::Budget<bk::Dims<bk::Tokens>, S>;
    Wide wide = *Wide::builder().template limit<bk::Tokens>(max).build();
    static_cast<void>(wide.template charge<bk::Tokens>(max - 10));
    Global<S> small = *Global<S>::builder().template limit<bk::Tokens>(50).build();
    bk::Chain chain{wide, small};

    const auto refused = chain.template try_charge<bk::Tokens>(100);
    REQUIRE_FALSE(refused);
    CHECK(refusal_of(refused).budget() == 1U);
    CHECK(wide.template spent<bk::Tokens>() == max - 10);
    CHECK(small.template spent<bk::Tokens>() == 0);
}

TEST_CASE_TEMPLATE("a Checked budget's overflow refusal names its place in the chain", S, BKTEST_STORAGES) {
    Fixture<S> f;
    static_cast<void>(f.tenant.template charge<bk::Tokens>(max - 1));
    bk::Chain chain{f.global, f.tenant};
    const auto r = chain.template charge<bk::Tokens>(5);
    REQUIRE_FALSE(r);
    CHECK(refusal_of(r).kind() == bk::ChargeError::Kind::Overflow);
    CHECK(refusal_of(r).budget() == 1U);
    CHECK(f.global.template spent<bk::Tokens>() == 5);  // the budgets that fit are charged
}

TEST_CASE_TEMPLATE("one budget may appear in several chains", S, BKTEST_STORAGES) {
    Fixture<S> f;
    auto other = *Run<S>::builder().template limit<bk::Tokens>(100).template limit<bk::Calls>(5).build();
    bk::Chain a{f.run, f.global};
    bk::Chain b{other, f.global};
    CHECK(a.template try_charge<bk::Tokens>(60));
    CHECK(b.template try_charge<bk::Tokens>(70));
    CHECK(f.global.template spent<bk::Tokens>() == 130);
    CHECK(&a.template at<1>() == &f.global);
}
