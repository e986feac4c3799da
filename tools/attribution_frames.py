#!/usr/bin/env python3
"""Build src/crosscheck/data/attribution_frames_en.json: attribution cue frames learned from PolNeAR train.

Source: PolNeAR (Newell, Margolin & Ruths, LREC 2018), the **train** split only, built outside the
repository with ``python3 ../shared/eval/polnear.py GITDIR DIR --split train``. Run

    PYTHONPATH=src python tools/attribution_frames.py DIR [--cache FILE.spacy]

It learns from the train articles whose index is not a multiple of 3 (every third article is left
for checking, as bench/attribution.py's train figures do):
1. candidate cues: the head word (verb, noun, adjective) of each gold cue, with the prepositions that
   carry its gold contents; a lemma seen as a gold cue at least ``--min-gold`` times becomes a
   candidate with every content relation of its part of speech (analyze/claim_frames.py);
2. each candidate frame (lemma, part of speech, one relation) is applied to every occurrence of the
   lemma; a claim it would make counts as right when its words have token F1 >= 0.5 with a gold content
   of the article (the scorer's rule); ``new``: right claims whose gold content no claim of the
   current finder matched;
3. kept: frames with precision >= ``--min-precision``, at least ``--min-right`` right and ``--min-new``
   new, that the current finder does not already read (a verb of saying with a clause, a characterising
   verb's object, 'call for', an accusation).
Only counts go into the file, no text. The claim kind of a frame follows its relation and a small
hand list of attitude and request lemmas (below). Parsing the train split takes about ten minutes on
one core; ``--cache`` keeps the parse (a spaCy DocBin, outside the repository) for the next run.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import DocBin

from crosscheck.analyze import claim_frames as cf
from crosscheck.analyze import claims as _claims
from crosscheck.analyze import entities as _entities
from crosscheck.analyze import nlp as _nlp
from crosscheck.analyze.claim_index import ALL_CUES, CUE_CLASS, NOT_OBJECT, OBJECT_CUES, OBJECT_PREPS
from crosscheck.analyze.claim_text import render
from crosscheck.clean import clean
from crosscheck.config import Settings
from crosscheck.model import RawReport

OUT = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / "attribution_frames_en.json"
TOKEN = re.compile(r"[a-z0-9]+")
# the claim kind: holding a view (belief); asking others to act (reported: a request is speech);
# a to-infinitive of one's own (intention); anything else reported
BELIEF = frozenset("hop hope oppose prefer fear recognize view critical concerned confident skeptical sure worried".split())
REQUEST = frozenset("ask call order push press require challenge urge convince".split())
# a cue under these says nothing ('refused to comment on the ruling'); in the file as "not_asserting"
NOT_ASSERTING = frozenset({"refuse", "decline", "fail"})
# a verb of saying under these is a refused speech act, its content not asserted ('declined to confirm that C',
# 'refused to say how many'); in the file as "refusing" ('failed to note that C' presupposes C: not listed)
REFUSING = frozenset({"refuse", "decline"})
# verbs whose object is the person addressed, as 'tell' and 'inform' in attribution_cues_en.json's object_not_content
ADDRESSEE = frozenset({"thank", "congratulate", "remind", "email", "urge", "warn"})
INTENT_NOUNS = frozenset("promise plan pledge decision vow bid effort".split())  # an acl of these is a to-infinitive plan
_POS_RELS = {"VERB": ["dobj", "xcomp", "ccomp", "ccomp?"], "NOUN": ["acl"], "ADJ": ["ccomp", "xcomp"]}
_PRIORITY = {"VERB": 0, "ADJ": 1, "NOUN": 2, "PROPN": 3, "ADP": 4, "AUX": 5}


def tokens(text: str) -> list[str]:
    return TOKEN.findall((text or "").lower())


def token_f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def offset_map(raw: str, cleaned: str) -> list[int]:
    """Raw character offset -> offset in the cleaned text (cleaning only drops blank lines and spaces)."""
    a = [i for i, ch in enumerate(raw) if not ch.isspace()]
    b = [i for i, ch in enumerate(cleaned) if not ch.isspace()]
    sa, sb = "".join(raw[i] for i in a), "".join(cleaned[i] for i in b)
    out: list[int | None] = [None] * (len(raw) + 1)
    if sa == sb:
        pairs = zip(a, b)
    else:
        sm = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
        pairs = ((a[m.a + j], b[m.b + j]) for m in sm.get_matching_blocks() for j in range(m.size))
    for x, y in pairs:
        out[x] = y
    nxt = len(cleaned)
    for i in range(len(raw), -1, -1):
        if out[i] is None:
            out[i] = nxt
        else:
            nxt = out[i]
    return out


def token_ids(sdoc, spans) -> set[int]:
    ids = set()
    for s, e in spans:
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            ids |= {t.i for t in span if not t.is_space and not t.is_punct}
    return ids


def cue_head(sdoc, attr, spans, other: set[int]):
    words = {w.lower() for w in attr["cue"].split()}
    ids = token_ids(sdoc, [spans(*attr["cue_span"])]) - other
    ids = {i for i in ids if sdoc[i].lower_ in words} or ids
    if not ids:
        return None
    return sorted((sdoc[i] for i in ids), key=lambda t: (_PRIORITY.get(t.pos_, 9), t.head.i in ids and t.head.i != t.i, t.i))[0]


def prep_of(cue, ids: set[int]) -> str | None:
    for c in cue.children:
        if c.dep_ in ("prep", "dative") and any(g.i in ids for g in c.children):
            return c.lower_
    return None


def load_split(data: Path, cache: Path | None, settings: Settings):
    """(records, gold attributions, cleaned documents, parsed docs) of a built PolNeAR split; the parse is
    read from ``cache`` (a spaCy DocBin) when present, else made and written there."""
    recs = [json.loads(ln) for ln in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    gold = json.loads((data / "attributions.json").read_text(encoding="utf-8"))
    docs = [clean(RawReport(source=r["id"], fmt="jsonl", text=r["text"], ext_id=r["id"], title=r.get("title"),
                            published=r.get("published"), outlet=r.get("outlet"), language="en"), settings) for r in recs]
    nlp = _nlp.load(settings.spacy_model)
    if cache is not None and cache.exists():
        sdocs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    else:
        texts = [_nlp.head(d.text, settings.analysis_max_chars) for d in docs]
        sdocs = list(_nlp.parse(texts, settings.spacy_model, settings.nlp_batch_size, settings.nlp_max_chars))
        if cache is not None:
            bin_ = DocBin(store_user_data=False)
            for sdoc in sdocs:
                bin_.add(sdoc)
            cache.write_bytes(bin_.to_bytes())
    return recs, gold, docs, sdocs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="built PolNeAR train split (articles.jsonl, attributions.json)")
    ap.add_argument("--cache", type=Path, help="spaCy DocBin of the parsed articles (written when absent)")
    ap.add_argument("--min-gold", type=int, default=4)
    ap.add_argument("--min-precision", type=float, default=0.75)
    ap.add_argument("--min-right", type=int, default=4)
    ap.add_argument("--min-new", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    cf.use(cf.Frames({}))  # 'new' counts against the finder without frames
    settings = Settings()
    recs, gold, docs, sdocs = load_split(args.data, args.cache, settings)
    learn = [k for k in range(len(recs)) if k % 3 != 0]

    # 1. candidate cues from the gold cue heads
    seen, preps = Counter(), defaultdict(Counter)
    for k in learn:
        sdoc, m = sdocs[k], offset_map(recs[k]["text"], docs[k].text)
        spans = lambda s, e, m=m: (m[s], max(m[s], m[e - 1] + 1 if e > s else m[s]))  # noqa: E731
        for a in gold[recs[k]["id"]]:
            content = token_ids(sdoc, [spans(*f) for f in (a.get("content_fragments") or [a["content_span"]])])
            source = token_ids(sdoc, [spans(*a["source_span"])])
            head = cue_head(sdoc, a, spans, content | source)
            if head is None or head.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
                continue
            key = (head.lemma_, "NOUN" if head.pos_ == "PROPN" else head.pos_)
            seen[key] += 1
            word = prep_of(head, content - {head.i})
            if word is not None:
                preps[key][word] += 1
    cands = defaultdict(list)
    for (lemma, pos), n in seen.items():
        if n >= args.min_gold:
            rels = _POS_RELS[pos] + [f"prep:{w}" for w, c in preps[(lemma, pos)].items() if c >= 2]
            cands[lemma] += [cf.Frame(lemma, pos, (rel,), "reported") for rel in rels]

    # 2. each candidate frame applied to every occurrence
    stats = defaultdict(lambda: [0, 0, 0])  # claims, right, new
    for k in learn:
        sdoc = sdocs[k]
        ents = _entities.extract(sdoc, latin=True)
        found = [tokens(c.text) for c in _claims.extract(sdoc, ents, outlet=docs[k].outlet, settings=settings).claims
                 if c.kind != "outlet"]
        golds = [tokens(a["content"]) for a in gold[recs[k]["id"]]]
        covered = [any(token_f1(f, g) >= 0.5 for f in found if f) for g in golds]
        for tok in sdoc:
            pos = "NOUN" if tok.pos_ == "PROPN" else tok.pos_
            for frame in cands.get(tok.lemma_, ()):
                if frame.pos != pos:
                    continue
                hit = cf.read(tok, frame)
                text = render([sdoc[i] for i in hit.content], cf.MIN_WORDS) if hit is not None else None
                if text is None:
                    continue
                f1 = [token_f1(tokens(text), g) if g else 0.0 for g in golds]
                row = stats[(frame.lemma, frame.pos, frame.rels[0])]
                row[0] += 1
                row[1] += max(f1, default=0.0) >= 0.5
                row[2] += any(f >= 0.5 and not covered[j] for j, f in enumerate(f1))

    # 3. keep the precise frames the current finder does not read
    frames: dict[str, dict] = {}
    for (lemma, pos, rel), (n, right, new) in sorted(stats.items(), key=lambda kv: -kv[1][1] / kv[1][0]):
        if CUE_CLASS.get(lemma) == "accusation":
            continue  # 'accused X of C' is read with its object (claim_index.accusation)
        if rel == "dobj" and (lemma in OBJECT_CUES or lemma in NOT_OBJECT or lemma in ADDRESSEE or lemma in ALL_CUES):
            continue  # read already, or the object is the addressee / what is believed ('fear a long winter': no claim)
        if rel in ("ccomp", "ccomp?", "xcomp") and lemma in ALL_CUES:
            continue
        if rel.startswith("prep:") and rel[5:] in OBJECT_PREPS.get(lemma, ()):
            continue
        if right < args.min_right or new < args.min_new or right / n < args.min_precision:
            continue
        entry = frames.setdefault(f"{lemma}/{pos}", {"rels": [], "kind": "reported", "counts": []})
        if rel == "ccomp?" and "ccomp" in entry["rels"]:
            continue
        entry["rels"].append(rel)
        entry["counts"].append({"rel": rel, "claims": n, "right": right, "new": new})
    for key, entry in frames.items():
        lemma = key.rsplit("/", 1)[0]
        if lemma in BELIEF:
            entry["kind"] = "belief"
        elif (entry["rels"][0] == "xcomp" and lemma not in REQUEST) or (entry["rels"][0] == "acl" and lemma in INTENT_NOUNS):
            entry["kind"] = "intention"
    out = {
        "about": ("Attribution cue frames for analyze/claim_frames.py, learned by tools/attribution_frames.py from "
                  "PolNeAR (Newell, Margolin & Ruths, 'An Attribution Relations Corpus for Political News', LREC 2018), "
                  "train split, articles whose index is not a multiple of 3; counts only, no text. Key: spaCy lemma "
                  "(as en_core_web_sm gives it: 'hop' for 'hopes') / part of speech. rels: the dependency relations "
                  "carrying the content, tried in order (dobj: object; xcomp: to-infinitive; ccomp: clause; ccomp?: "
                  "clause or embedded question; prep:W: object of preposition W; acl: a noun's to-infinitive or "
                  "that-clause). counts per relation: claims it made on train, right (token F1 >= 0.5 with a gold "
                  "content), new (right where the finder without frames found nothing). Kept: precision >= "
                  f"{args.min_precision}, right >= {args.min_right}, new >= {args.min_new}. kind: the claim kind."
                  " not_asserting: verbs under which a cue asserts nothing ('refused to comment on C'); refusing: those "
                  "of them that make a verb of saying a refused speech act, its content not asserted ('declined to "
                  "confirm that C'; 'failed to note that C' presupposes C). Both lists are the project's own."),
        "not_asserting": sorted(NOT_ASSERTING),
        "refusing": sorted(REFUSING),
        "frames": dict(sorted(frames.items())),
    }
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(frames)} frames -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
