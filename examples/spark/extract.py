#!/usr/bin/env python3
"""Relation claims from a corpus with PySpark: documents are distributed
over the executors, each partition is piped through `alaqat extract
--stream`, and the claims are written as Parquet and JSON Lines (and
optionally stored with `alaqat add`).

Local (paths on this machine; `pip install pyspark`, Java 17):

    spark-submit --master 'local[2]' examples/spark/extract.py \\
        --alaqat build/release/alaqat --out /tmp/claims corpus/*.jsonl

On a cluster, ship the binary and the lexicons (docs/SCALE.md):

    spark-submit --master yarn --archives alaqat-bundle.tgz#alq \\
        examples/spark/extract.py --alaqat alq/alaqat --data alq/data \\
        --out hdfs:///claims/run1 'hdfs:///corpus/*.jsonl.gz'

Inputs: `*.jsonl`, `*.ndjson`, `*.json` (also `.gz`/`.bz2`, which Spark
decompresses) are read line by line, one document a line (`id`, `text`,
optional `date`, `title`, `url`; other field names with --id-field ...),
and repartitioned to --partitions. Any other input (WARC, `.warc.gz`, HTML,
text, a directory or glob of them) is read whole with `binaryFiles` and
given to `alaqat extract FILE` on an executor, one file at a time (its
documents are those `alaqat extract` finds in it: every page of a WARC).

Output in --out:
  claims.jsonl/   part files, the lines exactly as `alaqat extract` writes
                  them (so `cat claims.jsonl/part-* | sort` equals a sorted
                  plain run over the same inputs)
  claims.parquet/ the same claims as columns: doc, span (array), a, b, type,
                  polarity, modality, source, source_kind, when, where, via,
                  trigger (array), rule
With --db: the documents are also stored with `alaqat add --db DB` (which
extracts again, to store the texts, mentions and claims): one `add` per
partition in parallel for a PostgreSQL URI (`postgresql://...`), one `add`
over everything for an SQLite path (which must be on a disk the executors
share with the driver, e.g. local mode).

Exit status: 0 ok; 1 when an executor's alaqat failed outright (the job
fails); `alaqat` reporting bad documents (its exit 1) is not a failure: the
messages go to the executors' stderr logs and the other documents are kept.
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from urllib.parse import unquote, urlparse

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
COMPRESSED = (".gz", ".bz2")
FIELD_OPTS = ("id_field", "text_field", "title_field", "date_field", "url_field")


def is_jsonl(path):
    p = path.lower()
    for c in COMPRESSED:
        if p.endswith(c):
            p = p[: -len(c)]
    return p.endswith(JSONL_SUFFIXES)


# ---- executor side ---------------------------------------------------------

def resolve_tool(path):
    """The alaqat binary on this executor: an absolute path as given; a
    relative one in the working directory (YARN unpacks --archives and puts
    --files there) or in SparkFiles' root (standalone, Kubernetes); else a
    name on PATH. A copy without the execute bit (--files may drop it) is
    copied once to a temporary file and made executable."""
    cands = [path]
    if not os.path.isabs(path):
        try:
            from pyspark import SparkFiles
            cands.append(os.path.join(SparkFiles.getRootDirectory(), path))
        except Exception:
            pass
    for c in cands:
        if os.path.isfile(c):
            c = os.path.abspath(c)
            if os.access(c, os.X_OK):
                return c
            d = tempfile.mkdtemp(prefix="alaqat-bin-")
            x = os.path.join(d, os.path.basename(c))
            shutil.copy(c, x)
            os.chmod(x, os.stat(x).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return x
    found = shutil.which(path)
    if found:
        return found
    raise RuntimeError("alaqat binary %r not found on executor (cwd %s); ship it with "
                       "--files or --archives (docs/SCALE.md)" % (path, os.getcwd()))


def resolve_dir(path):
    if not path or os.path.isabs(path):
        return path
    cands = [path]
    try:
        from pyspark import SparkFiles
        cands.append(os.path.join(SparkFiles.getRootDirectory(), path))
    except Exception:
        pass
    for c in cands:
        if os.path.isdir(c):
            return os.path.abspath(c)
    raise RuntimeError("lexicon directory %r not found on executor (cwd %s)"
                       % (path, os.getcwd()))


def tool_env(conf):
    env = dict(os.environ)
    data = resolve_dir(conf.get("data")) or env.get("ALAQAT_DATA")
    if data:
        env["ALAQAT_DATA"] = data
    return env


def field_args(conf):
    args = []
    for f in FIELD_OPTS:
        if conf.get(f):
            args += ["--" + f.replace("_", "-"), conf[f]]
    return args


def run_filter(cmd, env, lines):
    """Runs cmd with the given text lines on stdin (fed by a thread, so a
    full stdout pipe never blocks the writer) and yields its stdout lines.
    Exit status 0 or 1 (some documents reported) is accepted."""
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    failure = []

    def feed():
        try:
            for line in lines:
                p.stdin.write(line.encode("utf-8"))
                p.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        except Exception as e:  # an error reading the input partition
            failure.append(e)
        finally:
            try:
                p.stdin.close()
            except BrokenPipeError:
                pass

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    for out in p.stdout:
        yield out.rstrip(b"\n").decode("utf-8", "surrogateescape")
    t.join()
    rc = p.wait()
    if failure:
        raise failure[0]
    if rc not in (0, 1):
        raise RuntimeError("%s exited with status %d" % (" ".join(cmd), rc))


def extract_partition(conf):
    """mapPartitions function: JSON lines (documents) in, claim lines out."""
    def f(lines):
        cmd = [resolve_tool(conf["alaqat"]), "extract", "--stream", "-q"] + field_args(conf)
        if conf.get("mentions"):
            cmd.append("--mentions")
        return run_filter(cmd, tool_env(conf), lines)
    return f


def with_local_copy(path, data, fn):
    """Writes a binaryFiles record to a temporary file named as the input
    (its name is the doc id of a text file) and calls fn(tmp_path)."""
    name = unquote(os.path.basename(urlparse(path).path)) or "input"
    d = tempfile.mkdtemp(prefix="alaqat-in-")
    try:
        tmp = os.path.join(d, name)
        with open(tmp, "wb") as out:
            out.write(data)
        return fn(tmp)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def extract_files(conf):
    """mapPartitions function over (path, bytes) records: `alaqat extract
    FILE` for each, claim lines out."""
    def f(records):
        tool, env = resolve_tool(conf["alaqat"]), tool_env(conf)
        for path, data in records:
            cmd = [tool, "extract", "-q"] + field_args(conf)
            if conf.get("mentions"):
                cmd.append("--mentions")

            def run(tmp):
                p = subprocess.run(cmd + [tmp], stdout=subprocess.PIPE, env=env)
                if p.returncode not in (0, 1):
                    raise RuntimeError("alaqat extract %s exited with status %d"
                                       % (path, p.returncode))
                return p.stdout.decode("utf-8", "surrogateescape").splitlines()
            for line in with_local_copy(path, data, run):
                yield line
    return f


def add_partition(conf):
    """foreachPartition function: stores the partition's JSON lines with
    `alaqat add --db DB --jsonl -`."""
    def f(lines):
        cmd = [resolve_tool(conf["alaqat"]), "add", "-q", "--db", conf["db"], "--jsonl",
               "-"] + field_args(conf)
        for _ in run_filter(cmd, tool_env(conf), lines):
            pass
    return f


def add_files(conf):
    def f(records):
        tool, env = resolve_tool(conf["alaqat"]), tool_env(conf)
        for path, data in records:
            cmd = [tool, "add", "-q", "--db", conf["db"]] + field_args(conf)

            def run(tmp):
                p = subprocess.run(cmd + [tmp], env=env)
                if p.returncode not in (0, 1):
                    raise RuntimeError("alaqat add %s exited with status %d"
                                       % (path, p.returncode))
            with_local_copy(path, data, run)
    return f


# ---- driver side -----------------------------------------------------------

def claim_schema():
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType
    s = lambda n: StructField(n, StringType(), True)  # noqa: E731
    span = lambda n: StructField(n, ArrayType(LongType()), True)  # noqa: E731
    return StructType([s("doc"), span("span"), s("a"), s("b"), s("type"), s("polarity"),
                       s("modality"), s("source"), s("source_kind"), s("when"), s("where"),
                       s("via"), span("trigger"), s("rule")])


def mention_schema():
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType
    return StructType([StructField("doc", StringType()),
                       StructField("span", ArrayType(LongType())),
                       StructField("text", StringType()), StructField("id", StringType()),
                       StructField("type", StringType())])


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="JSONL files, WARC/HTML/text files, directories or globs "
                         "(any Hadoop path: file:, hdfs:, s3a:)")
    ap.add_argument("--out", required=True, help="output directory (claims.jsonl/, "
                    "claims.parquet/); must not exist unless --overwrite")
    ap.add_argument("--alaqat", default=os.environ.get("ALAQAT", "alaqat"),
                    help="the alaqat binary as seen by the executors: a path, a name "
                         "on PATH, or a name shipped with --files/--archives "
                         "(default $ALAQAT, else alaqat)")
    ap.add_argument("--data", default=None,
                    help="lexicon directory on the executors (sets ALAQAT_DATA; a "
                         "relative path is looked up where --archives unpacks)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="repartition the JSONL documents to N partitions "
                         "(default: Spark's default parallelism)")
    ap.add_argument("--mentions", action="store_true",
                    help="entity mentions instead of claims (mentions.jsonl/, "
                         "mentions.parquet/)")
    ap.add_argument("--db", default=None,
                    help="also store the documents with `alaqat add --db DB` "
                         "(postgresql://... in parallel, or an SQLite path)")
    ap.add_argument("--no-parquet", action="store_true", help="JSON Lines only")
    ap.add_argument("--overwrite", action="store_true", help="replace --out")
    ap.add_argument("--master", default=None,
                    help="Spark master when run with plain python (spark-submit's "
                         "--master wins)")
    for f in FIELD_OPTS:
        ap.add_argument("--" + f.replace("_", "-"), dest=f, default=None, metavar="NAME",
                        help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("alaqat-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    conf = {"alaqat": args.alaqat, "data": args.data, "mentions": args.mentions}
    for f in FIELD_OPTS:
        conf[f] = getattr(args, f)
    db = args.db
    if db and not db.startswith(("postgresql://", "postgres://")):
        db = os.path.abspath(db)
    conf["db"] = db

    def local(p):  # a bare local path as a file: URI (so relative paths work)
        return p if urlparse(p).scheme else "file://" + os.path.abspath(p)
    jsonl = [local(p) for p in args.inputs if is_jsonl(p)]
    files = [local(p) for p in args.inputs if not is_jsonl(p)]
    parts = args.partitions or sc.defaultParallelism

    docs = None
    outs = []
    if jsonl:
        docs = sc.textFile(",".join(jsonl), minPartitions=parts)
        if args.partitions:
            docs = docs.repartition(parts)
        outs.append(docs.mapPartitions(extract_partition(conf)))
    raw = None
    if files:
        raw = sc.binaryFiles(",".join(files), minPartitions=parts)
        outs.append(raw.mapPartitions(extract_files(conf)))
    lines = outs[0] if len(outs) == 1 else sc.union(outs)
    lines = lines.persist(StorageLevel.MEMORY_AND_DISK)

    kind = "mentions" if args.mentions else "claims"
    mode = "overwrite" if args.overwrite else "errorifexists"
    out = args.out.rstrip("/")
    text_df = spark.createDataFrame(lines.map(lambda l: (l,)), "value string")
    text_df.write.mode(mode).text("%s/%s.jsonl" % (out, kind))
    n = lines.count()
    if not args.no_parquet:
        schema = mention_schema() if args.mentions else claim_schema()
        df = spark.read.schema(schema).option("mode", "FAILFAST").json(lines)
        df.write.mode(mode).parquet("%s/%s.parquet" % (out, kind))
    print("alaqat-spark: %d %s written to %s (%s.jsonl, %s)" % (
        n, kind, out, kind, "no parquet" if args.no_parquet else kind + ".parquet"),
        file=sys.stderr)

    if db:
        pg = db.startswith(("postgresql://", "postgres://"))
        if docs is not None:
            d = docs if pg else docs.coalesce(1)
            d.foreachPartition(add_partition(conf))
        if raw is not None:
            r = raw if pg else raw.coalesce(1)
            r.foreachPartition(add_files(conf))
        print("alaqat-spark: documents stored with alaqat add in %s"
              % (db.split("@")[-1] if pg else db), file=sys.stderr)
    lines.unpersist()
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
