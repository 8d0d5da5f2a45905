#!/usr/bin/env python3
"""Fills an alaqat store with synthetic claims for the load test of
alaqat serve (bench/serve_load.sh): the schema and the actors come from
`alaqat add` of one small text; documents and claims are made up here.
Usage: [PAIRS=3000] make_claims_store.py ALAQAT STORE [CLAIMS] [SEED]"""
import datetime, os, random, sqlite3, subprocess, sys, tempfile

alaqat, store = sys.argv[1], sys.argv[2]
n_claims = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
if os.path.exists(store):
    os.remove(store)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "seed.txt")
    open(p, "w", encoding="utf-8").write("اشتبك تنظيم داعش مع جبهة النصرة في ريف حلب.\n")
    subprocess.run([alaqat, "add", "-q", "--db", store, p], check=True)
db = sqlite3.connect(store)
actors = [r[0] for r in db.execute("SELECT id FROM actors ORDER BY id")]
types = {"alliance": "cooperative", "merger": "cooperative", "cooperation": "cooperative",
         "reconciliation": "cooperative", "support": "cooperative", "conflict": "hostile",
         "rivalry": "hostile", "split": "hostile", "affiliation": "structural"}
tnames = list(types)
# PAIRS actor pairs (default 3000), drawn with skewed actor weights; claims
# pick a pair with Zipf-like weights, so a few pairs have many claims
n_pairs = int(os.environ.get("PAIRS", "3000"))
aw = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
pairs = set()
while len(pairs) < min(n_pairs, len(actors) * (len(actors) - 1) // 2):
    a, c = rnd.choices(actors, aw, k=2)
    if a != c:
        pairs.add((min(a, c), max(a, c)))
pairs = sorted(pairs)
rnd.shuffle(pairs)
pw = [1.0 / (i + 1) ** 0.9 for i in range(len(pairs))]
start = datetime.date(2011, 1, 1)
words = ["تنظيم", "داعش", "جبهة", "النصرة", "تحالف", "قتال", "بين", "في", "ريف", "حلب", "مصادر",
         "أفادت", "اشتباكات", "عنيفة", "الفصائل", "المعارضة", "القاعدة", "اتفاق", "هدنة", "مدينة"]
claims_per_doc = 10
n_docs = (n_claims + claims_per_doc - 1) // claims_per_doc
db.execute("PRAGMA synchronous = OFF")
db.execute("PRAGMA journal_mode = OFF")
db.execute("BEGIN")
key = db.execute("SELECT coalesce(max(key), 0) FROM documents").fetchone()[0]
fts_by_hand = not db.execute("SELECT 1 FROM sqlite_schema WHERE type = 'trigger'"
                             " AND name = 'documents_ai'").fetchone()
made = 0
for i in range(n_docs):
    key += 1
    day = start + datetime.timedelta(days=rnd.randrange(3650))
    sents = [" ".join(rnd.choice(words) for _ in range(12)) + "." for _ in range(claims_per_doc)]
    text = "\n".join(sents)
    raw = text.encode("utf-8")
    db.execute("INSERT INTO documents(key, id, hash, title, date, text, bytes, extractor, added)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, 'synthetic', '2026-01-01T00:00:00Z')",
               (key, "syn%07d" % i, "%032x" % i, sents[0], day.isoformat(), text, len(raw)))
    if fts_by_hand:  # schema 4: no insert trigger, the writer fills documents_fts
        db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)", (key, sents[0], text))
    off = 0
    rows = []
    for s in sents:
        if made >= n_claims:
            break
        b = len(s.encode("utf-8"))
        a, c = rnd.choices(pairs, pw)[0]
        if rnd.random() < 0.5:
            a, c = c, a
        t = rnd.choice(tnames)
        when = None
        if rnd.random() < 0.3:
            when = (day - datetime.timedelta(days=rnd.randrange(400))).isoformat()
        lo = hi = when or day.isoformat()
        rows.append((key, off, off + b, a, c, min(a, c), max(a, c), t, types[t],
                     "negated" if rnd.random() < 0.08 else "affirmed",
                     "possible" if rnd.random() < 0.12 else "asserted",
                     None if rnd.random() < 0.6 else "مصادر محلية", "author", when,
                     off, off + 10, "synthetic", day.isoformat(), lo, hi, s, "syn%07d" % i))
        off += b + 1
        made += 1
    db.executemany("INSERT INTO claims(doc, span_start, span_end, a, b, pair_lo, pair_hi, type, class,"
                   " polarity, modality, source, source_kind, time, trigger_start, trigger_end, rule,"
                   " doc_date, t_lo, t_hi, evidence, doc_id)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.execute("COMMIT")
db.execute("ANALYZE")
db.close()
print("%s: %d documents, %d claims, %d actors" % (store, n_docs, made, len(actors)))
