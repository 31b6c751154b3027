#!/usr/bin/env bash
# Tests the .deb as a user gets it: lintian, then an install into a fresh Debian 12 root (not the
# build machine, which has every build dependency and would hide a missing Depends), the programs
# run there, and a purge that must leave no file of the package behind.
#
# Usage: installer/test-package.sh [--build-dir DIR | --deb FILE] [--only make|lintian|root]
#   (none)          build the package with installer/package.sh (build/package), then test it
#   --build-dir DIR make the .deb from that (already built) CMake build folder with CPack, into
#                   DIR/package-test/ (what the CTest tests package_deb, package_lintian and
#                   package_clean_root do, on the ci build)
#   --deb FILE      test that .deb
#   --only STEP     only make the .deb, only run lintian, or only the clean-root install test
# Needs root (mmdebstrap, chroot, mount). The pristine base root (mmdebstrap --variant=apt,
# bookworm, from this machine's apt sources) is cached as a tarball in build/package-root/ for a
# day (ZC_ROOT_CACHE=DIR elsewhere, ZC_ROOT_CACHE=none never); every run unpacks a new root.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
t0=$SECONDS
phase() { echo "::: test-package [$((SECONDS - t0))s] $*"; }
die() { echo "test-package: FAIL: $*" >&2; exit 1; }

build_dir="" deb="" only=""
while (($#)); do
  case $1 in
    --build-dir) build_dir=$(cd "$2" && pwd); shift 2 ;;
    --deb) deb=$(realpath "$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--build-dir DIR | --deb FILE] [--only make|lintian|root]" >&2; exit 2 ;;
  esac
done
want() { [[ -z $only || $only == "$1" ]]; }

# --- the .deb ------------------------------------------------------------------------------
if [[ -z $deb ]]; then
  if [[ -n $build_dir ]]; then
    out=$build_dir/package-test
    if want make; then
      phase "cpack -G DEB in $build_dir"
      rm -rf "$out"
      mkdir -p "$out"
      cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 ||
        { cat "$out/cpack.log"; die "cpack failed"; }
    fi
  else
    phase "installer/package.sh"
    "$repo/installer/package.sh"
    out=$repo/build/package
  fi
  shopt -s nullglob
  debs=("$out"/zconsole_*.deb)
  shopt -u nullglob
  ((${#debs[@]} == 1)) || die "expected one zconsole_*.deb in $out, found ${#debs[@]} (run --only make first)"
  deb=${debs[0]}
fi
[[ -f $deb ]] || die "no package $deb"
version=$(dpkg-deb -f "$deb" Version)
phase "package $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, Version $version"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
[[ $only == make ]] && exit 0

# --- lintian -------------------------------------------------------------------------------
if want lintian; then
  command -v lintian >/dev/null || die "lintian is not installed (installer/setup-debian.sh installs it)"
  phase "lintian"
  # Errors fail; warnings and infos are printed. Root is fine here (a throw-away check).
  report=$(dirname "$deb")/lintian.txt
  lrc=0
  lintian --fail-on error --tag-display-limit 0 --display-info "$deb" >"$report" 2>&1 || lrc=$?
  cat "$report"
  echo "lintian: $(grep -c '^E:' "$report" || true) errors, $(grep -c '^W:' "$report" || true) warnings, $(grep -c '^I:' "$report" || true) infos (exit $lrc)"
  ((lrc == 0)) || die "lintian reports errors"
fi
[[ $only == lintian ]] && exit 0

# --- the clean root ------------------------------------------------------------------------
[[ $(id -u) -eq 0 ]] || die "the clean-root test needs root (mmdebstrap, chroot, mount)"
command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (installer/setup-debian.sh installs it)"

# The machine's own apt sources (deb822 or one-line), so the root sees the same mirror.
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [[ -s $f ]] && grep -q 'debian' "$f" && sources+=("$f")
done
((${#sources[@]})) || sources=(http://deb.debian.org/debian)
base_pkgs=ca-certificates,man-db
cache_dir=${ZC_ROOT_CACHE:-$repo/build/package-root}
key=$(cat "${sources[@]/#http*/}" 2>/dev/null | cat - <(echo "$base_pkgs ${sources[*]}") | sha256sum | cut -c1-12)

root=$(mktemp -d "${TMPDIR:-/tmp}/zc-clean-root.XXXXXX")
cleanup() {
  local m
  for m in "$root/dev/pts" "$root/dev" "$root/proc"; do
    mountpoint -q "$m" 2>/dev/null && umount -l "$m"
  done
  # Never delete through a mount that is still there.
  if ! grep -q " $root/" /proc/mounts; then rm -rf "$root"; else echo "test-package: $root still has mounts, left in place" >&2; fi
}
trap cleanup EXIT INT TERM

if [[ $cache_dir != none ]]; then
  base=$cache_dir/bookworm-$key.tar
  if [[ ! -s $base || -n $(find "$base" -mmin +1440) ]]; then
    phase "mmdebstrap bookworm (variant apt + $base_pkgs) -> $base"
    mkdir -p "$cache_dir"
    rm -rf "$cache_dir"/bookworm-*.tar "$cache_dir"/bookworm-*.part
    mmdebstrap --quiet --format=tar --variant=apt --include="$base_pkgs" bookworm "$base.part" "${sources[@]}"
    mv "$base.part" "$base"
  else
    phase "base root from the cache ($base, $(( ($(date +%s) - $(stat -c %Y "$base")) / 60 )) min old)"
  fi
  tar -xf "$base" -C "$root"
else
  phase "mmdebstrap bookworm (variant apt + $base_pkgs) -> $root"
  mmdebstrap --quiet --variant=apt --include="$base_pkgs" bookworm "$root" "${sources[@]}"
fi
dpkg-query --root="$root" -W zconsole >/dev/null 2>&1 && die "the base root already has zconsole"
for p in libqt6core6 qt6-qpa-plugins libsecret-1-0 libqt6svg6; do
  dpkg-query --root="$root" -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed &&
    die "the base root already has $p: it would hide a missing Depends"
done

cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" -o newinstance,ptmxmode=0666 2>/dev/null || true
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

phase "apt-get install ./$(basename "$deb") (Depends only, no Recommends)"
in_root apt-get -qq update
in_root sh -c "cd /tmp && apt-get install -y -q --no-install-recommends ./$(basename "$deb")" >"$root/tmp/apt-install.log" 2>&1 ||
  { cat "$root/tmp/apt-install.log"; die "apt-get install failed"; }
grep -E '^(Setting up|[0-9]+ upgraded)' "$root/tmp/apt-install.log" | tail -1
in_root dpkg -L zconsole >"$root/tmp/zconsole.list"
echo "installed: $(wc -l <"$root/tmp/zconsole.list") paths of zconsole"

phase "checks in the root"
# The programs and what is dlopen()ed at run time (invisible to dpkg-shlibdeps).
for f in /usr/bin/zconsole /usr/bin/zconsole-cli; do [[ -x $root$f ]] || die "$f missing"; done
in_root sh -c 'ldconfig -p | grep -q "libsecret-1.so.0 "' || die "libsecret-1.so.0 (dlopen()ed by qtkeychain) not installed"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so imageformats/libqsvg.so iconengines/libqsvgicon.so tls/libqopensslbackend.so; do
  p=$(cd "$root" && find usr/lib -path "*/qt6/plugins/$plugin" | head -1)
  [[ -n $p ]] || die "Qt plugin $plugin not installed"
  missing=$(in_root ldd "/$p" | grep 'not found' || true)
  [[ -z $missing ]] || die "$plugin: $missing"
done
for f in /usr/bin/zconsole /usr/bin/zconsole-cli; do
  missing=$(in_root ldd "$f" | grep 'not found' || true)
  [[ -z $missing ]] || die "$f: $missing"
done

got=$(in_root zconsole-cli --version) || die "zconsole-cli --version failed"
[[ $got == "zconsole-cli $version" ]] || die "zconsole-cli --version says '$got', the package is $version"
echo "zconsole-cli --version: $got"
help=$(in_root zconsole-cli --help) || die "zconsole-cli --help failed"
grep -q '^Usage: zconsole-cli' <<<"$help" && grep -q '^  keychain check' <<<"$help" || die "zconsole-cli --help: $help"
for page in zconsole-cli zconsole; do
  m=$(in_root man -w "$page") || die "man -w $page found no page"
  [[ $m == /usr/share/man/man1/$page.1.gz ]] || die "man -w $page: $m"
  in_root sh -c "MANPAGER=cat MANWIDTH=80 man $page 2>/dev/null" | grep -q "^NAME" || die "man $page does not render"
  echo "man -w $page: $m"
done
in_root bash -c 'source /usr/share/bash-completion/completions/zconsole-cli; COMP_WORDS=(zconsole-cli zid cl); COMP_CWORD=2; _zconsole_cli; [[ "${COMPREPLY[*]}" == "client clients" ]]' ||
  die "bash completion of 'zconsole-cli zid cl' is not 'client clients'"
# hicolor icons: the PNGs made from the SVG at build time, each of its own size.
for s in 16 24 32 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${s}x$s/apps/io.github.zconsole.png
  [[ -f $png ]] || die "icon ${s}x$s missing"
  dim=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
  [[ $dim == "${s}x$s" ]] || die "icon ${s}x$s is $dim"
done
for f in /usr/share/icons/hicolor/scalable/apps/io.github.zconsole.svg /usr/share/applications/io.github.zconsole.desktop \
  /usr/share/metainfo/io.github.zconsole.metainfo.xml /usr/share/doc/zconsole/copyright /usr/share/doc/zconsole/changelog.gz; do
  [[ -s $root$f ]] || die "$f missing"
done

phase "zconsole --demo --screenshot (offscreen)"
in_root sh -c 'QT_QPA_PLATFORM=offscreen timeout 120 zconsole --demo --screenshot /tmp/shot/x.png' >"$root/tmp/gui.log" 2>&1 ||
  { cat "$root/tmp/gui.log"; die "zconsole --demo --screenshot failed"; }
png=$root/tmp/shot/x.png
[[ -f $png ]] || die "no screenshot"
[[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' ') == 89504e470d0a1a0a ]] || die "the screenshot is no PNG"
dim=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
read -r w h <<<"$dim"
bytes=$(stat -c %s "$png")
echo "screenshot: ${w}x$h, $bytes bytes"
((w >= 640 && h >= 400 && bytes >= 20000)) || { cat "$root/tmp/gui.log"; die "the screenshot is trivial (${w}x$h, $bytes bytes)"; }

phase "apt-get purge zconsole"
in_root apt-get purge -y -q zconsole >"$root/tmp/apt-purge.log" 2>&1 || { cat "$root/tmp/apt-purge.log"; die "purge failed"; }
in_root dpkg-query -W -f='${db:Status-Status}' zconsole 2>/dev/null | grep -qx installed && die "zconsole still installed"
left=()
while IFS= read -r p; do
  [[ $p == /. || -z $p ]] && continue
  if [[ -d $root$p && ! -L $root$p ]]; then
    # A folder may stay only where another package owns it.
    in_root dpkg-query -S "$p" >/dev/null 2>&1 || left+=("$p/")
  elif [[ -e $root$p || -L $root$p ]]; then
    left+=("$p")
  fi
done <"$root/tmp/zconsole.list"
((${#left[@]} == 0)) || die "purge left $(printf '%s ' "${left[@]}")"
echo "purge: none of the $(wc -l <"$root/tmp/zconsole.list") paths left"
phase "passed"
