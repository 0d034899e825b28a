// budgetkernel/redis: everything of the Redis-backed ledger. Link with the
// `budgetkernel-redis` dependency (Meson), pkg-config package or CMake target.
#pragma once

#include "budget.hpp"       // IWYU pragma: export
#include "client.hpp"       // IWYU pragma: export
#include "encoding.hpp"     // IWYU pragma: export
#include "error.hpp"        // IWYU pragma: export
#include "reservation.hpp"  // IWYU pragma: export
#include "result.hpp"       // IWYU pragma: export
