// Configuration checked at compile time: a constexpr builder chain and
// static_assert(result.has_value()), for valid and invalid declarations.
#include "support.hpp"

using namespace bktest;

namespace {
using E = bk::BuilderError::Kind;
using B = Llm<bk::UnsafeStorage>;

constexpr auto good =
    B::builder().limit_with_warn<bk::Tokens>(10'000, 8'000).limit<bk::Millis>(30'000).limit<bk::Calls>(5).build();
static_assert(good.has_value());
static_assert(good->limit<bk::Tokens>() == 10'000 && good->warn_threshold<bk::Tokens>() == 8'000u);

constexpr auto zero = B::builder().limit<bk::Tokens>(10).limit<bk::Millis>(0).limit<bk::Calls>(5).build();
static_assert(!zero.has_value() && zero.error().kind() == E::ZeroLimit &&
              zero.error().dimension() == bk::dim<bk::Millis>);

constexpr auto warn = B::builder().limit_with_warn<bk::Tokens>(10, 10).limit<bk::Millis>(1).limit<bk::Calls>(5).build();
static_assert(!warn && warn.error().kind() == E::WarnNotBelowLimit);

constexpr auto dup = B::keyed_builder().limit(bk::dim<bk::Tokens>, 1).limit(bk::dim<bk::Tokens>, 1).build();
static_assert(!dup && dup.error().kind() == E::DuplicateDimension);

constexpr auto unknown = B::builder().limit<bk::Tokens>(1).limit(bk::dim<bk::Bytes>, 1).build();
static_assert(!unknown && unknown.error().kind() == E::UnknownDimension &&
              unknown.error().dimension() == bk::dim<bk::Bytes>);

constexpr auto missing = B::keyed_builder().limit(bk::dim<bk::Calls>, 1).limit(bk::dim<bk::Tokens>, 1).build();
static_assert(!missing && missing.error().kind() == E::MissingLimit &&
              missing.error().dimension() == bk::dim<bk::Millis>);

// Messages are built in constant expressions too.
static_assert(zero.error().message().view() == "budgetkernel: dimension 'millis' has a zero limit");

// Name lookup is constexpr.
static_assert(B::find_dim("millis") == bk::dim<bk::Millis>);
static_assert(!B::find_dim("bytes").has_value());
static_assert(bk::standard_dims::find("custom2") == bk::dim<bk::Custom2>);
}  // namespace

#ifndef BKTEST_SECOND_MAIN
int main() { return 0; }
#endif
