#!/bin/sh
# architecture_facts: what docs/ARCHITECTURE.md promises about the house, checked against the tree.
#  1. The Load → rows chain the document shows (its two bold chains) names at most 10 classes,
#     every one of them a class defined in src/ or ui/, and at most 2 thread hops.
#  2. The relay and worker plumbing (the composition roots and the worker: AppServices,
#     SessionWorker, NetworkStack) is under a third of the 1,924 lines of the plumbing it
#     replaced (ZpaService/ZpaBackend, ZiaService/ZiaBackend, AppServices, SessionWorker,
#     WorkerCore, MarshalledCredentials at ee7e428).
#  3. No class of src/ or ui/ relays a list of another object's signals: no header declares a
#     static `of(ApiCaller *)` finder or a `post(std::function<void(` into a worker, and no
#     *Backend class exists.
set -u
root=${1:?source dir}
doc="$root/docs/ARCHITECTURE.md"
fail=0
say() { printf '%s\n' "$*"; }

chain=$(awk '/^The chain, page to model:/{on=1} on{print} on&&/thread hops/{exit}' "$doc" | tr '\n' ' ')
[ -n "$chain" ] || { say "FAIL: no 'The chain, page to model:' paragraph in $doc"; exit 1; }
classes=$(printf '%s' "$chain" | grep -o '\*\*[^*]*→[^*]*\*\*' | tr -d '*' | tr '→' '\n' |
          sed 's/^ *//; s/ *$//' | grep -v '^$' | sort -u)
n=$(printf '%s\n' "$classes" | grep -c .)
say "chain classes ($n): $(printf '%s' "$classes" | tr '\n' ' ')"
[ "$n" -ge 2 ] && [ "$n" -le 10 ] || { say "FAIL: the chain names $n classes (at most 10)"; fail=1; }
for c in $classes; do
  grep -rqE "^(class|struct) $c( |$|:)|^class [A-Z_]+ $c( |$|:)|^class $c final" "$root/src" "$root/ui" ||
    { say "FAIL: '$c' in the chain is no class of src/ or ui/"; fail=1; }
done
hops=$(printf '%s' "$chain" | grep -o '\*\*[0-9]* thread hops\*\*' | grep -o '[0-9]*')
[ -n "$hops" ] && [ "$hops" -le 2 ] || { say "FAIL: thread hops '${hops:-?}' (at most 2)"; fail=1; }

lines=$(cat "$root"/src/services/AppServices.* "$root"/src/services/SessionWorker.* \
            "$root"/src/services/NetworkStack.* | wc -l)
limit=$((1924 / 3))
say "relay and worker plumbing: $lines lines (under $limit = a third of 1,924)"
[ "$lines" -lt "$limit" ] || { say "FAIL: plumbing $lines lines >= $limit"; fail=1; }

if grep -rnE 'static [A-Za-z]+ \*of\(ApiCaller|void post\(std::function<void\(' "$root/src" "$root/ui"; then
  say "FAIL: a worker relay (of(ApiCaller*) finder or post(fn) into a worker) is back"; fail=1
fi
if find "$root/src" "$root/ui" -name '*Backend.h' | grep .; then
  say "FAIL: a *Backend class is back"; fail=1
fi
[ $fail -eq 0 ] && say "architecture facts: ok"
exit $fail
