"""Paraphrase alignment across reports, through the real pipeline.

Two parts:
* fictional (tests/fixtures/paraphrase_pairs.jsonl, written for crosscheck): each pair is two short
  reports of one invented event, one claim sentence each, expected "aligned" (a paraphrase: one claim),
  "conflict" (the same claim with another figure or a negation flip: two claims in conflict) or
  "separate" (same speaker another claim, same predicate another subject, a plan against a deed);
* ECB+ (topics 1-25 only, built outside the repository by ``--build-ecb``): two sentences of two
  documents whose annotated events are mostly the same coreference chains (two at least) are an
  "aligned" pair; two sentences of one sub-topic with no event chain in common a "separate" pair.

Each part goes into one fresh store: the fictional pairs each invent their own event and names (the
reports are written here); the ECB+ documents that hold a pair's sentences are ingested whole from
../shared, and the pipeline forms their stories itself. The stored findings are read back: a pair is
aligned when one AlignedClaim carries a claim read from each sentence, in conflict when the claims
of the two sentences are linked by ``conflicts_with`` (or a stored disagreement of severity conflict
has them as its two sides), else separate ("no_claim" when a sentence gave no claim, "split" when the two reports were put in
different stories).

Prints, per part and per category, precision/recall/F1 of "aligned" (pair F1), of "conflict", and
the label F1 (micro over the aligned and conflict labels: a merged conflict is a false positive of
one and a miss of the other). Asserts nothing.

    PYTHONPATH=src .venv/bin/python bench/alignment.py [-v] [--ecb PATH]
    PYTHONPATH=src .venv/bin/python bench/alignment.py --build-ecb GITDIR [--ecb PATH]

``--build-ecb GITDIR``: a ``fetch`` of anastasia-zhukova/Diverse_CDCR_datasets (a git directory);
reads the event mentions and CoNLL tokens of ECB+ topics 1-25 only and writes the pairs (default
``build/alignment/ecb_pairs.jsonl``, git-ignored: the texts belong to their publishers).
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FICTIONAL = ROOT / "tests" / "fixtures" / "paraphrase_pairs.jsonl"
ECB_PAIRS = ROOT / "build" / "alignment" / "ecb_pairs.jsonl"
ECB_ARTICLES = ROOT.parent / "shared" / "datasets" / "ecbplus-dev" / "articles.jsonl"
ECB_TOPICS = range(1, 26)  # topics 26-45 are held out: never built, never read
LINKS = ("aligned", "conflict")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _record(pair: dict, side: str) -> dict:
    r = pair[side]
    return {"id": f"{pair['id']}#{side}", "title": r.get("title"), "text": r["text"],
            "published": r.get("published"), "outlet": r.get("outlet"), "language": r.get("language", "en")}


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace and quote marks, with each kept character's offset in ``text``."""
    keep = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and ch not in "\"'`“”‘’"]
    return "".join(ch for _, ch in keep), [i for i, _ in keep]


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Offsets of ``sentence`` in ``text`` compared without whitespace and quote marks (the ECB+ tokens
    are detokenized differently from the article text)."""
    needle, _ = _squeeze(sentence)
    hay, offsets = _squeeze(text)
    at = hay.find(needle) if needle else -1
    return None if at < 0 else (offsets[at], offsets[at + len(needle) - 1] + 1)


def run_batch(pairs: list[dict], workdir: Path, settings=None, articles: Path | None = None) -> dict[str, str]:
    """{pair id: predicted label} for pairs ingested together into one fresh store. A side with a
    ``doc`` names an article of ``articles`` (ingested whole); other sides are reports written here."""
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    records = {}
    for p in pairs:
        for s in "ab":
            if "doc" not in p[s]:
                records[f"{p['id']}#{s}"] = _record(p, s)
    wanted = {p[s]["doc"] for p in pairs for s in "ab" if "doc" in p[s]}
    if wanted and articles is not None:
        for line in articles.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line) if line.strip() else {}
            if rec.get("id") in wanted:
                records[rec["id"]] = rec
    src = workdir / "reports.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    store = open_store(workdir / "pairs.db")
    try:
        Pipeline(store, settings).ingest([str(src)])
        docs = {d.source: d for d in store.documents()}
        claims = {d.id: (store.analysis(d.id).claims if store.analysis(d.id) else ()) for d in docs.values()}
        findings = list(store.all_findings())
        story_of = store.story_of()
    finally:
        store.close()
    group_of: dict[str, set[str]] = defaultdict(set)  # "<doc>:<claim key>" -> aligned claim ids
    conflicts: dict[str, set[str]] = {}
    disagree: list[set[str]] = []  # aligned claims carrying the sides of a conflict disagreement
    for f in findings:
        for c in f.claims:
            for r in c.retellings:
                group_of[r.claim].add(c.id)
            conflicts[c.id] = set(c.conflicts_with)
        for d in f.disagreements:
            if d.severity == "conflict" and len(set(d.documents)) == 2:
                disagree.append(set(d.claims))

    def carried(side: dict, source: str) -> tuple[str | None, set[str]]:
        """(document id, aligned claims carrying a claim read from the side's sentence)."""
        doc = docs.get(side.get("doc") or source)
        if doc is None:
            return None, set()
        # a headline's claims are read from the title (Claim.in_title), whether or not the text opens with it
        span = locate(side["text"], doc.title or "")
        in_title = span is not None
        span = span or locate(side["text"], doc.text)
        if span is None:
            return doc.id, set()
        out = set()
        for c in claims[doc.id]:
            if c.in_title != in_title:
                continue
            overlap = min(c.end, span[1]) - max(c.start, span[0])
            if overlap > 0.5 * min(c.end - c.start, span[1] - span[0]):
                out |= group_of.get(f"{doc.id}:{c.key}", set())
        return doc.id, out

    out = {}
    for p in pairs:
        (a, ga), (b, gb) = carried(p["a"], f"{p['id']}#a"), carried(p["b"], f"{p['id']}#b")
        if a is None or b is None:
            out[p["id"]] = "missing"
        elif ga & gb:
            out[p["id"]] = "aligned"
        elif any(conflicts.get(x, set()) & gb for x in ga) or any(ga & d and gb & d for d in disagree):
            out[p["id"]] = "conflict"
        elif not ga or not gb:
            out[p["id"]] = "no_claim"  # a side whose sentence no claim was read from
        elif story_of.get(a) != story_of.get(b):
            out[p["id"]] = "split"  # the two reports are in different stories: never compared
        else:
            out[p["id"]] = "separate"
    return out


def predict(pairs: list[dict], settings=None, articles: Path | None = None) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="cc-align-") as tmp:
        return run_batch(pairs, Path(tmp), settings, articles)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs: list[dict], predicted: dict[str, str]) -> dict:
    """Figures of one part: pair F1 (the aligned label), conflict P/R/F1, label F1 (micro over both
    links), per category accuracy, and the count of each predicted outcome."""
    c: Counter = Counter()
    per: dict[str, Counter] = defaultdict(Counter)
    for p in pairs:
        want, got = p["expect"], predicted.get(p["id"], "missing")
        for label in LINKS:
            c[f"{label}_tp"] += want == label and got == label
            c[f"{label}_fp"] += want != label and got == label
            c[f"{label}_fn"] += want == label and got != label
        per[p.get("category", "?")].update(n=1, ok=int(want == got or want == "separate" and got in
                                                        ("separate", "no_claim", "split")))
        c["got_" + got] += 1
    res = {"pairs": len(pairs), "outcomes": {k[4:]: v for k, v in c.items() if k.startswith("got_")},
           "categories": {k: (v["ok"], v["n"]) for k, v in sorted(per.items())}}
    for label in LINKS:
        res[label] = _prf(c[f"{label}_tp"], c[f"{label}_fp"], c[f"{label}_fn"])
    res["label"] = _prf(*(sum(c[f"{label}_{k}"] for label in LINKS) for k in ("tp", "fp", "fn")))
    res["pair_f1"] = res["aligned"][2]
    return res


def report(name: str, res: dict) -> None:
    fmt = lambda t: f"P {t[0]:.3f} R {t[1]:.3f} F1 {t[2]:.3f}"  # noqa: E731
    print(f"{name}: {res['pairs']} pairs; aligned (pair F1) {fmt(res['aligned'])}; "
          f"conflict {fmt(res['conflict'])}; label F1 {res['label'][2]:.3f}")
    print(f"  outcomes: {dict(sorted(res['outcomes'].items()))}")
    for cat, (ok, n) in res["categories"].items():
        print(f"  {cat:14s} {ok:3d}/{n:3d} right")


def run_part(name: str, pairs: list[dict], verbose: bool = False, settings=None,
             articles: Path | None = None) -> dict:
    t0 = time.perf_counter()
    predicted = predict(pairs, settings, articles)
    res = score(pairs, predicted)
    res["seconds"] = time.perf_counter() - t0
    report(f"{name} ({res['seconds']:.1f} s)", res)
    if verbose:
        for p in pairs:
            got = predicted.get(p["id"])
            if got != p["expect"] and not (p["expect"] == "separate" and got in ("no_claim", "split")):
                print(f"- {p['id']}: expected {p['expect']}, got {got}\n    a: {p['a']['text']}\n    b: {p['b']['text']}")
    res["predicted"] = predicted
    return res


# ------------------------------------------------------------------------------- ECB+ pairs
def _git_show(gitdir: Path, path: str) -> str | None:
    out = subprocess.run(["git", "--git-dir", str(gitdir), "show", f"HEAD:{path}"], capture_output=True)
    return out.stdout.decode("utf-8") if out.returncode == 0 else None


def _sentences(conll: str) -> dict[tuple[str, int], str]:
    """(doc id as '1_10ecb', sentence number) -> sentence text (tokens joined, lightly detokenized)."""
    toks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for line in conll.splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or line.startswith("#"):
            continue
        key = parts[0].split("/")
        toks[(f"{key[0]}_{key[-1]}{key[1][len(key[0]):]}", int(parts[1]))].append(parts[3])
    out = {}
    for k, words in toks.items():
        text = " ".join(words)
        for a, b in ((" ,", ","), (" .", "."), (" 's", "'s"), (" n't", "n't"), ("`` ", '"'), (" ''", '"'),
                     ("( ", "("), (" )", ")"), (" :", ":"), (" ;", ";"), (" ?", "?"), (" !", "!"), (" %", "%")):
            text = text.replace(a, b)
        out[k] = text
    return out


def build_ecb(gitdir: Path, out: Path, per_topic: int = 8, seed: int = 13) -> list[dict]:
    """Pairs from ECB+ event coreference, topics 1-25: positives are sentences mentioning one event
    chain in two documents, negatives sentences of two different chains of one topic (never sharing a
    chain) in two documents. ``per_topic`` of each kind, drawn with a fixed seed."""
    rng = random.Random(seed)
    base = "ECBplus-prep/output_data/test_parsing"
    pairs = []
    for t in ECB_TOPICS:
        chains: dict[tuple[str, int], set[str]] = defaultdict(set)  # sentence -> chains mentioned
        sents: dict[tuple[str, int], str] = {}
        for kind in ("ecb", "ecbplus"):
            mentions = _git_show(gitdir, f"{base}/{t}{kind}/annotation/original/event_mentions_{t}{kind}.json")
            conll = _git_show(gitdir, f"{base}/{t}{kind}/annotation/original/{t}{kind}.conll")
            if not mentions or not conll:
                continue
            sents.update(_sentences(conll))
            for m in json.loads(mentions):
                if int(m["topic_id"]) != t or m.get("is_singleton"):
                    continue
                chains[(m["doc_id"], int(m["sent_id"]))].add(m["coref_chain"])
        keys = sorted(k for k in chains if k in sents and 8 <= len(sents[k].split()) <= 45)
        by_chain: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for k in keys:
            for ch in chains[k]:
                by_chain[ch].append(k)
        pos, neg = [], []
        for ch, members in sorted(by_chain.items()):
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    shared = chains[x] & chains[y]
                    # one asserted thing, not only one event mentioned: most of both sentences'
                    # events are the same chains (two at least)
                    if x[0] != y[0] and ch == min(shared) and len(shared) >= 2 and \
                            len(shared) >= 0.5 * len(chains[x] | chains[y]):
                        pos.append((x, y, ch))
        for i, x in enumerate(keys):
            for y in keys[i + 1:]:
                # hard negatives: one sub-topic (one real event), events of other chains
                if x[0] != y[0] and not chains[x] & chains[y] and x[0].endswith("plus") == y[0].endswith("plus"):
                    neg.append((x, y, None))
        for kind, found in (("aligned", pos), ("separate", neg)):
            rng.shuffle(found)
            for j, (x, y, ch) in enumerate(found[:per_topic]):
                sub = lambda k: "ecbplus" if k[0].endswith("plus") else "ecb"  # noqa: E731
                pairs.append({"id": f"ecb{t}-{kind[:3]}-{j}", "expect": kind,
                              "category": f"{kind}/{'same' if sub(x) == sub(y) else 'cross'}-subtopic",
                              "a": {"doc": f"ecbplus:{x[0]}", "text": sents[x]},
                              "b": {"doc": f"ecbplus:{y[0]}", "text": sents[y]}})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    print(f"wrote {len(pairs)} ECB+ pairs (topics 1-25) to {out}")
    return pairs


def main(verbose: bool = False, ecb: Path = ECB_PAIRS) -> dict:
    results = {"fictional": run_part("fictional", load(FICTIONAL), verbose)}
    if ecb.exists() and ECB_ARTICLES.exists():
        results["ecb"] = run_part("ECB+ topics 1-25", load(ecb), verbose, articles=ECB_ARTICLES)
    else:
        print(f"ECB+ pairs or articles absent ({ecb}, {ECB_ARTICLES}): build the pairs with --build-ecb GITDIR")
    return results


if __name__ == "__main__":
    args = sys.argv[1:]
    ecb_path = Path(args[args.index("--ecb") + 1]) if "--ecb" in args else ECB_PAIRS
    if "--build-ecb" in args:
        build_ecb(Path(args[args.index("--build-ecb") + 1]), ecb_path)
    else:
        main(verbose="-v" in args, ecb=ecb_path)
