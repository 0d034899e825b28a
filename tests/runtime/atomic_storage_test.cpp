// AtomicStorage on one thread: what copying means, Result holding an atomic
// budget, and the reset windows that keep reservations honest.
#include <doctest/doctest.h>

#include <type_traits>

#include "refusal.hpp"
#include "support.hpp"

using namespace bktest;

namespace {
using Shared = Llm<bk::AtomicStorage>;
using Slots = bk::AtomicStorage::slots<3>;
}  // namespace

static_assert(bk::StoragePolicy<bk::AtomicStorage>);
static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
// Copying reads each counter: not a trivial (byte) copy, never a torn one.
static_assert(!std::is_trivially_copyable_v<Shared>);
static_assert(std::is_nothrow_copy_constructible_v<Shared> && std::is_nothrow_copy_assignable_v<Shared>);
// The other storages keep their plain, trivial copies.
static_assert(std::is_trivially_copyable_v<Llm<bk::SafeStorage>> &&
              std::is_trivially_copyable_v<Llm<bk::UnsafeStorage>>);
static_assert(std::is_trivially_copyable_v<bk::Result<Llm<bk::SafeStorage>, bk::BuilderError>>);

TEST_CASE("a copy is a snapshot of the counters, independent afterwards") {
    Shared a = make_llm<Shared>();
    static_cast<void>(a.charge<bk::Tokens>(30));
    static_cast<void>(a.charge<bk::Calls>(2));
    Shared b = a;
    CHECK(b == a);
    static_cast<void>(b.charge<bk::Tokens>(5));
    CHECK(a.spent<bk::Tokens>() == 30);
    CHECK(b.spent<bk::Tokens>() == 35);
    a = b;
    CHECK(a.spent<bk::Tokens>() == 35);
    CHECK(a.spent<bk::Calls>() == 2);
}

TEST_CASE("a Result holds an atomic budget, and its copies switch sides") {
    auto built = Shared::builder()
                     .limit_with_warn<bk::Tokens>(100, 80)
                     .limit<bk::Millis>(50)
                     .limit_with_warn<bk::Calls>(3, 0)
                     .build();
    REQUIRE(built);
    static_cast<void>(built->charge<bk::Tokens>(7));
    const auto copy = built;  // copies the held budget
    CHECK(copy->spent<bk::Tokens>() == 7);

    auto failed = Shared::builder().limit<bk::Tokens>(0).limit<bk::Millis>(1).limit<bk::Calls>(1).build();
    REQUIRE_FALSE(failed);
    CHECK(refusal_of(failed).kind() == bk::BuilderError::Kind::ZeroLimit);
    failed = copy;  // error -> value
    REQUIRE(failed);
    CHECK(failed->spent<bk::Tokens>() == 7);
    failed =
        bk::Result<Shared, bk::BuilderError>{bk::BuilderError{bk::BuilderError::Kind::ZeroLimit, bk::dim<bk::Calls>}};
    REQUIRE_FALSE(failed);  // value -> error
    CHECK(refusal_of(failed).dimension() == bk::dim<bk::Calls>);
}

TEST_CASE("a budget can be built in place from a configuration") {
    const auto config = make_llm<Llm<bk::SafeStorage>>().configuration();
    Shared b{config};
    CHECK(b.limit<bk::Tokens>() == 100);
    CHECK(b.spent<bk::Tokens>() == 0);
}

TEST_CASE("windows: a generation that moved on opens nothing") {
    Slots s;
    CHECK(s.generation() == 0);
    const std::uint32_t g = s.enter_window();
    CHECK(g == 0);
    s.leave_window();
    s.store(1, 9);
    s.clear();  // no window open: does not wait
    CHECK(s.load(1) == 0);
    CHECK(s.generation() == 1);
    CHECK_FALSE(s.enter_window(g));
    REQUIRE(s.enter_window(1));
    s.leave_window();
    // A copy carries the generation, with no window open.
    Slots copy = s;
    CHECK(copy.generation() == 1);
    copy.clear();
    CHECK(copy.generation() == 2);
    CHECK(s.generation() == 1);
}

TEST_CASE("update: a refused or unchanged proposal writes nothing") {
    Slots s;
    s.store(0, 5);
    const bk::Transition refused = s.update(0, [](std::uint64_t v) { return bk::Proposal{v + 1, false}; });
    CHECK_FALSE(refused.committed);
    CHECK(refused.after == 5);
    const bk::Transition same = s.update(0, [](std::uint64_t v) { return bk::Proposal{v, true}; });
    CHECK(same.committed);
    CHECK(same.before == 5);
    const bk::Transition added = s.update(0, [](std::uint64_t v) { return bk::Proposal{v + 3, true}; });
    CHECK(added.before == 5);
    CHECK(added.after == 8);
    CHECK(s.load(0) == 8);
}

TEST_CASE("a reservation made before a reset settles as Stale and returns nothing") {
    Shared b = make_llm<Shared>();
    auto held = b.reserve<bk::Tokens>(40);
    REQUIRE(held);
    b.reset();
    static_cast<void>(b.charge<bk::Tokens>(10));
    const auto r = held.settle(5);
    REQUIRE_FALSE(r);
    CHECK(refusal_of(r).kind() == bk::ChargeError::Kind::Stale);
    CHECK(b.spent<bk::Tokens>() == 10);
}
