#!/usr/bin/env python3
"""Serves a big model catalog on loopback for scripts/bench-catalog.sh.

The items are the conforming mock's own (fetched once from `conform mock`), cloned round-robin to COUNT with
unique ids (`model-0000001`…) and names, pre-serialised, and paged the way the suite's API pages them:
  v4         GET /v4/models?page=P&limit=L   -> {"total_item_count", "current_page", "items_per_page", "items"}
  open-webui GET /api/models/list?page=P     -> {"total", "items"} (30 per page)
Usage: bench-catalog-server.py API COUNT PORT TEMPLATE.json   (TEMPLATE: the mock's items, a JSON array)
"""
import json, sys, urllib.parse
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

api, count, port, template_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
template = json.load(open(template_path))
items = []
for i in range(count):
    item = json.loads(json.dumps(template[i % len(template)]))
    item["id"] = "model-%07d" % (i + 1)
    item["name"] = "%s-%d" % (template[i % len(template)]["name"], i + 1)
    items.append(json.dumps(item, separators=(",", ":")))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Head and body leave in one write (flushed after each request): written apart, Nagle's algorithm holds the
    # body back for the client's delayed ACK, 40 ms a page for a client that reads as curl does.
    wbufsize = 1 << 20

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        page = max(1, int(query.get("page", "1")))
        if api == "v4" and url.path == "/v4/models":
            limit = int(query.get("limit", "10"))
            head = '{"total_item_count":%d,"current_page":%d,"items_per_page":%d,"items":[' % (count, page, limit)
        elif api == "open-webui" and url.path == "/api/models/list":
            limit = 30
            head = '{"total":%d,"items":[' % count
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        start = (page - 1) * limit
        body = (head + ",".join(items[start:start + limit]) + "]}").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print("serving %d items on %d" % (count, port), flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
