// What a program and its plugins share: a user dimension and a budget type,
// all compiled with -fvisibility=hidden (see meson.build).
#pragma once

#include <cstdint>
#include <string_view>

#include <budgetkernel/budgetkernel.hpp>

namespace bk = budgetkernel;

// A user dimension must have default visibility for its key to be one key
// across shared objects (docs/DESIGN.md, "Keys across shared objects").
struct [[gnu::visibility("default")]] UsdMicros {
    static constexpr std::string_view name = "usd_micros";
};

using SharedBudget = bk::Budget<bk::Dims<bk::Tokens, UsdMicros, bk::Calls>>;

#define BKTEST_EXPORT extern "C" [[gnu::visibility("default")]]

/// Defined in the plugin: a keyed charge made there (1 if it was accepted).
using plugin_charge_fn = int (*)(SharedBudget& budget, const bk::Dim* key, std::uint64_t amount);
/// Defined in the plugin: the plugin's key for index 0 tokens, 1 usd_micros, 2 calls.
using plugin_key_fn = const bk::Dim* (*)(int which);
