"""Tests of alaqat.Store (python/alaqat/store.py): a store built by the CLI
(`alaqat add` of ../shared/seeds into a temporary file) read back as
DataFrames and compared with `alaqat extract` and `alaqat export`. Run by
python/run-tests.sh (CTest python/binding), which sets ALAQAT_CLI; the
DataFrame tests skip without pandas (Debian python3-pandas)."""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("ALQ_SHARED", os.path.normpath(os.path.join(SRC, "..", "shared")))
SEEDS = os.path.join(SHARED, "seeds")
CLI = os.environ.get("ALAQAT_CLI") or os.path.join(SRC, "build", "release", "alaqat")

sys.path.insert(0, os.path.join(SRC, "python"))
import alaqat  # noqa: E402

CLAIM_FIELDS = ["doc", "span", "a", "b", "type", "polarity", "modality", "source",
                "source_kind", "when", "where", "via", "trigger", "rule"]
CSV_COLS = ["doc", "span_start", "span_end", "a", "b", "type", "class", "polarity",
            "modality", "source", "source_kind", "when", "where", "via", "trigger_start",
            "trigger_end", "rule", "doc_date", "time_start", "time_end", "evidence"]


def run_cli(*args):
    if not os.access(CLI, os.X_OK):
        pytest.skip("no alaqat CLI at %s" % CLI)
    p = subprocess.run([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    return p.stdout


def jsonl(data):
    return [json.loads(l) for l in data.decode("utf-8").splitlines()]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    if not os.path.isdir(SEEDS):
        pytest.skip("no seeds at %s" % SEEDS)
    path = str(tmp_path_factory.mktemp("store") / "seeds.db")
    run_cli("add", "-q", "--db", path, SEEDS)
    return path


@pytest.fixture(scope="module")
def store(db):
    with alaqat.Store(db) as st:
        yield st


def as_claim(row):
    """A Store claim row (dict) in the CLI's claim format."""
    return {"doc": row["doc"], "span": [row["span_start"], row["span_end"]],
            "a": row["a"], "b": row["b"], "type": row["type"],
            "polarity": row["polarity"], "modality": row["modality"],
            "source": row["source"], "source_kind": row["source_kind"],
            "when": row["when"], "where": row["where"], "via": row["via"],
            "trigger": [row["trigger_start"], row["trigger_end"]], "rule": row["rule"]}


def key(c):
    return json.dumps(c, sort_keys=True, ensure_ascii=False)


# ---- rows (no pandas needed) -------------------------------------------------

def test_claims_equal_extract(store):
    rows = store.claims(frame=False)
    want = jsonl(run_cli("extract", "-q", SEEDS))
    assert want, "the CLI found no claim in the seeds"
    assert sorted(key(as_claim(r)) for r in rows) == sorted(key(c) for c in want)


def test_claims_equal_export_jsonl_in_order(store, db):
    rows = store.claims(frame=False)
    exp = jsonl(run_cli("export", "--format", "jsonl", "--db", db))
    assert len(rows) == len(exp)
    for r, e in zip(rows, exp):
        c = as_claim(r)
        c.update({"class": r["class"], "doc_date": r["doc_date"], "evidence": r["evidence"]})
        assert c == {k: e[k] for k in c}, e


def test_claim_filters(store):
    rows = store.claims(frame=False)
    assert store.claims(a="isis", frame=False) == [r for r in rows if r["a"] == "isis"]
    assert store.claims(b="isis", frame=False) == [r for r in rows if r["b"] == "isis"]
    assert store.claims(a="al-qaeda", b="isis", type="alliance", frame=False) == [
        r for r in rows if (r["a"], r["b"], r["type"]) == ("al-qaeda", "isis", "alliance")]
    types = ["conflict", "rivalry"]
    assert store.claims(type=types, frame=False) == [r for r in rows if r["type"] in types]
    assert store.claims(actor="nusra", frame=False) == [
        r for r in rows if "nusra" in (r["a"], r["b"])]
    assert store.claims(actor=["nusra", "isis"], type="alliance", frame=False) == [
        r for r in rows if {"nusra", "isis"} & {r["a"], r["b"]} and r["type"] == "alliance"]
    assert store.claims(a="isis", frame=False), "no isis claim in the seeds?"
    assert store.claims(a="no-such-actor", frame=False) == []
    assert store.claims(type=[], frame=False) == []
    doc = rows[0]["doc"]
    assert store.claims(doc=doc, frame=False) == [r for r in rows if r["doc"] == doc]


def test_documents(store):
    docs = store.documents(text=True, frame=False)
    assert [d["id"] for d in docs] == sorted(os.path.splitext(n)[0] for n in os.listdir(SEEDS))
    assert sum(d["claims"] for d in docs) == len(store.claims(frame=False))
    assert sum(d["mentions"] for d in docs) == len(store.mentions(frame=False))
    for d in docs:
        assert len(d["text"].encode("utf-8")) == d["bytes"]
    one = store.documents(id=docs[0]["id"], frame=False)
    assert len(one) == 1 and "text" not in one[0]
    # every claim's evidence is the bytes of its span in the document text
    text = {d["id"]: d["text"].encode("utf-8") for d in docs}
    for r in store.claims(frame=False):
        assert text[r["doc"]][r["span_start"]:r["span_end"]].decode("utf-8") == r["evidence"]


def test_actors_and_mentions(store):
    actors = store.actors(frame=False)
    ids = {a["id"] for a in actors}
    assert {"isis", "nusra", "al-qaeda"} <= ids
    for r in store.claims(frame=False):
        for x in (r["a"], r["b"]):
            assert x in ids or x.startswith("new:"), x
    assert store.actors(id="isis", frame=False)[0]["english"]
    m = store.mentions(id="isis", frame=False)
    assert m and all(x["id"] == "isis" for x in m)


def test_read_only(db):
    before = digest(db)
    with alaqat.Store(db) as st:
        st.claims(frame=False)
        with pytest.raises(sqlite3.OperationalError):
            st.query("DELETE FROM claims")
    assert digest(db) == before


def test_not_a_store(tmp_path, db):
    with pytest.raises(alaqat.StoreError, match="no such store"):
        alaqat.Store(str(tmp_path / "missing.db"))
    other = str(tmp_path / "other.db")
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    with pytest.raises(alaqat.StoreError, match="not an alaqat store"):
        alaqat.Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(alaqat.StoreError, match="not an alaqat store"):
        alaqat.Store(str(junk))
    newer = str(tmp_path / "newer.db")
    shutil.copy(db, newer)
    c = sqlite3.connect(newer)
    c.execute("PRAGMA user_version = %d" % (alaqat.store.SCHEMA_VERSION + 1))
    c.commit()
    c.close()
    with pytest.raises(alaqat.StoreError, match="newer"):
        alaqat.Store(newer)
    with pytest.raises(alaqat.StoreError, match="PostgreSQL"):
        alaqat.Store("postgresql://u:secret@localhost/alaqat")


def test_closed(db):
    st = alaqat.Store(db)
    st.close()
    with pytest.raises(ValueError):
        st.claims(frame=False)


# ---- DataFrames ----------------------------------------------------------------

def test_claims_frame_equals_export_csv(store, db):
    pd = pytest.importorskip("pandas")
    df = store.claims()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == CSV_COLS
    for c in ("span_start", "span_end", "trigger_start", "trigger_end"):
        assert df[c].dtype == "int64"
    csv = pd.read_csv(io.BytesIO(run_cli("export", "--format", "csv", "--db", db)),
                      dtype=str, keep_default_na=False)
    assert list(csv.columns) == CSV_COLS
    mine = df.astype(object).where(df.notna(), "").astype(str)
    assert mine.values.tolist() == csv.values.tolist()


def test_frames_filters(store):
    pd = pytest.importorskip("pandas")
    df = store.claims()
    sub = store.claims(a="isis", type="alliance")
    want = df[(df["a"] == "isis") & (df["type"] == "alliance")].reset_index(drop=True)
    pd.testing.assert_frame_equal(sub, want)
    assert len(store.claims(a="no-such-actor")) == 0
    assert list(store.claims(a="no-such-actor").columns) == CSV_COLS
    docs = store.documents()
    assert len(docs) == len(os.listdir(SEEDS))
    assert docs["claims"].sum() == len(df)
    assert "text" not in docs.columns and "text" in store.documents(text=True).columns
    actors = store.actors()
    assert {"isis", "nusra"} <= set(actors["id"])
    assert list(actors.columns) == ["id", "type", "english", "arabic", "founded", "ended",
                                    "successor"]
    counts = df.groupby("type").size()
    assert counts.sum() == len(df)
