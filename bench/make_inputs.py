#!/usr/bin/env python3
"""Builds the benchmark inputs from the seeds and the articles corpus:
  OUT/corpus-<N>M.jsonl  documents (id, text, date, title when known), the
                         seeds and articles repeated until >= N MB of text
  OUT/corpus-<N>M.txt    the same texts concatenated (one blank line between
                         documents): the very bytes the stemmers and wc read
  OUT/slice-<K>M.jsonl/.txt  the first documents of it, about K MB
  OUT/corpus-<N>M.d/     with --dir: the same documents as one .txt file
                         each (DDD/NNNNNN.txt, 1000 per directory), holding
                         exactly the bytes of corpus-<N>M.txt (text + a
                         blank line), so that plain-text runs read the very
                         bytes the stemmers read
Usage: make_inputs.py SHARED_DIR OUT_DIR SIZE_MB [--dir] [SLICE_MB...]"""
import json
import os
import sys


def main():
    shared, out, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rest = sys.argv[4:]
    as_dir = "--dir" in rest
    slices = [float(x) for x in rest if x != "--dir"]
    docs = []
    seeds = os.path.join(shared, "seeds")
    for n in sorted(os.listdir(seeds)):
        if n.endswith(".txt"):
            with open(os.path.join(seeds, n), encoding="utf-8") as f:
                docs.append({"id": n[:-4], "text": f.read()})
    with open(os.path.join(shared, "data", "arabic-news-armed-groups", "articles.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            d = {"id": r["id"], "text": r["text"]}
            if r.get("date"):
                d["date"] = r["date"]
            if r.get("title"):
                d["title"] = r["title"]
            docs.append(d)
    os.makedirs(out, exist_ok=True)
    base = os.path.join(out, "corpus-%dM" % size_mb)
    target = size_mb * 1000 * 1000
    outs = [(base, target)] + [(os.path.join(out, "slice-%gM" % k), k * 1e6) for k in slices]
    files = [(open(b + ".jsonl", "w", encoding="utf-8"), open(b + ".txt", "wb"), t)
             for b, t in outs]
    written = [0] * len(files)
    rep = 0
    ddir, ndoc = base + ".d", 0
    if as_dir:
        if os.path.isdir(ddir):
            import shutil
            shutil.rmtree(ddir)
        os.makedirs(ddir)
    while written[0] < target:
        for d in docs:
            e = dict(d, id="%s~%d" % (d["id"], rep))
            line = json.dumps(e, ensure_ascii=False) + "\n"
            raw = d["text"].encode("utf-8") + b"\n\n"
            for k, (fj, ft, t) in enumerate(files):
                if written[k] < t:
                    fj.write(line)
                    ft.write(raw)
                    written[k] += len(raw)
                    if k == 0 and as_dir:
                        sub = os.path.join(ddir, "%03d" % (ndoc // 1000))
                        if ndoc % 1000 == 0:
                            os.makedirs(sub, exist_ok=True)
                        with open(os.path.join(sub, "%06d.txt" % ndoc), "wb") as o:
                            o.write(raw)
                        ndoc += 1
            if written[0] >= target:
                break
        rep += 1
    for fj, ft, _ in files:
        fj.close()
        ft.close()
    print("inputs: %d documents per pass, %d passes, %s" % (len(docs), rep, base))


if __name__ == "__main__":
    main()
