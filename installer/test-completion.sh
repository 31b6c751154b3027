#!/usr/bin/env bash
# The bash completion of zconsole-cli (installer/zconsole-cli.bash-completion) against a real
# zconsole-cli binary: command words, subcommands, a command's options, file names for an
# option that takes a file. Usage: installer/test-completion.sh PATH/TO/zconsole-cli
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$bin" "$dir/zconsole-cli"
touch "$dir/segment.json" "$dir/second.json"
cd "$dir" || exit 1
PATH=$dir:$PATH
# shellcheck source=zconsole-cli.bash-completion
source "$here/zconsole-cli.bash-completion" || exit 1
fails=0
expect() { # expect "WANTED REPLY" WORDS... (the last word is the one being completed)
  local want=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _zconsole_cli
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  got=${got% }
  if [[ $got == "$want" ]]; then
    echo "ok   [$*] -> $got"
  else
    echo "FAIL [$*] -> '$got', wanted '$want'"
    fails=$((fails + 1))
  fi
}
# expect_has "WORDS" WORDS...: the reply has at least these (new commands may join them), no option.
expect_has() {
  local want=$1 w
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _zconsole_cli
  for w in $want; do
    if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qx -- "$w"; then
      echo "FAIL [$*] lacks $w: ${COMPREPLY[*]}"
      fails=$((fails + 1))
      return
    fi
  done
  if printf '%s\n' "${COMPREPLY[@]}" | grep -q -- '^-'; then
    echo "FAIL [$*] offers options: ${COMPREPLY[*]}"
    fails=$((fails + 1))
    return
  fi
  echo "ok   [$*] has $want"
}
expect_has "apptotal client keychain saas sim tenant token zia zid zpa" zconsole-cli ""
expect "zia zid zpa" zconsole-cli z
expect_has "add edit expiring list remove rotate set-secret show test" zconsole-cli client ""
expect "client clients" zconsole-cli --json zid cl
expect_has "create delete get update" zconsole-cli zid client ""
expect "add-urls remove-urls" zconsole-cli --config-dir /tmp zia url-category ""
expect "--yes" zconsole-cli zpa segment delete --y
expect "--ca-file" zconsole-cli client add NAME --ca
expect "second.json segment.json" zconsole-cli client add NAME --ca-file s
expect "second.json segment.json" zconsole-cli zpa segment create CLIENT --file s
expect "--config-dir --help --json --version" zconsole-cli -
((fails == 0)) || { echo "$fails completion(s) wrong"; exit 1; }
echo "all completions right"
