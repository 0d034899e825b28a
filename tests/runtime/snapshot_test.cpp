// Snapshots: restoring by value, by bytes, by pairs and by text; refusals
// that name the dimension; the writer's buffer rules; malformed text.
#include <doctest/doctest.h>

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "refusal.hpp"
#include "snapshot_cases.hpp"

using namespace bktest;
using namespace bktest::snapshots;

namespace {

template <class B>
B charged() {
    B b = make_llm<B>();
    CHECK(b.template charge<bk::Tokens>(90U).is_warning());
    (void)b.template charge<bk::Millis>(7U);
    (void)b.template charge<bk::Calls>(1U);
    return b;
}

// tokens 500 (warn 400), millis 9 (no warn), calls 1 (no warn): other limits.
template <class B>
B other_limits() {
    return *B::keyed_builder()
                .limit_with_warn(bk::dim<bk::Tokens>, 500U, 400U)
                .limit(bk::dim<bk::Millis>, 9U)
                .limit(bk::dim<bk::Calls>, 1U)
                .build();
}

}  // namespace

TEST_CASE_TEMPLATE("a snapshot records names in set order and restores every total", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    const B b = charged<B>();
    const auto s = b.snapshot();
    REQUIRE(s.count == 3);
    CHECK(s.entries[0].name_view() == "tokens");
    CHECK(s.entries[1].name_view() == "millis");
    CHECK(s.entries[2].name_view() == "calls");
    CHECK(s.spent("tokens") == 90U);
    CHECK(s.spent("millis") == 7U);
    CHECK_FALSE(s.spent("bytes").has_value());

    const auto back = B::restore(b.configuration(), s);
    REQUIRE(back.has_value());
    CHECK(*back == b);
    B restored = *back;
    CHECK(restored.template charge<bk::Tokens>(0U).is_warning());  // the state is live again
    CHECK(restored.template charge<bk::Tokens>(11U).is_exhausted());
}

TEST_CASE_TEMPLATE("restoring under changed limits keeps the counters and judges by the new limits", S,
                   BKTEST_STORAGES) {
    using B = Llm<S>;
    const B b = charged<B>();
    const auto r = B::restore(other_limits<B>().configuration(), b.snapshot());
    REQUIRE(r.has_value());
    B restored = *r;
    CHECK(restored.template spent<bk::Tokens>() == 90U);
    CHECK(restored.template limit<bk::Tokens>() == 500U);
    CHECK(restored.template charge<bk::Tokens>(0U) == bk::Verdict{});
    CHECK(restored.template charge<bk::Calls>(0U) == bk::Verdict{});  // 1 of 1: inclusive
    CHECK(restored.template charge<bk::Millis>(0U).is_continuing());  // 7 of 9
    CHECK(restored.template charge<bk::Millis>(3U).is_exhausted());   // 10 of 9
}

TEST_CASE_TEMPLATE("a snapshot of another dimension set is refused, naming the dimension", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    using Other = bk::Budget<bk::Dims<bk::Tokens, bk::Bytes, bk::Calls>, S>;
    using Fewer = bk::Budget<bk::Dims<bk::Tokens, bk::Millis>, S>;
    using More = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls, GpuSeconds>, S>;
    const auto config = make_llm<B>().configuration();

    const Other other = *Other::builder()
                             .template limit<bk::Tokens>(1)
                             .template limit<bk::Bytes>(1)
                             .template limit<bk::Calls>(1)
                             .build();
    const auto unknown = B::restore(config, other.snapshot());
    REQUIRE_FALSE(unknown.has_value());
    CHECK(refusal_of(unknown).kind() == SK::UnknownDimension);
    CHECK(refusal_of(unknown).name() == "bytes");
    CHECK(std::string{unknown.error().message().view()} ==
          "budgetkernel: snapshot: dimension 'bytes' is not in this budget's set");

    const Fewer fewer = *Fewer::builder().template limit<bk::Tokens>(1).template limit<bk::Millis>(1).build();
    const auto missing = B::restore(config, fewer.snapshot());
    REQUIRE_FALSE(missing.has_value());
    CHECK(refusal_of(missing).kind() == SK::MissingDimension);
    CHECK(std::string{missing.error().message().view()} == "budgetkernel: snapshot: dimension 'calls' is missing");

    const More more = *More::builder()
                           .template limit<bk::Tokens>(1)
                           .template limit<bk::Millis>(1)
                           .template limit<bk::Calls>(1)
                           .template limit<GpuSeconds>(1)
                           .build();
    const auto extra = B::restore(config, more.snapshot());
    REQUIRE_FALSE(extra.has_value());
    CHECK(refusal_of(extra).kind() == SK::UnknownDimension);
    CHECK(refusal_of(extra).name() == "gpu_seconds");
}

TEST_CASE_TEMPLATE("a snapshot's bytes are its meaning", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    const B b = charged<B>();
    const auto s = b.snapshot();
    std::array<unsigned char, sizeof(s)> bytes{};
    std::memcpy(bytes.data(), &s, sizeof(s));

    typename B::snapshot_type copy{};
    std::memcpy(&copy, bytes.data(), sizeof(copy));
    const auto back = B::restore(b.configuration(), copy);
    REQUIRE(back.has_value());
    CHECK(*back == b);

    // Damaged bytes are refused, never restored as a wrong total.
    auto damaged = copy;
    damaged.entries[1].name[2] = '\x01';
    CHECK(refusal_of(B::restore(b.configuration(), damaged)).kind() == SK::MalformedEntry);
    damaged = copy;
    damaged.entries[0].name[55] = 'x';  // junk after the NUL padding
    CHECK(refusal_of(B::restore(b.configuration(), damaged)).kind() == SK::MalformedEntry);
    damaged = copy;
    damaged.count = 4;
    CHECK(refusal_of(B::restore(b.configuration(), damaged)).kind() == SK::MalformedEntry);
    damaged = copy;
    damaged.entries[2] = damaged.entries[0];
    CHECK(refusal_of(B::restore(b.configuration(), damaged)).kind() == SK::DuplicateDimension);
}

TEST_CASE_TEMPLATE("restoring from name/value pairs, in any order", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    const auto config = make_llm<B>().configuration();
    const std::vector<bk::NamedSpent> pairs{{"calls", 2}, {"tokens", 81}, {"millis", max}};
    const auto r = B::restore(config, pairs);
    REQUIRE(r.has_value());
    CHECK(r->template spent<bk::Tokens>() == 81U);
    CHECK(r->template spent<bk::Millis>() == max);
    CHECK(r->template spent<bk::Calls>() == 2U);

    const std::vector<bk::NamedSpent> unknown{{"calls", 2}, {"tokens", 81}, {"bogus name", 1}};
    CHECK(refusal_of(B::restore(config, unknown)).kind() == SK::UnknownDimension);
    CHECK(refusal_of(B::restore(config, unknown)).name().empty());  // not a valid name: not echoed
    const std::vector<bk::NamedSpent> twice{{"calls", 2}, {"calls", 3}};
    CHECK(refusal_of(B::restore(config, twice)).kind() == SK::DuplicateDimension);
    CHECK(refusal_of(B::restore(config, std::span<const bk::NamedSpent>{})).kind() == SK::MissingDimension);
}

TEST_CASE("the text writer never cuts: a buffer too small is an error") {
    using B = Llm<bk::SafeStorage>;
    B b = make_llm<B>();
    (void)b.charge<bk::Tokens>(12U);
    const std::string_view expected = "tokens=12 millis=0 calls=0";
    std::array<char, 64> buffer{};
    for (std::size_t size = 0; size <= expected.size(); ++size) {
        buffer.fill('#');
        const auto r = bk::write_snapshot_text(b.snapshot(), std::span<char>{buffer.data(), size});
        REQUIRE_FALSE(r.has_value());
        CHECK(refusal_of(r).kind() == SK::BufferTooSmall);
        CHECK(refusal_of(r).position() == expected.size() + 1);
        CHECK(buffer[0] == '#');  // nothing written
    }
    const auto r = bk::write_snapshot_text(b.snapshot(), std::span<char>{buffer.data(), expected.size() + 1});
    REQUIRE(r.has_value());
    CHECK(*r == expected);
    CHECK(buffer[expected.size()] == '\0');
}

TEST_CASE_TEMPLATE("every malformed text is an error naming what is wrong", S, BKTEST_STORAGES) {
    using B = Llm<S>;
    const auto config = make_llm<B>().configuration();
    for (const BadText& c : bad_texts) {
        CAPTURE(std::string{c.text});
        const auto r = B::restore(config, c.text);
        REQUIRE_FALSE(r.has_value());
        CHECK(refusal_of(r).kind() == c.kind);
        CHECK(refusal_of(r).name() == c.name);
        CHECK(refusal_of(r).position() == c.position);
        const auto message = r.error().message();
        CHECK(message.view().substr(0, 22) == "budgetkernel: snapshot");
        CHECK(message.view().size() < bk::SnapshotMessage::capacity - 1);  // nothing cut
    }
    const std::string huge(too_long_size, 'a');
    CHECK(refusal_of(B::restore(config, huge)).kind() == SK::TooLong);
    const std::string longest = "tokens=18446744073709551615 millis=18446744073709551615 calls=18446744073709551615\n";
    CHECK(B::restore(config, longest).has_value());
}

TEST_CASE("the longest message of every kind fits its buffer") {
    const std::string_view longest_name = "a_dimension_name_that_is_exactly_forty_eight_ch_";
    for (std::size_t k = 0; k <= static_cast<std::size_t>(SK::BufferTooSmall); ++k) {
        const bk::SnapshotError e{static_cast<SK>(k), longest_name, ~std::size_t{0}};
        CHECK(e.message().view().size() < bk::SnapshotMessage::capacity - 1);
        CHECK(bk::to_string(e.kind()) != "?");
    }
}
