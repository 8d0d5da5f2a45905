#!/usr/bin/env python3
"""Shows, sentence by sentence, gold claims the prediction missed (-) and
predicted claims without a gold counterpart (+), lenient criteria (greedy,
for reading only: `alaqat eval` is the scorer).
usage: tools/diff_claims.py GOLD PRED TEXTS  (TEXTS: a directory of DOC.txt or a .jsonl with id/text)"""
import json, os, sys
COARSE = {"alliance": 0, "merger": 0, "cooperation": 0, "reconciliation": 0, "support": 0,
          "conflict": 1, "rivalry": 1, "split": 1, "affiliation": 2}
def load(p): return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
gold, pred, src = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
texts = {}
if os.path.isdir(src):
    for f in os.listdir(src):
        if f.endswith(".txt"): texts[f[:-4]] = open(os.path.join(src, f), "rb").read()
else:
    for r in load(src): texts[r["id"]] = r["text"].encode("utf-8")
def ov(a, b):
    o = min(a[1], b[1]) - max(a[0], b[0]); return o > 0 and o * 4 >= max(a[1] - a[0], b[1] - b[0])
def key(c):
    d = c["type"] in ("support", "affiliation")
    return (c["a"], c["b"]) if d else tuple(sorted((c["a"], c["b"])))
used = set(); fn = []
for g in gold:
    hit = None
    for i, p in enumerate(pred):
        if i in used or p["doc"] != g["doc"] or not ov(g["span"], p["span"]): continue
        if key(g) != key(p) and tuple(sorted((g["a"], g["b"]))) != tuple(sorted((p["a"], p["b"]))): continue
        if COARSE[g["type"]] == COARSE[p["type"]] and g["polarity"] == p["polarity"]: hit = i; break
    if hit is None: fn.append(g)
    else: used.add(hit)
fp = [p for i, p in enumerate(pred) if i not in used]
rows = [("-", c) for c in fn] + [("+", c) for c in fp]
rows.sort(key=lambda r: (r[1]["doc"], r[1]["span"][0], r[0]))
last = None
for sign, c in rows:
    sp = (c["doc"], c["span"][0])
    if sp != last:
        t = texts.get(c["doc"], b"")[c["span"][0]:c["span"][1]].decode("utf-8", "replace")
        print("\n## %s %s %s" % (c["doc"], c["span"], t[:300].replace("\n", " ")))
        last = sp
    extra = ""
    if sign == "+" and "trigger" in c:
        tb = texts.get(c["doc"], b"")[c["trigger"][0]:c["trigger"][1]].decode("utf-8", "replace")
        extra = " trig=%s rule=%s" % (tb, c.get("rule"))
    print("  %s %s %s %s %s %s src=%s%s" % (sign, c["a"], c["b"], c["type"], c["polarity"][:3], c["modality"][:3], c["source"], extra))
print("\nmissed %d, spurious %d" % (len(fn), len(fp)), file=sys.stderr)
