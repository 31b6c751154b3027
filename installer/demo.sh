#!/usr/bin/env bash
# Sets up a Debian 12 machine (only what is missing), builds the `release` preset and starts the
# GUI on the built-in demo tenant (an in-process simulator of the Zscaler APIs).
set -euo pipefail
cd "$(dirname "$0")/.."
./installer/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"
exec build/release/app/zconsole --demo "$@"
