"""Attributions proposed by a learned model: every content a word's parse offers, kept when a linear
model trained on PolNeAR train scores it above a threshold.

The rule finder (claims.py) and the frame lexicon (claim_frames.py) read cue words they list. This
module reads any verb, noun or adjective of the model's cue vocabulary (plus any verb with a clause
complement): each content relation the parse offers it (a clause after or before it, a to-infinitive,
an object with what completes it, the object of a preposition, a noun's that-clause or to-infinitive)
with a source (its subject, the agent of a passive, a noun's possessor, the subject a participle hangs
on) is a candidate. Its features are parse facts: lemma and part of speech, relation, the cue's own
relation and tag, its head's lemma ('refused to'), the source's kind (pronoun, named person,
organisation, noun lemma), content length, quote marks, negation, a modal, the class the cue lists give
the lemma, overlap with claims already made. ``data/attribution_model_en.json`` holds the weights of a
logistic regression fitted by ``tools/attribution_model.py`` on PolNeAR train (its held-back third
chose the threshold); scoring is a sum of weights, no learning library at run time.

A candidate becomes a claim (``kind`` reported / belief / intention, as the cue lists class the lemma;
the learned path is this module's ``sentence_claims``) when its score passes the threshold, its cue is
not already the cue of a claim, and its content is not one already claimed in the sentence (the report's
own statement of the whole sentence does not count: the model was fitted without it).
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from crosscheck.analyze.claim_frames import (NOT_ASSERTING, _infinitive, _noun_clause, _object, _source, lexicon,
                                             refused_speech, spoken, unasserted, words_of)
from crosscheck.analyze.claim_index import CUE_CLASS, NEGATING_PREPS, asks
from crosscheck.analyze.claim_objects import NO_ONE, no_one
from crosscheck.analyze.claim_quotes import writer_speaks
from crosscheck.analyze.claim_sources import names_a_document
from crosscheck.analyze.claim_state import resolve
from crosscheck.analyze.claim_text import hedges_of, is_negated, render, subject_of
from crosscheck.model import Claim
from crosscheck.textunits import token_f1

MIN_WORDS = 2  # content words (not stop words) a learned claim needs
_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_QUOTES = frozenset('"\u201c\u201d\u2018\u2019\u00ab\u00bb\'\'``')
_PREPS = frozenset({"about", "against", "as", "at", "for", "from", "in", "of", "on", "over", "to", "with"})
_POSSESSIVE = frozenset({"his", "her", "their", "its"})
_KIND = {"belief": "belief", "intention": "intention", "knowledge": "knowledge"}


@dataclass(frozen=True)
class Candidate:
    cue: Token
    source: Token
    rel: str  # ccomp> | ccomp< | ccomp? | xcomp | dobj | nsubjpass | acl | prep:W
    content: tuple[int, ...]  # token ids, in order


def candidates(cue: Token) -> list[Candidate]:
    """Every reading of ``cue`` as an attribution cue the parse offers: one per content relation."""
    pos = _POS.get(cue.pos_)
    if pos is None or cue.dep_ == "compound" or refused_speech(cue.head) and cue.dep_ == "xcomp":
        return []  # ('declined to confirm that C': a refused speech act asserts nothing)
    source = _source(cue, pos)
    if source is None:
        return []
    drop = {t.i for t in source.subtree}
    out = []
    for rel, ids in _contents(cue, pos):
        ids = ids - drop - {cue.i}
        if ids:
            out.append(Candidate(cue, source, rel, tuple(sorted(ids))))
    return out


def _contents(cue: Token, pos: str):
    if pos == "NOUN":
        ids = _noun_clause(cue)
        if ids:
            yield "acl", ids
    else:
        for c in cue.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
                rel = "ccomp?" if asks(c) else "ccomp>" if c.i > cue.i else "ccomp<"  # ccomp?: 'asked whether C'
                yield rel, {t.i for t in c.subtree}
        if pos == "VERB" and any(c.dep_ == "agent" for c in cue.children):  # 'the plan was criticised by X'
            subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and not (subj.pos_ == "PRON" and not any(True for _ in subj.children)):
                yield "nsubjpass", {t.i for t in subj.subtree}
        ids = _infinitive(cue)
        if ids and not refused_speech(cue):
            yield "xcomp", ids
        if pos == "VERB":
            ids = _object(cue)
            if ids:
                yield "dobj", ids
    for c in cue.children:
        if c.dep_ == "prep" and c.i > cue.i and c.lower_ in _PREPS:
            heads = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if heads and not (len(heads) == 1 and heads[0].pos_ == "PRON" and not any(True for _ in heads[0].children)):
                if not any(h.ent_type_ in ("DATE", "TIME") for h in heads):
                    yield f"prep:{c.lower_}", {t.i for h in heads for t in h.subtree}


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+"


def _source_kind(tok: Token) -> str:
    if tok.pos_ == "PRON":
        return "pron:" + tok.lower_
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    return "noun:" + tok.lemma_.lower() if tok.pos_ == "NOUN" else "pos:" + tok.pos_


def features(cand: Candidate, used: frozenset[int] | set[int] = frozenset(), speaker: str = "?") -> list[str]:
    """The candidate's feature names (parse facts only; ``speaker``: the kind of speaker its source resolves
    to, an entity type, 'text' for a description with no entity, 'none')."""
    cue, src, rel = cand.cue, cand.source, cand.rel
    pos = _POS[cue.pos_]
    lem = f"{cue.lemma_.lower()}/{pos}"
    doc = cue.doc
    first, last = doc[cand.content[0]], doc[cand.content[-1]]
    n = sum(1 for k in cand.content if doc[k].is_alpha or doc[k].like_num)
    sk = _source_kind(src)
    skc = sk.split(":", 1)[0] if not sk.startswith("ent:") else sk
    cls = CUE_CLASS.get(cue.lemma_, "none")
    sent = cue.sent
    quoted = any(doc[k].text in _QUOTES for k in cand.content)
    in_quote = sum(1 for t in doc[sent.start : cue.i] if t.text in _QUOTES) % 2 == 1
    overlap = sum(1 for k in cand.content if k in used) / len(cand.content)
    rel_base = "prep" if rel.startswith("prep:") else rel
    f = [
        "bias", "L=" + lem, "R=" + rel, "LR=" + lem + "|" + rel, "PR=" + pos + "|" + rel_base,
        "T=" + cue.tag_, "D=" + cue.dep_, "DR=" + cue.dep_ + "|" + rel_base, "S=" + sk, "SK=" + skc,
        "SKR=" + skc + "|" + rel_base, "SD=" + src.dep_, "N=" + _bucket(n), "NR=" + _bucket(n) + "|" + rel_base,
        "C=" + cls, "CR=" + cls + "|" + rel_base, "F=" + first.lower_ if first.is_alpha else "F=" + first.pos_,
        "FR=" + first.pos_ + "|" + rel_base, "E=" + ("end" if last.i + 1 >= sent.end - 1 else "mid"),
        "O=" + ("0" if overlap == 0 else "some" if overlap < 0.5 else "most"),
    ]
    ids = set(cand.content)
    head = next((doc[k] for k in cand.content if doc[k].head.i not in ids or doc[k].head.i == k), first)
    f += ["LS=" + lem + "|" + skc, "LD=" + lem + "|" + cue.dep_, "LT=" + lem + "|" + cue.tag_, "SP=" + speaker,
          "SPR=" + speaker + "|" + rel_base, "CH=" + head.lemma_.lower() + "|" + rel_base, "CP=" + head.pos_ + "|" + rel_base,
          "CE=" + (head.ent_type_ or "-") + "|" + rel_base]
    if cue.i == sent.root.i:
        f.append("ROOT")
    if any(doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD") for k in cand.content):
        f.append("FIN|" + rel_base)
    if cue.dep_ in ("xcomp", "ccomp", "conj", "advcl") and cue.head.i != cue.i:
        f.append("H=" + cue.head.lemma_.lower())
        if cue.head.lemma_ in NOT_ASSERTING:
            f.append("H=not_asserting")
    if any(c.dep_ == "neg" for c in cue.children):
        f.append("NEG")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children):
        f.append("MD")
    if quoted:
        f.append("Q|" + rel_base)
    if in_quote:
        f.append("INQ")
    if cue.i < src.i:
        f.append("SAFTER")
    if rel == "ccomp<":
        f.append("PRE|" + skc)
    return f


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float  # on the probability
    lemmas: frozenset[str]  # cue vocabulary: 'lemma/POS' ('*': every verb, noun and adjective)

    def score(self, feats: list[str]) -> float:
        z = math.fsum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def positions(self, sdoc: Doc) -> list[int]:
        """Token indices that may be cues: a vocabulary lemma, or a verb heading a clause complement."""
        if not len(sdoc):
            return []
        cols = sdoc.to_array([LEMMA, POS, DEP, HEAD])
        if "*" in self.lemmas:  # every content word (tools/attribution_model.py collecting candidates)
            hits = np.isin(cols[:, 1], [get_string_id(p) for p in _POS])
        else:
            hits = np.isin(cols[:, 0], _lemma_ids(self.lemmas))
        ccomp = cols[:, 2] == get_string_id("ccomp")
        heads = (np.arange(len(sdoc)) + cols[:, 3].astype(np.int64))[ccomp]
        hits[heads[(heads >= 0) & (heads < len(sdoc))]] = True
        return [int(i) for i in np.nonzero(hits)[0]]


_IDS: dict[frozenset, np.ndarray] = {}


def _lemma_ids(lemmas: frozenset[str]) -> np.ndarray:
    ids = _IDS.get(lemmas)
    if ids is None:
        ids = _IDS[lemmas] = np.array(sorted({get_string_id(x.rsplit("/", 1)[0]) for x in lemmas}), dtype=np.uint64)
    return ids


def load(data: dict | None = None) -> Model:
    """The model from data/attribution_model_en.json (or the given mapping)."""
    if data is None:
        with resources.files("crosscheck.data").joinpath("attribution_model_en.json").open(encoding="utf-8") as fh:
            data = json.load(fh)
    try:
        return Model({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]), frozenset(data["lemmas"]))
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"attribution_model_en.json: not a model ({exc})") from exc


_MODEL: Model | None = None
COLLECT: list | None = None  # tools/attribution_model.py: a list to receive (features, text, doc) of every candidate


def model() -> Model:
    """The packaged model, loaded once per process."""
    global _MODEL
    if _MODEL is None:
        _MODEL = load()
    return _MODEL


def use(m: Model | None) -> None:
    """Score with ``m`` instead of the packaged model (None: the packaged one again)."""
    global _MODEL
    _MODEL = m


def _speaker(st, source: Token) -> tuple[str | None, str | None]:
    """(entity key, wording) of the source: 'his plan' -> the person last speaking or named as subject."""
    if source.lower_ in _POSSESSIVE:
        last = st.recent(st.settings.claim_speaker_window, "PERSON")
        return (last.key, last.text) if last is not None else (None, None)
    return resolve(st, source, mention=False)


class _Either:
    """Membership in either of two sets, neither copied."""

    def __init__(self, a: set[int], b: set[int]):
        self.a, self.b = a, b

    def __contains__(self, k: int) -> bool:
        return k in self.a or k in self.b


def _same(a: list[str], b: list[str]) -> bool:
    return token_f1(a, b) >= 0.5


def sentence_claims(st, sent: Span, positions: list[int], made: list[Claim] = ()) -> list[Claim]:
    """Learned claims of ``sent`` (``positions``: the doc's candidate cues, from Model.positions), the speaker
    resolved by the reading state ``st`` after the sentence; none repeating a claim of the sentence
    (``made``: claims not yet in ``st``, such as the frame lexicon's)."""
    m = model()
    threshold = m.threshold if st.settings.claim_learned_threshold is None else st.settings.claim_learned_threshold
    doc = sent.doc
    lo, hi = bisect_left(positions, sent.start), bisect_left(positions, sent.end)
    if lo == hi:
        return []
    seen: list[list[str]] | None = None  # words of the sentence's claims, read when a candidate first needs them
    added: set[int] = set()
    used = _Either(st.used, added)
    out: list[Claim] = []
    for j in positions[lo:hi]:
        cue = doc[j]
        best = None
        for cand in candidates(cue):
            if sum(1 for k in cand.content if not doc[k].is_stop and (doc[k].is_alpha or doc[k].like_num)) < MIN_WORDS:
                continue  # 'praised the firefighters': no two content words, nothing to corroborate
            if names_a_document(cue, cand.content):
                continue  # 'confirming its preliminary estimate': a document given elsewhere, no words of its own
            if seen is None:
                here = [c for c in (*st.claims, *made) if c.start <= sent.start_char < c.end and c.kind != "outlet"]
                if j in st.used and cue.lower_ in {c.cue for c in here}:
                    break  # already the cue of a claim
                seen = [words_of(c.text) for c in here]
            elif j in st.used and any(c.cue == cue.lower_ for c in st.claims if c.start <= sent.start_char < c.end):
                break
            text = render([doc[k] for k in spoken(cue, cand.content, cand.rel)], MIN_WORDS)
            if text is None:
                continue
            toks = words_of(text)
            if any(_same(toks, s) for s in seen):
                continue
            speaker = _speaker(st, cand.source)
            sp = "none" if speaker[0] is None and speaker[1] is None else "text" if speaker[0] is None else (
                getattr(st.ents.entity(speaker[0]), "type", None) or "entity")
            feats = features(cand, used, sp)
            p = m.score(feats)
            if COLLECT is not None:
                COLLECT.append((feats, text, cand, p))
            if p >= threshold and (best is None or p > best[0]):
                best = (p, cand, text, toks, speaker)
        if best is None:
            continue
        _, cand, text, toks, (speaker, speaker_text) = best
        if no_one(cue) or cand.source.lower_ in NO_ONE or cand.source.pos_ in ("VERB", "AUX"):
            continue  # 'no one stated that C', 'none of his arguments', a verb the parser made the subject: no speaker
        if unasserted(cue) or cue.dep_ == "pcomp" and cue.head.lower_ in NEGATING_PREPS:
            continue  # 'failed to note that C', 'left without saying where C': no act (the model still learns from them)
        if speaker is None and speaker_text is None and writer_speaks(st, cand.source):
            speaker_text = st.outlet  # 'I know all about C': the piece's own writer
        elif speaker is None and (speaker_text is None or cand.source.pos_ == "PRON" and (
                "Ind" not in cand.source.morph.get("PronType"))):  # ('someone asked how C')
            continue
        content = [doc[k] for k in cand.content]
        frame = lexicon().frame(cue)  # the frame lexicon's kind where it lists the word ('opposes': belief)
        kind = frame.kind if frame is not None else _KIND.get(CUE_CLASS.get(cue.lemma_), "reported")
        if kind == "belief" and cand.rel == "xcomp":
            kind = "intention"
        seen.append(toks)
        added.update(cand.content)
        added.add(j)
        out.append(Claim(key="", text=text, start=sent.start_char, end=sent.end_char, speaker=speaker,
                         speaker_text=speaker_text, cue=cue.lower_, kind=kind, hedges=hedges_of(content),
                         negated=is_negated(content), subject=subject_of(content)))
    return out
