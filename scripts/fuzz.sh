#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_budget.cpp, and the snapshot
# text parser's tests/fuzz/fuzz_snapshot_text.cpp) with clang++,
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs each for a while.
#
#   scripts/fuzz.sh [seconds]        (default 60)
#
# The build lives in build-fuzz/. The fuzzer starts from a copy of
# tests/fuzz/corpus in a temporary directory, so the repository's corpus is
# never written to. A crash or mismatch leaves its input as crash-<sha1> (and
# the log as fuzz-last.log) at the top of the tree, and the script exits
# non-zero. Environment: FUZZ_BUILD_DIR, FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: $0 [seconds]" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
target="$build/tests/fuzz/budgetkernel_fuzz"

# -- toolchain: clang++ and the libFuzzer runtime, installed only if missing ----
have_libfuzzer() {
    command -v clang++ >/dev/null 2>&1 || return 1
    local probe
    probe="$(mktemp -d)"
    printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
        'extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }' >"$probe/p.cpp"
    clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1
    local rc=$?
    rm -rf "$probe"
    return $rc
}

if ! have_libfuzzer; then
    echo "fuzz: clang++ or the libFuzzer runtime is missing; installing with apt-get" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends clang libfuzzer-14-dev libclang-rt-14-dev
    have_libfuzzer || { echo "fuzz: still cannot link with -fsanitize=fuzzer" >&2; exit 1; }
fi

# -- build ------------------------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
    CXX=clang++ meson setup "$build" "$root" \
        -Dfuzzing=enabled -Dtests=enabled -Dexamples=disabled -Dbenchmarks=disabled \
        -Db_sanitize=address,undefined -Db_lundef=false \
        -Dcpp_args=-fno-sanitize-recover=all >/dev/null
fi
if ! out="$(meson compile -C "$build" -j 1 budgetkernel_fuzz budgetkernel_fuzz_snapshot_text 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "fuzz: build failed" >&2
    exit 1
fi

# -- run ----------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/budgetkernel-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
cp "$root"/tests/fuzz/corpus/* "$work/corpus/"
seeds=$(find "$work/corpus" -type f | wc -l)

log="$work/fuzz.log"
status=0
# shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$root/" ${FUZZ_ARGS:-} "$work/corpus" >"$log" 2>&1 || status=$?

fuzz_stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
execs="$(fuzz_stat number_of_executed_units)"
rate="$(fuzz_stat average_exec_per_sec)"
inputs=$(find "$work/corpus" -type f | wc -l)

if [ "$status" -ne 0 ]; then
    cp "$log" "$root/fuzz-last.log"
    grep -E 'mismatch|ERROR|SUMMARY|Test unit written' "$log" >&2 || true
    echo "fuzz: FAILED after ${execs:-?} execs (exit $status); input and log at the top of the tree (crash-*, fuzz-last.log)" >&2
    exit 1
fi
echo "fuzz: ok, ${execs:-?} execs in ${seconds} s (${rate:-?} exec/s), corpus ${seeds} -> ${inputs} inputs, 0 findings"

# -- the snapshot text parser, from its own corpus ------------------------------
mkdir "$work/snapshot_corpus"
cp "$root"/tests/fuzz/snapshot_corpus/* "$work/snapshot_corpus/"
slog="$work/snapshot.log"
status=0
# shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/budgetkernel_fuzz_snapshot_text" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$root/" ${FUZZ_ARGS:-} "$work/snapshot_corpus" >"$slog" 2>&1 || status=$?
sexecs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$slog" | tail -n 1)"
if [ "$status" -ne 0 ]; then
    cp "$slog" "$root/fuzz-last.log"
    grep -E 'mismatch|ERROR|SUMMARY|Test unit written' "$slog" >&2 || true
    echo "fuzz: snapshot text FAILED after ${sexecs:-?} execs (exit $status); input and log at the top of the tree" >&2
    exit 1
fi
echo "fuzz: snapshot text ok, ${sexecs:-?} execs in ${seconds} s, 0 findings"
