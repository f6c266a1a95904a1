#!/usr/bin/env bash
# Benchmark: `conform selftest suites/` (release), best of 3, with one drifted run at a time and with two.
# Baseline in the same run: the conforming runs alone (`--filter` that selects no drift is refused, so the
# baseline is the self-test of one drift per suite), i.e. what every drift adds on top of checking once.
# Usage: bash scripts/bench-selftest.sh [SUITES...]   (default: suites/)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product conform >/dev/null
bin=.build/release/conform
paths=("${@:-suites/}")
best() { # best wall seconds of 3 runs of the given command
  local b=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $e - $s))")
  done
  printf '%.2f' "$b"
}
drifts=$("$bin" selftest "${paths[@]}" | tail -1 | sed -E 's/^[0-9]+ suites?, ([0-9]+) drifts.*/\1/')
one=$(best "$bin" selftest "${paths[@]}" --concurrency 1)
two=$(best "$bin" selftest "${paths[@]}" --concurrency 2)
base=$(best "$bin" selftest "${paths[@]}" --filter "auth-not-enforced")
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1 /proc/loadavg)"
echo "conform selftest ${paths[*]}: $drifts drifts"
echo "  concurrency 1: ${one} s   concurrency 2 (default): ${two} s   ($(python3 -c "print(round($two*1000/max(1,$drifts),1))") ms per drift)"
echo "  baseline, conforming runs + one drift per suite: ${base} s"
