#!/bin/sh
# Reader throughput: `alaqat text` (read + decode + main text, no
# extraction) per input format, each input >= 20 MB, Release build.
# MB = bytes of the input as the reader sees it after decompression
# (the compressed size is printed too). Best of 3 runs.
#   bench/boilerplate/reader_throughput.sh [path/to/alaqat]
set -eu
cd "$(dirname "$0")/../.."
ALAQAT=${1:-build/release/alaqat}
[ -x "$ALAQAT" ] || make release >/dev/null
D=build/bench/readers
mkdir -p "$D"
python3 - "$D" <<'PY'
import gzip, json, os, sys
D = sys.argv[1]
S = "../shared/seeds"
seeds = [open(os.path.join(S, f), encoding="utf-8").read() for f in sorted(os.listdir(S)) if f.endswith(".txt")]
pages = [open(os.path.join("tests/data/html-templates", f), "rb").read()
         for f in sorted(os.listdir("tests/data/html-templates")) if f.endswith(".html")]
MB = 20 * 1000 * 1000
def done(p): return os.path.exists(p) and os.path.getsize(p) > 0
# plain text: one document of the seeds repeated
if not done(D + "/plain-utf8.txt"):
    one = "\n\n".join(seeds)
    t = one * (MB // len(one.encode()) + 1)
    open(D + "/plain-utf8.txt", "w", encoding="utf-8").write(t)
    open(D + "/plain-cp1256.txt", "wb").write(t.encode("cp1256", "replace"))
    # Windows-1256 is 1 byte per Arabic letter: repeat to >= 20 MB too
    b = t.encode("cp1256", "replace")
    open(D + "/plain-cp1256.txt", "wb").write(b * (MB // len(b) + 1))
    open(D + "/plain-utf16.txt", "wb").write(b"\xff\xfe" + t.encode("utf-16-le"))
# HTML: a directory of pages (the template pages repeated)
if not os.path.isdir(D + "/html"):
    os.makedirs(D + "/html")
    n, size = 0, 0
    while size < MB:
        p = pages[n % len(pages)]
        open("%s/html/p%05d.html" % (D, n), "wb").write(p)
        n += 1; size += len(p)
# JSON Lines, and its gzip
if not done(D + "/docs.jsonl"):
    with open(D + "/docs.jsonl", "w", encoding="utf-8") as f:
        n, size = 0, 0
        while size < MB:
            l = json.dumps({"id": "d%d" % n, "text": seeds[n % len(seeds)], "date": "2015-06-27", "url": "http://x/%d" % n}, ensure_ascii=False) + "\n"
            f.write(l); n += 1; size += len(l.encode())
    open(D + "/docs.jsonl.gz", "wb").write(gzip.compress(open(D + "/docs.jsonl", "rb").read(), 6, mtime=0))
# WARC.gz: one gzip member per record (as crawlers write them), response
# records with the HTML pages, request records between them
if not done(D + "/crawl.warc.gz"):
    def rec(typ, uri, block, i):
        h = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-04-24T10:00:00Z\r\n"
             "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nContent-Type: application/http; msgtype=%s\r\n"
             "Content-Length: %d\r\n\r\n" % (typ, uri, i, typ, len(block))).encode()
        return h + block + b"\r\n\r\n"
    raw = 0
    with open(D + "/crawl.warc.gz", "wb") as f:
        n = 0
        while raw < MB:
            p = pages[n % len(pages)]
            uri = "http://example.com/news/%d" % n
            req = rec("request", uri, ("GET /news/%d HTTP/1.1\r\nHost: example.com\r\n\r\n" % n).encode(), 2 * n)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(p) + p
            resp = rec("response", uri, http, 2 * n + 1)
            f.write(gzip.compress(req, 6, mtime=0)); f.write(gzip.compress(resp, 6, mtime=0))
            raw += len(req) + len(resp); n += 1
    open(D + "/crawl.warc.size", "w").write(str(raw))
PY
size() { wc -c < "$1"; }
run() { # label, uncompressed bytes, compressed bytes or "", input
  label=$1 bytes=$2 comp=$3; shift 3
  best=""
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$D/time" "$ALAQAT" text "$@" > "$D/out.txt" 2>"$D/err" || { cat "$D/err"; exit 1; }
    read -r s rss < "$D/time"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float('$s') < float('$best') else 1)"; then best=$s; brss=$rss; fi
  done
  python3 -c "
import sys
b, s, rss, c = int('$bytes'), float('$best'), int('$brss'), '$comp'
print('%-34s %7.1f MB %s in %6.2f s = %7.1f MB/s, peak RSS %6.1f MB, %d lines out' % ('$label', b/1e6, ('(%.1f MB compressed)' % (int(c)/1e6)) if c else '', s, b/1e6/max(s,1e-9), rss/1024, $(wc -l < "$D/out.txt")))"
}
htmlbytes=$(cat "$D"/html/*.html | wc -c)
gzbytes=$(gzip -dc "$D/docs.jsonl.gz" | wc -c)
run "plain text, UTF-8" "$(size "$D/plain-utf8.txt")" "" "$D/plain-utf8.txt"
run "plain text, Windows-1256" "$(size "$D/plain-cp1256.txt")" "" "$D/plain-cp1256.txt"
run "plain text, UTF-16LE (BOM)" "$(size "$D/plain-utf16.txt")" "" "$D/plain-utf16.txt"
run "HTML pages ($(ls "$D/html" | wc -l) files)" "$htmlbytes" "" "$D/html"
run "JSON Lines" "$(size "$D/docs.jsonl")" "" "$D/docs.jsonl"
run "JSON Lines .gz" "$gzbytes" "$(size "$D/docs.jsonl.gz")" "$D/docs.jsonl.gz"
run "WARC.gz (HTML responses)" "$(cat "$D/crawl.warc.size")" "$(size "$D/crawl.warc.gz")" "$D/crawl.warc.gz"
