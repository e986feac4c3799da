"""Entry point for ``spark-submit`` (and ``python -m crosscheck.spark``):

    spark-submit --master spark://HOST:7077 .../crosscheck/spark/__main__.py ingest INPUT... --out DIR
    python -m crosscheck.spark load DIR --db STORE

``ingest`` keeps the master spark-submit configured (``--master`` here overrides it; without either,
local[*]).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

if __name__ == "__main__" and not __package__:  # run as a file (spark-submit): this folder's modules
    here = os.path.dirname(os.path.abspath(__file__))  # (stories, tables, graph ...) must not shadow others
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]


def main(argv: list[str] | None = None) -> int:
    from crosscheck.errors import CrosscheckError

    parser = argparse.ArgumentParser(prog="crosscheck.spark", description="crosscheck on Apache Spark")
    sub = parser.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="inputs -> Parquet tables")
    ing.add_argument("inputs", nargs="+", help="files or folders (any path Spark reads: file://, hdfs://, s3a://)")
    ing.add_argument("--out", required=True, help="output folder for the Parquet tables")
    ing.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    ing.add_argument("--partitions", type=int, default=None, help="shuffle partitions")
    ld = sub.add_parser("load", help="Parquet tables -> a crosscheck store")
    ld.add_argument("folder")
    ld.add_argument("--db", required=True, help="a new SQLite store")
    args = parser.parse_args(argv)
    try:
        if args.command == "ingest":
            from crosscheck.spark.job import run, session

            spark = session(args.master, args.partitions)
            try:
                stats = run(spark, args.inputs, args.out, progress=lambda m: print(m, file=sys.stderr))
            finally:
                spark.stop()
        else:
            from crosscheck.spark.loader import load
            from crosscheck.store import open_store

            store = open_store(args.db)
            try:
                stats = load(args.folder, store)
            finally:
                store.close()
    except CrosscheckError as exc:
        print(f"crosscheck.spark: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(stats, default=list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
