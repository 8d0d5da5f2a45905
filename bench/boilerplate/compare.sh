#!/bin/sh
# Boilerplate removal, alaqat against trafilatura: token precision, recall
# and F1 of the main text each gives (`alaqat text PAGE`;
# trafilatura.extract(html, include_comments=False, include_tables=True)) on
#   - ../shared/data/arabic-news-html/cnn-arabic-2013-08-03-syria-clashes.html
#     against its .expected.txt;
#   - the seeds wrapped in made-up site templates (tests/data/html-templates,
#     from bench/boilerplate/make_pages.py) against the seeds' lines
#     (the NNN_*.ref.txt next to each page).
# Tokens: whitespace-separated, compared as multisets (as tests/unit/test_read.c).
# trafilatura comes from PyPI into a venv under build/ (bench only).
# Usage: bench/boilerplate/compare.sh [path/to/alaqat]
set -eu
cd "$(dirname "$0")/../.."
ALAQAT=${1:-build/release/alaqat}
[ -x "$ALAQAT" ] || make release >/dev/null
VENV=build/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import trafilatura" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q trafilatura lxml_html_clean
fi
OUT=build/bench/boilerplate
mkdir -p "$OUT"
CNN=../shared/data/arabic-news-html/cnn-arabic-2013-08-03-syria-clashes
set -- "$CNN.html" "$CNN.expected.txt"
for p in tests/data/html-templates/*.html; do set -- "$@" "$p" "${p%.html}.ref.txt"; done
while [ $# -ge 2 ]; do
  b=$(basename "$1" .html)
  "$ALAQAT" text "$1" > "$OUT/$b.alaqat.txt"
  cp "$2" "$OUT/$b.ref.txt"
  echo "$1" >> "$OUT/list.$$"
  shift 2
done
"$VENV/bin/python" - "$OUT" "$OUT/list.$$" <<'EOF'
import os, sys
from collections import Counter
import trafilatura
print("trafilatura", trafilatura.__version__)
out, lst = sys.argv[1], sys.argv[2]
def prf(got, want):
    g, w = Counter(got.split()), Counter(want.split())
    c = sum((g & w).values())
    p = c / sum(g.values()) if g else 0.0
    r = c / sum(w.values()) if w else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
rows = []
print("%-44s %-26s %-26s" % ("page", "alaqat text  P / R / F1", "trafilatura  P / R / F1"))
for page in open(lst, encoding="utf-8").read().split():
    b = os.path.basename(page)[:-5]
    raw = open(page, "rb").read()
    tr = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_precision=False) or ""
    open(os.path.join(out, b + ".trafilatura.txt"), "w", encoding="utf-8").write(tr)
    ref = open(os.path.join(out, b + ".ref.txt"), encoding="utf-8").read()
    a = prf(open(os.path.join(out, b + ".alaqat.txt"), encoding="utf-8").read(), ref)
    t = prf(tr, ref)
    rows.append((b, a, t))
    print("%-44s %.3f / %.3f / %.3f      %.3f / %.3f / %.3f" % ((b,) + a + t))
tp = [r for r in rows if not r[0].startswith("cnn")]
if tp:
    ma = sum(r[1][2] for r in tp) / len(tp)
    mt = sum(r[2][2] for r in tp) / len(tp)
    print("%-44s %-26s %-26s" % ("template pages, mean F1", "%.3f" % ma, "%.3f" % mt))
EOF
rm -f "$OUT/list.$$"
