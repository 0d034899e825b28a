#!/usr/bin/env bash
# Builds and runs one example program, installing what is missing first.
#   bash scripts/run-example.sh llm_pipeline [ARGS...]
# Examples: llm_pipeline llm_reservations task_runner http_quota custom_budget config_file readme_tour
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-llm_pipeline}
shift || true
bash scripts/bootstrap.sh build
builddir=build-examples
if [[ ! -f $builddir/build.ninja ]]; then
  meson setup "$builddir" -Dexamples=enabled -Dtests=disabled -Dbenchmarks=disabled -Dfuzzing=disabled >/dev/null
fi
meson compile -C "$builddir" >/dev/null
exe=$(find "$builddir/examples" -maxdepth 2 -type f -name "$name" -perm -u+x | head -n 1)
if [[ -z $exe ]]; then
  echo "run-example: no example called '$name'; try one of:" >&2
  find "$builddir/examples" -maxdepth 2 -type f -perm -u+x -printf '  %f\n' >&2
  exit 2
fi
if [[ $name == config_file && $# -eq 0 ]]; then
  set -- examples/config_file/llm.conf
fi
exec "$exe" "$@"
