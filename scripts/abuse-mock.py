# What the abuse from issue 11 §4 costs `conform mock` (docs/mock.md, "Limits"): a bare-CRLF flood, four
# connections pipelining without reading, 512 and 612 idle connections. By hand, from the repository root:
#   python3 scripts/abuse-mock.py .build/release/conform   (needs `ulimit -n` above 700)
import socket, subprocess, sys, time, os
BIN = sys.argv[1]
def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) // 1024
def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().split(")")[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
p = subprocess.Popen([BIN, "mock", "suites/", "--port", "0", "--models", "500"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = p.stdout.readline().split()[-1]
port = int(url.rsplit(":", 1)[1])
time.sleep(0.5)
REQ = b"GET /v1/models HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n\r\n"
def conn():
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(20); return s
def served_in():
    t = time.time(); s = conn(); s.sendall(REQ); d = s.recv(100); s.close()
    return d[:12], round(time.time() - t, 3)
print("baseline RSS MB", rss(p.pid), "served", served_in())
# 1. bare CRLF flood for 5 s
r0, c0 = rss(p.pid), cpu(p.pid)
s = conn(); s.settimeout(0.5); sent = 0; end = time.time() + 5; closed_after = None; t0 = time.time(); answer = b""
while time.time() < end:
    try: sent += s.send(b"\r\n" * 8192)
    except (BrokenPipeError, ConnectionResetError): closed_after = time.time() - t0; break
    except socket.timeout: pass
try: answer = s.recv(200)
except Exception as e: answer = repr(e).encode()
s.close()
print("CRLF flood: sent", sent, "bytes; closed after", closed_after, "s; answer", answer[:40], "; RSS", r0, "->", rss(p.pid), "MB; server CPU s", round(cpu(p.pid) - c0, 2))
# 2. pipelining, never reading, 3.5 s, 4 connections
r0 = rss(p.pid); peak = r0
socks = [conn() for _ in range(4)]
for x in socks: x.setblocking(False)
end = time.time() + 3.5; batch = REQ * 200
while time.time() < end:
    for x in socks:
        try: x.send(batch)
        except BlockingIOError: pass
    peak = max(peak, rss(p.pid))
print("pipelined, 4 non-reading connections for 3.5 s: RSS", r0, "-> peak", peak, "MB; another client served", served_in())
for x in socks: x.close()
# 3. 512 idle connections, then a new client
idle = [conn() for _ in range(512)]
time.sleep(1)
print("512 idle connections open; new client", served_in(), "; RSS", rss(p.pid), "MB")
extra = [conn() for _ in range(100)]
time.sleep(0.5)
print("612 idle connections; new client", served_in())
for x in idle + extra: x.close()
p.terminate(); p.wait()
