#!/usr/bin/env bash
# Renders an SVG (or HTML) file to PNG in headless Chromium and checks the picture is not blank, so a chart
# is judged the way a person sees it, not only as valid XML. Installs Debian `chromium` when missing (root).
#   bash scripts/render-svg.sh IN.svg OUT.png [WIDTH HEIGHT]
# WIDTH and HEIGHT default to the SVG's width/height attributes (or 1200 x 900).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 IN.svg|IN.html OUT.png [WIDTH HEIGHT]" >&2; exit 2; }
in=$1 out=$2
[ -s "$in" ] || { echo "error: $in is missing or empty" >&2; exit 2; }

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  [ "$(id -u)" = 0 ] || { echo "error: chromium is not installed and this is not root: apt-get install chromium" >&2; exit 2; }
  echo "installing chromium (apt-get)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

attr() { sed -n "s/.*<svg[^>]* $1=\"\([0-9.]*\)\".*/\1/p" "$in" | head -1 | cut -d. -f1; }
width=${3:-$(attr width)}; height=${4:-$(attr height)}
width=${width:-1200}; height=${height:-900}

abs=$(cd "$(dirname "$in")" && pwd)/$(basename "$in")
outabs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$outabs"
# --user-data-dir keeps runs independent; chromium prints harmless dbus chatter on stderr, kept for failures.
if ! "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
     --screenshot="$outabs" --window-size="$width,$height" "file://$abs" >"$profile/log" 2>&1 || [ ! -s "$outabs" ]; then
  echo "error: chromium wrote no screenshot of $in:" >&2
  tail -20 "$profile/log" >&2
  exit 1
fi

# Not blank: a chart has a white background, dark text and coloured lines, so many distinct colours and
# a fair share of non-white pixels. PNG decoded with the standard library only (zlib, no Pillow).
python3 - "$outabs" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', f'{path}: not a PNG'
pos, idat, width = 8, b'', 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
        assert depth == 8 and ctype in (2, 6), f'{path}: unexpected PNG format (depth {depth}, colour type {ctype})'
        bpp = 3 if ctype == 2 else 4
    elif kind == b'IDAT':
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours, inked = set(), 0
for row in range(height):
    f = raw[row * (stride + 1)]
    line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):  # undo the PNG row filter
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        px = bytes(line[x:x + 3])
        colours.add(px)
        if px != b'\xff\xff\xff': inked += 1
    prev = line
share = inked / (width * height)
print(f'{path}: {width}x{height}, {len(colours)} distinct colours, {share:.1%} non-white pixels')
if len(colours) < 8 or share < 0.005:
    sys.exit(f'error: {path} looks blank (needs at least 8 colours and 0.5% non-white pixels)')
PY
