#!/usr/bin/env bash
# Installs, with apt-get, whichever of the named package groups is missing.
#   bash scripts/bootstrap.sh build test      # what the test suite needs
# Groups: build test clang lint fuzz bench consumer redis
set -euo pipefail

declare -A groups=(
  [build]="meson ninja-build g++ python3 libboost-dev"
  [test]="doctest-dev librapidcheck-dev valgrind libfmt-dev"
  [clang]="clang"
  [lint]="clang-tidy clang-format"
  [fuzz]="clang libfuzzer-14-dev libclang-rt-14-dev"
  [bench]="libbenchmark-dev"
  [consumer]="cmake pkg-config"
  [redis]="redis-server redis-tools libhiredis-dev pkg-config"
)

wanted=()
for g in "$@"; do
  [[ -n "${groups[$g]+x}" ]] || { echo "bootstrap: unknown group '$g'" >&2; exit 2; }
  for p in ${groups[$g]}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || wanted+=("$p")
  done
done

if ((${#wanted[@]})); then
  echo "bootstrap: installing ${wanted[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null

  # Debian's redis-server package may start a system service on port 6379
  # when it is installed. Nothing here uses it (the tests start their own
  # servers on free ports), so a service the installation started is stopped.
  if [[ " ${wanted[*]} " == *" redis-server "* ]] && command -v service >/dev/null 2>&1; then
    "${sudo_cmd[@]}" service redis-server stop >/dev/null 2>&1 || true
  fi
fi
