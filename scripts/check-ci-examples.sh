#!/usr/bin/env bash
# Checks the CI examples under examples/: every YAML file parses, and every `conform …` command in their
# run:/script: steps is a real command with real flags of the built executable (scripts/check-ci-examples.py).
# First a self-test of the checker: a good example must pass, and each deliberately broken one must fail.
# Installs PyYAML with pip when missing. Used by .ci/run; runs the same by hand: bash scripts/check-ci-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="${CONFORM_BIN:-$root/.build/debug/conform}"
[ -x "$bin" ] || swift build --product conform
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check PyYAML
checker="$root/scripts/check-ci-examples.py"

echo "self-test of the checker:"
work=$(mktemp -d /tmp/conform-ci-examples-XXXXXX)
trap 'rm -rf "$work"' EXIT
# expect NAME EXIT [TEXT] < YAML: the checker on a folder holding only this YAML must exit EXIT and say TEXT.
expect() {
  local name=$1 want=$2 says=${3:-} dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/ci.yml"
  local got=0
  python3 "$checker" --conform "$bin" "$dir" >"$dir/out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    echo "  FAIL $name: exit $got, expected $want"; sed 's/^/    /' "$dir/out"; exit 1
  fi
  if [ -n "$says" ] && ! grep -qF -- "$says" "$dir/out"; then
    echo "  FAIL $name: the checker did not say: $says"; sed 's/^/    /' "$dir/out"; exit 1
  fi
  echo "  ok   $name (exit $got)"
}
expect good 0 '1 files, 3 conform commands, 0 problems' <<'YAML'
jobs:
  a:
    steps:
      - run: |
          .build/release/conform run suites/x.json --json "$OUT/results.json" \
            --junit junit.xml -q 2>&1 | tee log || status=$?
          if ! conform schema check --schema s.json i.json; then exit 1; fi
      - run: conform trend history/ --markdown "$GITHUB_STEP_SUMMARY" --svg t.svg --last 5
YAML
expect yaml-syntax-error 1 'YAML syntax error' <<'YAML'
jobs:
  a:
    steps:
      - run: conform run x.json
     - run: [unclosed
YAML
expect unknown-command 1 "unknown command 'conform frobnicate'" <<'YAML'
script:
  - conform frobnicate results.json
YAML
expect unknown-flag-on-a-continuation-line 1 "unknown flag --jsn for 'conform run'" <<'YAML'
jobs:
  a:
    steps:
      - run: |
          .build/release/conform run suites/x.json \
            --jsn results.json
YAML
expect unknown-subcommand 1 "unknown subcommand 'schema' 'chek'" <<'YAML'
script:
  - conform schema chek --schema s.json i.json
YAML
expect unknown-flag-in-a-folded-block 1 "unknown flag --markdwn for 'conform trend'" <<'YAML'
script:
  - >-
    conform trend history/
    --markdwn trend.md
YAML

echo "examples/:"
python3 "$checker" --conform "$bin" examples
