#!/usr/bin/env bash
# Benchmark: a suite's pagination walk over a big catalog (release build), for the v4 and Open WebUI suites at
# 1,000 and 100,000 models. The server (scripts/bench-catalog-server.py) serves the conforming mock's items
# cloned to the size, pre-serialised; Conform runs only the walk (`--filter walk`).
# Prints per run: pages, wall time, Conform's CPU (user+sys), its share of the wall and its CPU per page, peak RSS,
# the largest page, and the JSON results' size; then the floor measured in the same run: the same pages fetched by
# curl over one keep-alive connection (fetching only), its wall and CPU share — what any client pays against this
# server; and per suite, the peak RSS growth per item between the smallest and the largest catalog.
# Usage: bash scripts/bench-catalog.sh [COUNTS...]   (default: 1000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product conform >/dev/null
bin=$(pwd)/.build/release/conform
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 100000)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=18931
"$bin" mock suites/scale-gp-v4-list-models.json suites/open-webui-list-models.json --port $port >"$work/mock.log" 2>&1 &
until grep -q listening "$work/mock.log" 2>/dev/null; do sleep 0.1; done
curl -sf "http://127.0.0.1:$port/v4/models?page=1&limit=57" -H "x-api-key: bench" | python3 -c 'import json,sys; json.dump(json.load(sys.stdin)["items"], sys.stdout)' > "$work/v4.json"
curl -sf "http://127.0.0.1:$port/api/models/list?page=1" -H "Authorization: Bearer bench" | python3 -c 'import json,sys; json.dump(json.load(sys.stdin)["items"], sys.stdout)' > "$work/open-webui.json"
kill %1
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-10s %8s %6s %8s %8s %6s %8s %9s %9s %9s   %s\n' suite models pages wall cpu share ms/page peakRSS maxPage results "floor (curl: wall, cpu, share)"
: > "$work/rows"
for api in v4 open-webui; do
  case $api in
    v4) suite=suites/scale-gp-v4-list-models.json; base=""; export SGP_API_KEY=bench ;;
    open-webui) suite=suites/open-webui-list-models.json; base="/api"; export OPEN_WEBUI_API_KEY=bench ;;
  esac
  for n in "${counts[@]}"; do
    sport=$((port + 1))
    python3 scripts/bench-catalog-server.py "$api" "$n" "$sport" "$work/$api.json" >"$work/server.log" 2>&1 &
    server=$!
    until grep -q serving "$work/server.log" 2>/dev/null; do sleep 0.1; done
    if [ $api = v4 ]; then page=$(curl -sf "http://127.0.0.1:$sport/v4/models?page=1&limit=20" | wc -c); else page=$(curl -sf "http://127.0.0.1:$sport/api/models/list?page=1" | wc -c); fi
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" run "$suite" --base-url "http://127.0.0.1:$sport$base" --filter walk \
      --max-requests 1000000 --json "$work/r.json" --quiet >/dev/null 2>&1 || true
    read -r wall user sys rss < "$work/time"
    # The floor: the same pages, fetched by curl over one keep-alive connection and thrown away.
    requests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["suites"][0]["catalogs"][0]["requests"])' "$work/r.json")
    for ((p = 1; p <= requests; p++)); do
      if [ $api = v4 ]; then echo "url = \"http://127.0.0.1:$sport/v4/models?page=$p&limit=20\""; else echo "url = \"http://127.0.0.1:$sport/api/models/list?page=$p\""; fi
      echo 'output = "/dev/null"'
    done > "$work/urls"
    /usr/bin/time -f "%e %U %S" -o "$work/floor" curl -sf --config "$work/urls"
    read -r fwall fuser fsys < "$work/floor"
    kill $server; wait $server 2>/dev/null || true
    python3 - "$work/r.json" "$api" "$n" "$wall" "$user" "$sys" "$rss" "$page" "$fwall" "$fuser" "$fsys" <<'PY' | tee -a "$work/rows"
import json, os, sys
path, api, n, wall, user, sys_, rss, page, fwall, fuser, fsys = sys.argv[1:]
r = json.load(open(path))
walk = r["suites"][0]["cases"][0]
catalog = r["suites"][0]["catalogs"][0]
bad = [c["check"] for c in walk["checks"] if c["status"] not in ("passed", "skipped")]
wall, cpu, pages = float(wall), float(user) + float(sys_), catalog["requests"]
fwall, fcpu = float(fwall), float(fuser) + float(fsys)
print("%-10s %8s %6d %7.2fs %7.2fs %5.1f%% %8.2f %7.1fMB %7.1fkB %7.1fMB   %.2fs, %.2fs, %.1f%%%s" % (api, n, pages, wall, cpu,
      100 * cpu / wall, 1000 * cpu / pages, int(rss) / 1024, int(page) / 1e3, os.path.getsize(path) / 1e6,
      fwall, fcpu, 100 * fcpu / fwall, "" if not bad else "  not passed: %s" % bad))
PY
  done
done
# Peak RSS growth per item, smallest to largest catalog, per suite.
python3 - "$work/rows" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[0], []).append((int(f[1]), float(f[7].rstrip("MB"))))
for api, runs in rows.items():
    (n0, m0), (n1, m1) = min(runs), max(runs)
    if n1 > n0:
        print("%-10s peak RSS %d -> %d models: %+.1f MB, %.0f bytes per item" % (api, n0, n1, m1 - m0, (m1 - m0) * 1024 * 1024 / (n1 - n0)))
PY
