#!/usr/bin/env bash
# Idempotent Debian 12 set-up for zconsole: installs only the packages that are missing.
# Usage: installer/setup-debian.sh [--dry-run]
set -euo pipefail

PKGS=(
  g++ cmake ninja-build pkg-config dpkg-dev file make                    # toolchain
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev  # Qt 6.4
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev
  libssl-dev                                                             # RS256 JWT (libcrypto)
  libsodium-dev                                                          # encrypted backups (Argon2id, XChaCha20-Poly1305)
  libsecret-1-0 gnome-keyring dbus dbus-user-session xvfb xauth          # test runtime
  fonts-dejavu-core openssl libglib2.0-bin qt6-qpa-plugins libqt6svg6
  desktop-file-utils appstream                                           # metadata validation
  help2man librsvg2-bin lintian mmdebstrap                               # the .deb and its tests
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup-debian: all ${#PKGS[@]} packages present"
  exit 0
fi
echo "setup-debian: installing ${missing[*]}"
[[ ${1:-} == --dry-run ]] && exit 0

SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o Acquire::Retries=3 -o DPkg::Lock::Timeout=300)
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" update -qq
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-debian: done"
