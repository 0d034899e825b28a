// Error values: kinds, dimensions, messages for every kind.
#include <doctest/doctest.h>

#include <tuple>

#include "support.hpp"

using namespace bktest;

namespace {
struct ALongNamedDimension {
    static constexpr std::string_view name = "a_dimension_whose_name_is_exactly_48_characters_";
};
static_assert(ALongNamedDimension::name.size() == bk::max_dimension_name_length);
}  // namespace

TEST_CASE("BuilderError messages, one per kind") {
    using E = bk::BuilderError::Kind;
    const bk::Dim k = bk::dim<GpuSeconds>;
    // Legend: {kind, its enumerator's name, the message}.
    const std::array<std::tuple<E, std::string_view, std::string_view>, 5> table{{
        {E::DuplicateDimension, "DuplicateDimension", "budgetkernel: dimension 'gpu_seconds' is declared twice"},
        {E::ZeroLimit, "ZeroLimit", "budgetkernel: dimension 'gpu_seconds' has a zero limit"},
        {E::WarnNotBelowLimit, "WarnNotBelowLimit",
         "budgetkernel: dimension 'gpu_seconds' has a warn threshold not below its limit"},
        {E::MissingLimit, "MissingLimit", "budgetkernel: dimension 'gpu_seconds' has no limit declared"},
        {E::UnknownDimension, "UnknownDimension", "budgetkernel: dimension 'gpu_seconds' is not in this budget's set"},
    }};
    for (const auto& [kind, name, text] : table) {
        const bk::BuilderError e{kind, k};
        CHECK(e.kind() == kind);
        CHECK(e.dimension() == k);
        CHECK(bk::to_string(kind) == name);
        CHECK(e.message().view() == text);
    }
}

TEST_CASE("ChargeError messages") {
    const bk::ChargeError unknown{bk::ChargeError::Kind::UnknownDimension, bk::dim<bk::Bytes>};
    CHECK(unknown.message().view() == "budgetkernel: dimension 'bytes' is not in this budget's set");
    const bk::ChargeError overflow{bk::ChargeError::Kind::Overflow, bk::dim<bk::Tokens>};
    CHECK(overflow.message().view() == "budgetkernel: dimension 'tokens' would overflow 2^64-1; the charge is refused");
    CHECK(bk::to_string(bk::ChargeError::Kind::Overflow) == "Overflow");
    CHECK(bk::to_string(bk::ChargeError::Kind::UnknownDimension) == "UnknownDimension");
}

TEST_CASE("the longest allowed name is never cut") {
    const bk::ChargeError e{bk::ChargeError::Kind::Overflow, bk::dim<ALongNamedDimension>};
    const bk::ErrorMessage message = e.message();  // the view below points into it
    const std::string_view text = message.view();
    CHECK(text.find(ALongNamedDimension::name) != std::string_view::npos);
    CHECK(text.size() < bk::ErrorMessage::capacity);
    CHECK(text.substr(text.size() - 7) == "refused");
}
