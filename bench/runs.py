"""Does the story grouping depend on how the input was split into ingest runs? (issue 11, defect 10)

ECB+ dev read, cleaned and analysed once (the cache of bench/stories_quality.py), then the pipeline's
story path in the pipeline's order: per run, ``StoryIndex.assign`` per report, then ``finalize``, over
a persistent index (a StoryLookup that keeps what each run's ``changes()`` wrote, as the store does
since schema 6); ``--rebuild``: the index rebuilt in memory from the stored assignments between runs
(the pipeline before schema 6).
The reports are split in file order into 1, 5 and 20 runs. Prints BCubed F1 per split and the spread;
asserts nothing. ``--cli`` runs the real CLI instead (minutes: 535 reports analysed per split).

    .venv/bin/python bench/runs.py [--splits 1 5 20] [--cli | --rebuild]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories_quality as sq  # noqa: E402


def split(items: list, n: int) -> list[list]:
    size = -(-len(items) // n)
    return [items[i: i + size] for i in range(0, len(items), size)]


def persistent_runs(features: list, runs: int, settings) -> dict[str, str]:
    """The pipeline's story path: a fresh StoryIndex per run over the index the earlier runs stored."""
    from crosscheck.stories import StoryIndex
    from crosscheck.stories.lookup import MemoryStoryLookup

    kept = MemoryStoryLookup()
    for part in split(features, runs):
        index = StoryIndex(settings, kept)
        for f in part:
            index.assign(f)
        index.finalize()
        kept.apply(index.changes(), index.placed(), part)
    return dict(kept.of)


def library_runs(features: list, runs: int, settings) -> dict[str, str]:
    """The story path before schema 6: a fresh StoryIndex per run loaded from the last run's assignments."""
    from crosscheck.stories import StoryIndex

    stored: dict[str, str] = {}
    by_doc = {f.document: f for f in features}
    for part in split(features, runs):
        index = StoryIndex(settings)
        for d, sid in stored.items():
            index.add(by_doc[d], sid)
        for f in part:
            index.assign(f)
        index.finalize()
        stored = {d: s.id for s in index.stories() for d in s.documents}
    return stored


def cli_runs(runs: int) -> dict[str, str]:
    """The real CLI over the ECB+ file cut into ``runs`` JSONL files; (source -> story) from the export."""
    lines = (sq.DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "runs.db"
        for i, part in enumerate(split(lines, runs)):
            f = Path(tmp) / f"part{i:02d}.jsonl"
            f.write_text("\n".join(part) + "\n", encoding="utf-8")
            subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", str(db), "ingest", str(f)],
                           check=True, env=env, capture_output=True)
        out = subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", str(db), "export", "--format", "json"],
                             check=True, env=env, capture_output=True, text=True).stdout
    data = json.loads(out)
    source = {d["id"]: d["source"] for d in data["documents"]}
    return {source[d]: s["id"] for s in data["stories"] for d in s["documents"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", type=int, nargs="+", default=[1, 5, 20])
    ap.add_argument("--cli", action="store_true", help="the real CLI per split (slow)")
    ap.add_argument("--rebuild", action="store_true", help="the index rebuilt in memory per run (before schema 6)")
    args = ap.parse_args(argv)
    from crosscheck.config import Settings
    from crosscheck.stories import story_features

    settings = Settings()
    t0 = time.perf_counter()
    docs, analyses = sq.load()
    features = [story_features(d, a) for d, a in zip(docs, analyses)]
    gold_stories, key_of = sq.gold_labels(docs)
    bcubed = sq._scorer().bcubed
    print(f"{len(docs)} ECB+ dev reports ({len(key_of)} in gold); load {time.perf_counter() - t0:.1f}s")
    f1s = []
    for n in args.splits:
        t = time.perf_counter()
        if args.cli:
            by_source = cli_runs(n)
            labels = {d.id: by_source[d.source] for d in docs if d.source in by_source}
        elif args.rebuild:
            labels = library_runs(features, n, settings)
        else:
            labels = persistent_runs(features, n, settings)
        p, r, f1 = sq.score(gold_stories, key_of, labels, bcubed)
        f1s.append(f1)
        print(f"{n:3d} run(s): P {p:.3f} R {r:.3f} F1 {f1:.3f}  ({len(set(labels.values()))} stories, "
              f"{time.perf_counter() - t:.1f}s)")
    print(f"spread of F1 over the splits: {max(f1s) - min(f1s):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
