#!/usr/bin/env bash
# Sets up a Debian 12 machine (only what is missing), builds the two programs of the `release`
# preset (zconsole and zconsole-cli, not the tests) and starts the GUI on the built-in demo
# tenant (an in-process simulator of the Zscaler APIs).
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
phase() { echo "::: demo [$((SECONDS - t0))s] $*"; }
phase "set-up: the Debian packages that are missing (installer/setup-debian.sh)"
./installer/setup-debian.sh
phase "configure (preset release: build/release)"
cmake --preset release >/dev/null
phase "build zconsole and zconsole-cli only (no tests; the first build takes a few minutes)"
cmake --build --preset release --parallel "$(nproc)" --target zconsole zconsole-cli
phase "start: build/release/app/zconsole --demo"
exec build/release/app/zconsole --demo "$@"
