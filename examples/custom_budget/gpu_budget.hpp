// gpu_budget.hpp: a render farm's own budget type, declared once in its own
// header and checked when the header compiles.
#pragma once

#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

namespace render_farm {

/// Seconds of GPU time, as the scheduler reports them for a finished job.
/// Any class with a constant `name` is a dimension; the name is what
/// verdicts, error messages and configuration files call it.
struct GpuSeconds {
    static constexpr std::string_view name = "gpu_seconds";
};
static_assert(budgetkernel::Dimension<GpuSeconds>);

/// A nightly batch's budget: GPU seconds and job submissions.
///
/// SafeStorage: zero-initialised counters, for a project whose audit rules
/// want no uninitialised memory. Checked: a charge that would pass 2^64-1 is
/// refused and changes nothing, so a corrupt reading cannot silently pin the
/// counter at its maximum; charge<D> then returns a Result to inspect.
using GpuBudget = budgetkernel::Budget<budgetkernel::Dims<GpuSeconds, budgetkernel::Calls>, budgetkernel::SafeStorage,
                                       budgetkernel::Checked>;

/// The nightly limits: two hours of GPU time (warn after 100 minutes) and at
/// most 8 submissions (warn after 6). Built at compile time; a zero limit or
/// a warn threshold not below its limit stops the build right here.
inline constexpr auto nightly_limits =
    GpuBudget::builder().limit_with_warn<GpuSeconds>(7200, 6000).limit_with_warn<budgetkernel::Calls>(8, 6).build();
static_assert(nightly_limits.has_value(), "render_farm: the nightly GPU budget is misconfigured");

}  // namespace render_farm
