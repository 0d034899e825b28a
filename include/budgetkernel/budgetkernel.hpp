// budgetkernel: the whole library. Include this one header.
#pragma once

#include "amount.hpp"              // IWYU pragma: export
#include "atomic_storage.hpp"      // IWYU pragma: export
#include "budget.hpp"              // IWYU pragma: export
#include "builder.hpp"             // IWYU pragma: export
#include "chain.hpp"               // IWYU pragma: export
#include "charge_result.hpp"       // IWYU pragma: export
#include "checked_build.hpp"       // IWYU pragma: export
#include "configuration.hpp"       // IWYU pragma: export
#include "dim.hpp"                 // IWYU pragma: export
#include "dimension.hpp"           // IWYU pragma: export
#include "dims.hpp"                // IWYU pragma: export
#include "errors.hpp"              // IWYU pragma: export
#include "for_each_dimension.hpp"  // IWYU pragma: export
#include "keyed_amount.hpp"        // IWYU pragma: export
#include "ledger.hpp"              // IWYU pragma: export
#include "overflow.hpp"            // IWYU pragma: export
#include "report.hpp"              // IWYU pragma: export
#include "reservation.hpp"         // IWYU pragma: export
#include "result.hpp"              // IWYU pragma: export
#include "slot.hpp"                // IWYU pragma: export
#include "snapshot.hpp"            // IWYU pragma: export
#include "snapshot_text.hpp"       // IWYU pragma: export
#include "storage.hpp"             // IWYU pragma: export
#include "transition.hpp"          // IWYU pragma: export
#include "verdict.hpp"             // IWYU pragma: export
#include "version.hpp"             // IWYU pragma: export
