#!/usr/bin/env bash
# Benchmark: `conform run --json` (release) on one large list page served on loopback, non-conforming
# (every item breaks two rules: `object` is not "model", `created` is a string) beside a conforming page of
# the same item count, measured in the same run. Prints wall time, peak RSS (/usr/bin/time -f %M) as MB and
# as a multiple of the body, and the size of the JSON report.
# Usage: bash scripts/bench-findings.sh [ITEMS]   (default 200000: a 13.7 MB page)
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-200000}
swift build -c release --product conform >/dev/null
bin=$PWD/.build/release/conform
dir=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT

python3 - "$dir" "$items" <<'EOF'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
def page(bad):
    items = []
    for i in range(n):
        if bad:
            items.append('{"id":"model-%07d","object":"Model","created":"%d","owned_by":"org"}' % (i, 1700000000 + i))
        else:
            items.append('{"id":"model-%07d","object":"model","created":%d,"owned_by":"org-x"}' % (i, 1700000000 + i))
    return '{"object":"list","data":[' + ",".join(items) + ']}'
for name, bad in (("bad", True), ("good", False)):
    with open(f"{d}/{name}.json", "w") as f: f.write(page(bad))
model = {"type": "object", "required": ["id", "object", "created", "owned_by"],
         "properties": {"id": {"type": "string"}, "object": {"const": "model"},
                        "created": {"type": "integer"}, "owned_by": {"type": "string"}}}
for name in ("bad", "good"):
    suite = {"suite": f"bench-{name}", "title": "bench", "source": "scripts/bench-findings.sh", "baseUrl": "http://127.0.0.1:1",
             "operations": [{"id": "list", "method": "GET", "path": f"/{name}.json",
                             "responses": {"200": {"schema": {"type": "object", "required": ["object", "data"],
                                 "properties": {"object": {"const": "list"}, "data": {"type": "array", "items": model}}},
                                 "invariants": [{"expr": "all(data, m => m.owned_by != '')", "name": "owned"}]}}}],
             "cases": [{"id": "list.default", "name": "lists", "operation": "list", "expect": {"status": 200}}]}
    with open(f"{d}/{name}.suite.json", "w") as f: json.dump(suite, f)
EOF

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$dir" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/good.json" && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1 /proc/loadavg); $items items"
for name in good bad; do
  body=$(stat -c %s "$dir/$name.json")
  s=$(date +%s.%N)
  /usr/bin/time -f %M -o "$dir/rss" "$bin" run "$dir/$name.suite.json" --base-url "http://127.0.0.1:$port" \
    --json "$dir/$name.report.json" --max-body 67108864 --quiet >/dev/null 2>"$dir/err" && code=0 || code=$?
  e=$(date +%s.%N)
  want=$([ "$name" = good ] && echo 0 || echo 1)
  if [ "$code" != "$want" ]; then echo "conform run on the $name page exited $code (expected $want):" >&2; cat "$dir/err" >&2; exit 1; fi
  rss=$(tail -1 "$dir/rss")
  report=$(stat -c %s "$dir/$name.report.json" 2>/dev/null || echo 0)
  python3 - "$name" "$body" "$s" "$e" "$rss" "$report" <<'EOF'
import sys
name, body, s, e, rss, report = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
label = "conforming" if name == "good" else "non-conforming"
print(f"  {label:15} body {body/1e6:6.1f} MB   wall {e-s:6.2f} s   peak RSS {rss/1024:7.1f} MB = {rss*1024/body:5.1f}x body   JSON report {report/1e6:8.3f} MB")
EOF
done
