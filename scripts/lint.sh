#!/usr/bin/env bash
# Static checks of the tree:
#   1. clang-tidy (.clang-tidy) over every header under include/budgetkernel:
#      each header alone in its own translation unit (which also proves it is
#      self-contained), plus one unit that instantiates every class template
#      for both storage and both overflow policies, so that the checks see
#      instantiated code and not only template definitions;
#   2. clang-format --dry-run --Werror (.clang-format) over the *.hpp and *.cpp
#      files of include/, tests/, examples/ and benchmarks/.
#
#   scripts/lint.sh [--tidy-only | --format-only]
#
# Prints one result line per stage; exits non-zero if any stage finds anything.
# Environment: CLANG_TIDY, CLANG_FORMAT (default clang-tidy, clang-format).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tidy_bin="${CLANG_TIDY:-clang-tidy}"
format_bin="${CLANG_FORMAT:-clang-format}"

run_tidy=1
run_format=1
case "${1:-}" in
    "") ;;
    --tidy-only) run_format=0 ;;
    --format-only) run_tidy=0 ;;
    *)
        echo "usage: $0 [--tidy-only | --format-only]" >&2
        exit 2
        ;;
esac

failed=0
work="$(mktemp -d "${TMPDIR:-/tmp}/budgetkernel-lint.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# -- clang-tidy ------------------------------------------------------------------
tidy() {
    local -a headers units
    mapfile -t headers < <(cd "$root/include" && find budgetkernel -name '*.hpp' | LC_ALL=C sort)
    for h in "${headers[@]}"; do
        local unit="$work/${h//\//__}.cpp"
        printf '#include <%s>\n' "$h" >"$unit"
        units+=("$unit")
    done

    cat >"$work/instantiations.cpp" <<'EOF'
// Every class template of the library, instantiated for both storage and both
// overflow policies, and every typed operation called once.
#include <budgetkernel/budgetkernel.hpp>

#include <cstdint>
#include <string_view>

#include <boost/mp11/list.hpp>

namespace bk = budgetkernel;

namespace lint {
struct Widgets {
    static constexpr std::string_view name = "widgets";
};
using Set = bk::Dims<bk::Tokens, bk::Millis, Widgets>;
}  // namespace lint

template class bk::Budget<lint::Set, bk::UnsafeStorage, bk::Saturate>;
template class bk::Budget<lint::Set, bk::UnsafeStorage, bk::Checked>;
template class bk::Budget<lint::Set, bk::SafeStorage, bk::Saturate>;
template class bk::Budget<lint::Set, bk::SafeStorage, bk::Checked>;
template class bk::KeyedBuilder<bk::Budget<lint::Set, bk::UnsafeStorage, bk::Checked>>;
template class bk::Builder<bk::Budget<lint::Set, bk::SafeStorage, bk::Saturate>,
                           boost::mp11::mp_list<bk::Tokens, bk::Millis, lint::Widgets>>;
template class bk::Configuration<lint::Set>;
template class bk::Ledger<lint::Set, bk::UnsafeStorage>;
template class bk::Ledger<lint::Set, bk::SafeStorage>;
template class bk::Slot<lint::Set>;
template class bk::detail::UninitializedSlots<3>;
template class bk::detail::UninitializedSlots<64>;
template class bk::SafeStorage::slots<3>;
template class bk::Result<bk::Verdict, bk::ChargeError>;
template struct bk::Dims<bk::Tokens, bk::Millis, lint::Widgets>;

namespace lint {

template <class B>
std::uint64_t exercise(std::uint64_t n) {
    auto built = B::builder().template limit<bk::Tokens>(n).template limit_with_warn<bk::Millis>(n, n / 2).template limit<Widgets>(n).build();
    if (!built) {
        return built.error().message().view().size();
    }
    B budget = *built;
    const auto typed = budget.template charge<bk::Tokens>(n);
    const auto keyed = budget.charge(bk::dim<Widgets>, n);
    std::uint64_t sum = budget.template spent<bk::Tokens>() + budget.template remaining<bk::Millis>() +
                        budget.template limit<Widgets>() + budget.template warn_threshold<bk::Millis>().value_or(0);
    sum += budget.spent(bk::dim<bk::Calls>).value_or(0) + budget.remaining(bk::dim<bk::Millis>).value_or(0);
    sum += keyed.has_value() ? static_cast<std::uint64_t>(keyed->kind()) : keyed.error().message().view().size();
    bk::for_each_dimension<typename B::dims>([&](auto t) {
        using D = typename decltype(t)::type;
        sum += budget.template spent<D>();
    });
    budget.reset();
    if constexpr (bk::refuses_overflow_v<typename B::overflow_policy>) {
        return sum + (typed ? 1U : 0U);
    } else {
        return sum + (bk::Verdict::worst(typed, bk::Verdict::proceed()).is_exhausted() ? 1U : 0U);
    }
}

template std::uint64_t exercise<bk::Budget<Set, bk::UnsafeStorage, bk::Saturate>>(std::uint64_t);
template std::uint64_t exercise<bk::Budget<Set, bk::UnsafeStorage, bk::Checked>>(std::uint64_t);
template std::uint64_t exercise<bk::Budget<Set, bk::SafeStorage, bk::Saturate>>(std::uint64_t);
template std::uint64_t exercise<bk::Budget<Set, bk::SafeStorage, bk::Checked>>(std::uint64_t);

}  // namespace lint
EOF
    units+=("$work/instantiations.cpp")

    local findings=0 unit out
    for unit in "${units[@]}"; do
        for define in "" "-DBUDGETKERNEL_DEFAULT_STORAGE_UNSAFE=1"; do
            # The default-storage switch changes code only in storage.hpp.
            case "$define:$unit" in
                :* | *__storage.hpp.cpp | *instantiations.cpp) ;;
                *) continue ;;
            esac
            if ! out="$("$tidy_bin" --quiet --config-file="$root/.clang-tidy" "$unit" -- \
                -std=c++20 -x c++ -I"$root/include" $define 2>&1)"; then
                findings=$((findings + 1))
                echo "clang-tidy: $(basename "$unit") ${define}" >&2
                grep -vE '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^Error while processing' \
                    <<<"$out" | sed 's/^/  /' >&2
            fi
        done
    done
    if [ "$findings" -eq 0 ]; then
        echo "clang-tidy: ok (${#headers[@]} headers + instantiations, 0 findings)"
        return 0
    fi
    echo "clang-tidy: FAILED ($findings translation units with findings)"
    return 1
}

# -- clang-format ----------------------------------------------------------------
format() {
    local -a dirs files
    for d in include tests examples benchmarks; do
        [ -d "$root/$d" ] && dirs+=("$root/$d")
    done
    mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.hpp' -o -name '*.cpp' \) | LC_ALL=C sort)
    local bad=0 f
    for f in "${files[@]}"; do
        if ! "$format_bin" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
            bad=$((bad + 1))
            echo "clang-format: ${f#"$root"/} is not formatted" >&2
        fi
    done
    if [ "$bad" -eq 0 ]; then
        echo "clang-format: ok (${#files[@]} files)"
        return 0
    fi
    echo "clang-format: FAILED ($bad of ${#files[@]} files need formatting; run clang-format -i on them)"
    return 1
}

if [ "$run_tidy" -eq 1 ]; then
    tidy || failed=1
fi
if [ "$run_format" -eq 1 ]; then
    format || failed=1
fi
exit "$failed"
