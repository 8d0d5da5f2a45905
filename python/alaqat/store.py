"""Reading an alaqat corpus store (the SQLite file `alaqat add` writes) into
pandas DataFrames.

    >>> import alaqat
    >>> with alaqat.Store("alaqat.db") as st:
    ...     claims = st.claims(a="isis", type=["alliance", "cooperation"])
    ...     docs = st.documents()

The store is read with Python's own ``sqlite3`` module, opened read-only
(``mode=ro``), so it works while ``alaqat add`` writes (WAL) and never
changes the file; libalaqat is not needed. The tables are those of
docs/SCHEMA.md. pandas is imported only when a DataFrame is asked for: every
method also takes ``frame=False`` and then returns a list of dicts.

A PostgreSQL store (``postgresql://...``) has the same tables; read it with
``pandas.read_sql`` over your PostgreSQL driver (docs/SCALE.md).
"""

import os
import sqlite3
from urllib.parse import quote

__all__ = ["Store", "StoreError", "SCHEMA_VERSION"]

SCHEMA_VERSION = 4             # the newest ALQ_STORE_SCHEMA (src/store/store.h) known
KNOWN_VERSIONS = (1, 2, 3, 4)  # 2 = 1 + documents.copy_of (syndicated copies); 3 = 2 + claims.doc_id;
                               # 4 = 3 + signatures (read by add only)
APPLICATION_ID = 0x616C7131  # "alq1"

# The claims' columns, named and ordered as `alaqat export --format csv`
# writes them (so pandas.read_csv of an export has the same columns).
_CLAIM_COLS = [
    ("doc", "d.id"), ("span_start", "c.span_start"), ("span_end", "c.span_end"),
    ("a", "c.a"), ("b", "c.b"), ("type", "c.type"), ("class", "c.class"),
    ("polarity", "c.polarity"), ("modality", "c.modality"), ("source", "c.source"),
    ("source_kind", "c.source_kind"), ("when", "c.time"), ("where", "c.place"),
    ("via", "c.via"), ("trigger_start", "c.trigger_start"),
    ("trigger_end", "c.trigger_end"), ("rule", "c.rule"), ("doc_date", "c.doc_date"),
    ("time_start", "c.t_lo"), ("time_end", "c.t_hi"), ("evidence", "c.evidence"),
]
_DOC_COLS = ["id", "title", "date", "url", "outlet", "bytes", "hash", "extractor", "added"]
_ACTOR_COLS = ["id", "type", "english", "arabic", "founded", "ended", "successor"]
_MENTION_COLS = [("doc", "d.id"), ("span_start", "m.span_start"), ("span_end", "m.span_end"),
                 ("text", "m.text"), ("id", "m.actor"), ("type", "m.type")]
_INT_COLS = {"span_start", "span_end", "trigger_start", "trigger_end", "bytes",
             "claims", "mentions"}


class StoreError(Exception):
    """The file is not a readable alaqat store (missing, another SQLite
    database, or a schema version this binding does not know)."""


def _where(filters):
    """SQL conditions and parameters from (expression, value) pairs: a
    value None is no filter, a str one value, a list/tuple/set any of them."""
    conds, params = [], []
    for expr, val in filters:
        if val is None:
            continue
        if isinstance(val, (list, tuple, set, frozenset)):
            vals = list(val)
            if not vals:
                conds.append("0")
                continue
            conds.append("%s IN (%s)" % (expr, ",".join("?" * len(vals))))
            params.extend(vals)
        else:
            conds.append("%s = ?" % expr)
            params.append(val)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


class Store:
    """An alaqat store opened read-only.

    ``path``: the SQLite file (as ``--db PATH``). Raises :class:`StoreError`
    when it is missing, not an alaqat store, or of a newer schema version.
    Close it with :meth:`close` or a ``with`` block."""

    def __init__(self, path="alaqat.db"):
        path = os.fspath(path)
        if path.startswith(("postgresql://", "postgres://")):
            raise StoreError("alaqat.Store reads SQLite stores; for %s use pandas.read_sql "
                             "with a PostgreSQL driver (same tables, docs/SCHEMA.md)"
                             % path.split("@")[-1])
        if not os.path.isfile(path):
            raise StoreError("%s: no such store (build one with `alaqat add --db %s INPUT...`)"
                             % (path, path))
        self.path = path
        uri = "file:%s?mode=ro" % quote(os.path.abspath(path))
        try:
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            app = self._db.execute("PRAGMA application_id").fetchone()[0]
            ver = self._db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as e:
            self._db = None
            raise StoreError("%s: not an alaqat store (%s)" % (path, e)) from None
        if app != APPLICATION_ID:
            self.close()
            raise StoreError("%s: not an alaqat store" % path)
        if ver > SCHEMA_VERSION:
            self.close()
            raise StoreError("%s: store has schema version %d, newer than this binding "
                             "knows (%d); upgrade alaqat" % (path, ver, SCHEMA_VERSION))
        if ver not in KNOWN_VERSIONS:
            self.close()
            raise StoreError("%s: unknown store schema version %d" % (path, ver))
        self.schema_version = ver
        self._doc_cols = [r[1] for r in self._db.execute("PRAGMA table_info(documents)")]

    # ---- life cycle -------------------------------------------------------

    def close(self):
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __repr__(self):
        return "Store(%r)" % self.path

    # ---- queries ----------------------------------------------------------

    def query(self, sql, params=(), frame=True):
        """Any read-only SQL over the tables of docs/SCHEMA.md, as a
        DataFrame (``frame=False``: a list of dicts)."""
        if self._db is None:
            raise ValueError("alaqat: the store is closed")
        cur = self._db.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
        return _result(cols, rows, frame)

    def claims(self, a=None, b=None, type=None, actor=None, doc=None, polarity=None,
               modality=None, frame=True):
        """The stored claims, ordered by document id and span (as ``alaqat
        export``), with the columns of ``alaqat export --format csv``: doc
        (the document id), span_start, span_end, a, b, type, class,
        polarity, modality, source, source_kind, when, where, via,
        trigger_start, trigger_end, rule, doc_date, time_start, time_end
        (the claim's time as two days, docs/SCHEMA.md t_lo/t_hi), evidence.

        Filters (each a value or a list of values; None = any): ``a``,
        ``b`` (the claim's own a and b: direction matters for directed
        types), ``type``, ``actor`` (on either side), ``doc`` (document
        ids), ``polarity``, ``modality``. Actor filters take canonical ids
        (``isis``, ``new:...``): see :meth:`actors`."""
        where, params = _where([("c.a", a), ("c.b", b), ("c.type", type), ("d.id", doc),
                                ("c.polarity", polarity), ("c.modality", modality)])
        if actor is not None:
            vals = list(actor) if isinstance(actor, (list, tuple, set, frozenset)) else [actor]
            marks = ",".join("?" * len(vals)) or "NULL"
            where += (" AND " if where else " WHERE ") + \
                "(c.a IN (%s) OR c.b IN (%s))" % (marks, marks)
            params += vals + vals
        sql = ("SELECT %s FROM claims c JOIN documents d ON d.key = c.doc%s"
               " ORDER BY d.id, c.span_start, c.key"
               % (", ".join('%s AS "%s"' % (e, n) for n, e in _CLAIM_COLS), where))
        return self.query(sql, params, frame)

    def documents(self, id=None, text=False, frame=True):
        """The stored documents ordered by id: id, title, date, url, outlet,
        bytes, hash, extractor, added, copy_of (schema version 2: the id of
        the document this one is a syndicated copy of, else None), and the
        number of claims and mentions; ``text=True`` adds the text every
        span points into. ``id``: one document id or a list."""
        names = _DOC_COLS + [c for c in ("copy_of",) if c in self._doc_cols]
        cols = ", ".join("d.%s" % c for c in names + (["text"] if text else []))
        where, params = _where([("d.id", id)])
        sql = ("SELECT %s,"
               " (SELECT count(*) FROM claims c WHERE c.doc = d.key) AS claims,"
               " (SELECT count(*) FROM mentions m WHERE m.doc = d.key) AS mentions"
               " FROM documents d%s ORDER BY d.id" % (cols, where))
        return self.query(sql, params, frame)

    def actors(self, id=None, type=None, frame=True):
        """The lexicon's actors as stored by ``add`` (id, type, english,
        arabic, founded, ended, successor), ordered by id."""
        where, params = _where([("id", id), ("type", type)])
        sql = "SELECT %s FROM actors%s ORDER BY id" % (", ".join(_ACTOR_COLS), where)
        return self.query(sql, params, frame)

    def mentions(self, doc=None, id=None, type=None, frame=True):
        """Entity mentions: doc, span_start, span_end, text, id (the actor
        or value), type; filters ``doc`` (document ids), ``id``, ``type``."""
        where, params = _where([("d.id", doc), ("m.actor", id), ("m.type", type)])
        sql = ("SELECT %s FROM mentions m JOIN documents d ON d.key = m.doc%s"
               " ORDER BY d.id, m.span_start, m.span_end"
               % (", ".join('%s AS "%s"' % (e, n) for n, e in _MENTION_COLS), where))
        return self.query(sql, params, frame)


def _result(cols, rows, frame):
    if not frame:
        return [dict(zip(cols, r)) for r in rows]
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("alaqat.Store needs pandas for DataFrames (apt-get install "
                          "python3-pandas, or pip install pandas); frame=False gives "
                          "lists of dicts") from None
    df = pd.DataFrame.from_records(rows, columns=cols)
    for c in cols:  # integer columns stay int64 even when the frame is empty
        if c in _INT_COLS and not df[c].isna().any():
            df[c] = df[c].astype("int64")
    return df
