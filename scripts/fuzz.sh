#!/usr/bin/env bash
# Builds conform-fuzz with libFuzzer and AddressSanitizer, then fuzzes each target for SECONDS (default 60),
# starting from the committed seed corpus (Tests/Fuzz/corpus/TARGET/). Fails on any crash, broken invariant,
# leak, input slower than FUZZ_TIMEOUT seconds or memory over FUZZ_RSS_MB; the input is kept in
# .build/fuzz-findings/TARGET/ (git-ignored) and replays with `conform-fuzz replay TARGET FILE`.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]      # e.g. `bash scripts/fuzz.sh 30`, `bash scripts/fuzz.sh 3600 suite`
#   bash scripts/fuzz.sh build                      # only build .build/fuzz/release/conform-fuzz
#
# New inputs libFuzzer finds go to .build/fuzz-corpus/TARGET/ (kept between runs), never into the committed seeds.
# FUZZ_JOBS=N runs N fuzzing processes per target (for long runs by hand). docs/fuzzing.md says more.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json expression suite schema response request)
timeout_s=${FUZZ_TIMEOUT:-5}
rss_mb=${FUZZ_RSS_MB:-2048}
jobs=${FUZZ_JOBS:-1}
scratch=.build/fuzz
findings=$root/.build/fuzz-findings
work=$root/.build/fuzz-corpus

# libFuzzer without its main (conform-fuzz has its own): it sits in the toolchain's clang runtime folder.
swift_bin=$(dirname "$(readlink -f "$(command -v swift)")")
runtime=$(ls "$swift_bin"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
[ -n "$runtime" ] || { echo "fuzz.sh: libclang_rt.fuzzer_no_main not found under $swift_bin/../lib/clang (a Swift toolchain for Linux has it)"; exit 2; }

# Release: the fuzzer runs ~10x more inputs a second than in debug. Every module is instrumented for coverage
# (what -sanitize=fuzzer adds) and for ASan; libFuzzer itself is linked into conform-fuzz alone.
echo "==> building conform-fuzz (release, libFuzzer + AddressSanitizer) in $scratch"
start=$(date +%s)
swift build -c release --product conform-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DFUZZING -Xlinker "$runtime" -Xlinker -lstdc++ 2>&1 | grep -vE "^\[|Cannot export local symbol" || true
bin=$scratch/release/conform-fuzz
[ -x "$bin" ] || { echo "fuzz.sh: the build produced no $bin"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
[ "$seconds" != build ] || exit 0

# Per-target input size limit: big enough for the largest seed of suites and schemas, small elsewhere so the
# fuzzer spends its time on structure, not on length.
max_len() { case "$1" in suite|schema) echo 32768 ;; *) echo 4096 ;; esac; }

failed=()
for target in "${targets[@]}"; do
  seeds=Tests/Fuzz/corpus/$target
  [ -d "$seeds" ] || { echo "fuzz.sh: no seed corpus $seeds (targets: json expression suite schema response request)"; exit 2; }
  mkdir -p "$work/$target" "$findings/$target"
  log=$root/.build/fuzz-$target.log
  echo
  echo "==> fuzz $target for ${seconds} s (timeout ${timeout_s} s per input, ${rss_mb} MB, max_len $(max_len "$target"))"
  status=0
  extra=()
  [ "$jobs" -gt 1 ] && extra=(-fork="$jobs" -ignore_crashes=0)
  CONFORM_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$root/Tests/Fuzz/lsan.supp "$bin" "$work/$target" "$seeds" \
    -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -malloc_limit_mb="$rss_mb" \
    -max_len="$(max_len "$target")" -detect_leaks=1 -print_final_stats=1 \
    -artifact_prefix="$findings/$target/" "${extra[@]}" >"$log" 2>&1 || status=$?
  # The last status line (`#N DONE cov: … ft: … corp: … exec/s: …`; `#N: cov: …` with -fork) and the final
  # stats say how it went.
  grep -E "^#[0-9]+(:|[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED))" "$log" | tail -1 || true
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" || true
  if [ "$status" != 0 ]; then
    echo "FAILED: $target (exit $status); the input is in $findings/$target/, the log in $log:"
    grep -E "ERROR: |Fatal error|==[0-9]+==|^SUMMARY|Test unit written" "$log" | head -20 || tail -30 "$log"
    failed+=("$target")
  fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"; exit 1; fi
echo "fuzz: ${#targets[@]} target(s), ${seconds} s each, no crash, leak or timeout"
