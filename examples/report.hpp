// The examples' shared output format: one line per step,
//   <step>: continue | <step>: warn on <dim> | <step>: exhausted on <dim>
#pragma once

#include <cstdio>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

namespace examples {

/// printf's precision argument for a string_view ("%.*s").
[[nodiscard]] constexpr int width(std::string_view text) noexcept { return static_cast<int>(text.size()); }

/// Writes the step's line to stdout.
inline void print_step(std::string_view step, budgetkernel::Verdict verdict) noexcept {
    const std::string_view kind = budgetkernel::to_string(verdict.kind());
    if (const auto dim = verdict.dimension()) {
        std::printf("%.*s: %.*s on %.*s\n", width(step), step.data(), width(kind), kind.data(), width(dim->name()),
                    dim->name().data());
    } else {
        std::printf("%.*s: %.*s\n", width(step), step.data(), width(kind), kind.data());
    }
}

/// Writes `<program>: <message>` to stderr.
inline void print_error(std::string_view program, std::string_view message) noexcept {
    std::fprintf(stderr, "%.*s: %.*s\n", width(program), program.data(), width(message), message.data());
}

}  // namespace examples
