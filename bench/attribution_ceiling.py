"""How far the learned attribution path could take recall: its candidates judged by the gold itself.

    python bench/attribution_ceiling.py [--data DIR] [--limit N]

On built PolNeAR data (train or dev; never test; DIR as for bench/attribution.py), every article is
analysed in this process three times, each scored like bench/attribution.py (attributed claims only,
``../shared/eval/attribution.py``):

* ``model``: the packaged learned model (data/attribution_model_en.json), as the pipeline runs it;
* ``oracle``: the learned path keeps exactly the candidates (analyze/claim_learned.candidates) whose
  text has token F1 >= 0.5 with a gold content of the article: a perfect scorer over the same candidates
  and the same cue vocabulary;
* ``oracle, any word``: the same with every verb, noun and adjective a cue.

The gap between ``model`` and ``oracle`` is what a better scorer could win; the oracle's own recall is what
the candidates the parse offers allow at all. The oracle reads the gold, so its figures are a bound, never a
result. In-process figures run ~0.01 above bench/attribution.py's (which ingests and exports through the
CLI). Prints figures; asserts nothing; exits 0 with "skipped" when the data or the scorer is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import DEFAULT, _scorer  # noqa: E402  (bench/attribution.py)

ORACLE = "oracle:right"


def _run(arts: list[dict], gold: dict, score, label) -> dict:
    from crosscheck.analyze import analyze
    from crosscheck.model import Document

    export: dict = {"documents": [], "claims": [], "entities": []}
    for a in arts:
        label.gold = [score.tokens(g["content"]) for g in gold.get(a["id"], [])]
        doc = Document(id=a["id"], source=a["id"], fmt="txt", text=a["text"], title=a.get("title"),
                       published=a.get("published"), language="en", content_hash=a["id"])
        an = analyze([doc])[0]
        export["documents"].append({"id": doc.id, "source": doc.id})
        export["entities"] += [{"id": f"{doc.id}#{e.key}", "name": e.name, "aliases": list(e.aliases)} for e in an.entities]
        export["claims"] += [{"documents": [doc.id], "text": c.text, "speaker_text": c.speaker_text,
                              "speaker": f"{doc.id}#{c.speaker}" if c.speaker else None}
                             for c in an.claims if c.kind != "outlet"]
    return score.score(export, gold)[0]


class _Label:
    """Wraps claim_learned.features: a candidate whose text matches a gold content gets the feature ORACLE."""

    def __init__(self, features, score):
        self.features, self.score, self.gold = features, score, []

    def __call__(self, cand, used=frozenset(), speaker="?"):
        from crosscheck.analyze.claim_learned import MIN_WORDS
        from crosscheck.analyze.claim_text import render

        doc = cand.cue.doc
        text = render([doc[k] for k in cand.content], MIN_WORDS) or ""
        toks = self.score.tokens(text)
        right = any(self.score.token_f1(toks, g) >= 0.5 for g in self.gold)
        return self.features(cand, used, speaker) + ([ORACLE] if right else [])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help="directory with articles.jsonl and attributions.json")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = ap.parse_args()
    articles, gold_path = args.data / "articles.jsonl", args.data / "attributions.json"
    score = _scorer()
    if not articles.exists() or not gold_path.exists() or score is None:
        print(f"skipped: no built PolNeAR data in {args.data} or no shared scorer")
        return 0
    from crosscheck.analyze import claim_learned as cl

    arts = [json.loads(ln) for ln in articles.read_text(encoding="utf-8").splitlines() if ln.strip()]
    arts = arts[: args.limit] if args.limit else arts
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = {a["id"]: gold.get(a["id"], []) for a in arts}
    packaged = cl.model()
    label = _Label(cl.features, score)
    runs = [("model", packaged),
            ("oracle", cl.Model({ORACLE: 60.0, "bias": -30.0}, 0.5, packaged.lemmas)),
            ("oracle, any word", cl.Model({ORACLE: 60.0, "bias": -30.0}, 0.5, frozenset({"*"})))]
    print(f"PolNeAR ({args.data}): {len(arts)} articles, {sum(map(len, gold.values()))} attributions")
    cl.features = label
    try:
        for name, m in runs:
            cl.use(m)
            t0 = time.perf_counter()
            got = _run(arts, gold, score, label)
            print(f"  {name:17s} " + "  ".join(f"{k} {v:.3f}" for k, v in got.items()) + f"  ({time.perf_counter() - t0:.0f} s)")
    finally:
        cl.features = label.features
        cl.use(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
