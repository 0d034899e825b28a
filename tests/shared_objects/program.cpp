// The program side: a budget made here, charged with keys made in a plugin and
// charged inside the plugin with keys made here. Every keyed charge must land
// (no UnknownDimension in either direction), and a budget type's keys must be
// equal on both sides.
//
// Built twice: linked against the plugin as a shared library, and (with
// BKTEST_DLOPEN) loading it at run time with dlopen from a program that
// exports its dynamic symbols.
#include <array>
#include <cstdio>

#include "budget_types.hpp"

#if defined(BKTEST_DLOPEN)
#include <dlfcn.h>
#else
BKTEST_EXPORT int bktest_plugin_charge(SharedBudget& budget, const bk::Dim* key, std::uint64_t amount);
BKTEST_EXPORT const bk::Dim* bktest_plugin_key(int which);
#endif

int main(int argc, char** argv) {
#if defined(BKTEST_DLOPEN)
    if (argc < 2) {
        std::puts("usage: program PLUGIN");
        return 2;
    }
    void* plugin = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (plugin == nullptr) {
        std::printf("dlopen: %s\n", dlerror());
        return 2;
    }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym returns object pointers
    const auto charge = reinterpret_cast<plugin_charge_fn>(dlsym(plugin, "bktest_plugin_charge"));
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym returns object pointers
    const auto key = reinterpret_cast<plugin_key_fn>(dlsym(plugin, "bktest_plugin_key"));
    if (charge == nullptr || key == nullptr) {
        std::puts("dlsym failed");
        return 2;
    }
#else
    (void)argc;
    (void)argv;
    const plugin_charge_fn charge = bktest_plugin_charge;
    const plugin_key_fn key = bktest_plugin_key;
#endif
    SharedBudget budget =
        *SharedBudget::builder().limit<bk::Tokens>(100).limit<UsdMicros>(100).limit<bk::Calls>(100).build();
    const std::array<bk::Dim, 3> here{bk::dim<bk::Tokens>, bk::dim<UsdMicros>, bk::dim<bk::Calls>};
    int failures = 0;
    for (int i = 0; i < 3; ++i) {
        const bk::Dim mine = here.at(static_cast<std::size_t>(i));
        const bk::Dim theirs = *key(i);
        if (!(mine == theirs)) {
            std::printf("key %.*s differs between the program and the plugin\n", static_cast<int>(mine.name().size()),
                        mine.name().data());
            ++failures;
        }
        if (charge(budget, &mine, 1) != 1) {
            std::printf("the plugin refused the program's key %.*s\n", static_cast<int>(mine.name().size()),
                        mine.name().data());
            ++failures;
        }
        if (!budget.charge(theirs, 1U).has_value()) {
            std::printf("the program refused the plugin's key %.*s\n", static_cast<int>(mine.name().size()),
                        mine.name().data());
            ++failures;
        }
    }
    const bool totals =
        budget.spent<bk::Tokens>() == 2 && budget.spent<UsdMicros>() == 2 && budget.spent<bk::Calls>() == 2;
    if (!totals) {
        std::puts("the totals are not 2 each");
        ++failures;
    }
    std::printf("%d failures\n", failures);
    return failures == 0 ? 0 : 1;
}
