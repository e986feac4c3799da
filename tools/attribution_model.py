#!/usr/bin/env python3
"""Build src/crosscheck/data/attribution_model_en.json: the learned attribution model (analyze/claim_learned.py).

Source: PolNeAR (Newell, Margolin & Ruths, LREC 2018), the **train** split only, built outside the
repository with ``python3 ../shared/eval/polnear.py GITDIR DIR --split train``. Needs scikit-learn
(``pip install scikit-learn==1.6.1``, the ``learn`` extra); the run time reads the exported weights only.

    PYTHONPATH=src python tools/attribution_model.py DIR [--cache FILE.spacy] [--out FILE]

1. The claim finder runs on every train article with the model collecting: every candidate reading of
   every verb, noun and adjective (claim_learned.candidates) that no claim of the sentence already has is
   recorded with its features; its label: its text has token F1 >= 0.5 with a gold content of the
   article (the scorer's precision rule).
2. A logistic regression is fitted on the articles whose index is not a multiple of 3.
3. The threshold is chosen on the held-back third (every third article): the finder runs there with the
   fitted model at each threshold of a grid and the shared scorer (../shared/eval/attribution.py,
   attributed claims only) gives precision and recall; kept: the threshold of the best F1 among those
   whose precision is not below the finder's own without the model less ``--tolerance`` (0.005, about the
   noise of one grid step: the learned claims may not make the finder less precise; ``--min-precision``
   sets another floor).
4. With ``--refit-all`` the regression is fitted again on every train article, the held-back third too (the
   usual last step once a setting is chosen on held-back data: half as many examples again), and exported with
   the threshold of step 3. Tried in session 57 and not adopted: dev in-process 1,450 found against 1,449 with
   the packaged model, the ECB+ alignment pairs 0.608 -> 0.590 pair F1.
The cue vocabulary is the lemmas with at least ``--min-right`` right candidates in the data the exported fit saw.
Only weights, the threshold, the vocabulary and counts go into the file, no text.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from attribution_frames import load_split, token_f1, tokens  # tools/ is the script's directory

from crosscheck.analyze import claim_frames as cf
from crosscheck.analyze import claim_learned as cl
from crosscheck.analyze import claims as _claims
from crosscheck.analyze import entities as _entities
from crosscheck.config import Settings

OUT = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / "attribution_model_en.json"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution.py"
GRID = [0.3, 0.4, 0.5, 0.6, 0.65, 0.675, 0.7, 0.725, 0.75, 0.8, 0.9]


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("attribution_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(recs, gold, docs, sdocs, ents, ks, settings, scorer):
    """The scorer's metrics for the finder on articles ``ks`` (outlet statements left out)."""
    export = {"documents": [], "claims": [], "entities": []}
    for k in ks:
        did = f"d{k}"
        export["documents"].append({"id": did, "source": recs[k]["id"]})
        names = {e.key: e.name for e in ents[k].entities}
        for c in _claims.extract(sdocs[k], ents[k], outlet=docs[k].outlet, settings=settings, outlet_claims=False).claims:
            eid = f"{did}:{c.speaker}" if c.speaker else None
            if eid:
                export["entities"].append({"id": eid, "name": names.get(c.speaker, "")})
            export["claims"].append({"text": c.text, "speaker": eid, "speaker_text": c.speaker_text, "documents": [did]})
    metrics, counts, _ = scorer.score(export, {recs[k]["id"]: gold[recs[k]["id"]] for k in ks})
    return metrics, counts


def fit_rows(rows, args):
    """(vectorizer, regression, exported weights, cue vocabulary) of the regression fitted on candidate ``rows``
    ((article, features, label)): weights of absolute value >= ``args.min_weight``, the intercept in "bias", the
    lemmas with >= ``args.min_right`` right candidates."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(r[1], 1) for r in rows])
    lr = LogisticRegression(C=args.c, max_iter=2000, class_weight=None)
    lr.fit(x, [r[2] for r in rows])
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0])
               if abs(w) >= args.min_weight}
    weights["bias"] = round(weights.get("bias", 0.0) + float(lr.intercept_[0]), 4)
    right = Counter(next(f[2:] for f in feats if f.startswith("L=")) for _, feats, y in rows if y)
    return vec, lr, weights, sorted(lem for lem, n in right.items() if n >= args.min_right)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="built PolNeAR train split (articles.jsonl, attributions.json)")
    ap.add_argument("--cache", type=Path, help="spaCy DocBin of the parsed articles (written when absent)")
    ap.add_argument("--without-frames", action="store_true", help="leave the frame lexicon (claim_frames.py) out of the finder")
    ap.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument("--min-weight", type=float, default=0.08, help="weights under this (absolute) are left out of the file")
    ap.add_argument("--min-precision", type=float, default=None,
                    help="the threshold of the best held-back F1 among those keeping held-back precision >= this "
                         "(default: the held-back precision of the finder without the model less --tolerance)")
    ap.add_argument("--tolerance", type=float, default=0.005, help="precision the model may cost (a grid step's noise)")
    ap.add_argument("--min-right", type=int, default=2)
    ap.add_argument("--refit-all", action="store_true",
                    help="once the threshold is chosen, fit the regression again on every train article and export "
                         "that fit at the chosen threshold")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from sklearn.metrics import average_precision_score

    settings = Settings()
    if args.without_frames:
        cf.use(cf.Frames({}))
    scorer = _scorer(args.scorer)
    recs, gold, docs, sdocs = load_split(args.data, args.cache, settings)
    ents = [_entities.extract(sd, latin=True) for sd in sdocs]

    # 1. candidates and labels
    rows: list[tuple[int, list[str], int]] = []
    cl.use(cl.Model({}, 2.0, frozenset({"*"})))
    for k, sdoc in enumerate(sdocs):
        golds = [g for g in (tokens(a["content"]) for a in gold[recs[k]["id"]]) if g]
        cl.COLLECT = []
        _claims.extract(sdoc, ents[k], outlet=docs[k].outlet, settings=settings, outlet_claims=False)
        for feats, text, _, _ in cl.COLLECT:
            t = tokens(text)
            rows.append((k, feats, int(any(token_f1(t, g) >= 0.5 for g in golds))))
    cl.COLLECT = None
    fit = [r for r in rows if r[0] % 3 != 0]
    held = [r for r in rows if r[0] % 3 == 0]
    print(f"candidates: {len(fit)} fitted ({sum(r[2] for r in fit)} right), {len(held)} held back "
          f"({sum(r[2] for r in held)} right)", file=sys.stderr)

    # 2. the regression
    vec, lr, weights, lemmas = fit_rows(fit, args)
    xh = vec.transform([dict.fromkeys(r[1], 1) for r in held])
    ap_held = average_precision_score([r[2] for r in held], lr.predict_proba(xh)[:, 1])
    print(f"held-back average precision {ap_held:.3f}", file=sys.stderr)

    # 3. the threshold, on the held-back third
    ks = [k for k in range(len(recs)) if k % 3 == 0]
    cl.use(cl.Model({}, 2.0, frozenset(lemmas)))
    base, base_counts = run(recs, gold, docs, sdocs, ents, ks, settings, scorer)
    print(f"held back, no model: P {base['precision']:.3f} R {base['recall']:.3f} F1 {base['f1']:.3f} "
          f"claims {base_counts['claims']}", file=sys.stderr)
    table = []
    for thr in GRID:
        cl.use(cl.Model(weights, thr, frozenset(lemmas)))
        m, counts = run(recs, gold, docs, sdocs, ents, ks, settings, scorer)
        table.append({"threshold": thr, "precision": round(m["precision"], 3), "recall": round(m["recall"], 3),
                      "f1": round(m["f1"], 3), "claims": counts["claims"]})
        print(f"threshold {thr:.2f}: P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} claims {counts['claims']}",
              file=sys.stderr)
    floor = round(base["precision"] - args.tolerance, 3) if args.min_precision is None else args.min_precision
    ok = [r for r in table if r["precision"] >= floor] or table[-1:]
    best = max(ok, key=lambda r: (r["f1"], r["precision"]))
    if args.refit_all:  # 4. the same regression on all of train, read at the chosen threshold
        _, _, weights, lemmas = fit_rows(rows, args)
        print(f"refitted on all {len(rows)} candidates", file=sys.stderr)
    out = {
        "about": ("Learned attribution model for analyze/claim_learned.py, fitted by tools/attribution_model.py on PolNeAR "
                  "(Newell, Margolin & Ruths, 'An Attribution Relations Corpus for Political News', LREC 2018), train split: "
                  "a logistic regression over parse features of candidate (cue, content) readings, fitted on the articles "
                  "whose index is not a multiple of 3, its threshold chosen on the others (held_back)"
                  + (", then refitted on every train article and read at that threshold" if args.refit_all else "")
                  + ": the best F1 with held-back precision >= "
                  f"{floor} (the finder's own without the model, less {args.tolerance}). Weights only (absolute value >= {args.min_weight}), "
                  "no text. Feature names: L lemma/POS, R content relation, LR both, T tag, D dependency relation of the "
                  "cue, S/SK source kind, N content words, C class in attribution_cues_en.json, F first content word, "
                  "H the cue's head lemma, O overlap with claims made, Q quote marks, SP the kind of speaker the source resolves to, "
                  "CH/CP/CE the content's head lemma, part of speech and entity type, LS/LD/LT lemma with source kind, "
                  "dependency relation and tag. lemmas: the cue vocabulary (lemmas "
                  f"with >= {args.min_right} right candidates); any verb heading a clause complement is read too."),
        "frames": not args.without_frames,
        "refit_all": args.refit_all,
        "threshold": best["threshold"],
        "counts": {"fitted_candidates": len(fit), "fitted_right": sum(r[2] for r in fit), "held_back_candidates": len(held),
                   "held_back_right": sum(r[2] for r in held), "held_back_average_precision": round(ap_held, 3)},
        "held_back": {"without_model": {k: round(base[k], 3) for k in ("precision", "recall", "f1")}, "by_threshold": table},
        "lemmas": lemmas,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights, {len(lemmas)} cue lemmas, threshold {best['threshold']} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
