"""Cost of the everyday commands as the store grows: 1k, 10k (100k on request) reports.

    python bench/scale.py [--sizes 1000,10000] [--corpus FILE.jsonl] [--rebuild] [--workers 2] [--run N] [--build-only]
                          [--build-workers 2]

Per store size it prints the wall time, the CPU time (user + system, with its workers) and the peak RSS (the largest process of the command: the CLI,
or one of its workers) of:

- ``crosscheck ingest`` of 1 new report, and of 20 new reports (each on a fresh copy of the store);
- ``crosscheck stories`` and ``crosscheck export --format json -o FILE``;
- the web's first and warm view of a story page and of the list (``/``), right after the 1-report
  ingest (so whatever the web caches is cold), in one fresh process through FastAPI's TestClient,
  like ``crosscheck serve --get``; the app is made (templates compiled, as ``serve`` does at start), one
  static file and one page of a story that is not there (404) are fetched before the clock starts, so "first"
  is the first view of that page, not the process's first request nor the first call of the app's routes.

Every command runs in a child process of its own (peak RSS from ``getrusage(RUSAGE_CHILDREN)`` of a
fresh wrapper process). The machine may be shared: compare sizes within one run.

**The reports.** Base texts are ECB+ dev (../shared/datasets/ecbplus-dev, 535 English reports of
~50 events; the bench's own fictional generator when absent). Copy ``c`` of base ``b`` is base ``b``
with every word of four letters or more that is not a stop word, a month or weekday name, or in at
least 15% of the base texts (everyday news wording: 'said', 'police', 'according') or an attribution
cue verb (data/attribution_cues_en.json, with its regular forms) passed through a per-copy permutation of the corpus vocabulary
among words of the *same length* (case kept); its years moved 28 c years on (the weekdays of the Gregorian
calendar repeat every 28 years, so 'Friday, March 6, 2009' stays a true date) and the digits 1-9 of its other
numbers permuted (0 kept: '2 million' and '2,000,000' stay one figure; a day next to a month name and clock
times kept), the quantities' values and the times' values of its derived analysis changed alike. So every copy
is new text (names, places, content words, figures and dates change; sentence structure, quotes and cue
verbs like 'said' stay) and every character offset stays valid. One permutation per copy for all bases: the
bases of one ECB+ event stay one event within a copy and become a new event in each copy, so stories keep
ECB+'s sizes instead of growing with the store. Before copier version 3 the copies kept their base's
figures and dates, which are rare story keys, so the copies of many events joined one story: stories grew
with the store (~19 reports a story at 10k, ~76 at 40k) and the bench measured story size as much as store
size. Now the 1k store has 105 stories, the largest 23 reports, 10 stories of 2 reports holding both copies; at
5k, 24 stories span copies (the largest 14 reports: small events told mostly in everyday wording). A store of size N holds the first N (copy, base) pairs, copy by
copy, leaving out 20 held-back bases spread over the corpus; the measured new reports are copy 0 of
those 20 (the real ECB+ texts: they join their events' existing stories at every size).

**The fast build.** Analysing 100k reports takes hours on 2 cores, so the builder analyses each base
text once (with the worker pool) and derives copy ``c``'s Analysis by passing every text field of the
base's Analysis (entity names and aliases, mention, quantity, time and claim texts, speakers, cues,
lemmas) through the same permutation: offsets are unchanged because every word keeps its length.
The title + lead embedding of a copy is its base's (the embedder is only consulted across languages,
and the corpus is English), and so are its claims' embeddings (``claims-*.json``: each base's claims embedded
once; a copy's claims are its base's with the words permuted, keys kept): embedding every copy's claims was
~60% of a build run's CPU, a per-report cost that the measured ingests (the real CLI) still pay. Everything else is the real pipeline: the reports go through
``Pipeline.ingest_reports`` (cleaning, identity, story features, fingerprints, story and
syndication assignment, every store write and index, entity linking, corroboration of every story).
The build ingests in runs of ``--run`` reports (1,000), as a store grows: one run of 9,000 reports
spent over 15 minutes (on a loaded machine) in its end-of-run re-optimisation of every touched story.
A copy whose cleaned text is not the permuted cleaned base (cleaning read it differently) is analysed
for real; their number is printed. Built stores are cached under bench/.cache/ (git-ignored), each
size grown from the cached smaller one; each run's wall and CPU time is printed. An interrupted build
resumes from its ``.building`` file (its reports are a prefix of the copy order; the interrupted run's
dirty stories and pending entity links are finished by the next run, its end-of-run re-optimisation is not
redone). ``--build-only`` builds (grows) the stores and measures nothing.

**What a build run costs.** Copies of one base keep the sentences made only of kept words (quotes with
'said', figures, dates), so syndication groups span copies and every new copy pulls old reports into them.
Corroboration reads a story's groups only as which of its reports are copies of one another, so a story
is corroborated again only when that changed (before: every story of a report whose group id changed, 190
of the 315 stories a 300-report run corroborated at 10k). With that and the alignment's groups looked up
by their terms, growing the 10k store by runs of 2,000 costs ~110 ms CPU a report (243 ms before), about
a third each in the batches (story and syndication assignment, writes), the end-of-run re-optimisation
and corroboration, so a 100k store is ~3 hours of one core: built here up to the size printed in README.
``--build-workers 2`` corroborates in a pool of 2 processes while the writer derives, assigns and writes
(the pipeline's own pool, the analysis kept in the writer): the writer's CPU halves (300 reports at 10k: 26 s
against 51 s), so on 2 idle cores a build runs at about the writer's rate.

Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
ECB_DEV = ROOT.parent / "shared" / "datasets" / "ecbplus-dev" / "articles.jsonl"
HELD_OUT = 20  # bases kept out of every store: the measured new reports
COMMON_SHARE = 0.15  # a word in this share of the bases is everyday news wording ('said', 'police'): kept
COPIER_VERSION = 3  # part of the cache key: a store built by another copier is not reused
WORD = re.compile(r"[A-Za-z]+")
DIGITS = re.compile(r"\d+")
CALENDAR = set("january february march april may june july august september october november december monday "
               "tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|" \
          "september|october|november|december"
MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.I)  # 'September 14'
MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.I)  # '14 September', '14th of May'
YEARS = (1800, 2100)  # a 4-digit number in this range, standing alone, is a year
YEAR_STEP = 28  # years a copy moves its dates on: the Gregorian weekdays repeat every 28 years (1901-2099)


# -- the corpus and its copies -----------------------------------------------------------------------
def load_bases(path: Path) -> list[dict]:
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            return [{"title": r.get("title"), "text": r["text"]} for r in map(json.loads, fh)]
    sys.path.insert(0, str(ROOT / "bench"))
    from analysis import make_reports

    return [{"title": None, "text": d.text} for d in make_reports(900, 7)]


class Copier:
    """Copy ``c`` of a text: words of 4+ letters outside the keep list permuted among same-length words, years
    moved 28 c years on (the calendar repeats every 28 years, so weekdays stay right), other numbers' digits
    1-9 permuted (0 kept, so '2 million' and 2,000,000 stay one figure); day numbers next to a month name and
    clock times are kept."""

    def __init__(self, bases: list[dict]):
        from spacy.lang.en.stop_words import STOP_WORDS

        words = [{w.lower() for w in WORD.findall(f"{b['title'] or ''}\n{b['text']}")} for b in bases]
        counts = Counter(w for ws in words for w in ws)  # in how many bases a word occurs
        common = {w for w, n in counts.items() if n >= COMMON_SHARE * len(bases)}
        self.keep = {w for w in counts if len(w) < 4 or w in STOP_WORDS or w in CALENDAR or w in common
                     or w in _cue_words()}
        by_len: dict[int, list[str]] = {}
        for w in sorted(counts):
            if w not in self.keep:
                by_len.setdefault(len(w), []).append(w)
        self.by_len = by_len
        self.rank = {w: i for ws in by_len.values() for i, w in enumerate(ws)}
        self._maps: dict[int, dict[str, str]] = {}
        self._digits: dict[int, dict[str, str]] = {}

    def mapping(self, copy: int) -> dict[str, str]:
        if copy not in self._maps:
            m: dict[str, str] = {}
            if copy:
                rng = random.Random(f"copy-{copy}")
                for words in self.by_len.values():
                    shuffled = words[:]
                    rng.shuffle(shuffled)
                    m.update(zip(words, shuffled))
            self._maps[copy] = m
        return self._maps[copy]

    def digit_map(self, copy: int) -> dict[str, str]:
        if copy not in self._digits:
            digits = list("123456789")
            shuffled = digits[:]
            if copy:
                random.Random(f"digits-{copy}").shuffle(shuffled)
            self._digits[copy] = dict(zip(digits, shuffled), **{"0": "0"})
        return self._digits[copy]

    def text(self, s: str | None, copy: int) -> str | None:
        if not s or not copy:
            return s
        m = self.mapping(copy)

        def one(match: re.Match) -> str:
            w = match.group(0)
            new = m.get(w.lower())
            if new is None:
                return w
            if w.isupper() and len(w) > 1:
                return new.upper()
            return new.capitalize() if w[0].isupper() else new

        def number(match: re.Match) -> str:
            d, a, b = match.group(0), match.start(), match.end()
            before, after = s[max(0, a - 12):a], s[b:b + 12]
            if len(d) == 4 and YEARS[0] <= int(d) <= YEARS[1] and not re.search(r"[\d.,]$", before) \
                    and not re.match(r"[.,]\d", after):
                return self.year(int(d), copy)
            if len(d) <= 2 and (MONTH_BEFORE.search(before) or MONTH_AFTER.match(after)) \
                    or before.endswith(":") or after.startswith(":"):
                return d  # a day of a month, a clock time
            return self.digits(d, copy)
        return DIGITS.sub(number, WORD.sub(one, s))

    def year(self, year: int, copy: int) -> str:
        return str(year + YEAR_STEP * copy)

    def digits(self, d: str, copy: int) -> str:
        m = self.digit_map(copy)
        return "".join(m.get(ch, ch) for ch in d)

    def number(self, value, text: str, copy: int):
        """A quantity's value as copy ``copy`` states it: digits mapped as in its text (a value written in words
        is kept)."""
        if value is None or not copy or not any(ch.isdigit() for ch in text) or not isinstance(value, (int, float)):
            return value
        form = str(int(value)) if float(value).is_integer() else repr(float(value))
        if "e" in form:
            return value
        new = self.digits(form, copy)
        return int(new) if isinstance(value, int) else float(new)

    def time_value(self, value: str | None, copy: int) -> str | None:
        """A TimeML value's leading year moved as the text's years are ('2008-09-14', '2008-W37')."""
        if not value or not copy:
            return value
        m = re.match(r"(\d{4})(?!\d)", value)
        if m and YEARS[0] <= int(m.group(1)) <= YEARS[1]:
            return self.year(int(m.group(1)), copy) + value[4:]
        return value


def _cue_words() -> set[str]:
    """The attribution cue verbs (data/attribution_cues_en.json) and their regular forms: kept, so a copy's
    claims keep their cues ('says', 'announced')."""
    data = json.loads((ROOT / "src" / "crosscheck" / "data" / "attribution_cues_en.json").read_text(encoding="utf-8"))
    out: set[str] = set()
    for value in data.values():
        for lemma in value if isinstance(value, list) else ():
            for w in WORD.findall(str(lemma).lower()):
                stem = w[:-1] if w.endswith("e") else w
                out |= {w, w + "s", w + "es", w + "d", w + "ed", stem + "ed", stem + "ing", w[:-1] + "ies"}
    return out


def url_of(copy: int, base: int) -> str:
    return f"https://scale.example/c{copy}/b{base}"


def parse_url(url: str | None) -> tuple[int, int] | None:
    m = re.fullmatch(r"https://scale\.example/c(\d+)/b(\d+)", url or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def held_out(n_bases: int) -> list[int]:
    return [round(i * n_bases / HELD_OUT) + n_bases // (2 * HELD_OUT) for i in range(HELD_OUT)]


def pairs(n_bases: int):
    """(copy, base) pairs of the stores, copy by copy, held-back bases left out."""
    hold = set(held_out(n_bases))
    copy = 0
    while True:
        for b in range(n_bases):
            if b not in hold:
                yield copy, b
        copy += 1


def raw_report(copier: Copier, bases: list[dict], copy: int, base: int):
    from crosscheck.model import RawReport

    b = bases[base]
    return RawReport(source=url_of(copy, base), fmt="jsonl", url=url_of(copy, base), language="en",
                     title=copier.text(b["title"], copy), text=copier.text(b["text"], copy))


# -- the fast build ----------------------------------------------------------------------------------
def vary_analysis(a, copier: Copier, copy: int, doc_id: str):
    t = lambda s: copier.text(s, copy)  # noqa: E731
    r = dataclasses.replace
    return r(a, document=doc_id,
             entities=tuple(r(e, name=t(e.name), aliases=tuple(map(t, e.aliases))) for e in a.entities),
             mentions=tuple(r(m, text=t(m.text)) for m in a.mentions),
             quantities=tuple(r(q, text=t(q.text), of=t(q.of), value=copier.number(q.value, q.text, copy),
                              low=copier.number(q.low, q.text, copy), high=copier.number(q.high, q.text, copy))
                              for q in a.quantities),
             times=tuple(r(x, text=t(x.text), value=copier.time_value(x.value, copy),
                           anchor=copier.time_value(x.anchor, copy)) for x in a.times),
             claims=tuple(r(c, text=t(c.text), speaker_text=t(c.speaker_text), cue=t(c.cue),
                            hedges=tuple(map(t, c.hedges)), chain=tuple(map(t, c.chain))) for c in a.claims),
             lemmas=tuple(map(t, a.lemmas)))


class BaseAnalyses:
    """Each base's cleaned text, Analysis and lead embedding, computed once (cached on disk)."""

    def __init__(self, bases: list[dict], key: str):
        from crosscheck import workers
        from crosscheck.clean import clean
        from crosscheck.config import Settings
        from crosscheck.embed import get_embedder, lead_text, pack
        from crosscheck.model import Analysis, RawReport
        from crosscheck.store import codec

        path = CACHE / f"bases-{key}.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            print(f"analysing {len(bases)} base texts once (cached in {path.relative_to(ROOT)})", flush=True)
            docs = [clean(RawReport(source=url_of(0, i), fmt="jsonl", url=url_of(0, i), language="en",
                                    title=b["title"], text=b["text"])) for i, b in enumerate(bases)]
            settings = Settings(workers=0, workers_min_reports=2)
            prepared = []
            for s in range(0, len(docs), 64):
                prepared += workers.start(docs[s:s + 64], settings).results()
            workers.shutdown()
            emb = get_embedder(settings.embedder)
            vecs = [pack(v) for v in emb.embed([lead_text(d.title, d.text) for d in docs])] if emb else [""] * len(docs)
            data = [{"text": d.text, "analysis": codec.dumps(p.analysis) if p.analysis else None, "lead": v}
                    for d, p, v in zip(docs, prepared, vecs)]
            CACHE.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
        self.text = [d["text"] for d in data]
        self.analysis = [codec.loads(Analysis, d["analysis"]) if d["analysis"] else None for d in data]
        self.lead = [d["lead"] for d in data]
        self.claims = self._claim_vectors(key, settings_embedder())

    def _claim_vectors(self, key: str, name: str) -> list[dict[str, str]]:
        """Each base's {claim key: packed embedding} of its claims as the pipeline embeds them (the text under
        the claim's span), computed once (cached on disk)."""
        from crosscheck.embed import get_embedder, pack

        path = CACHE / f"claims-{key}-{name}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
        emb = get_embedder(name)
        if emb is None:
            return [{} for _ in self.text]
        print(f"embedding the claims of {len(self.text)} base texts once (cached in {path.relative_to(ROOT)})",
              flush=True)
        todo = [(i, c) for i, a in enumerate(self.analysis) if a is not None for c in a.claims]
        matrix = emb.embed([self.text[i][c.start:c.end] or c.text for i, c in todo])
        out: list[dict[str, str]] = [{} for _ in self.text]
        for (i, c), v in zip(todo, matrix):
            out[i][c.key] = pack(v)
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out), encoding="utf-8")
        return out


def settings_embedder() -> str:
    from crosscheck.config import Settings

    return Settings().embedder


def build(size: int, bases: list[dict], copier: Copier, base: BaseAnalyses, key: str, rebuild: bool,
          run_size: int = 1000, build_workers: int = 1) -> Path:
    """The cached store of ``size`` reports, grown from the largest cached smaller one."""
    import itertools

    from crosscheck import analyze as analyze_mod
    from crosscheck import pipeline
    from crosscheck.config import Settings
    from crosscheck.store import open_store

    target = CACHE / f"store-{key}-{size}.db"
    if target.is_file() and not rebuild:
        return target
    smaller = sorted((int(p.stem.rsplit("-", 1)[1]), p) for p in CACHE.glob(f"store-{key}-*.db")
                     if int(p.stem.rsplit("-", 1)[1]) < size)
    start = 0
    tmp = target.with_suffix(".building")
    if tmp.exists() and not rebuild:  # an interrupted build resumes: its reports are a prefix of pairs()
        with sqlite3.connect(f"file:{tmp}?mode=ro", uri=True) as conn:
            start = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        print(f"resuming the build of {size} at {start} reports ({tmp.name})", flush=True)
    elif smaller and not rebuild:
        start, src = smaller[-1]
        shutil.copyfile(src, tmp)
    else:
        for side in ("", "-wal", "-shm", "-lock"):
            Path(str(tmp) + side).unlink(missing_ok=True)
    real_analyze = analyze_mod.analyze
    stats = {"derived": 0, "real": 0, "claim vectors derived": 0}

    def fast_analyze(docs, settings=None):
        out = []
        for d in docs:
            cb = parse_url(d.url)
            a = base.analysis[cb[1]] if cb else None
            if cb and a is not None and d.text == copier.text(base.text[cb[1]], cb[0]):
                out.append(vary_analysis(a, copier, cb[0], d.id))
                stats["derived"] += 1
            else:
                out.append(real_analyze([d], settings)[0])
                stats["real"] += 1
        return out

    def fast_embed(self, docs):
        return {d.id: base.lead[parse_url(d.url)[1]] for d in docs if parse_url(d.url) and base.lead[parse_url(d.url)[1]]}

    def fast_claim_vectors(self, stories, languages, raw):
        """Pipeline._claim_vectors_for with each copy's claim vectors taken from its base (the claims of a copy
        are its base's, keys kept, words permuted), like the lead embedding; other reports embedded for real."""
        from crosscheck.embed import get_embedder
        from crosscheck.model import ClaimVectors
        from crosscheck.store import codec

        embedder = get_embedder(self.settings.embedder)
        if embedder is None:
            return
        derived, other = [], []
        for story, doc in self._claim_vectors_wanted(stories, languages, raw, embedder.name):
            cb = parse_url(doc.url)
            analysis = self.store.analysis(doc.id)
            vecs = base.claims[cb[1]] if cb else None
            if vecs is not None and analysis is not None and all(c.key in vecs for c in analysis.claims):
                derived.append(ClaimVectors(document=doc.id, model=embedder.name, content_hash=doc.content_hash,
                                            vectors=tuple((c.key, vecs[c.key]) for c in analysis.claims)))
            else:
                other.append(story)
        with self.store.transaction():
            for cv in derived:
                raw[cv.document] = codec.dumps(cv)
                self.store.put_feature(cv.document, "claim_vectors", raw[cv.document])
        stats["claim vectors derived"] += len(derived)
        if other:
            saved_claims(self, other, languages, raw)

    saved_embed, saved_claims = pipeline.Pipeline._embed, pipeline.Pipeline._claim_vectors_for
    analyze_mod.analyze, pipeline.Pipeline._embed = fast_analyze, fast_embed
    pipeline.Pipeline._claim_vectors_for = fast_claim_vectors
    from crosscheck import workers

    saved_start = workers.start
    settings = Settings(workers=build_workers)
    if build_workers > 1:  # the analyses are derived here (fast_analyze); the pool corroborates the dirty stories
        workers.start = lambda docs, s: workers.Job(docs, s, 1)
        workers._pool(build_workers, settings)
    t0 = time.perf_counter()
    try:
        store = open_store(tmp)
        todo = list(itertools.islice(pairs(len(bases)), start, size))
        last = [time.perf_counter()]

        def progress(event: str, source: str) -> None:
            if event == "stage" and time.perf_counter() - last[0] > 30:
                last[0] = time.perf_counter()
                print(f"  building {size}: {source} ({time.perf_counter() - t0:.0f} s)", flush=True)
        new = failed = 0
        for s in range(0, len(todo), run_size):  # runs, as a store grows: each run's end re-optimises its neighbourhood
            reports = (raw_report(copier, bases, c, b) for c, b in todo[s:s + run_size])
            w, c = time.perf_counter(), time.process_time()
            result = pipeline.Pipeline(store, settings, progress).ingest_reports(reports)
            new, failed = new + len(result.new), failed + len(result.failed)
            n = min(run_size, len(todo) - s)
            cpu = time.process_time() - c
            who = "CPU" if build_workers <= 1 else "writer CPU (workers not counted)"
            print(f"  run {start + s:>6}-{start + s + n:<6} {time.perf_counter() - w:7.1f} s wall {cpu:7.1f} s {who} "
                  f"({1000 * cpu / n:.0f} ms per report)", flush=True)
        store.close()
    finally:
        analyze_mod.analyze, pipeline.Pipeline._embed = real_analyze, saved_embed
        pipeline.Pipeline._claim_vectors_for = saved_claims
        workers.start = saved_start
        workers.shutdown()
    print(f"built {size} reports from {start} in {time.perf_counter() - t0:.0f} s: {new} new, "
          f"{failed} failed; analyses derived {stats['derived']}, analysed for real {stats['real']}; claim vectors "
          f"derived for {stats['claim vectors derived']} reports",
          flush=True)
    for side in ("-wal", "-shm", "-lock"):
        Path(str(tmp) + side).unlink(missing_ok=True)
    tmp.rename(target)
    return target


# -- the measurements ---------------------------------------------------------------------------------
WRAP = """import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], capture_output=True, text=True)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
rss, cpu = ru.ru_maxrss / 1024, ru.ru_utime + ru.ru_stime
json.dump({"wall": wall, "cpu": cpu, "rss": rss, "rc": p.returncode, "out": p.stdout[-4000:], "err": p.stderr[-2000:]},
          open(sys.argv[1], "w"))
"""

WEB = """import json, sys, time
from fastapi.testclient import TestClient
from crosscheck.store import open_store
from crosscheck.web.app import create_app
store = open_store(sys.argv[1], readonly=True)
client = TestClient(create_app(store), base_url="http://127.0.0.1:8000")
client.get("/static/style.css")  # the process's first request (client and middleware start), as a running server has served
# and a page of the app's routes (a story that is not there: 404), as it has too: the first call of a route pays
# ~25-40 ms once per process (routing, the thread pool's start), not the measured story's or list's reads
assert client.get("/stories/no-such-story-warm-up").status_code == 404
out = {}
for name, path in (("story", "/stories/" + sys.argv[2]), ("list", "/")):
    for view in ("first", "warm"):
        t = time.perf_counter()
        r = client.get(path)
        out[f"{name} {view}"] = (time.perf_counter() - t, r.status_code)
print(json.dumps(out))
"""


def run(cmd: list[str], env: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        path = fh.name
    try:
        subprocess.run([sys.executable, "-c", WRAP, path, *cmd], env=env, check=True)
        return json.loads(Path(path).read_text())
    finally:
        os.unlink(path)


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "crosscheck.cli", "--db", str(db), *args]


def measure(size: int, store: Path, new_file_1: Path, new_file_20: Path, workers: str, env: dict, tmp: Path) -> None:
    def fresh(name: str) -> Path:
        db = tmp / f"{name}-{size}.db"
        for side in ("", "-wal", "-shm"):
            Path(str(db) + side).unlink(missing_ok=True)
        shutil.copyfile(store, db)
        os.sync()  # the copy's dirty pages written out before the clock (not the measured command's writeback)
        return db

    def show(what: str, r: dict) -> None:
        flag = "" if r["rc"] == 0 else f"  (exit {r['rc']}: {r['err'].strip().splitlines()[-1:]})"
        print(f"  {what:<26} {r['wall']:8.2f} s wall {r['cpu']:8.2f} s CPU   peak RSS {r['rss']:7.0f} MB{flag}",
              flush=True)

    extra = ["--workers", workers] if workers else []
    one = fresh("one")
    show("ingest 1 new report", run(cli(one, "ingest", *extra, str(new_file_1)), env))
    twenty = fresh("twenty")
    show("ingest 20 new reports", run(cli(twenty, "ingest", *extra, str(new_file_20)), env))
    for side in ("", "-wal", "-shm", "-lock"):  # (a third copy of a 6 GB store pushes the others out of the page cache)
        Path(str(twenty) + side).unlink(missing_ok=True)
    show("stories", run(cli(one, "stories"), env))
    show("export (json)", run(cli(one, "export", "--format", "json", "-o", str(tmp / "export.json")), env))
    sid = _biggest_story(one)
    r = run([sys.executable, "-c", WEB, str(one), sid], env)
    if r["rc"] != 0:
        print(f"  web views failed: {r['err'].strip().splitlines()[-1:]}")
        return
    views = json.loads(r["out"].strip().splitlines()[-1])
    print("  web (after the ingest): " + "  ".join(f"{k} {v[0] * 1000:.0f} ms" + ("" if v[1] == 200 else f" [{v[1]}]")
                                                 for k, v in views.items()) + f"   peak RSS {r['rss']:.0f} MB",
          flush=True)


def _biggest_story(db: Path) -> str:
    from crosscheck.store import open_store

    store = open_store(db, readonly=True)
    try:
        return Counter(store.story_of().values()).most_common(1)[0][0]
    finally:
        store.close()


def migrate(path: Path) -> None:
    """Bring a cached store to this code's schema once, so that no measured command pays the migration."""
    from crosscheck.store import open_store
    from crosscheck.store.migrations import SCHEMA_VERSION

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()  # (a connection left open keeps the migration below in the WAL: see checkpoint)
    if version < SCHEMA_VERSION:
        t0 = time.perf_counter()
        open_store(path).close()
        print(f"  migrated the cached store from schema {version} to {SCHEMA_VERSION} in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
    checkpoint(path)


def checkpoint(path: Path) -> None:
    """Move everything in the store's WAL into its file: the measured copies are of the file alone, and a copy
    without the WAL's pages is an older store (before this fix the 1k copies were measured at the schema before
    the migration, and their 'ingest 1' paid it)."""
    conn = sqlite3.connect(path)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if busy:
        raise SystemExit(f"{path}: cannot checkpoint its WAL (another process has the store open)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="store sizes, e.g. 1000,10000,100000")
    ap.add_argument("--corpus", type=Path, default=ECB_DEV)
    ap.add_argument("--rebuild", action="store_true", help="build the stores again (not from bench/.cache)")
    ap.add_argument("--run", type=int, default=1000, help="reports per ingest run while building (as a store grows)")
    ap.add_argument("--workers", default="", help="--workers for the measured ingests (default: the CLI's)")
    ap.add_argument("--build-only", action="store_true", help="build (or grow) the stores, measure nothing")
    ap.add_argument("--build-workers", type=int, default=1,
                    help="processes corroborating the stories while building (the analyses are derived in the writer)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    bases = load_bases(args.corpus)
    key = hashlib.sha256(json.dumps(bases).encode()).hexdigest()[:10]
    base = BaseAnalyses(bases, key)  # the analysis of the base texts does not depend on the copier
    key = f"{key}-v{COPIER_VERSION}"
    copier = Copier(bases)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmpdir:
        tmp = Path(tmpdir)
        news = [bases[b] | {"url": url_of(0, b)} for b in held_out(len(bases))]
        files = []
        for n in (1, 20):
            f = tmp / f"new-{n}.jsonl"
            f.write_text("".join(json.dumps({"url": r["url"], "title": r["title"], "text": r["text"]}) + "\n"
                                 for r in news[:n]), encoding="utf-8")
            files.append(f)
        for size in sizes:
            store = build(size, bases, copier, base, key, args.rebuild, args.run, args.build_workers)
            mb = store.stat().st_size / 2**20
            print(f"store of {size} reports: {mb:.0f} MB ({store.relative_to(ROOT)})", flush=True)
            migrate(store)
            if not args.build_only:
                measure(size, store, files[0], files[1], args.workers, env, tmp)


if __name__ == "__main__":
    main()
