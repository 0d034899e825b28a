// The run-time side of UnsafeStorage, proved with memcheck's validity bits:
// a budget built at run time leaves its counters uninitialised (that is the
// point of the policy) and defines exactly the slots it stores, while the
// library never reads an undefined byte (memcheck would report it and the
// test, run with --error-exitcode, would fail). Without valgrind it skips.
#include <valgrind/memcheck.h>

#include <array>
#include <cstdio>
#include <memory>

#include "support.hpp"

namespace {

// Number of bytes of `object` memcheck considers undefined.
template <class T>
std::size_t undefined_bytes(const T& object) {
    std::array<unsigned char, sizeof(T)> vbits{};
    if (VALGRIND_GET_VBITS(&object, vbits.data(), sizeof(T)) != 1) {
        return sizeof(T) + 1;  // impossible count: the query failed
    }
    std::size_t n = 0;
    for (const unsigned char v : vbits) {
        n += v != 0 ? 1 : 0;
    }
    return n;
}

int failures = 0;
void expect(bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAILED", what);
    failures += ok ? 0 : 1;
}

}  // namespace

int main() {
    if (RUNNING_ON_VALGRIND == 0) {
        std::puts("skipped: run under valgrind (meson test runs it so)");
        return 77;
    }
    using namespace bktest;
    volatile std::uint64_t limit = 100;  // a run-time value: no constant folding
    const auto built = bk::Budget<bk::standard_dims, bk::UnsafeStorage>::keyed_builder()
                           .limit(bk::dim<bk::Tokens>, limit)
                           .limit(bk::dim<bk::Millis>, limit)
                           .limit(bk::dim<bk::Bytes>, limit)
                           .limit(bk::dim<bk::Calls>, limit)
                           .limit(bk::dim<bk::Memory>, limit)
                           .limit(bk::dim<bk::Custom0>, limit)
                           .limit(bk::dim<bk::Custom1>, limit)
                           .limit(bk::dim<bk::Custom2>, limit)
                           .build();
    if (!built) {
        std::puts("FAILED: build");
        return 1;
    }
    // Fresh heap memory is undefined to memcheck; a stack slot might hold
    // bytes an earlier temporary wrote, which would hide what we measure.
    const auto owner = std::make_unique<bk::Budget<bk::standard_dims, bk::UnsafeStorage>>(*built);
    auto& b = *owner;
    const auto& ledger = b.ledger();
    expect(undefined_bytes(ledger) >= 8 * sizeof(std::uint64_t), "a fresh ledger's eight counters are uninitialised");
    const std::size_t fresh = undefined_bytes(ledger);
    std::printf("ledger: %zu bytes, %zu undefined\n", sizeof(ledger), fresh);

    expect(b.charge<bk::Calls>(3).is_continuing(), "charging an unset counter starts from 0");
    expect(undefined_bytes(ledger) == fresh - sizeof(std::uint64_t), "a charge defines exactly its own counter");
    expect(b.spent<bk::Tokens>() == 0 && b.remaining(bk::dim<bk::Custom2>) == 100u, "unset counters read as 0");

    const auto copy = std::make_unique<bk::Budget<bk::standard_dims, bk::UnsafeStorage>>(b);
    expect(undefined_bytes(copy->ledger()) == undefined_bytes(ledger), "a copy leaves the same counters unset");

    b.reset();
    expect(b.spent<bk::Calls>() == 0, "reset hides the stored value");
    expect(undefined_bytes(ledger) == fresh - sizeof(std::uint64_t), "reset writes no counter (O(1))");

    bk::Budget<bk::standard_dims, bk::SafeStorage> safe{b.configuration()};
    expect(undefined_bytes(safe.ledger()) == 0, "SafeStorage counters are all initialised");
    return failures == 0 ? 0 : 1;
}
