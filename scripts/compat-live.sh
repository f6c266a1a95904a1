#!/usr/bin/env bash
# The compatibility report from real servers: LiteLLM 1.106.0 and Open WebUI 0.12.4 (started on loopback by
# ../shared/targets/, installed from PyPI: several minutes and ~2 GB the first time; not part of CI) plus
# `conform mock`. Runs the OpenAI suite against LiteLLM, Open WebUI's OpenAI-compatible /api/models and the
# mock, and the Open WebUI suite against Open WebUI's /api/v1 and the mock; writes reports/compat/ (HTML,
# Markdown, JSON per suite) with the servers' versions and the date in the targets' labels.
#   bash scripts/compat-live.sh          (CONFORM_BIN=… to use a built conform; KEEP=1 keeps the servers)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="${CONFORM_SHARED:-$root/../shared}"
bin="${CONFORM_BIN:-$root/.build/release/conform}"
[ -x "$bin" ] || swift build -c release --product conform
work="${WORK:-/tmp/conform-compat-live}"
mkdir -p "$work" reports/compat
mock=""
cleanup() {
  [ -n "$mock" ] && { kill "$mock" 2>/dev/null || true; }
  if [ "${KEEP:-0}" != 1 ]; then
    for pid in "$work/litellm/server.pid" "$work/owui/server.pid"; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
  fi
}
trap cleanup EXIT

litellm=$(WORK="$work/litellm" PORT=4000 bash "$shared/targets/litellm.sh")
owui=$(WORK="$work/owui" PORT=8080 N=65 bash "$shared/targets/open-webui.sh")     # …/api/v1
owui_root=${owui%/v1}                                                               # …/api
export LITELLM_MASTER_KEY=sk-test-master-1234                                       # litellm-config.yaml
OWUI_KEY=$(cat "$work/owui/admin.apikey"); export OWUI_KEY
export MOCK_KEY=conform-live-mock-key
litellm_version=$("$work/litellm/venv/bin/pip" show litellm | awk '/^Version:/{print $2}')
owui_version=$("$work/owui/venv/bin/pip" show open-webui | awk '/^Version:/{print $2}')
today=$(date -u +%Y-%m-%d)

OPENAI_API_KEY=$MOCK_KEY OPEN_WEBUI_API_KEY=$MOCK_KEY "$bin" mock suites/openai-list-models.json suites/open-webui-list-models.json \
  --port 0 > "$work/mock.log" 2>&1 &
mock=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$work/mock.log" && break; sleep 0.1; done
mock_url=$(grep -oE 'http://[0-9.:]+' "$work/mock.log" | head -1)

cat > "$work/openai-targets.json" <<JSON
{ "targets": [
  { "name": "litellm", "baseUrl": "$litellm/v1", "credentials": { "OPENAI_API_KEY": "LITELLM_MASTER_KEY" },
    "labels": { "vendor": "LiteLLM proxy", "version": "$litellm_version", "measured": "$today", "setup": "no database (../shared/targets/litellm.sh)" } },
  { "name": "open-webui", "baseUrl": "$owui_root", "credentials": { "OPENAI_API_KEY": "OWUI_KEY" },
    "labels": { "vendor": "Open WebUI (OpenAI-compatible /api/models)", "version": "$owui_version", "measured": "$today", "setup": "65 workspace models, no model connection" } },
  { "name": "conform-mock", "baseUrl": "$mock_url/v1", "credentials": { "OPENAI_API_KEY": "MOCK_KEY" },
    "labels": { "vendor": "conform mock", "version": "$("$bin" --version | awk '{print $2}')", "measured": "$today" } } ] }
JSON
cat > "$work/open-webui-targets.json" <<JSON
{ "targets": [
  { "name": "open-webui", "baseUrl": "$owui", "credentials": { "OPEN_WEBUI_API_KEY": "OWUI_KEY" },
    "labels": { "vendor": "Open WebUI (/api/v1/models/list)", "version": "$owui_version", "measured": "$today", "setup": "65 workspace models" } },
  { "name": "conform-mock", "baseUrl": "$mock_url/api", "credentials": { "OPEN_WEBUI_API_KEY": "MOCK_KEY" },
    "labels": { "vendor": "conform mock", "version": "$("$bin" --version | awk '{print $2}')", "measured": "$today" } } ] }
JSON

status=0
"$bin" compat suites/openai-list-models.json --targets "$work/openai-targets.json" --retries 0 \
  --html reports/compat/openai.html --markdown reports/compat/openai.md --json reports/compat/openai.json || status=$?
echo "openai compat exit $status"
status=0
"$bin" compat suites/open-webui-list-models.json --targets "$work/open-webui-targets.json" --retries 0 \
  --html reports/compat/open-webui.html --markdown reports/compat/open-webui.md --json reports/compat/open-webui.json || status=$?
echo "open-webui compat exit $status"
# The secrets must appear nowhere in what is committed.
for secret in "$LITELLM_MASTER_KEY" "$OWUI_KEY" "$MOCK_KEY"; do
  if grep -rqF -- "$secret" reports/compat; then echo "FAIL: a secret reached reports/compat"; exit 1; fi
done
echo "reports/compat/: openai.{html,md,json}, open-webui.{html,md,json}"
