#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, configures a build
# directory, builds, runs `meson test`, and ends with `N passed, M failed`.
#
#   bash scripts/test.sh                      # g++, default options, ./build
#
# For the CI matrix, the environment can vary it:
#   BK_BUILDDIR=build-x   build directory (default: build)
#   CXX=clang++           compiler (read when the directory is first set up)
#   BK_SETUP="..."        extra `meson setup` arguments
#   BK_TEST="..."         extra `meson test` arguments (e.g. --no-suite consumer)
#   BK_WRAP="..."         a command that runs `meson test` (e.g. setarch x86_64 -R)
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=${BK_BUILDDIR:-build}
export CXX=${CXX:-g++}
groups=(build test consumer redis)
[[ $CXX == clang* ]] && groups+=(clang)
bash scripts/bootstrap.sh "${groups[@]}" || { echo "0 passed, 1 failed"; exit 1; }

# shellcheck disable=SC2206
setup_args=(-Dtests=enabled -Dexamples=enabled -Dwerror=true ${BK_SETUP:-})
# shellcheck disable=SC2206
test_args=(--print-errorlogs --num-processes "$(nproc)" ${BK_TEST:-})

if [[ -f $builddir/build.ninja ]]; then
  meson setup --reconfigure "$builddir" "${setup_args[@]}" >"$builddir.setup.log" 2>&1
else
  meson setup "$builddir" "${setup_args[@]}" >"$builddir.setup.log" 2>&1
fi || { cat "$builddir.setup.log"; echo "0 passed, 1 failed"; exit 1; }

if ! meson compile -C "$builddir"; then
  echo "build failed in $builddir"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -f "$builddir/meson-logs/suite.json"
# shellcheck disable=SC2206
wrap=(${BK_WRAP:-})
"${wrap[@]}" meson test -C "$builddir" --logbase suite "${test_args[@]}"
status=$?

python3 - "$builddir/meson-logs/suite.json" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)["result"]
            if r in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    failed = 1
if passed + failed == 0:
    failed = 1  # an empty run is a failure, never a pass
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
counted=$?
[[ $status -eq 0 && $counted -eq 0 ]]
