#!/bin/sh
# build_guards: the checks the build makes on itself fail when they should.
# Usage: build-guards.sh CMAKE SOURCE_DIR
set -u
cmake=$1 src=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. A folder of tests without a CMakeLists.txt is a configure error that names it.
mkdir -p "$tmp/tree/good" "$tmp/tree/forgotten"
: > "$tmp/tree/good/CMakeLists.txt"
if out=$("$cmake" -DZC_CHECK_DIR="$tmp/tree" -P "$src/cmake/TestFolders.cmake" 2>&1); then
  fail "a folder without CMakeLists.txt was accepted: $out"
fi
echo "$out" | tr -s " \n" "  " | grep -q "forgotten/ has no CMakeLists.txt" || fail "the error does not name the folder: $out"
# ... and the same tree without it passes (the check is not always failing).
rmdir "$tmp/tree/forgotten"
mkdir "$tmp/tree/fixtures" # a data folder, named as such
printf 'include(%s/cmake/TestFolders.cmake)\nzc_test_folders(f %s DATA fixtures)\nmessage(STATUS "folders=${f}")\n' \
  "$src" "$tmp/tree" > "$tmp/check.cmake"
out=$("$cmake" -P "$tmp/check.cmake" 2>&1) || fail "a complete tree was refused: $out"
echo "$out" | grep -q "folders=good" || fail "unexpected folders: $out"

# 2. The real tests/ tree passes the check (every folder is built).
printf 'include(%s/cmake/TestFolders.cmake)\nzc_test_folders(f %s/tests FIRST support DATA fixtures)\n' "$src" "$src" > "$tmp/real.cmake"
out=$("$cmake" -P "$tmp/real.cmake" 2>&1) || fail "tests/ fails its own check: $out"

# 3. The presets refuse a test run that finds no test.
grep -q '"noTestsAction": "error"' "$src/CMakePresets.json" || fail "CMakePresets.json: noTestsAction is not error"
echo "build guards: ok"
