"""Tests of the Python binding (python/alaqat) against the CLI of the same
Release build. Run by python/run-tests.sh (CTest: python/binding), which sets
ALAQAT_LIB and ALAQAT_CLI; runnable by hand as
  ALAQAT_LIB=build/release/libalaqat.so ALAQAT_CLI=build/release/alaqat \
  PYTHONPATH=python python3 -m pytest tests/python"""

import json
import os
import shutil
import subprocess
import sys
import threading

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("ALQ_SHARED", os.path.normpath(os.path.join(SRC, "..", "shared")))
SEEDS = os.path.join(SHARED, "seeds")
SEED = os.path.join(SEEDS, "004_b9e23872a078d78b.txt")
ARTICLES = os.path.join(SHARED, "data", "arabic-news-armed-groups", "articles.jsonl")
CLI = os.environ.get("ALAQAT_CLI") or os.path.join(SRC, "build", "release", "alaqat")

sys.path.insert(0, os.path.join(SRC, "python"))
import alaqat  # noqa: E402

CLAIM_FIELDS = ["doc", "span", "a", "b", "type", "polarity", "modality", "source",
                "source_kind", "when", "where", "via", "trigger", "rule"]


def cli_lines(*args):
    if not os.access(CLI, os.X_OK):
        pytest.skip("no alaqat CLI at %s" % CLI)
    p = subprocess.run([CLI, "extract", "-q", *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    assert p.returncode in (0, 1), p.stderr
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines()]


def read(path):
    with open(path, "rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def ex():
    with alaqat.Extractor() as e:
        yield e


def test_library_loads():
    assert alaqat.version()
    assert alaqat.library_path()


def test_seed_claims_equal_cli():
    text = read(SEED).decode("utf-8")
    got = alaqat.extract(text, doc_id="004_b9e23872a078d78b")
    want = cli_lines(SEED)
    assert want, "the CLI found no claim in the seed"
    assert got == want
    for c in got:
        assert list(c) == CLAIM_FIELDS


@pytest.mark.parametrize("name", sorted(os.listdir(SEEDS)) if os.path.isdir(SEEDS) else [])
def test_every_seed_claims_and_mentions_equal_cli(ex, name):
    path = os.path.join(SEEDS, name)
    doc = os.path.splitext(name)[0]
    data = read(path)
    assert ex.extract(data, doc_id=doc) == cli_lines(path)
    assert ex.mentions(data, doc_id=doc) == cli_lines("--mentions", path)


def test_jsonl_records_with_date_and_title_equal_cli(ex, tmp_path):
    if not os.path.exists(ARTICLES):
        pytest.skip("no articles corpus")
    recs = []
    with open(ARTICLES, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("date") and r.get("title"):
                recs.append(r)
            if len(recs) == 40:
                break
    p = tmp_path / "few.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                 encoding="utf-8")
    got = []
    for r in recs:
        got += ex.extract(r["text"], doc_id=r["id"], date=r["date"], title=r["title"])
    assert got == cli_lines(str(p))


def test_mention_offsets_are_utf8_bytes(ex):
    # A non-BMP character (4 bytes, 1 str index) and Latin text before the
    # Arabic, so byte and str offsets differ in every way.
    text = "\U0001F4F0 Breaking — " + read(SEED).decode("utf-8")
    ms = ex.mentions(text)
    assert ms
    b = text.encode("utf-8")
    idx = alaqat.ByteIndex(text)
    for m in ms:
        s, e = m["span"]
        assert b[s:e].decode("utf-8") == m["text"]
        assert alaqat.span_text(text, m["span"]) == m["text"]
        i, j = alaqat.str_span(text, m["span"])
        assert text[i:j] == m["text"]
        assert idx.span(m["span"]) == (i, j)
        assert idx.to_bytes(i) == s and idx.to_bytes(j) == e
    for c in ex.extract(text):
        i, j = idx.span(c["span"])
        assert text[i:j].encode("utf-8") == b[c["span"][0]:c["span"][1]]


def test_shifted_text_shifts_spans(ex):
    text = read(SEED).decode("utf-8")
    pre = "ـــ\n"  # tatweel line: chrome-free, 7 bytes
    base = ex.mentions(text)
    shifted = ex.mentions(pre + text)
    k = len(pre.encode("utf-8"))
    assert [(m["span"][0] + k, m["span"][1] + k, m["id"]) for m in base] == \
           [(m["span"][0], m["span"][1], m["id"]) for m in shifted]


def test_invalid_utf8_is_an_issue_not_an_exception(ex):
    data = read(SEED)
    bad = data[:10] + b"\xff" + data[10:]
    r = ex.run(bad, doc_id="bad")
    assert any(i["offset"] == 10 for i in r.issues), r.issues
    assert r.claims  # extraction went on around the bad byte


def test_bad_data_dir_raises_with_message():
    missing = "/nonexistent/alaqat-data"
    with pytest.raises(alaqat.AlaqatError) as e:
        alaqat.Extractor(data_dir=missing)
    assert missing in str(e.value)
    assert e.value.code < 0
    with pytest.raises(alaqat.AlaqatError):
        alaqat.extract("نص", data_dir=missing)


def test_bad_lexicon_line_names_file_and_line(tmp_path):
    data = os.path.join(SRC, "data")
    for n in os.listdir(data):
        if n.endswith(".tsv"):
            (tmp_path / n).write_bytes(read(os.path.join(data, n)))
    with open(tmp_path / "relations.tsv", "ab") as f:
        f.write(b"this line\thas\tno\tmeaning\tat\tall\textra\tcolumns\n")
    try:
        alaqat.Extractor(data_dir=str(tmp_path)).close()
    except alaqat.AlaqatError as e:
        assert "relations.tsv" in str(e) and e.file and e.file.endswith("relations.tsv")
    # (a lexicon format that tolerates the line is fine too: no crash)


def test_type_errors_and_closed_extractor():
    e = alaqat.Extractor()
    with pytest.raises(TypeError):
        e.extract(12)
    e.close()
    e.close()  # twice is fine
    with pytest.raises(ValueError):
        e.extract("نص")


def test_empty_text(ex):
    r = ex.run("", doc_id="empty")
    assert r.claims == [] and r.mentions == []


def test_result_has_date_and_title(ex):
    r = ex.run(read(SEED), doc_id="x", date="2015-07-01")
    assert r.date == "2015-07-01"
    assert r.title is None or (0 <= r.title[0] < r.title[1])


def test_threads_with_own_extractors_agree():
    data = read(SEED)
    want = alaqat.extract(data)
    out = [None] * 4

    def work(k):
        with alaqat.Extractor() as e:
            out[k] = [e.extract(data) for _ in range(5)]

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for o in out:
        assert o == [want] * 5


PIP_PROBE = ("import importlib.util as u, setuptools as s;"
             "v = tuple(int(x) for x in s.__version__.split('.')[:2]);"
             "assert u.find_spec('pip') and (u.find_spec('wheel') or v >= (70, 1))")


def pip_python(cwd):
    """An interpreter that can build a pure wheel offline: setuptools, pip
    and wheel (Debian: python3-setuptools python3-pip python3-wheel)."""
    for py in (sys.executable, "/usr/bin/python3"):
        if py and os.path.exists(py):
            # (pip and setuptools in one process trip setuptools' distutils
            # check, hence find_spec for pip)
            r = subprocess.run([py, "-c", PIP_PROBE], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=cwd, check=False)
            if r.returncode == 0:
                return py
    return None


def test_pip_install_offline(tmp_path):
    """`pip install ./python` needs no download and no compiler."""
    py = pip_python(str(tmp_path))
    if py is None:
        pytest.skip("no python3 with pip, setuptools and wheel (apt-get install "
                    "python3-pip python3-setuptools python3-wheel)")
    target = tmp_path / "site"
    src = tmp_path / "src"  # a copy: the build writes egg-info and build/ next to it
    shutil.copytree(os.path.join(SRC, "python"), str(src),
                    ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    p = subprocess.run([py, "-m", "pip", "install", "--quiet", "--no-index",
                        "--no-build-isolation", "--no-deps", "--target", str(target),
                        str(src)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=dict(os.environ, PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1"),
                       cwd=str(tmp_path), check=False)
    assert p.returncode == 0, p.stdout.decode("utf-8", "replace")
    code = ("import alaqat, sys; assert alaqat.__file__.startswith(sys.argv[1]), alaqat.__file__;"
            "print(len(alaqat.extract(open(sys.argv[2], encoding='utf-8').read())))")
    env = dict(os.environ, PYTHONPATH=str(target))
    if env.get("ALAQAT_LIB"):
        env["ALAQAT_LIB"] = os.path.abspath(env["ALAQAT_LIB"])
    q = subprocess.run([py, "-c", code, str(target), SEED], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=env, cwd=str(tmp_path), check=False)
    assert q.returncode == 0, q.stdout.decode("utf-8", "replace")
    assert int(q.stdout) == len(alaqat.extract(read(SEED)))
