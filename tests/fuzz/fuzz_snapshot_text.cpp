// Fuzz target for the snapshot text form (snapshot_text.hpp): any byte string
// is handed to the parser, for three set sizes and both storage policies.
//
// What must hold, whatever the bytes:
//  - no crash, no sanitizer report (the build uses ASan + UBSan);
//  - an accepted text is canonical: writing the parsed pairs back gives the
//    input exactly, less one final line feed (the grammar has one spelling
//    per list of pairs, so anything else was accepted wrongly), and the
//    restored totals are the text's values;
//  - restoring the same text under both storage policies gives the same
//    totals, and the same error when refused;
//  - an error's message fits its buffer.
//
// Built as a libFuzzer target with clang++ (budgetkernel_fuzz_snapshot_text),
// and with BUDGETKERNEL_FUZZ_STANDALONE as a replayer of the files and
// directories named on its command line (tests/fuzz/snapshot_corpus runs as a
// test in every configuration).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

#if defined(BUDGETKERNEL_FUZZ_STANDALONE)
#include "replay.hpp"
#endif

namespace bk = budgetkernel;

namespace {

struct Widgets {
    static constexpr std::string_view name = "widgets";
};

[[noreturn]] void mismatch(const char* what, std::string_view text) {
    std::fprintf(stderr, "snapshot text mismatch: %s on input of %zu bytes\n", what, text.size());
    std::abort();
}

template <class Set>
void check(std::string_view text) {
    using Unsafe = bk::Budget<Set, bk::UnsafeStorage>;
    using Safe = bk::Budget<Set, bk::SafeStorage, bk::Checked>;
    auto decl = Unsafe::keyed_builder();
    for (const bk::Dim key : Set::keys) {
        decl = decl.limit_with_warn(key, 1000U, 10U);
    }
    const Unsafe base = *decl.build();
    const Safe safe_base = *Safe::keyed_builder(base.configuration()).build();

    const auto a = Unsafe::restore(base.configuration(), text);
    const auto b = Safe::restore(safe_base.configuration(), text);
    if (a.has_value() != b.has_value()) {
        mismatch("the storage policies disagree", text);
    }
    if (!a) {
        if (!(a.error() == b.error())) {
            mismatch("the storage policies give different errors", text);
        }
        const auto m = a.error().message();
        if (m.view().size() + 1 >= bk::SnapshotMessage::capacity) {
            mismatch("an error message fills its buffer", text);
        }
        return;
    }
    // Accepted: the parsed pairs (in the text's order) write back to the input.
    const auto parsed = bk::parse_snapshot_text<Unsafe>(text);
    if (!parsed) {
        mismatch("restored a text that does not parse", text);
    }
    std::array<char, bk::max_snapshot_text_size<Set::size>> buffer{};
    const auto written = bk::write_snapshot_text(*parsed, buffer);
    if (!written) {
        mismatch("a parsed snapshot cannot be written", text);
    }
    std::string_view canonical = text;
    if (!canonical.empty() && canonical.back() == '\n') {
        canonical.remove_suffix(1);
    }
    if (*written != canonical) {
        mismatch("an accepted text is not canonical", text);
    }
    for (const bk::DimensionReport& d : a->report()) {
        if (parsed->spent(d.name) != d.spent) {
            mismatch("a restored total differs from the text", text);
        }
    }
    if (!(a->snapshot() == b->snapshot())) {
        mismatch("the storage policies restored different totals", text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the fuzzer's bytes, read as chars
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    check<bk::Dims<bk::Tokens>>(text);
    check<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>(text);
    check<bk::Dims<Widgets, bk::Custom2, bk::Tokens, bk::Millis, bk::Bytes, bk::Calls, bk::Memory>>(text);
    return 0;
}

#if defined(BUDGETKERNEL_FUZZ_STANDALONE)

int main(int argc, char** argv) { return bkfuzz::replay(argc, argv, "snapshot text fuzz"); }

#endif
