"""Syndication quality: wire copies edited by a rewrite generator, and translations.

1. ECB+ dev (``../shared/datasets/ecbplus-dev``): the groups among the original reports are listed
   (``--show``: shared passages side by side). ECB+ was collected from news aggregators, so it holds
   real wire copies: a read of 25 of the 89 grouped pairs (2026-12-02) found every one derived from one
   text (AP, Reuters, AFP, a Navy press release) and no independent pair; the goal is no FALSE pair,
   not no group. Then, per edit level, a sample of reports is
   "carried" by two other outlets each, edited by the rewrite generator below, and the pair
   precision / recall / F1 of the groups is printed against the truth (each original with its copies).
   Edit levels, cumulative as a site's editor would work:
     verbatim                 the same text under another outlet
     trimmed+reheadlined      a new headline, a quarter of the sentences dropped (never the lead)
     +local paragraph         ... and a paragraph of the site's own added
     +reordered+paraphrased   ... and paragraphs swapped, a third of the kept sentences reworded
     first half               only the headline and the first half of the sentences
     heavy                    half the sentences dropped, half the rest reworded, reordered, 2 paragraphs added
2. MEANTIME dev (``../shared/datasets/meantime-dev``): each English article and its es/it/nl
   translations are one group; pair P/R/F1 of translation detection.

Texts stay in memory (never written). Prints figures, asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/syndication.py [--sample 150] [--seed 1] [--only ecb|meantime] [--show]
    PYTHONPATH=src .venv/bin/python bench/syndication.py --export EXPORT.json   # an ingested meantime-dev
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from itertools import combinations
from pathlib import Path

from crosscheck.clean import clean
from crosscheck.config import Settings
from crosscheck.model import Document, RawReport
from crosscheck.syndication import SyndicationIndex, fingerprint
from crosscheck.textunits import sentence_spans as split

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# the rewrite generator's own words (fictional, written for this bench): a site's local paragraph is
# built from these slots, so each copy's added paragraph is its own text
_WHO = ["Residents of the county", "Shop owners on the high street", "Parents at the local school", "Members of the "
        "town council", "Volunteers from the harbour club", "Commuters at the station", "Farmers in the valley",
        "Staff at the regional hospital", "Students at the college", "Pensioners at the community centre"]
_DID = ["gathered on {day} evening to discuss", "wrote to our newsroom about", "said they had mixed feelings about",
        "asked the mayor for a meeting on", "held a short vigil after hearing about", "started a petition concerning",
        "shared their memories of", "were divided over", "raised questions at the library about",
        "organised a collection linked to"]
_WHAT = ["the news, which reached the town late", "what it means for families here", "the reports from abroad",
         "the events described in this article", "the decision and its cost", "the story, one of many this month",
         "the response of the authorities", "the consequences for local jobs", "the coverage on national television",
         "the questions it leaves open"]
_TAIL = ["according to {name}, who has lived here for {n} years", "and a second meeting is planned for {day}",
         "while the {place} stayed open until {n} o'clock", "said {name}, a teacher", "{name} told this newspaper",
         "and {n} people signed up within an hour", "as the {place} filled up", "before heading home around {n} p.m."]
_NAMES = ["Ilse Marwood", "Teodor Banic", "Rhiannon Pell", "Oskar Feldt", "Marta Oyelaran", "Jonas Quist",
          "Agnes Tolbert", "Piet Sandoval", "Luca Brenn", "Nora Vidic"]
_PLACES = ["town hall", "parish hall", "market square cafe", "fire station", "library", "sports club"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def local_paragraph(rng: random.Random) -> str:
    """Two sentences of a site's own local angle, drawn from the slots above."""
    out = []
    for _ in range(2):
        s = f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)}, {rng.choice(_TAIL)}."
        out.append(s.format(day=rng.choice(_DAYS), name=rng.choice(_NAMES), n=rng.randint(2, 60),
                            place=rng.choice(_PLACES)))
    return " ".join(out)


HEADLINES = ["What we know so far", "Latest: officials respond", "Here is what happened", "Update on the story",
             "Key facts at a glance", "The day's top story explained"]
SYNONYMS = {"said": "stated", "says": "states", "announced": "revealed", "on": "during", "after": "following",
            "because": "since", "before": "prior to", "about": "roughly", "more": "additional",
            "the": "this", "a": "one", "was": "had been", "will": "is set to", "also": "as well",
            "but": "however", "new": "fresh", "first": "initial", "big": "large", "told": "informed"}


def reword(sentence: str, rng: random.Random) -> str:
    """A paraphrase: three to five words replaced or dropped, a clause moved."""
    words = sentence.split()
    if len(words) < 6:
        return sentence
    idx = [i for i, w in enumerate(words) if w.lower().strip(",.") in SYNONYMS]
    rng.shuffle(idx)
    for i in idx[:4]:
        w = words[i]
        core = w.lower().strip(",.")
        words[i] = w.lower().replace(core, SYNONYMS[core])
    if len(idx) < 3:
        for _ in range(3 - len(idx)):
            del words[rng.randrange(1, len(words) - 1)]
    text = " ".join(words)
    if ", " in text and rng.random() < 0.5:
        head, _, tail = text.partition(", ")
        text = tail.rstrip(".") + ", " + head[0].lower() + head[1:] + "."
        text = text[0].upper() + text[1:]
    return text


def edit(doc: Document, level: str, rng: random.Random) -> tuple[str, str]:
    """(title, text) of a copy of ``doc`` at an edit level."""
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    body = lines[1:] if len(lines) > 1 and doc.title and lines[0].strip() == doc.title.strip() else lines
    sents = [line[a:b] for line in body for a, b in split(line)]
    title = doc.title or ""
    if level == "verbatim":
        return title, doc.text
    title = rng.choice(HEADLINES) + ": " + " ".join(title.split()[:6])
    keep = list(sents)
    if level == "first half":
        keep = sents[:max(1, len(sents) // 2)]
    else:
        share = 0.5 if level == "heavy" else 0.25
        drop = set(rng.sample(range(1, len(sents)), int(share * (len(sents) - 1)))) if len(sents) > 2 else set()
        keep = [s for i, s in enumerate(sents) if i not in drop]
    if level in ("+reordered+paraphrased", "heavy"):
        share = 0.5 if level == "heavy" else 0.33
        for i in rng.sample(range(len(keep)), int(share * len(keep))):
            keep[i] = reword(keep[i], rng)
        paras = [keep[i:i + 3] for i in range(0, len(keep), 3)]
        if len(paras) > 2:
            i = rng.randrange(1, len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
        keep = [s for p in paras for s in p]
    paras = [" ".join(keep[i:i + 3]) for i in range(0, len(keep), 3)]
    if level in ("+local paragraph", "+reordered+paraphrased", "heavy"):
        for _ in range(2 if level == "heavy" else 1):
            paras.insert(rng.randrange(1, len(paras) + 1), local_paragraph(rng))
    return title, title + "\n\n" + "\n\n".join(paras)


def prf(groups_sys: dict[str, str | None], truth: dict[str, int],
        false_pairs: list[tuple[str, str]] | None = None) -> tuple[float, float, float, int]:
    tp = fp = fn = 0
    ids = sorted(truth)
    for a, b in combinations(ids, 2):
        same_gold = truth[a] == truth[b]
        same_sys = groups_sys.get(a) is not None and groups_sys.get(a) == groups_sys.get(b)
        tp += same_gold and same_sys
        fp += same_sys and not same_gold
        fn += same_gold and not same_sys
        if false_pairs is not None and same_sys and not same_gold:
            false_pairs.append((a, b))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), fp


_WORDS = re.compile(r"\w+")


def shared_passage(a: str, b: str, n: int = 8, least: int = 10) -> bool:
    """An independent, crude test of shared wire text between two originals: at least ``least`` word
    ``n``-grams in common (about a sentence and a half copied). The grouping may miss such a pair
    among the originals (too little of the longer text) and find it once a copy is trimmed: that
    pair is wire text, not a false pair of the grouping."""
    def grams(t: str) -> set[tuple[str, ...]]:
        w = [x.lower() for x in _WORDS.findall(t)]
        return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}
    return len(grams(a) & grams(b)) >= least


def run_index(docs: list[Document], settings: Settings) -> dict[str, str | None]:
    idx = SyndicationIndex(settings)
    for d in docs:
        idx.assign(d, fingerprint(d, settings))
    return {d.id: idx.group_of(d.id) for d in docs}


def load(path: Path, settings: Settings) -> list[Document]:
    docs = []
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        raw = RawReport(source=rec["id"], fmt="jsonl", text=rec.get("text"), title=rec.get("title"),
                        published=rec.get("published"), language=rec.get("language"), outlet=rec.get("outlet"))
        docs.append(clean(raw, settings))
    return docs


def show_groups(docs: list[Document], settings: Settings) -> None:
    idx = SyndicationIndex(settings)
    for d in docs:
        idx.assign(d, fingerprint(d, settings))
    by_id = {d.id: d for d in docs}
    for g in idx.groups():
        print(f"-- group {g.id}: {len(g.documents)} reports, origin {g.origin_outlet or g.origin}")
        for m in g.members:
            if not m.matched:
                continue
            print(f"   {m.document} ({m.kind}): {m.reason}")
            for a0, a1, b0, b1 in m.passages[:3]:
                print(f"      | {by_id[m.document].text[a0:a1][:110]}")
                print(f"      | {by_id[m.matched].text[b0:b1][:110]}")


def ecb(settings: Settings, sample: int, seed: int, show: bool = False) -> None:
    path = SHARED / "datasets" / "ecbplus-dev" / "articles.jsonl"
    if not path.exists():
        print(f"skip ECB+: {path} not found")
        return
    originals = load(path, settings)
    t = time.perf_counter()
    got = run_index(originals, settings)
    took = time.perf_counter() - t
    _, _, _, pairs = prf(got, {d.id: i for i, d in enumerate(originals)})
    groups = {g for g in got.values() if g}
    print(f"ECB+ dev originals: {len(originals)} reports, {pairs} pairs grouped in {len(groups)} groups "
          f"({len(originals) / took:.0f} reports/s fingerprint+assign); --show lists their shared passages")
    if show:
        show_groups(originals, settings)
    # the truth for generated copies: each original with its copies; originals found to share wire text
    # among themselves (listed by --show) stay together, so the figures measure the generated copies
    base_truth = {d.id: got[d.id] or d.id for d in originals}
    rng = random.Random(seed)
    eligible = [d for d in originals if len([s for s in split(d.text)]) >= 6]
    chosen = rng.sample(eligible, min(sample, len(eligible)))
    print(f"{'edit level':28s} {'P':>6s} {'R':>6s} {'F1':>6s}  false pairs  ({len(chosen)} reports x 2 copies; "
          f"'wire': of those, pairs whose originals share a passage, see shared_passage)")
    orig_text = {d.id: d.text for d in originals}
    for level in ["verbatim", "trimmed+reheadlined", "+local paragraph", "+reordered+paraphrased", "first half",
                  "heavy"]:
        lrng = random.Random(f"{seed}-{level}")
        docs = list(originals)
        truth = dict(base_truth)
        for d in chosen:
            for k in (1, 2):
                title, text = edit(d, level, lrng)
                copy = Document(id=f"{d.id}~{k}", source=f"{d.source}~{k}", fmt="txt", text=text, title=title,
                                outlet=f"Outlet {k}", published=d.published, language=d.language)
                docs.append(copy)
                truth[copy.id] = truth[d.id]
        lrng.shuffle(docs)
        false: list[tuple[str, str]] = []
        p, r, f, fp = prf(run_index(docs, settings), truth, false)
        wire = sum(shared_passage(orig_text[a.split("~")[0]], orig_text[b.split("~")[0]]) for a, b in false)
        print(f"{level:28s} {p:6.3f} {r:6.3f} {f:6.3f}  {fp} (wire {wire})")


def meantime(settings: Settings) -> None:
    base = SHARED / "datasets" / "meantime-dev"
    if not (base / "articles.jsonl").exists():
        print("skip MEANTIME: not found")
        return
    docs = load(base / "articles.jsonl", settings)
    gold = json.load(open(base / "gold.json", encoding="utf-8"))
    truth = {k: i for i, g in enumerate(gold["stories"]) for k in g}
    truth = {d.id: truth.get(d.source, -1 - n) for n, d in enumerate(docs)}
    t = time.perf_counter()
    got = run_index(docs, settings)
    took = time.perf_counter() - t
    p, r, f, fp = prf(got, truth)
    print(f"MEANTIME dev translations ({len(docs)} reports, {len(docs) / took:.0f}/s): "
          f"pair P {p:.3f} R {r:.3f} F1 {f:.3f} ({fp} false pairs)")


def score_export(path: Path) -> None:
    """Pair P/R/F1 of an export's syndication groups against MEANTIME's translation groups (the gold
    ``stories``): the figure for reports ingested through the whole pipeline."""
    data = json.load(open(path, encoding="utf-8"))
    gold = json.load(open(SHARED / "datasets" / "meantime-dev" / "gold.json", encoding="utf-8"))
    truth_src = {k: i for i, g in enumerate(gold["stories"]) for k in g}
    docs = [d for d in data["documents"] if d["source"] in truth_src]
    truth = {d["id"]: truth_src[d["source"]] for d in docs}
    p, r, f, fp = prf({d["id"]: d.get("syndication_group") for d in docs}, truth)
    print(f"{path} vs MEANTIME translation groups ({len(docs)} reports): pair P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=["ecb", "meantime"])
    ap.add_argument("--show", action="store_true", help="list the groups found among the ECB+ originals")
    ap.add_argument("--export", type=Path, help="score an export of meantime-dev's articles.jsonl instead")
    a = ap.parse_args(argv)
    settings = Settings()
    if a.export:
        score_export(a.export)
        return 0
    if a.only != "meantime":
        ecb(settings, a.sample, a.seed, a.show)
    if a.only != "ecb":
        meantime(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
