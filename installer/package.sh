#!/usr/bin/env bash
# Builds the .deb from this tree in one command: sets up a Debian 12 machine (only what is
# missing), configures the `package` preset (Release, no tests) in build/package, builds the two
# programs with their icons, man pages and changelog, and runs CPack there.
# Usage: installer/package.sh   ->   build/package/zconsole_<version>_<arch>.deb
# Then: installer/test-package.sh --deb build/package/zconsole_*.deb (lintian, clean-root install).
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
phase() { echo "::: package [$((SECONDS - t0))s] $*"; }

phase "set-up (installer/setup-debian.sh)"
./installer/setup-debian.sh
phase "configure (preset package: build/package)"
cmake --preset package >/dev/null
phase "build (zconsole, zconsole-cli, icons, man pages)"
cmake --build --preset package --parallel "$(nproc)"
phase "cpack"
rm -f build/package/zconsole_*.deb build/package/zconsole-*.rpm
(cd build/package && cpack >cpack.log 2>&1) || { cat build/package/cpack.log; exit 1; }
for f in build/package/zconsole_*.deb build/package/zconsole-*.rpm; do
  [[ -f $f ]] && echo "$f ($(du -k "$f" | cut -f1) KiB)"
done
phase "done"
