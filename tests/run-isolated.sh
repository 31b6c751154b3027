#!/bin/sh
# Runs one test command in isolation: a throw-away HOME, config and runtime folder, a private
# D-Bus session and an unlocked gnome-keyring in it, and no display (Qt uses offscreen).
# Usage: run-isolated.sh [--no-keyring] [--xvfb] CMD [ARGS...]
#   --no-keyring  no D-Bus session and no keyring at all (the "no keychain" cases)
#   --xvfb        run CMD under xvfb-run (real X11 windows) instead of offscreen
set -eu
keyring=1 xvfb=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-keyring) keyring=0; shift ;;
    --xvfb) xvfb=0; xvfb=1; shift ;;
    --inner) shift; break ;;
    *) break ;;
  esac
done

if [ "${ZC_ISOLATED_INNER:-}" != 1 ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/zc-test.XXXXXX")
  mkdir -p "$tmp/home" "$tmp/run" "$tmp/config" && chmod 700 "$tmp/run" "$tmp/home"
  # The keyring daemon may still be writing as its bus goes away: retry, and never let the
  # clean-up decide the test's result.
  cleanup() { rm -rf "$tmp" 2>/dev/null || { sleep 0.3; rm -rf "$tmp" 2>/dev/null; } || true; }
  trap 'cleanup; exit 130' INT TERM
  unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS ZCONSOLE_CONFIG_DIR
  export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/.local/share" \
         XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" TMPDIR="$tmp" \
         ZC_TEST_TMP="$tmp" ZCONSOLE_KEYCHAIN_SERVICE="zconsole-test"
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
  export ZC_ISOLATED_INNER=1
  args=""
  [ $keyring = 0 ] && args="--no-keyring"
  [ $xvfb = 1 ] && args="$args --xvfb"
  rc=0
  if [ $keyring = 1 ]; then
    dbus-run-session -- sh "$0" $args --inner "$@" || rc=$?
  else
    sh "$0" $args --inner "$@" || rc=$?
  fi
  cleanup
  exit $rc
fi

# Inner part: inside the private bus (if any).
if [ $keyring = 1 ]; then
  printf '%s' "zc-test-keyring-pass" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  export ZC_TEST_KEYRING=1
fi
if [ $xvfb = 1 ]; then
  export QT_QPA_PLATFORM=xcb
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
fi
exec "$@"
