#!/usr/bin/env bash
# End to end for `conform trend`: builds a series of nightly results through the built executable against
# `conform mock` (conforming nights and drifted ones, and nights with a smaller catalog), runs
# `conform trend` to Markdown and SVG, checks the SVG is well-formed XML (xmllint) and renders it in headless
# Chromium (scripts/render-svg.sh), checking the picture is not blank. Everything is written under a
# temporary folder (kept and printed with KEEP=1). Used by .ci/run; runs the same by hand:
#   bash scripts/trend-e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="${CONFORM_BIN:-$root/.build/debug/conform}"
[ -x "$bin" ] || swift build --product conform
work=$(mktemp -d /tmp/conform-trend-e2e-XXXXXX)
mock=""
cleanup() {
  if [ -n "$mock" ]; then kill "$mock" 2>/dev/null || true; wait "$mock" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Three suites the mock serves under one host-only base URL; the credentials are test values the mock checks.
suites=(suites/scale-gp-v4-list-models.json suites/scale-gp-v5-list-models.json suites/digitalocean-gradient-list-models.json)
export SGP_API_KEY=conform-trend-test-key DIGITALOCEAN_ACCESS_TOKEN=conform-trend-test-token

# night N DRIFT MODELS: one night's run against a mock with that drift ("-" for none) and catalog size.
night() {
  local n=$1 drift=$2 models=$3 log="$work/mock-$1.log" args=()
  [ "$drift" = - ] || args=(--drift "$drift")
  "$bin" mock "${suites[@]}" --port 0 --models "$models" "${args[@]}" >"$log" 2>&1 &
  mock=$!
  for _ in $(seq 1 100); do grep -q 'listening on' "$log" && break; sleep 0.1; done
  local url
  url=$(grep -oE 'http://[0-9.:]+' "$log" | head -1)
  [ -n "$url" ] || { echo "mock did not start:"; cat "$log"; exit 1; }
  local status=0
  # Every night on a fresh port: the target label keeps the nights in one series per suite.
  "$bin" run "${suites[@]}" --base-url "$url" --target-name mock --json "$work/nightly/results-$n.json" -q >"$work/run-$n.log" 2>&1 || status=$?
  kill "$mock"; wait "$mock" 2>/dev/null || true; mock=""
  # 0: every check held; 1: a check failed (the drifted nights). Anything else is a broken night.
  [ "$status" -le 1 ] || { echo "night $n: conform run exited $status"; cat "$work/run-$n.log"; exit 1; }
  echo "night $n (drift: $drift, $models models): $(grep -m1 " passed, " "$work/run-$n.log" | head -c 200)"
  sleep 1  # distinct startedAt seconds
}

mkdir -p "$work/nightly"
night 01 - 57
night 02 enum:InferenceModelVendor 57
night 03 enum:InferenceModelVendor 57
night 04 enum:ModelVendor 57
night 05 - 40
night 06 - 40

fail() { echo "FAIL: $*"; exit 1; }
out=$("$bin" trend "$work/nightly" --markdown "$work/trend.md" --svg "$work/trend.svg")
echo "$out"
case "$out" in *"6 nights"*"3 suite × target series"*) ;; *) fail "summary line: $out" ;; esac

# The Markdown names what changed: night 2 has new failures, night 4 fixed those of nights 2-3.
grep -q '^## Scale GP — List Models (v5) · `scale-gp-v5-list-models` · mock$' "$work/trend.md" || fail "no scale-gp-v5 section for target mock in trend.md"
v5=$(awk '/`scale-gp-v5-list-models`/{on=1} on && /^\| [0-9]{4}-/{print} on && /^$/ && seen++>1{exit}' "$work/trend.md")
echo "$v5" | sed -n 2p | awk -F'|' '{gsub(/ /,""); if ($7 + 0 < 1) exit 1}' || fail "night 2 of scale-gp-v5 should show new failures: $v5"
echo "$v5" | sed -n 4p | awk -F'|' '{gsub(/ /,""); if ($8 + 0 < 1) exit 1}' || fail "night 4 of scale-gp-v5 should show fixed failures: $v5"
# The catalog: 57 models a night, then 40 (17 removed) on night 5 — the Gradient suite lists them through its walk.
grep -qF '| 84 | 0 | 0 | 0 | 0 | 0 | — | 40 | 17 |' "$work/trend.md" || fail "night 5 of the Gradient suite should list 40 models, 17 removed"
grep -q 'catalog 40</text>' "$work/trend.svg" || fail "the chart should label the catalog line with 40"
[ "$(wc -c <"$work/trend.md")" -lt 60000 ] || fail "trend.md is over 60,000 characters"

# Files in the given order give the same trend as the folder; a broken file is named with its pointer.
"$bin" trend "$work"/nightly/results-0{1,2,3,4,5,6}.json --markdown "$work/trend-files.md" >/dev/null
cmp -s "$work/trend.md" "$work/trend-files.md" || fail "files and folder give different trends"
sed 's/"suites": \[/"suites": 7, "x": [/' "$work/nightly/results-03.json" >"$work/broken.json"
status=0; err=$("$bin" trend "$work/broken.json" 2>&1) || status=$?
[ "$status" = 2 ] && [[ "$err" == *"broken.json at /suites: expected an array"* ]] || fail "broken input: exit $status, $err"

command -v xmllint >/dev/null || fail "xmllint is missing (Debian libxml2-utils)"
xmllint --noout "$work/trend.svg"
echo "trend.svg is well-formed XML ($(wc -c <"$work/trend.svg") bytes)"
png="${TREND_PNG:-$work/trend.png}"
bash scripts/render-svg.sh "$work/trend.svg" "$png"
echo "trend e2e: passed"
