// A program of another project that uses budgetkernel the way its users do:
// its own dimension type, a budget alias, a constant-evaluated configuration,
// typed and keyed charges, and a walk over the dimensions (Boost.Hana).
#include <cinttypes>
#include <cstdio>
#include <string_view>
#include <type_traits>

#include <budgetkernel/budgetkernel.hpp>

namespace bk = budgetkernel;

struct Rows {
    static constexpr std::string_view name = "rows";
};

using ImportBudget = bk::Budget<bk::Dims<Rows, bk::Bytes>>;

constexpr auto import_limits =
    ImportBudget::builder().limit_with_warn<Rows>(1000, 900).limit<bk::Bytes>(1048576).build();
static_assert(import_limits.has_value());

namespace {
void print(const char* step, bk::Verdict verdict) {
    const std::string_view kind = bk::to_string(verdict.kind());
    const std::string_view dim = verdict.dimension() ? verdict.dimension()->name() : "-";
    std::printf("%s: %.*s %.*s\n", step, static_cast<int>(kind.size()), kind.data(), static_cast<int>(dim.size()),
                dim.data());
}
}  // namespace

int main() {
    std::printf("budgetkernel %s\n", bk::version);
    std::printf("default storage: %s\n", std::is_same_v<bk::DefaultStorage, bk::SafeStorage> ? "safe" : "unsafe");

    ImportBudget budget = *import_limits;
    print("rows", budget.charge<Rows>(950U));
    const auto bytes = budget.charge(bk::dim<bk::Bytes>, 2097152U);
    if (!bytes) {
        std::printf("error: %s\n", bytes.error().message().c_str());
        return 1;
    }
    print("bytes", *bytes);

    bk::for_each_dimension<ImportBudget::dims>([&budget](auto type) {
        using D = typename decltype(type)::type;
        std::printf("%.*s: spent %" PRIu64 " of %" PRIu64 "\n", static_cast<int>(D::name.size()), D::name.data(),
                    budget.spent<D>(), budget.limit<D>());
    });
    return 0;
}
