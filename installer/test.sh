#!/usr/bin/env bash
# Sets up a Debian 12 machine (only what is missing), builds the `ci` preset and runs every test
# and benchmark with CTest, then builds the `asan` preset (AddressSanitizer + UBSan) and runs every
# test again under the sanitizers. Usage: installer/test.sh [extra ctest args]
# ZC_SKIP_ASAN=1 skips the sanitizer pass (CI always runs it).
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

# run_suite PRESET [ctest args]: configure, build and test one preset; appends to bad/skipped.
summaries=()
rc=0
run_suite() {
  local preset=$1; shift
  phase "configure ($preset)"
  cmake --preset "$preset" >/dev/null
  phase "build ($preset)"
  cmake --build --preset "$preset" --parallel "$(nproc)"
  phase "test ($preset)"
  local out=build/$preset/Testing/ctest-output.txt src=0
  mkdir -p "build/$preset/Testing"
  ctest --preset "$preset" "$@" 2>&1 | tee "$out" || src=${PIPESTATUS[0]}
  ((src == 0)) || rc=$src

  if [[ $preset == ci ]]; then
    # The benchmarks' tables (what the README quotes), from CTest's log of this run.
    local log=build/ci/Testing/Temporary/LastTest.log
    if [[ -f $log ]]; then
      phase "benchmark tables"
      awk '/^[0-9]+\/[0-9]+ Testing: bench_/{f=1; print "--- " $3} /^<end of output>/{f=0} f && !/dbus-daemon/ && !/^zconsole\./ && /^(\||bench_|[a-z].*: )/{print}' "$log"
    fi
  fi

  # Skipped or not-run tests: CTest lists them under "The following tests did not run:".
  local t a allowed
  while read -r t; do
    [[ -n $t ]] || continue
    allowed=0
    for a in "${SKIP_ALLOWED[@]}"; do [[ $t == "$a" ]] && allowed=1; done
    ((allowed)) || bad+=("$preset:$t")
    skipped+=("$preset:$t")
  done < <(sed -n 's/^[[:space:]]*[0-9]\+ - \([^ ]*\) (\(Skipped\|Disabled\|Not Run\)).*/\1/p' "$out")
  local summary
  summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -1 || true)
  if [[ -z $summary ]]; then
    echo "$preset: no CTest summary: no test ran"
    ((rc)) || rc=1
  fi
  summaries+=("$preset: $summary")
}

unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
skipped=()
bad=()
# 1. The optimised build: every test and benchmark (benchmarks one at a time, targets enforced).
run_suite ci "$@"
# 2. AddressSanitizer + UBSan: every test but the benchmarks (their timings mean nothing under
#    the sanitizers). ZC_SKIP_ASAN=1 leaves it out on a developer's machine.
if [[ ${ZC_SKIP_ASAN:-0} != 1 ]]; then
  run_suite asan -LE 'bench|package' "$@"
fi

if ((${#bad[@]})); then
  phase "FAILED: skipped tests not in installer/test.sh's SKIP_ALLOWED: ${bad[*]}"
  ((rc)) || rc=1
fi
phase "done (exit $rc; ${#skipped[@]} skipped, ${#bad[@]} of them not allowed)"
for ((i = ${#summaries[@]} - 1; i > 0; --i)); do echo "${summaries[$i]}"; done
# Last line: CTest's summary of the main (ci) run.
echo "${summaries[0]#ci: }"
exit $rc
