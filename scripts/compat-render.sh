#!/usr/bin/env bash
# Renders a real compatibility report in headless Chromium and checks the picture is not blank, so the HTML
# is judged the way a person sees it. Starts, on loopback, a conforming `conform mock` and two drifted ones
# (a required member dropped; text/plain instead of JSON) for the OpenAI suite, plus an unreachable target;
# runs `conform compat` with --html, then scripts/render-svg.sh (installs Debian chromium).
#   bash scripts/compat-render.sh [OUT_DIR]      (default /tmp/conform-compat-render)
# Writes OUT_DIR/compat.html, compat.md, compat.json and compat.png (1366x900, a laptop screen) and
# compat-wide.png (1366x2400, the whole matrix). Stops only the mocks it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-/tmp/conform-compat-render}
bin="${CONFORM_BIN:-$root/.build/debug/conform}"
[ -x "$bin" ] || swift build --product conform
mkdir -p "$out"
suites=("$root/suites/openai-list-models.json")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME KEY [DRIFT]: a mock on a free port accepting only KEY; sets $url to what it prints.
start() {
  local name=$1 key=$2 drift=${3:-}
  local log="$out/$name.log"
  if [ -n "$drift" ]; then
    OPENAI_API_KEY=$key "$bin" mock "${suites[@]}" --drift "$drift" --port 0 >"$log" 2>&1 &
  else
    OPENAI_API_KEY=$key "$bin" mock "${suites[@]}" --port 0 >"$log" 2>&1 &
  fi
  pids+=($!)
  for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$log" | head -1)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "error: mock $name printed no URL" >&2; cat "$log" >&2; exit 1
}

start mock key-mock-1111111111;              good=$url
start drift-a key-drift-a-2222222222 drop-required:Model.owned_by; a=$url
start drift-b key-drift-b-3333333333 text-plain:list;              b=$url
cat >"$out/targets.json" <<JSON
{ "targets": [
  { "name": "mock", "baseUrl": "$good/v1", "credentials": { "OPENAI_API_KEY": "KEY_MOCK" }, "labels": { "vendor": "conform mock", "drift": "none" } },
  { "name": "drift-owned-by", "baseUrl": "$a/v1", "credentials": { "OPENAI_API_KEY": "KEY_A" }, "labels": { "drift": "drop-required:Model.owned_by" } },
  { "name": "drift-text-plain", "baseUrl": "$b/v1", "credentials": { "OPENAI_API_KEY": "KEY_B" }, "labels": { "drift": "text-plain:list" } },
  { "name": "unreachable", "baseUrl": "http://127.0.0.1:9/v1", "labels": { "note": "nothing listens here" } } ] }
JSON
code=0
KEY_MOCK=key-mock-1111111111 KEY_A=key-drift-a-2222222222 KEY_B=key-drift-b-3333333333 \
  "$bin" compat "${suites[0]}" --targets "$out/targets.json" --retries 0 --timeout 5 \
  --html "$out/compat.html" --markdown "$out/compat.md" --json "$out/compat.json" --junit "$out/compat.xml" || code=$?
[ "$code" = 1 ] || { echo "error: conform compat exited $code, expected 1 (two drifted targets)" >&2; exit 1; }
bash "$root/scripts/render-svg.sh" "$out/compat.html" "$out/compat.png" 1366 900
bash "$root/scripts/render-svg.sh" "$out/compat.html" "$out/compat-wide.png" 1366 2400
echo "look at: $out/compat.png and $out/compat-wide.png"
