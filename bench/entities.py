#!/usr/bin/env python3
"""Entity diagnostics (issue 7, item 9): how alaqat's `extract --mentions`
lines up with independent Arabic NER annotations.  A diagnostic, not a gate.

    python3 bench/entities.py --alaqat build/ent/alaqat [--data DIR]
        [--chunk N] [--examples N] [--no-wojood]

1. ANERcorp (CAMeL Lab test split, news): conlleval-style exact-match entity
   precision / recall / F1, overall and per type (ORG, PERS, LOC), and a
   lenient variant (a prediction counts if it overlaps a gold entity of the
   same type; a gold entity counts if a prediction of its type overlaps it).
2. AQMAR (Arabic Wikipedia): "false organization hits" = alaqat ORG-like
   mentions (ORG/FORCE/COALITION) overlapping no gold ORG entity, per 1,000
   tokens, and the most frequent false-hit surface forms; also the same
   P/R/F tables as for ANERcorp.
3. Wojood public sample (nested, 21 types): the same tables against the
   entities of every nesting level, with GPE+LOC as LOC, plus DATE.

Each sentence is rebuilt as text by joining its tokens with one space
(sentences of a record joined with a newline), keeping a token -> byte offset
map; records of --chunk sentences (default 50) are written as JSON Lines and
run through `alaqat extract --mentions`.  A token belongs to a mention if its
bytes overlap the mention's byte span.  Type map: ORG/FORCE/COALITION/OUTLET
-> ORG, PERSON -> PERS, PLACE/STATE -> LOC (ANERcorp and AQMAR tag country
names LOC), DATE -> DATE (scored on Wojood only; the other corpora have no
dates).  Python 3 standard library only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

TYPE_MAP = {"ORG": "ORG", "FORCE": "ORG", "COALITION": "ORG", "OUTLET": "ORG",
            "PERSON": "PERS", "PLACE": "LOC", "STATE": "LOC", "DATE": "DATE"}
ORG_LIKE = ("ORG", "FORCE", "COALITION")


# ---------------------------------------------------------------- corpora

def read_columns(path, skip_tokens=()):
    """CoNLL-like file: `token TAG [TAG...]` per line, blank line between
    sentences.  Returns a list of sentences, each a list of (token, [tags])."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if parts[0] in skip_tokens:
                continue
            cur.append((parts[0], parts[1:]))
    if cur:
        sents.append(cur)
    return sents


def decode_bio(tags, norm):
    """conlleval chunking of one tag column: list of (start, end, type) with
    end exclusive.  norm(type) maps a raw type to the scored type or None."""
    chunks, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t in ("O", "OO", "") or "-" not in t:
            p, ty = "O", None
        else:
            p, ty = t.split("-", 1)
            ty = ty.strip("-`")
            if p not in ("B", "I"):
                p, ty = "O", None
        # close the open chunk?
        if start is not None and (p != "I" or ty != typ):
            chunks.append((start, i, typ))
            start = None
        if p in ("B", "I") and start is None:
            start, typ = i, ty
    out = []
    for s, e, ty in chunks:
        n = norm(ty)
        if n:
            out.append((s, e, n))
    return out


def norm_conll(ty):  # ANERcorp / AQMAR
    return {"PERS": "PERS", "PER": "PERS", "ORG": "ORG", "LOC": "LOC"}.get(ty)


def norm_wojood(ty):
    return {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC",
            "DATE": "DATE"}.get(ty)


class Doc:
    __slots__ = ("id", "text", "tokens", "offs", "gold")

    def __init__(self, did, sents, norm):
        self.id = did
        self.tokens, self.offs, self.gold = [], [], set()
        parts, pos = [], 0
        for si, sent in enumerate(sents):
            if si:
                parts.append("\n")
                pos += 1
            base = len(self.tokens)
            ncols = max(len(tags) for _, tags in sent)
            for ti, (tok, _) in enumerate(sent):
                if ti:
                    parts.append(" ")
                    pos += 1
                b = tok.encode("utf-8")
                self.tokens.append(tok)
                self.offs.append((pos, pos + len(b)))
                parts.append(tok)
                pos += len(b)
            for c in range(ncols):
                col = [tags[c] if c < len(tags) else "O" for _, tags in sent]
                for s, e, ty in decode_bio(col, norm):
                    self.gold.add((base + s, base + e, ty))
        self.gold = sorted(self.gold)   # deterministic order for reports
        self.text = "".join(parts)
        assert len(self.text.encode("utf-8")) == pos


def make_docs(name, sents, chunk, norm):
    return [Doc("%s-%04d" % (name, i // chunk), sents[i:i + chunk], norm)
            for i in range(0, len(sents), chunk)]


# ---------------------------------------------------------------- alaqat

def run_alaqat(alaqat, docs, tmpdir, name):
    path = os.path.join(tmpdir, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text},
                               ensure_ascii=False) + "\n")
    r = subprocess.run([alaqat, "extract", "--mentions", "-q", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        sys.exit("alaqat extract failed on %s (exit %d)" % (name, r.returncode))
    out = collections.defaultdict(list)
    for line in r.stdout.decode("utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            out[m["doc"]].append(m)
    return out


def token_range(doc, s, e):
    """Tokens whose bytes overlap [s, e)."""
    idx = [i for i, (a, b) in enumerate(doc.offs) if a < e and b > s]
    return (idx[0], idx[-1] + 1) if idx else None


def predictions(doc, mentions, stats):
    """alaqat mentions -> non-overlapping token chunks (start, end, type, m)."""
    cands = []
    for m in mentions:
        ty = TYPE_MAP.get(m["type"])
        if ty is None:
            continue
        s, e = m["span"]
        tr = token_range(doc, s, e)
        if tr is None:
            continue
        a, b = doc.offs[tr[0]][0], doc.offs[tr[1] - 1][1]
        if s > a or e < b:
            stats["partial_token"] += 1   # span starts/ends inside a token
        cands.append((tr[0], tr[1], ty, m))
    # conlleval input is one tag per token: keep the longest of overlapping
    # mentions (earlier first on ties), count the ones dropped
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    used, kept = set(), []
    for c in cands:
        if any(i in used for i in range(c[0], c[1])):
            stats["overlap_dropped"] += 1
            continue
        used.update(range(c[0], c[1]))
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    return kept


# ---------------------------------------------------------------- scoring

def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs, preds, types):
    """Exact and lenient counts per type.  Returns {type: dict}."""
    res = {t: collections.Counter() for t in types + ["ALL"]}
    for d in docs:
        gold = [g for g in d.gold if g[2] in types]
        pred = [p for p in preds[d.id] if p[2] in types]
        gold_exact = set(gold)
        for s, e, ty, _ in pred:
            for k in (ty, "ALL"):
                res[k]["pred"] += 1
                if (s, e, ty) in gold_exact:
                    res[k]["tp"] += 1
                if any(ty == gt and s < ge and e > gs for gs, ge, gt in gold):
                    res[k]["pred_ovl"] += 1
        for gs, ge, gt in gold:
            for k in (gt, "ALL"):
                res[k]["gold"] += 1
                if any(ty == gt and s < ge and e > gs for s, e, ty, _ in pred):
                    res[k]["gold_ovl"] += 1
    return res


def print_table(title, res, types):
    print("\n" + title)
    print("%-5s %6s %6s %6s | %6s %6s %6s | %6s %6s %6s" % (
        "type", "gold", "pred", "tp", "P", "R", "F1", "lenP", "lenR", "lenF1"))
    for t in types + ["ALL"]:
        c = res[t]
        p, r, f = prf(c["tp"], c["pred"], c["tp"], c["gold"])
        lp, lr, lf = prf(c["pred_ovl"], c["pred"], c["gold_ovl"], c["gold"])
        print("%-5s %6d %6d %6d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f" % (
            t, c["gold"], c["pred"], c["tp"], p, r, f, lp, lr, lf))


def confusion(docs, preds, types):
    """Predictions that overlap no gold entity of their type: which gold
    type (if any) they overlap.  And misses: gold entities no prediction of
    their type overlaps, with the predicted type that overlaps them."""
    fp, fn = collections.Counter(), collections.Counter()
    for d in docs:
        gold = [g for g in d.gold if g[2] in types]
        pred = [p for p in preds[d.id] if p[2] in types]
        for s, e, ty, _ in pred:
            if any(ty == gt and s < ge and e > gs for gs, ge, gt in gold):
                continue
            other = [gt for gs, ge, gt in gold if s < ge and e > gs]
            fp[(ty, other[0] if other else "O")] += 1
        for gs, ge, gt in gold:
            if any(ty == gt and s < ge and e > gs for s, e, ty, _ in pred):
                continue
            other = [ty for s, e, ty, _ in pred if s < ge and e > gs]
            fn[(gt, other[0] if other else "O")] += 1
    return fp, fn


def print_confusion(docs, preds, types):
    fp, fn = confusion(docs, preds, types)
    print("  lenient false positives (pred type -> gold type overlapped, O = none): "
          + ", ".join("%s->%s %d" % (k[0], k[1], v) for k, v in fp.most_common()))
    print("  lenient misses (gold type -> pred type overlapped, O = none): "
          + ", ".join("%s->%s %d" % (k[0], k[1], v) for k, v in fn.most_common()))


def print_examples(docs, preds, types, n):
    """Most frequent false-positive and missed surface forms per type."""
    for t in types:
        fp, fn = collections.Counter(), collections.Counter()
        for d in docs:
            gold = [g for g in d.gold if g[2] == t]
            pred = [p for p in preds[d.id] if p[2] == t]
            for s, e, ty, m in pred:
                if not any(s < ge and e > gs for gs, ge, _ in gold):
                    fp["%s/%s" % (m["text"], m["type"])] += 1
            for gs, ge, _ in gold:
                if not any(s < ge and e > gs for s, e, _, _ in pred):
                    fn[" ".join(d.tokens[gs:ge])] += 1
        print("  %s false positives: %s" % (t, "; ".join(
            "%s %d" % kv for kv in fp.most_common(n))))
        print("  %s misses: %s" % (t, "; ".join(
            "%s %d" % kv for kv in fn.most_common(n))))


def evaluate(name, docs, ment, types, args, extra_stats=None):
    stats = collections.Counter()
    preds = {d.id: predictions(d, ment.get(d.id, []), stats) for d in docs}
    ntok = sum(len(d.tokens) for d in docs)
    nment = sum(len(v) for v in ment.values())
    bytype = collections.Counter(m["type"] for v in ment.values() for m in v)
    print("\n=== %s: %d tokens, %d records, %d alaqat mentions (%s)" % (
        name, ntok, len(docs), nment,
        " ".join("%s %d" % kv for kv in sorted(bytype.items()))))
    print("  spans starting/ending inside a token (clitic split differently): %d;"
          " overlapping mentions dropped for BIO: %d" % (
              stats["partial_token"], stats["overlap_dropped"]))
    res = score(docs, preds, types)
    print_table("%s — exact match (conlleval) and lenient overlap" % name,
                res, types)
    print_confusion(docs, preds, types)
    if args.examples:
        print_examples(docs, preds, types, args.examples)
    return preds, res, ntok


def false_hits(docs, ment, kinds):
    """alaqat mentions of the given kinds overlapping no gold ORG (by
    tokens): (total, Counter of 'text\ttype\tid', Counter of gold tag
    overlapped, Counter lexicon/new)."""
    total, forms = 0, collections.Counter()
    gold_other, ids = collections.Counter(), collections.Counter()
    for d in docs:
        gold = [g for g in d.gold if g[2] == "ORG"]
        for m in ment.get(d.id, []):
            if m["type"] not in kinds:
                continue
            tr = token_range(d, *m["span"])
            if tr is None:
                continue
            total += 1
            s, e = tr
            if any(s < ge and e > gs for gs, ge, _ in gold):
                continue
            forms["%s\t%s\t%s" % (m["text"], m["type"], m["id"])] += 1
            ids["new:" if m["id"].startswith("new:") else "lexicon"] += 1
            other = [gt for gs, ge, gt in d.gold if s < ge and e > gs]
            gold_other[other[0] if other else "O"] += 1
    return total, forms, gold_other, ids


def aqmar_false_org(docs, ment, ntok, n):
    for title, kinds in (("ORG/FORCE/COALITION", ORG_LIKE),
                         ("OUTLET (scored as ORG above)", ("OUTLET",))):
        total, forms, gold_other, ids = false_hits(docs, ment, kinds)
        hits = sum(forms.values())
        print("\nAQMAR false organization hits: %s mentions overlapping no "
              "gold ORG" % title)
        print("  mentions %d, false hits %d (%.1f%%), %.2f per 1,000 tokens"
              % (total, hits, 100.0 * hits / total if total else 0,
                 1000.0 * hits / ntok))
        print("  by id: %s; gold tag overlapped: %s" % (
            ", ".join("%s %d" % kv for kv in ids.most_common()),
            ", ".join("%s %d" % kv for kv in gold_other.most_common())))
        print("  %4s  %-32s %-10s %s" % ("n", "surface form", "type", "id"))
        for k, v in forms.most_common(n):
            text, ty, mid = k.split("\t")
            print("  %4d  %-32s %-10s %s" % (v, text, ty, mid))


# ---------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--alaqat", default=os.path.join(here, "..", "build",
                                                     "ent", "alaqat"))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared",
                                                   "data"))
    ap.add_argument("--chunk", type=int, default=50,
                    help="sentences per JSONL record (default 50)")
    ap.add_argument("--examples", type=int, default=10,
                    help="frequent false positives / misses listed per type")
    ap.add_argument("--top", type=int, default=20,
                    help="AQMAR false-hit surface forms listed (default 20)")
    ap.add_argument("--no-wojood", action="store_true")
    args = ap.parse_args()
    if not os.access(args.alaqat, os.X_OK):
        sys.exit("no alaqat binary at %s (build it or pass --alaqat)" %
                 args.alaqat)
    types = ["ORG", "PERS", "LOC"]
    with tempfile.TemporaryDirectory(prefix="alaqat-ent-") as tmp:
        # 1. ANERcorp test split
        p = os.path.join(args.data, "anercorp-camellab",
                         "ANERCorp_CamelLab_test.txt")
        docs = make_docs("anercorp", read_columns(p), args.chunk, norm_conll)
        ment = run_alaqat(args.alaqat, docs, tmp, "anercorp")
        evaluate("ANERcorp test", docs, ment, types, args)

        # 2. AQMAR
        p = os.path.join(args.data, "aqmar-wikipedia-ner",
                         "AQMAR_Arabic_NER_corpus-1.0.txt")
        docs = make_docs("aqmar", read_columns(p), args.chunk, norm_conll)
        ment = run_alaqat(args.alaqat, docs, tmp, "aqmar")
        _, _, ntok = evaluate("AQMAR", docs, ment, types, args)
        aqmar_false_org(docs, ment, ntok, args.top)

        # 3. Wojood sample (all three files; nested: every level is gold)
        if not args.no_wojood:
            sents = []
            for f in ("train.txt", "val.txt", "test.txt"):
                sents += read_columns(os.path.join(args.data, "wojood-sample",
                                                   f), skip_tokens=("$#$",))
            docs = make_docs("wojood", sents, args.chunk, norm_wojood)
            ment = run_alaqat(args.alaqat, docs, tmp, "wojood")
            evaluate("Wojood sample (all levels; GPE+LOC=LOC)", docs, ment,
                     types + ["DATE"], args)


if __name__ == "__main__":
    main()
