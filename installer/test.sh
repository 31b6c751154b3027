#!/usr/bin/env bash
# Sets up a Debian 12 machine (only what is missing), builds the `ci` preset and runs every test
# with CTest. Usage: installer/test.sh [extra ctest args]
# Fails when any test fails, when CTest finds no test, and when a test is skipped (a QSKIP, or a
# test CTest did not run) unless it is in SKIP_ALLOWED below. Its last line is CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
phase() { echo "::: [$((SECONDS - t0))s] $*"; }

# Tests allowed to be skipped (exact CTest names), each with the reason. Keep it short: a skip
# is not a pass. Empty: no test may skip here (the keychain tests skip only outside
# tests/run-isolated.sh's private keyring, which every CTest run has).
SKIP_ALLOWED=(
)

phase "set-up"
if [[ $(id -u) -eq 0 ]]; then apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 || true; fi
./installer/setup-debian.sh

phase "configure"
cmake --preset ci >/dev/null
phase "build"
cmake --build --preset ci --parallel "$(nproc)"
phase "test"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
out=build/ci/Testing/ctest-output.txt
rc=0
ctest --preset ci "$@" 2>&1 | tee "$out" || rc=${PIPESTATUS[0]}

# The benchmarks' tables (what the README quotes), from CTest's log of this run.
log=build/ci/Testing/Temporary/LastTest.log
if [[ -f $log ]]; then
  phase "benchmark tables"
  awk '/^[0-9]+\/[0-9]+ Testing: bench_/{f=1; print "--- " $3} /^<end of output>/{f=0} f && !/dbus-daemon/ && /^(\||bench_|[a-z].*: )/{print}' "$log"
fi

# Skipped or not-run tests: CTest lists them under "The following tests did not run:".
mapfile -t skipped < <(sed -n 's/^[[:space:]]*[0-9]\+ - \([^ ]*\) (\(Skipped\|Disabled\|Not Run\)).*/\1/p' "$out")
bad=()
for t in "${skipped[@]}"; do
  allowed=0
  for a in "${SKIP_ALLOWED[@]}"; do [[ $t == "$a" ]] && allowed=1; done
  ((allowed)) || bad+=("$t")
done
if ((${#bad[@]})); then
  phase "FAILED: skipped tests not in installer/test.sh's SKIP_ALLOWED: ${bad[*]}"
  ((rc)) || rc=1
fi
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -1 || true)
[[ -n $summary ]] || { echo "no CTest summary: no test ran"; ((rc)) || rc=1; }
phase "done (ctest exit $rc, ${#skipped[@]} skipped, ${#bad[@]} not allowed)"
echo "$summary"
exit $rc
