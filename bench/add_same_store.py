#!/usr/bin/env python3
"""Compares two SQLite stores made by `alaqat add` (of any schema version
from 3): the same documents (every column but `added`), mentions and claims
(every column, in rowid order), the same full-text answers for a set of
words (rowids and bm25 ranks) and, when both have them, the same signatures.
Prints the differences; exit 1 when there are any.

    bench/add_same_store.py A.db B.db
"""
import sqlite3
import sys


def rows(db, sql):
    return db.execute(sql).fetchall()


def main():
    a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
    bad = 0

    def same(what, sql):
        nonlocal bad
        ra, rb = rows(a, sql), rows(b, sql)
        if ra != rb:
            bad += 1
            print("DIFFERENT: %s (%d rows against %d)" % (what, len(ra), len(rb)))
        else:
            print("same: %s (%d rows)" % (what, len(ra)))

    same("documents", "SELECT key, id, hash, url, title, date, outlet, text, bytes, extractor, copy_of"
                      " FROM documents ORDER BY key")
    same("mentions", "SELECT rowid, * FROM mentions ORDER BY rowid")
    same("claims", "SELECT * FROM claims ORDER BY key")
    same("actors", "SELECT * FROM actors ORDER BY id")
    # words of the stored texts: the most frequent ones and a sample of others
    vocab = set()
    for (t,) in rows(a, "SELECT text FROM documents WHERE key % 97 = 1"):
        for w in t.split():
            w = w.strip(".,:;!?()\"'«»،؛")
            if len(w) > 2 and w.isalpha():
                vocab.add(w)
    words = sorted(vocab)[::7][:300]
    fts = []
    for w in words:
        q = '"%s"' % w
        sql = ("SELECT rowid, round(bm25(documents_fts), 9) FROM documents_fts"
               " WHERE documents_fts MATCH ? ORDER BY rank, rowid")
        fts.append((a.execute(sql, (q,)).fetchall(), b.execute(sql, (q,)).fetchall()))
    diff = sum(1 for x, y in fts if x != y)
    hits = sum(len(x) for x, _ in fts)
    if diff:
        bad += 1
        print("DIFFERENT: full text, %d of %d words" % (diff, len(fts)))
    else:
        print("same: full text of %d words (%d hits, ranks)" % (len(fts), hits))
    has = [bool(rows(db, "SELECT 1 FROM sqlite_schema WHERE name = 'signatures'")) for db in (a, b)]
    if all(has):
        same("signatures", "SELECT doc, minhash FROM signatures ORDER BY doc")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
