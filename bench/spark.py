"""crosscheck on Spark against the single-machine pipeline on ECB+ dev (topics 1-25): story BCubed F1 of
both, syndication groups, verdicts of the stories both build alike, and the time of each. Prints figures;
asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/spark.py [--master local[2]] [--topics 1 2 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from crosscheck.stories.quality import bcubed_f1

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEV = ROOT / ".." / "shared" / "datasets" / "ecbplus-dev"


def main() -> None:
    from crosscheck import open_store
    from crosscheck.pipeline import Pipeline
    from crosscheck.spark import load, run, session

    ap = argparse.ArgumentParser()
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--topics", nargs="*", default=None, help="ECB+ dev topics (default: all, 1-25)")
    args = ap.parse_args()
    lines = [ln for ln in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    if args.topics:
        lines = [ln for ln in lines if json.loads(ln)["id"].split(":")[1].split("_")[0] in set(args.topics)]
    gold_stories = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))["stories"]
    gold = {d: i for i, s in enumerate(gold_stories) for d in s}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "dev.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        spark = session(args.master)
        t1 = time.perf_counter()
        stats = run(spark, [str(src)], str(tmp / "tables"), progress=lambda m: print("  spark", m, flush=True))
        t2 = time.perf_counter()
        spark.stop()
        on_spark = open_store(tmp / "spark.db")
        load(tmp / "tables", on_spark)
        t3 = time.perf_counter()
        single = open_store(tmp / "single.db")
        Pipeline(single).ingest([str(src)])
        t4 = time.perf_counter()
        ext = {d.id: d.source for d in single.documents()}
        f = {name: bcubed_f1({ext[d]: s for d, s in st.story_of().items()}, gold)
             for name, st in (("spark", on_spark), ("single", single))}
        parts = {name: {frozenset(s.documents) for s in st.stories()} for name, st in (("spark", on_spark), ("single", single))}
        groups = {name: {frozenset(g.documents) for g in st.syndication_groups()}
                  for name, st in (("spark", on_spark), ("single", single))}
        same = parts["spark"] & parts["single"]

        def verdicts(st):
            docs = {s.id: frozenset(s.documents) for s in st.stories()}
            return Counter((docs[fi.story], c.text, c.status) for fi in st.all_findings() for c in fi.claims
                           if docs.get(fi.story) in same)

        vs, vm = verdicts(on_spark), verdicts(single)
        print(f"reports {len(lines)}; Spark {args.master}: session {t1 - t0:.1f} s, job {t2 - t1:.1f} s, "
              f"load {t3 - t2:.1f} s; single machine ingest {t4 - t3:.1f} s")
        print(f"story BCubed F1: spark {f['spark']:.3f}, single machine {f['single']:.3f}; stories "
              f"{len(parts['spark'])} / {len(parts['single'])}, identical {len(same)}")
        print(f"syndication groups: spark {len(groups['spark'])}, single {len(groups['single'])}, "
              f"identical {len(groups['spark'] & groups['single'])}")
        print(f"verdicts in identical stories: {sum((vs & vm).values())} of {sum(vm.values())} (single) agree")
        print("spark counts:", {k: v for k, v in stats.items() if k not in ("failures", "seconds")})


if __name__ == "__main__":
    main()
