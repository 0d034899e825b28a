// budgetkernel: {fmt} formatters for verdicts, keys, errors, reports,
// snapshots and budgets, with the text of ostream.hpp. Optional: the core
// headers never include it; it needs {fmt} 9 or later (Debian's libfmt-dev).
//
//     #include <budgetkernel/fmt.hpp>
//     fmt::print("{}: {}\n", step, budget.charge<bk::Tokens>(85));  // "plan: warn on tokens"
//
// Each accepts an empty format spec only (`{}`); anything else is a format error.
#pragma once

#include <cstddef>
#include <string_view>

#include <fmt/format.h>

#include "budget.hpp"
#include "detail/print.hpp"

namespace budgetkernel::detail {

/// The shared part of every formatter below: an empty spec, and the text of
/// detail::print appended to the output.
struct FmtFormatter {
    constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
        const auto* it = ctx.begin();
        if (it != ctx.end() && *it != '}') {
            FMT_THROW(fmt::format_error("budgetkernel: only {} is supported"));
        }
        return it;
    }

    template <class T, class Context>
    auto write(const T& value, Context& ctx) const -> decltype(ctx.out()) {
        auto out = ctx.out();
        auto sink = [&out](std::string_view part) { out = std::copy(part.begin(), part.end(), out); };
        print(sink, value);
        return out;
    }
};

}  // namespace budgetkernel::detail

// NOLINTBEGIN(cert-dcl58-cpp): specialising fmt's formatter is how {fmt} is extended
template <>
struct fmt::formatter<budgetkernel::Verdict> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::Verdict& v, Context& ctx) const {
        return write(v, ctx);
    }
};
template <>
struct fmt::formatter<budgetkernel::Dim> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(budgetkernel::Dim key, Context& ctx) const {
        return write(key, ctx);
    }
};
template <>
struct fmt::formatter<budgetkernel::BuilderError> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::BuilderError& e, Context& ctx) const {
        return write(e, ctx);
    }
};
template <>
struct fmt::formatter<budgetkernel::ChargeError> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::ChargeError& e, Context& ctx) const {
        return write(e, ctx);
    }
};
template <>
struct fmt::formatter<budgetkernel::SnapshotError> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::SnapshotError& e, Context& ctx) const {
        return write(e, ctx);
    }
};
template <>
struct fmt::formatter<budgetkernel::DimensionReport> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::DimensionReport& d, Context& ctx) const {
        return write(d, ctx);
    }
};
template <std::size_t N>
struct fmt::formatter<budgetkernel::Report<N>> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::Report<N>& r, Context& ctx) const {
        return write(r, ctx);
    }
};
template <std::size_t N>
struct fmt::formatter<budgetkernel::Snapshot<N>> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::Snapshot<N>& s, Context& ctx) const {
        return write(s, ctx);
    }
};
template <class Set, class Storage, class Overflow>
struct fmt::formatter<budgetkernel::Budget<Set, Storage, Overflow>> : budgetkernel::detail::FmtFormatter {
    template <class Context>
    auto format(const budgetkernel::Budget<Set, Storage, Overflow>& b, Context& ctx) const {
        return write(b.report(), ctx);
    }
};
// NOLINTEND(cert-dcl58-cpp)
