// budgetkernel: version of this library.
#pragma once

#define BUDGETKERNEL_VERSION_MAJOR 0
#define BUDGETKERNEL_VERSION_MINOR 1
#define BUDGETKERNEL_VERSION_PATCH 0

namespace budgetkernel {
/// The library's version, "major.minor.patch".
inline constexpr const char* version = "0.1.0";
}  // namespace budgetkernel
