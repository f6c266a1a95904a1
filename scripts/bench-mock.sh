#!/usr/bin/env bash
# Requests per second of `conform mock` next to nginx serving the same bytes, in the same run, on loopback.
# Run by hand (not CI):  scripts/bench-mock.sh [SUITE] [PATH?QUERY]
# Installs wrk and nginx with apt when missing. Both servers get the same wrk load: -t2 -c32 -d10s.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=${1:-suites/scale-gp-v5-list-models.json}
TARGET=${2:-/v5/models?limit=10}
KEY=bench-key-0001
# The credential header the v5 suite declares; nginx ignores it, so both servers see the same request.
AUTH_HEADER=${AUTH_HEADER:-x-api-key: $KEY}
export SGP_API_KEY=$KEY
DURATION=${DURATION:-10s}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
if ! command -v wrk >/dev/null 2>&1; then $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then $SUDO apt-get install -y -qq nginx-light || $SUDO apt-get install -y -qq nginx; NGINX=$(command -v nginx || echo /usr/sbin/nginx); fi

swift build -c release --product conform >/dev/null
BIN="$(swift build -c release --show-bin-path)/conform"

WORK=$(mktemp -d)
# nginx workers run as an unprivileged user: they must be able to read the served file.
chmod 755 "$WORK"
MOCK_PID=""
NGINX_STARTED=""
cleanup() {
  if [ -n "$MOCK_PID" ]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_STARTED" ] && [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" mock "$SUITE" --host 127.0.0.1 --port 0 >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
MOCK_URL=$(awk '/listening on/ {print $NF}' "$WORK/mock.out")
[ -n "$MOCK_URL" ] || { echo "mock did not start:"; cat "$WORK/mock.err"; exit 1; }

# nginx serves the very bytes the mock answers for TARGET.
mkdir -p "$WORK/www" "$WORK/tmp"
curl -sf -H "$AUTH_HEADER" "$MOCK_URL$TARGET" -o "$WORK/www/body.json"
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { default_type application/json; root $WORK/www; try_files /body.json =404; }
  }
}
CONF
"$NGINX" -p "$WORK" -e "$WORK/error.log" -c "$WORK/nginx.conf"
NGINX_STARTED=1
sleep 0.3
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
# Figures for a 404 page would be meaningless: insist that nginx answers the mock's exact bytes.
if ! cmp -s <(curl -sf "$NGINX_URL$TARGET") "$WORK/www/body.json"; then
  echo "nginx does not serve the mock's bytes:"; cat "$WORK/error.log"; exit 1
fi

# A run with non-2xx answers or socket errors is reported, not hidden.
rate() {
  local out; out=$(wrk -t2 -c32 -d"$DURATION" -H "$AUTH_HEADER" "$1")
  if grep -qE "Non-2xx|Socket errors" <<<"$out"; then echo "warning: $1: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ')" >&2; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
MOCK_RATE=$(rate "$MOCK_URL$TARGET")
NGINX_RATE=$(rate "$NGINX_URL$TARGET")
BYTES=$(wc -c <"$WORK/www/body.json")

echo "wrk -t2 -c32 -d$DURATION, the same $BYTES-byte JSON body from both, GET $TARGET"
printf '%-14s %12s\n' "server" "requests/s"
printf '%-14s %12s\n' "conform mock" "$MOCK_RATE"
printf '%-14s %12s\n' "nginx" "$NGINX_RATE"
