"""Analysis cost and ingest throughput against a bare spaCy parse of the same texts, in one run.

    python bench/analysis.py [--corpus FILE.jsonl] [--slice N] [--workers 0] [--chunk 64] [--only parse,analyze,ingest,start]
    python bench/analysis.py --fictional [--kb 320] [--seed 7]

Texts: ECB+ dev (../shared/datasets/ecbplus-dev/articles.jsonl) when present, else fictional
reports from the generator below (wire, tabloid, translated, live-blog sentences: quotes, reported
speech, 'according to', numbers and dates). In one process, one after the other (1 and 2 alternating over chunks of
``--chunk`` reports, each clock summed over its chunks, so that a shared machine's drifting speed falls on both):

1. **bare**: ``spacy.load(model).pipe`` over the texts, single process, the model loaded before the
   clock starts (every component the model enables, as the analysis runs them);
2. **analyze**: ``crosscheck.analyze.analyze`` (parse + entities + claims + quantities + times +
   lemmas), single process: its ratio to bare is the analysis' own cost (goal <= 1.3);
3. **ingest x1**: a full ``Pipeline.ingest`` (read, clean, analyse, embed, stories, syndication,
   entity linking, corroboration, SQLite writes) into a fresh store with ``Settings.workers=1``;
4. **ingest xN**: the same with one worker per core (``--workers``; 0 = one per core); the workers'
   start (spawn, import, model load) is inside the clock, as for the CLI.

Prints reports/s and words/s of each, the ratios (issue 14's goal: full ingest with all cores >= 1.5x
the bare single-process parse rate on 2 cores), the CPU seconds of the main process and of the workers
per report in units of the bare parse's CPU per report, the rate that CPU allows at best (every core
busy, perfect overlap: wall >= max(total CPU / cores, main-process CPU)), and, per ingest, where the wall
and the main process' CPU go (waiting for the analysis, embedding leads, submitting, index assignment
and writes; the end of the run: entity linking, claim embeddings, corroboration; reading and cleaning).
The machine may be shared: compare CPU and ratios of one run. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import spacy

from crosscheck.analyze import analyze
from crosscheck.config import Settings
from crosscheck.model import Document

ECB_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "ecbplus-dev" / "articles.jsonl"

FIRST = "Marta Jonas Ilse Pavel Amara Tomas Lena Oleh Sara Mats Hiroshi Ines Rafael Dara Petra Ivo".split()
LAST = "Halloran Varga Lindqvist Becker Ostrander Marchenko Okafor Brandt Kowalczyk Tanaka Duarte Reis Berg Lund Kral Moura".split()
TITLES = ["Finance Minister", "Mayor", "Police Chief", "Governor", "Defence Minister", "Senator", "Health official", "Coach"]
PLACES = "Tallinn Kassel Lisbon Bonn Gdansk Tampere Porto Leeds Brno Split Varna Malmo".split()
ORGS = ["the Meteorological Office", "the statistics office", "the central bank", "the transit authority",
        "the port authority", "the fire brigade", "the health ministry", "Nordic Wire"]
THINGS = "workers soldiers houses streets families ferries buses schools patients flights".split()
MONTHS = "January February March April May June July August September October November December".split()
TEMPLATES = [
    "{title} {name} said on {day} that {n} {thing} had been affected in {place}.",
    "\"We have no plans to close the {thing2} this year,\" said {name}, a spokeswoman for {org}.",
    "According to {org}, about {n} {thing} could be moved to {place} by {month}.",
    "The talks, according to two diplomats familiar with the matter, broke down over the {thing2} question.",
    "{last} noted that {org} had hired {n} new {thing} since {month} {d}.",
    "Prices will keep rising through the summer, {org} warned in a statement.",
    "He added that the {thing2} in {place} would reopen on {month} {d}.",
    "As the agency reports, according to a senior official in {place}, the deal might be signed next week.",
    "More than {n} {thing} were evacuated from {place} on {day}, officials said.",
    "\"The situation is stable. But we remain careful,\" {title} {name} told reporters.",
    "{org_cap} has reportedly spent {n} million euros on new {thing} since {year}.",
    "The {thing2} in {place} was closed for {n2} days after the storm.",
    "Witnesses told local media that they heard {n2} explosions shortly after midnight.",
    "Live updates: {org} says the blaze at the warehouse in {place} is now under control.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def make_reports(kb: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    docs, total, i = [], 0, 0
    while total < kb * 1024:
        paras = []
        for _ in range(rng.randint(6, 14)):
            tpl = rng.choice(TEMPLATES)
            org = rng.choice(ORGS)
            paras.append(tpl.format(
                title=rng.choice(TITLES), name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", last=rng.choice(LAST),
                day=rng.choice(DAYS), n=f"{rng.randint(2, 40) * 50:,}", n2=rng.randint(2, 9),
                thing=rng.choice(THINGS), thing2=rng.choice(THINGS).rstrip("s"), place=rng.choice(PLACES),
                org=org, org_cap=org[0].upper() + org[1:], month=rng.choice(MONTHS), d=rng.randint(1, 28),
                year=rng.randint(2015, 2024)))
        text = "\n\n".join(paras)
        docs.append(Document(id=f"b{i}", source=f"bench/{i}", fmt="txt", text=text, language="en",
                             published="2024-10-18"))
        total += len(text.encode("utf-8"))
        i += 1
    return docs


def load_corpus(path: Path, limit: int | None) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit and i >= limit:
                break
            rec = json.loads(line)
            docs.append(Document(id=f"b{i}", source=rec.get("url") or rec.get("id") or f"bench/{i}", fmt="jsonl",
                                 text=rec["text"], title=rec.get("title"), url=rec.get("url"),
                                 published=rec.get("published"), outlet=rec.get("outlet"), language="en"))
    return docs


def _write_jsonl(docs: list[Document], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            rec = {"id": d.source, "text": d.text, "title": d.title, "published": d.published, "outlet": d.outlet}
            fh.write(json.dumps({k: v for k, v in rec.items() if v}) + "\n")


class Timers:
    """Wall and CPU time (of this process) inside a few Pipeline methods (nested ones are subtracted)."""

    NAMES = ("_start_batch", "_write_batch", "_analyse", "_embed", "_finish", "link_entities", "corroborate_dirty",
             "_claim_vectors_for", "_batch_claim_vectors")

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def install(self, cls) -> None:
        for name in self.NAMES:
            real = getattr(cls, name)

            def timed(*a, _real=real, _name=name, **k):
                t, c = time.perf_counter(), time.process_time()
                try:
                    return _real(*a, **k)
                finally:
                    self.spent[_name] += time.perf_counter() - t
                    self.cpu[_name] += time.process_time() - c
            setattr(cls, name, timed)

    def report(self, total: float, cpu_total: float) -> str:
        lines = []
        for what, s, tot in (("wall", self.spent, total), ("main-process cpu", self.cpu, cpu_total)):
            parts = [("waiting for analysis", s["_analyse"]), ("embedding leads", s["_embed"]),
                     ("submitting", s["_start_batch"] - s["_embed"]),
                     ("assigning and writing", s["_write_batch"] - s["_analyse"] - s["_batch_claim_vectors"]),
                     ("entity linking", s["link_entities"]),
                     ("claim embeddings (at the batches + at the end)", s["_claim_vectors_for"]),
                     ("corroboration", s["corroborate_dirty"] - (s["_claim_vectors_for"] - s["_batch_claim_vectors"])),
                     ("rest of run end", s["_finish"] - s["link_entities"] - s["corroborate_dirty"]),
                     ("reading, cleaning, other", tot - s["_start_batch"] - s["_write_batch"] - s["_finish"])]
            lines.append(f"  {what}: " + "  ".join(f"{k} {v:.1f}s ({100 * v / max(tot, 1e-9):.0f}%)" for k, v in parts))
        return "\n".join(lines)


def ingest(src: Path, workers: int, folder: Path) -> tuple[float, float, float, int, str]:
    """(wall s, cpu s of this process, cpu s of the workers, reports stored, where the time went)."""
    import resource

    from crosscheck import pipeline
    from crosscheck import workers as pool
    from crosscheck.store import open_store

    timers = Timers()
    saved = {n: getattr(pipeline.Pipeline, n) for n in Timers.NAMES}
    timers.install(pipeline.Pipeline)
    try:
        store = open_store(folder / f"ingest-{workers}.db")
        k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0, c0 = time.perf_counter(), time.process_time()
        result = pipeline.Pipeline(store, Settings(workers=workers)).ingest([str(src)])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        pool.shutdown()  # the workers are reaped (by the fork server, stopped and reaped here with them):
        pool.stop_server()  # their CPU time and the server's preload are counted below
        k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        store.close()
    finally:
        for n, f in saved.items():
            setattr(pipeline.Pipeline, n, f)
    kids = (k1.ru_utime + k1.ru_stime) - (k0.ru_utime + k0.ru_stime)
    return wall, cpu, kids, len(result.new), timers.report(wall, cpu)


def pool_start(method: str, size: int, doc: Document) -> tuple[float, float]:
    """(wall s, CPU s of the children) to start a pool of ``size`` workers by ``method`` ('spawn', or the
    workers' own fork server with its preload) and have each prepare one short report, then stop it."""
    import multiprocessing
    import resource

    from crosscheck import workers as pool

    settings = Settings(workers=size)
    saved = pool._context
    if method == "spawn":
        pool._context = lambda model: multiprocessing.get_context("spawn")
    try:
        k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        executor = pool._pool(size, settings)
        for fut in [executor.submit(pool._run_chunk, [doc], settings) for _ in range(size)]:
            fut.result()
        wall = time.perf_counter() - t0
        pool.shutdown()
        pool.stop_server()
        k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        pool._context = saved
    return wall, (k1.ru_utime + k1.ru_stime) - (k0.ru_utime + k0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ECB_DEV)
    ap.add_argument("--slice", type=int, default=None, help="first N reports of the corpus")
    ap.add_argument("--fictional", action="store_true", help="the fictional generator even when ECB+ dev is present")
    ap.add_argument("--kb", type=int, default=320, help="fictional text to generate")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=0, help="workers of the parallel ingest (0: one per core)")
    ap.add_argument("--only", default="parse,analyze,ingest", help="which measurements: parse,analyze,ingest,start")
    ap.add_argument("--chunk", type=int, default=64, help="reports a chunk: the bare parse and analyze() alternate "
                    "over chunks of this size (0: one run of each over the whole corpus)")
    ap.add_argument("--runs", default="", help="worker counts of the ingests, e.g. 2 (default: 1 and --workers)")
    args = ap.parse_args()
    only = set(args.only.split(","))
    settings = Settings()
    if args.corpus.is_file() and not args.fictional:
        docs, name = load_corpus(args.corpus, args.slice), args.corpus.parent.name
    else:
        docs, name = make_reports(args.kb, args.seed), "fictional"
    texts = [d.text for d in docs]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus {name}: reports {len(docs)}  text {size / 1024:.0f} KB  words {words}")

    from crosscheck import workers as pool
    from crosscheck.embed import get_embedder

    bare = spacy.load(settings.spacy_model)
    print(f"model {settings.spacy_model}: components {bare.pipe_names} (disabled: {bare.disabled})")
    list(bare.pipe(texts[:4], batch_size=settings.nlp_batch_size))  # warm-up
    analyze(docs[:4], settings)  # warm-up: loads the pipeline and the tables once
    embedder = get_embedder(settings.embedder)
    if embedder is not None:
        embedder.embed(["warm-up"])

    runs = [int(x) for x in args.runs.split(",") if x.strip()]
    # bare parse and analyze() alternate over chunks of the corpus, each clock summed over its chunks: on a shared
    # machine whose speed drifts by 10-20% within a minute, one long run of each compared two different machines
    chunk = args.chunk if args.chunk > 0 else len(docs)
    t_bare = c_bare = t_full = c_full = 0.0
    results = []
    for lo in range(0, len(docs), chunk):
        if "parse" in only:
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in bare.pipe(texts[lo:lo + chunk], batch_size=settings.nlp_batch_size):
                pass
            t_bare, c_bare = t_bare + time.perf_counter() - t0, c_bare + time.process_time() - c0
        if "analyze" in only:
            t0, c0 = time.perf_counter(), time.process_time()
            results += analyze(docs[lo:lo + chunk], settings)
            t_full, c_full = t_full + time.perf_counter() - t0, c_full + time.process_time() - c0
    if "parse" in only:
        print(f"bare nlp.pipe      {t_bare:7.2f} s  {len(docs) / t_bare:6.2f} reports/s  {words / t_bare:7.0f} words/s"
              f"   cpu {c_bare:6.2f} s")
    if "analyze" in only:
        claims = sum(len(a.claims) for a in results)
        ents = sum(len(a.entities) for a in results)
        print(f"analyze()          {t_full:7.2f} s  {len(docs) / t_full:6.2f} reports/s  {words / t_full:7.0f} words/s"
              f"   cpu {c_full:6.2f} s  ({claims} claims, {ents} entities)")
        if t_bare:
            print(f"  ratio analyze/bare  {t_full / t_bare:.2f} wall, {c_full / c_bare:.2f} cpu  (goal <= 1.30; "
                  f"{-(-len(docs) // chunk)} alternating chunks of {chunk} reports)")
    if "start" in only:
        n = pool.pool_size(Settings(workers=args.workers))
        doc = Document(id="start", source="start", fmt="text", language="en",
                       text="The council said on Monday that the bridge would close for 14 days.")
        got = {m: pool_start(m, n, doc) for m in ("spawn", "forkserver", "spawn", "forkserver")}  # second of each
        print(f"pool start, {n} workers, one short report each: spawn {got['spawn'][0]:.2f} s wall, "
              f"{got['spawn'][1]:.2f} s CPU; fork server (preloaded) {got['forkserver'][0]:.2f} s wall, "
              f"{got['forkserver'][1]:.2f} s CPU ({got['forkserver'][1] / max(got['spawn'][1], 1e-9):.2f}x)")
    if "ingest" in only:
        n = pool.pool_size(Settings(workers=args.workers))
        with tempfile.TemporaryDirectory(prefix="bench-analysis-") as tmp:
            src = Path(tmp) / "corpus.jsonl"
            _write_jsonl(docs, src)
            for w in runs or (1, n):
                wall, cpu, kids, new, where = ingest(src, w, Path(tmp))
                line = (f"full ingest x{w}     {wall:7.2f} s  {new / wall:6.2f} reports/s  {words / wall:7.0f} words/s"
                        f"   cpu {cpu:6.2f} s + workers {kids:6.2f} s")
                if t_bare:
                    line += f"   rate vs bare parse {t_bare / wall:.2f}x"
                print(line)
                if c_bare:
                    unit = c_bare / len(docs)
                    print(f"  cpu per report (in bare-parse units, {1000 * unit:.0f} ms): main {cpu / len(docs) / unit:.2f}"
                          f"  workers {kids / len(docs) / unit:.2f}  total {(cpu + kids) / len(docs) / unit:.2f}"
                          f"  -> on {w} core(s) with perfect overlap at most {1 / max((cpu + kids) / c_bare / w, cpu / c_bare, 1e-9):.2f}x"
                          f" the bare parse rate")
                print(where)
        if t_bare:
            print(f"  goal: full ingest with all cores >= 1.5x the bare single-process parse rate ({n} cores here)")


if __name__ == "__main__":
    sys.exit(main())
