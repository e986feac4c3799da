"""Story clustering quality on ECB+ with the real stages, fast enough to compare variants.

Reads, cleans and analyses the ECB+ articles once (cached as a pickle under /tmp, never in the
repository), then runs the pipeline's story path on the cached features:

- incremental: ``StoryIndex.assign`` in file order, one ``finalize`` per ingest run (as the pipeline);
- shuffled: reports in random order, ingested as several runs of 20 reports, before and after a
  batch ``recluster``;
- batch: ``recluster`` of everything at once.

Prints BCubed precision / recall / F1 (the scorer's own ``bcubed``); asserts nothing.

    .venv/bin/python bench/stories_quality.py [--rebuild] [--seeds 3] [--errors] [--set embedder=none]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "datasets" / "ecbplus-dev"
CACHE = Path(os.environ.get("STORIES_QUALITY_CACHE", "/tmp/crosscheck-stories-quality.pkl"))


def _scorer():
    spec = importlib.util.spec_from_file_location("ccscore", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(rebuild: bool = False):
    """(gold key per document id, documents, analyses) with the real read/clean/analyze stages."""
    if CACHE.exists() and not rebuild:
        with CACHE.open("rb") as fh:
            return pickle.load(fh)
    from crosscheck.analyze import analyze
    from crosscheck.clean import clean
    from crosscheck.config import Settings
    from crosscheck.model import ReadFailure
    from crosscheck.readers import read_sources

    settings = Settings()
    docs = []
    for raw in read_sources([str(DATA / "articles.jsonl")]):
        if not isinstance(raw, ReadFailure):
            docs.append(clean(raw, settings))
    analyses = []
    for i in range(0, len(docs), settings.batch_size):
        analyses += analyze(docs[i: i + settings.batch_size], settings)
    data = (docs, analyses)
    with CACHE.open("wb") as fh:
        pickle.dump(data, fh)
    return data


def gold_labels(docs):
    gold = json.loads((DATA / "gold.json").read_text())
    key_of = {}
    for d in docs:
        src = str(d.source)
        for key in gold["documents"]:
            if src == key or src.endswith("/" + key) or src.endswith("#" + key) or os.path.basename(src) == key:
                key_of[d.id] = key
    if len(key_of) < len(docs):  # jsonl sources name the record id after the file
        for d in docs:
            for key in gold["documents"]:
                if str(d.source).endswith(key):
                    key_of[d.id] = key
    return gold["stories"], key_of


def run_incremental(features, runs, settings):
    """The pipeline's path: assign each report of each run, then finalize the run."""
    from crosscheck.stories import StoryIndex

    index = StoryIndex(settings)
    before = None
    for run in runs:
        for f in run:
            index.assign(f)
        before = {d: s.id for s in index.stories() for d in s.documents}
        index.finalize()
    return before, {d: s.id for s in index.stories() for d in s.documents}


def run_batch(features, settings):
    from crosscheck.stories import recluster

    res = recluster(features, {}, settings)
    return {a.document: a.story for a in res.assignments}


def score(gold_stories, key_of, labels, bcubed):
    sys_label = {key_of[d]: s for d, s in labels.items() if d in key_of}
    return bcubed(gold_stories, sys_label)


def errors(gold_stories, key_of, labels, features_by_doc):
    """Which gold events are split and which system stories mix events."""
    gold_of = {k: i for i, c in enumerate(gold_stories) for k in c}
    by_sys = defaultdict(list)
    for d, s in labels.items():
        if d in key_of:
            by_sys[s].append(key_of[d])
    print("-- system stories mixing gold events:")
    for s, keys in sorted(by_sys.items(), key=lambda kv: -len(kv[1])):
        mix = Counter(gold_of[k] for k in keys)
        if len(mix) > 1:
            print(f"  {len(keys):3d} docs: " + ", ".join(f"g{g}({gold_stories[g][0].split(':')[1]})x{n}"
                                                    for g, n in mix.most_common()))
    print("-- gold events split:")
    sys_of = {key_of[d]: s for d, s in labels.items() if d in key_of}
    for i, c in enumerate(gold_stories):
        parts = Counter(sys_of.get(k) for k in c)
        if len(parts) > 1:
            print(f"  g{i} ({c[0].split(':')[1]}, {len(c)} docs) -> " + " ".join(str(n) for _, n in parts.most_common()))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--rebuild", action="store_true", help="read, clean and analyse again")
    ap.add_argument("--seeds", type=int, default=3, help="shuffled orders to try")
    ap.add_argument("--errors", action="store_true", help="print merged and split gold events (file order)")
    ap.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                    help="override a Settings field, e.g. --set story_threshold=0.2")
    args = ap.parse_args(argv)
    from crosscheck.config import Settings
    from crosscheck.stories import story_features

    t0 = time.perf_counter()
    docs, analyses = load(args.rebuild)
    t1 = time.perf_counter()
    overrides = {}
    for item in args.set:
        name, value = item.split("=", 1)
        overrides[name] = type(getattr(Settings(), name))(value)
    settings = Settings(**overrides)
    features = [story_features(d, a) for d, a in zip(docs, analyses)]
    if settings.embedder != "none":  # title + lead embeddings, as the pipeline stores them
        import dataclasses

        from crosscheck.embed import get_embedder, lead_text, pack

        matrix = get_embedder(settings.embedder).embed([lead_text(d.title, d.text) for d in docs])
        features = [dataclasses.replace(f, embedding=pack(v)) for f, v in zip(features, matrix)]
    t2 = time.perf_counter()
    gold_stories, key_of = gold_labels(docs)
    bcubed = _scorer().bcubed
    dated = sum(1 for f in features if f.published)
    print(f"{len(docs)} reports ({len(key_of)} in gold, {dated} with a publication date); "
          f"load {t1 - t0:.1f}s, features {t2 - t1:.1f}s")

    def fmt(r):
        return f"P {r[0]:.3f} R {r[1]:.3f} F1 {r[2]:.3f}"

    batches = [features[i: i + settings.batch_size] for i in range(0, len(features), settings.batch_size)]
    _, file_order = run_incremental(features, [features], settings)
    print(f"incremental, file order, one run : {fmt(score(gold_stories, key_of, file_order, bcubed))}")
    batch = run_batch(features, settings)
    print(f"batch recluster                  : {fmt(score(gold_stories, key_of, batch, bcubed))}")
    f1s_before, f1s_after, f1s_one = [], [], []
    for seed in range(args.seeds):
        order = features[:]
        random.Random(seed).shuffle(order)
        _, one = run_incremental(order, [order], settings)
        f1s_one.append(score(gold_stories, key_of, one, bcubed)[2])
        runs = [order[i: i + 20] for i in range(0, len(order), 20)]
        _, after_runs = run_incremental(order, runs, settings)
        f1s_before.append(score(gold_stories, key_of, after_runs, bcubed)[2])
        rec = run_batch(order, settings)
        f1s_after.append(score(gold_stories, key_of, rec, bcubed)[2])
    if args.seeds:
        def stat(xs):
            return f"mean {sum(xs) / len(xs):.3f} min {min(xs):.3f}"
        print(f"shuffled, one run                : F1 {stat(f1s_one)}")
        print(f"shuffled, runs of 20             : F1 {stat(f1s_before)}")
        print(f"shuffled, runs of 20 + recluster : F1 {stat(f1s_after)}")
    if args.errors:
        errors(gold_stories, key_of, file_order, {f.document: f for f in features})
    return 0


if __name__ == "__main__":
    sys.exit(main())
