// Many threads, one budget (SPEC section 10): exact totals, no overcommit,
// exactly the fitting number of admissions, all-or-nothing across dimensions,
// exact reservation accounting, refused admissions next to saturation, and
// reset() against all of them.
//
// Built twice: with bk::AtomicStorage (the `stress` suite, also under
// ThreadSanitizer), and with BKSTRESS_PLANTED, against a storage whose update
// is a load and a separate store (planted_storage.hpp), where every case
// must fail: the proof that each case can catch a lost update.
#include <doctest/doctest.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <thread>

#include "stress.hpp"

#if defined(BKSTRESS_PLANTED)
#include "planted_storage.hpp"
using Storage = bkstress::PlantedStorage;
#else
using Storage = bk::AtomicStorage;
#endif

using bkstress::make;
using bkstress::run_together;
using bkstress::threads;
using B = bkstress::Shared<Storage>;

TEST_CASE("exact_totals_under_contention") {
    constexpr std::uint64_t per_thread = 3000;
    B b = make<B>(10000, 1000);
    std::atomic<int> crossed_warn{0};
    std::atomic<int> crossed_limit{0};
    run_together([&](std::size_t t) {
        for (std::uint64_t i = 0; i < per_thread; ++i) {
            const bk::Verdict v = b.charge<bk::Tokens>(t + 1);
            crossed_warn += v.crossed_warn() ? 1 : 0;
            crossed_limit += v.crossed_limit() ? 1 : 0;
            static_cast<void>(b.charge<bk::Calls>(1));
        }
    });
    // 3000 * (1 + 2 + 3 + 4): every amount recorded, none lost.
    CHECK(b.spent<bk::Tokens>() == per_thread * 10);
    CHECK(b.spent<bk::Calls>() == per_thread * threads);
    // Each verdict is judged on the total right after its own addition, so
    // exactly one charge crosses each threshold.
    CHECK(crossed_warn.load() == 1);
    CHECK(crossed_limit.load() == 1);
    CHECK(b.status().is_exhausted());
}

TEST_CASE("no_overcommit_under_contention") {
    // 7 fits 142 times in 1000: exactly that many admissions, whatever the
    // interleaving, and the total never passes the limit.
    B b = make<B>(1000, 1000000);
    std::atomic<std::uint64_t> admitted{0};
    std::atomic<bool> over{false};
    run_together([&](std::size_t /*t*/) {
        for (int i = 0; i < 400; ++i) {
            if (b.try_charge<bk::Tokens>(7)) {
                admitted += 1;
            }
            if (b.spent<bk::Tokens>() > 1000) {
                over = true;
            }
        }
    });
    CHECK(admitted.load() == 142);
    CHECK(b.spent<bk::Tokens>() == 142 * 7);
    CHECK_FALSE(over.load());
}

TEST_CASE("all_or_nothing_across_dimensions_under_contention") {
    // Calls (150) binds before tokens (1000 / 5 = 200): exactly 150
    // admissions, each recorded on both dimensions or on neither.
    B b = make<B>(1000, 150);
    std::atomic<std::uint64_t> admitted{0};
    run_together([&](std::size_t /*t*/) {
        for (int i = 0; i < 100; ++i) {
            if (b.try_charge<bk::Tokens, bk::Calls>(5, 1)) {
                admitted += 1;
            }
        }
    });
    CHECK(admitted.load() == 150);
    CHECK(b.spent<bk::Calls>() == 150);
    CHECK(b.spent<bk::Tokens>() == 150 * 5);
}

TEST_CASE("keyed_all_or_nothing_under_contention") {
    // The keyed list with the binding dimension (tokens, 600 / 4 = 150) last:
    // every refusal undoes a hold of calls.
    B b = make<B>(600, 1000000);
    std::atomic<std::uint64_t> admitted{0};
    const std::array<bk::KeyedAmount, 2> entries{{{bk::dim<bk::Calls>, 1}, {bk::dim<bk::Tokens>, 4}}};
    run_together([&](std::size_t /*t*/) {
        for (int i = 0; i < 100; ++i) {
            if (b.try_charge(entries)) {
                admitted += 1;
            }
        }
    });
    CHECK(admitted.load() == 150);
    CHECK(b.spent<bk::Tokens>() == 600);
    CHECK(b.spent<bk::Calls>() == 150);
}

TEST_CASE("reservation_accounting_is_exact_under_contention") {
    // Each thread holds 10, settles for an actual of 0..10 or releases;
    // refused reservations change nothing. The total is exactly the sum of
    // the actuals settled, and holds never take it past the limit.
    B b = make<B>(200, 1000000);
    std::atomic<std::uint64_t> settled{0};
    std::atomic<std::uint64_t> admitted{0};
    std::atomic<bool> over{false};
    run_together([&](std::size_t t) {
        for (std::uint64_t i = 0; i < 3000; ++i) {
            auto held = b.reserve<bk::Tokens>(10);
            if (b.spent<bk::Tokens>() > 200) {
                over = true;
            }
            if (!held) {
                continue;
            }
            admitted += 1;
            if ((i + t) % 5 == 0) {
                held.release();
                continue;
            }
            const std::uint64_t actual = (i * 7 + t) % 11;
            if (held.settle(actual)) {
                settled += actual;
            }
        }
    });
    CHECK(admitted.load() > 0);
    CHECK(b.spent<bk::Tokens>() == settled.load());
    CHECK(b.spent<bk::Tokens>() <= 200);
    CHECK_FALSE(over.load());
}

// Thread 0 resets `resets` times, spaced out; the other threads run `body`
// meanwhile and keep going after the last reset.
template <class Body>
void with_resets(B& b, int resets, Body body) {
    run_together([&](std::size_t t) {
        if (t != 0) {
            body();
            return;
        }
        for (int i = 0; i < resets; ++i) {
            b.reset();
            for (int j = 0; j < 20; ++j) {
                std::this_thread::yield();
            }
        }
    });
}

TEST_CASE("reset_during_reservations_leaks_nothing") {
    // Three threads hold and return estimates of 10 while one resets. A hold
    // is either returned in its own generation or cleared by a reset, never
    // both and never neither: at most three holds (30) exist at any instant,
    // and at the end nothing is held.
    B b = make<B>(1000000, 1000000);
    std::atomic<bool> over{false};
    with_resets(b, 50, [&] {
        for (int i = 0; i < 1500; ++i) {
            auto held = b.reserve<bk::Tokens>(10);
            REQUIRE(held);
            if (i % 2 == 0) {
                held.release();
            } else {
                static_cast<void>(held.settle(0));
            }
            if (b.spent<bk::Tokens>() > 30) {
                over = true;
            }
        }
    });
    CHECK(b.spent<bk::Tokens>() == 0);
    CHECK_FALSE(over.load());
}

TEST_CASE("all_or_nothing_survives_reset") {
    // A multi-dimension admission lands wholly before or wholly after a
    // reset, and its undo in the same generation as its hold: at the end,
    // tokens is exactly 5 times calls.
    B b = make<B>(1000000, 40);
    with_resets(b, 50, [&] {
        for (int i = 0; i < 1500; ++i) {
            // Calls binds often (40), so holds of tokens are undone often.
            static_cast<void>(b.try_charge<bk::Tokens, bk::Calls>(5, 1));
        }
    });
    CHECK(b.spent<bk::Tokens>() == 5 * b.spent<bk::Calls>());
    CHECK(b.spent<bk::Calls>() <= 40);
}

TEST_CASE("refused_admissions_near_saturation_lose_nothing") {
    // Tokens without a limit (2^64-1) 100 below saturation: a hold of 1000
    // would saturate, and a saturated total cannot tell one thread's hold
    // from another's charge, so taking such a hold back could erase a
    // concurrent charge. Holds that cannot be refused are made last and
    // never taken back: the refused multi-dimension admissions and chains
    // below (calls, and the small budget, are full) leave tokens alone, and
    // every plain charge lands.
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    B b = make<B>(max, 1);
    REQUIRE(b.charge<bk::Tokens>(max - 100).kind() == bk::Verdict::Kind::Warn);
    REQUIRE(b.charge<bk::Calls>(1).kind() == bk::Verdict::Kind::Continue);
    B small = make<B>(1, 1);
    REQUIRE(small.charge<bk::Tokens>(1).is_continuing());
    bk::Chain chain{b, small};
    std::atomic<int> admitted{0};
    run_together([&](std::size_t t) {
        for (int i = 0; i < 2000; ++i) {
            if (t == 0 && b.try_charge<bk::Tokens, bk::Calls>(1000, 1)) {
                admitted += 1;
            }
            if (t == 1 && chain.try_charge<bk::Tokens>(1000)) {
                admitted += 1;
            }
            if (t >= 2 && i % 50 == 0) {
                static_cast<void>(b.charge<bk::Tokens>(1));
            }
        }
    });
    CHECK(admitted.load() == 0);
    CHECK(b.spent<bk::Tokens>() == max - 100 + 2 * 40);
    CHECK(b.spent<bk::Calls>() == 1);
    CHECK(small.spent<bk::Tokens>() == 1);
}
