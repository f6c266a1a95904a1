#!/usr/bin/env bash
# Benchmark of `conform compat`: 6 suites × 10 mock targets in one run, against the 60 suite runs it
# contains (`conform run` per target, one after another), wall time and peak RSS (/usr/bin/time -v).
# A target has one base URL, and the suites sit under three base paths (host, /api, /v1), so the 6 suites
# run as three compat invocations (4 + 1 + 1 suites) over the same 10 targets; their times add up.
#   bash scripts/bench-compat.sh          (needs a release build: swift build -c release --product conform)
# Prints one table; stops only the mocks it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="${CONFORM_BIN:-$root/.build/release/conform}"
[ -x "$bin" ] || { echo "error: build first: swift build -c release --product conform" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
targets=${TARGETS:-10}
work=$(mktemp -d /tmp/conform-bench-compat-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

host=(suites/scale-gp-v4-list-models.json suites/scale-gp-v5-list-models.json suites/scale-gp-v5-get-model.json suites/digitalocean-gradient-list-models.json)
api=(suites/open-webui-list-models.json)
v1=(suites/openai-list-models.json)
vars=$(python3 -c 'import json,sys; print(" ".join(sorted({json.load(open(f))["auth"]["env"] for f in sys.argv[1:]})))' "${host[@]}" "${api[@]}" "${v1[@]}")

declare -a urls
for i in $(seq 1 "$targets"); do
  envs=()
  for v in $vars; do envs+=("$v=bench-key-$i-$v"); done
  env "${envs[@]}" "$bin" mock suites/ --port 0 >"$work/mock-$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/mock-$i.log" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "error: mock $i printed no URL" >&2; exit 1; }
  urls[$i]=$url
done

exports=()
for i in $(seq 1 "$targets"); do for v in $vars; do exports+=("T${i}_$v=bench-key-$i-$v"); done; done
# targets FILE SUFFIX: one target per mock, each mapping every suite variable to its own.
write_targets() {
  local file=$1 suffix=$2
  { echo '{ "targets": ['
    for i in $(seq 1 "$targets"); do
      creds=$(for v in $vars; do printf '"%s": "T%s_%s", ' "$v" "$i" "$v"; done)
      printf '  { "name": "mock-%s", "baseUrl": "%s%s", "credentials": { %s } }%s\n' "$i" "${urls[$i]}" "$suffix" "${creds%, }" "$([ "$i" = "$targets" ] || echo ,)"
    done
    echo '] }'; } >"$file"
}
write_targets "$work/host.json" ""; write_targets "$work/api.json" "/api"; write_targets "$work/v1.json" "/v1"

# measure LABEL COMMAND...: wall seconds and peak RSS (KiB) appended to $work/times.
measure() {
  local label=$1; shift
  local code=0
  env "${exports[@]}" /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || code=$?
  [ "$code" = 0 ] || { echo "error: $label exited $code" >&2; tail -5 "$work/out" >&2; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  echo "$label $wall $rss" >>"$work/times"
}

for group in host api v1; do
  declare -n list=$group
  measure "compat-$group" "$bin" compat "${list[@]}" --targets "$work/$group.json" --target-concurrency "${TARGET_CONCURRENCY:-4}" --json "$work/$group-compat.json"
done
for group in host api v1; do
  declare -n list=$group
  suffix=$([ $group = host ] && echo "" || echo "/$group")
  for i in $(seq 1 "$targets"); do
    envs=()
    for v in $vars; do envs+=("$v=bench-key-$i-$v"); done
    code=0
    env "${envs[@]}" /usr/bin/time -v "$bin" run "${list[@]}" --base-url "${urls[$i]}$suffix" --target-name "mock-$i" --quiet \
      --json "$work/run.json" >"$work/out" 2>"$work/time" || code=$?
    [ "$code" = 0 ] || { echo "error: run $group $i exited $code" >&2; tail -5 "$work/out" >&2; exit 1; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    echo "run-$group-$i $wall $rss" >>"$work/times"
  done
done
checks=$(python3 -c 'import json,sys; print(sum(len(r["cells"]) for f in sys.argv[1:] for r in json.load(open(f))["rows"]))' "$work"/host-compat.json "$work"/api-compat.json "$work"/v1-compat.json)
awk -v checks="$checks" -v targets="$targets" '
  /^compat-/ { cw += $2; if ($3 > cr) cr = $3 }
  /^run-/    { rw += $2; if ($3 > rr) rr = $3; n++ }
  END {
    printf "6 suites x %d mock targets, %d cells\n", targets, checks
    printf "%-44s %10s %14s\n", "", "wall (s)", "peak RSS (MB)"
    printf "%-44s %10.2f %14.1f\n", "conform compat (3 invocations, 4 targets at once)", cw, cr / 1024
    printf "%-44s %10.2f %14.1f\n", sprintf("the %d conform runs it contains, one by one", n), rw, rr / 1024
    printf "compat / runs: %.2f of the wall time\n", cw / rw
  }' "$work/times"
sort -k2 -n -r "$work/times" | head -5
