"""Prints the claims of a Parquet directory written by
examples/spark/extract.py as canonical JSON lines (keys sorted), sorted, so
tests/spark/test_spark.sh can compare them with a plain `alaqat extract`
run put through canon(). Run with a python that has pyspark:
  python check_parquet.py DIR/claims.parquet      (read and print)
  python check_parquet.py --canon < claims.jsonl  (the same form from JSON)"""
import json
import sys


def canon(d):
    return json.dumps(d, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def main():
    if sys.argv[1] == "--canon":
        rows = [canon(json.loads(l)) for l in sys.stdin.buffer.read().decode("utf-8").splitlines()]
    else:
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").appName("alaqat-check").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        rows = [canon(r.asDict(recursive=True)) for r in spark.read.parquet(sys.argv[1]).collect()]
        spark.stop()
    out = "".join(r + "\n" for r in sorted(rows))
    sys.stdout.buffer.write(out.encode("utf-8"))


if __name__ == "__main__":
    main()
