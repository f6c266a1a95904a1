#!/usr/bin/env bash
# Real clients against the mock: the vendors' own Python SDKs (pinned) list models through
# `conform mock` with strict response validation, then their own source distributions' model tests
# (tests/api_resources/test_models.py, list and retrieve) run against it via TEST_API_BASE_URL.
# Needs PyPI. Used by .ci/run; runs the same by hand: bash scripts/sdk-clients.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="${CONFORM_SDK_WORK:-$root/.build/sdk}"
venv="$work/venv"
mkdir -p "$work"

# Pinned: the versions this was written and checked against.
sdks=(scale-gp==0.1.0a62 scale-gp-beta==0.7.0 gradient==3.12.2)
testdeps=(aiohttp==3.13.3 httpx-aiohttp==0.1.12 pytest==9.0.2 pytest-asyncio==1.3.0 pytest-xdist==3.8.0 respx==0.22.0 dirty-equals==0.11 time-machine==3.2.0)

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q --disable-pip-version-check "${sdks[@]}" "${testdeps[@]}"
if [ ! -d "$work/src/scale_gp-0.1.0a62" ]; then
  mkdir -p "$work/src" && (cd "$work/src" && "$venv/bin/pip" download -q --disable-pip-version-check \
    --no-deps --no-binary :all: "${sdks[@]}" && for f in *.tar.gz; do tar xzf "$f"; done)
fi

bin="${CONFORM_BIN:-$root/.build/debug/conform}"
[ -x "$bin" ] || swift build --product conform
log="$work/mock.log"
"$bin" mock suites/ --port 0 --any-id --seed 7 >"$log" 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null; wait $mock 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q 'listening on' "$log" && break; sleep 0.1; done
url=$(grep -oE 'http://[0-9.:]+' "$log" | head -1)
[ -n "$url" ] || { echo "mock did not start:"; cat "$log"; exit 1; }
echo "mock at $url"

echo "SDK clients (strict response validation):"
status=0
"$venv/bin/python" scripts/sdk_clients.py "$url" || status=1

echo "The SDKs' own model tests against the mock:"
run_tests() {  # dir, -k expression
  local dir="$work/src/$1"
  # Gradient marks its generated tests "Mock server tests are disabled": they were written for a
  # Prism mock; ours is one, so lift that marker on our copy.
  sed -i 's/^\(\s*\)@pytest.mark.skip(reason="Mock server tests are disabled")/\1# (skip lifted by conform)/' \
    "$dir/tests/api_resources/test_models.py"
  (cd "$dir" && TEST_API_BASE_URL="$url" "$venv/bin/python" -m pytest -q -p no:cacheprovider -n 0 \
     tests/api_resources/test_models.py -k "$2" 2>&1 | tail -3) || status=1
}
echo "- scale-gp (v4): list tests (the v4 document has no get-by-id, so retrieve is not served)"
run_tests scale_gp-0.1.0a62 "list"
echo "- scale-gp-beta (v5): list and retrieve tests"
run_tests scale_gp_beta-0.7.0 "list or retrieve"
echo "- gradient: list tests"
run_tests gradient-3.12.2 "list"
exit $status
