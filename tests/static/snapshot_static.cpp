// Snapshots in constant evaluation: a round trip through the value and the
// text form, every malformed text of snapshot_cases.hpp, and the type's shape.
#include <array>
#include <type_traits>

#include "snapshot_cases.hpp"

using namespace bktest;
using namespace bktest::snapshots;

namespace {

template <class B>
constexpr B charged() noexcept {
    B b = make_llm<B>();
    (void)b.template charge<bk::Tokens>(12U);
    (void)b.template charge<bk::Millis>(40U);
    (void)b.template charge<bk::Calls>(max);
    return b;
}

template <class B>
constexpr bool round_trips() noexcept {
    const B b = charged<B>();
    const auto from_value = B::restore(b.configuration(), b.snapshot());
    std::array<char, bk::max_snapshot_text_size<3>> buffer{};
    const auto text = bk::write_snapshot_text(b.snapshot(), buffer);
    if (!text || *text != "tokens=12 millis=40 calls=18446744073709551615") {
        return false;
    }
    const auto from_text = B::restore(b.configuration(), *text);
    return from_value && *from_value == b && from_text && *from_text == b;
}
static_assert(round_trips<Llm<bk::SafeStorage>>() && round_trips<Llm<bk::UnsafeStorage>>());
static_assert(round_trips<Llm<bk::SafeStorage, bk::Checked>>() && round_trips<Llm<bk::UnsafeStorage, bk::Checked>>());

template <class B>
constexpr std::size_t first_wrong_bad_text() noexcept {
    const B b = make_llm<B>();
    for (std::size_t i = 0; i < bad_texts.size(); ++i) {
        const BadText& c = bad_texts.at(i);
        const auto r = B::restore(b.configuration(), c.text);
        if (r.has_value() || r.error().kind() != c.kind || r.error().name() != c.name ||
            r.error().position() != c.position) {
            return i;
        }
    }
    return bad_texts.size();
}
static_assert(first_wrong_bad_text<Llm<bk::SafeStorage>>() == bad_texts.size());
static_assert(first_wrong_bad_text<Llm<bk::UnsafeStorage>>() == bad_texts.size());

// Plain bytes: no padding, no pointers, copies like a struct of integers.
static_assert(std::is_trivially_copyable_v<Llm<bk::SafeStorage>::snapshot_type>);
static_assert(std::has_unique_object_representations_v<bk::Snapshot<3>>);
static_assert(sizeof(bk::Snapshot<3>) == 8 + 3 * 64);
static_assert(std::is_same_v<Llm<bk::UnsafeStorage>::snapshot_type, bk::Snapshot<3>>);
static_assert(std::is_trivially_copyable_v<bk::SnapshotError> && std::is_trivially_copyable_v<bk::Report<3>>);
static_assert(bk::max_snapshot_text_size<1> == 48 + 1 + 20 + 1);

}  // namespace

int main() { return 0; }
