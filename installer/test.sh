#!/usr/bin/env bash
# Sets up a Debian 12 machine (only what is missing), builds the `ci` preset and runs every test
# with CTest. Usage: installer/test.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
phase() { echo "::: [$((SECONDS - t0))s] $*"; }

phase "set-up"
if [[ $(id -u) -eq 0 ]]; then apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 || true; fi
./installer/setup-debian.sh

phase "configure"
cmake --preset ci >/dev/null
phase "build"
cmake --build --preset ci --parallel "$(nproc)"
phase "test"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
rc=0
ctest --preset ci "$@" || rc=$?
# The benchmarks' tables (what the README quotes), from CTest's log of this run.
log=build/ci/Testing/Temporary/LastTest.log
if [[ -f $log ]]; then
  phase "benchmark tables"
  awk '/^[0-9]+\/[0-9]+ Testing: bench_/{f=1; print "--- " $3} /^<end of output>/{f=0} f && !/dbus-daemon/ && /^(\||bench_|[a-z].*: )/{print}' "$log"
fi
phase "done (ctest exit $rc)"
exit $rc
