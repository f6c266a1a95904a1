#!/usr/bin/env bash
# Which of suite A's drifts does suite B catch? Serves A with `conform mock --drift D` for every drift D of A and
# runs B against it; B "catches" D when its run fails (exit 1). Run B against A's conforming mock first: the
# comparison only means something when that passes. Used for docs/spec-drift.md (generated vs hand-written suite).
# Usage: bash scripts/cross-drift.sh A.json B.json ENV_NAME   (ENV_NAME: the credential variable both suites use)
set -u
bin="${CONFORM_BIN:-.build/debug/conform}"
A=$1 B=$2 var=$3
serve() { # serve A (optionally drifted) and print its URL; sets pid
  log=$(mktemp)
  env "$var=cross-drift-key" "$bin" mock "$A" --port 0 "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.05; done
  url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$log" | head -1); rm -f "$log"
}
check() { env "$var=cross-drift-key" "$bin" run "$B" --base-url "$url" --quiet >/dev/null 2>&1; }
serve; check; rc=$?; kill "$pid"; wait "$pid" 2>/dev/null
[ "$rc" = 0 ] || { echo "B does not pass A's conforming mock (exit $rc): no comparison"; exit 2; }
caught=0 missed=()
for d in $("$bin" mock "$A" --drift list 2>&1 | tail -n +2 | awk '{print $1}'); do
  serve --drift "$d"; check; rc=$?; kill "$pid"; wait "$pid" 2>/dev/null
  if [ "$rc" = 1 ]; then caught=$((caught + 1)); else missed+=("$d"); fi
done
echo "$B catches $caught of $((caught + ${#missed[@]})) drifts of $A; missed: ${missed[*]:-none}"
