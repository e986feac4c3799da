"""Attributions cued by words outside the reporting-verb lists: a frame lexicon learned from PolNeAR train.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates as attributions the stances, requests,
intentions and judgements of a source, whatever word cues them: 'Trump attacked the moderators',
'Cruz declined to rule out a run', 'she asked whether the plan was legal', 'his support for the ban',
'Clinton is confident that ...'. ``data/attribution_frames_en.json`` lists cue lemmas (with their
part of speech) and, for each, the dependency relations that carry the content (``dobj``, ``xcomp``
to-infinitive, ``ccomp`` clause, ``ccomp?`` clause or embedded question, ``prep:W`` the object of the
preposition W, ``acl`` a noun's to-infinitive or that-clause, ``acl+noun`` that with the noun), each kept only where its precision on
PolNeAR train was high (counts in the file; ``tools/attribution_frames.py`` rebuilds it from built
train data). The source is the cue's subject (the agent of a passive, the subject of the clause a
subjectless participle hangs on, the noun a 'who' clause qualifies), a noun cue's possessor ('his
support for') or the subject of the verb it is the object of ('Trump voiced support for').

Cheap by construction: cue candidates are found by one lemma lookup on an integer array; only they
are read through spaCy's API. Pure parse-tree reading; claims.py resolves speakers and adds claims.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from crosscheck.analyze.claim_index import (CUE_CLASS, ESTIMATE_VERBS, NAMING, NOUN_CUES, OBJECT_PREPS, WILL_NOUNS, asks,
                                             in_question)
from crosscheck.analyze.quote_marks import MARK_TOKENS
from crosscheck.analyze.claim_objects import completed_object, without_asides
from crosscheck.analyze.claim_subjects import first_subject, governing_subject
from crosscheck.analyze.claim_state import resolve
from crosscheck.analyze.claim_text import MODAL_HEDGES, hedges_of, is_negated, render, subject_of
from crosscheck.denials import is_denial
from crosscheck.model import Claim

_COMPLETING_PREPS = frozenset({"as", "for", "of", "on", "to", "with", "about", "over"})
_PRONOUNS = frozenset({"it", "this", "that", "them", "so", "him", "her", "something", "anything", "nothing",
                       "which", "what", "who", "whom", "one", "those", "these", "he", "she", "they", "us", "me", "you"})
_NOUN_POS = ("NOUN", "PROPN")
_POSSESSIVE = frozenset({"his", "her", "their"})
MIN_WORDS = 2  # 'backed [the ban]': a content of two words is a claim, one word is not (as claim_objects)


@dataclass(frozen=True)
class Frame:
    lemma: str
    pos: str  # VERB | NOUN | ADJ
    rels: tuple[str, ...]  # content relations, tried in order
    kind: str  # claim kind: reported | belief | intention | knowledge


def _data() -> dict:
    with resources.files("crosscheck.data").joinpath("attribution_frames_en.json").open(encoding="utf-8") as fh:
        return json.load(fh)


NOT_ASSERTING = frozenset(_data().get("not_asserting", ()))  # 'refused to comment on C': no content asserted


def unasserted(cue: Token) -> bool:
    """``cue`` is the to-infinitive of a verb under which nothing is asserted ('refused to comment on C', 'failed to
    make clear that C'; data 'not_asserting')."""
    return cue.dep_ == "xcomp" and cue.head.lemma_ in NOT_ASSERTING
REFUSING = frozenset(_data().get("refusing", ()))  # 'declined to confirm that C': a refused speech act


def load(data: dict | None = None) -> dict[tuple[str, str], Frame]:
    """(lemma, POS) -> Frame from data/attribution_frames_en.json (or the given mapping), with the verbs of
    estimating (attribution_cues_en.json 'estimate': 'put the crowd at 18,000') reading their object and its
    'at' figure first, and the nouns of will ('will_nouns': 'her bid to C', 'his refusal to C') their to-infinitive
    where the lexicon has no frame of its own for them."""
    if data is None:
        data = _data()
    out = {}
    for key, spec in data["frames"].items():
        lemma, pos = key.rsplit("/", 1)
        out[(lemma, pos)] = Frame(lemma, pos, tuple(spec["rels"]), spec["kind"])
    for lemma in ESTIMATE_VERBS:
        known = out.get((lemma, "VERB"))
        out[(lemma, "VERB")] = Frame(lemma, "VERB", ("dobj+at", *(known.rels if known else ())),
                                     known.kind if known else "reported")
    for lemma, cls in WILL_NOUNS.items():
        if (lemma, "NOUN") not in out:  # a refusal is told with its noun ('Refusal to release the audit.')
            out[(lemma, "NOUN")] = Frame(lemma, "NOUN", ("acl+noun",) if cls == "refusal" else ("acl",),
                                         "reported" if cls == "refusal" else "intention")
    return out


class Frames:
    """A frame lexicon and the ids to find its cues on a Doc's arrays."""

    def __init__(self, frames: dict[tuple[str, str], Frame]):
        self.frames = frames
        self._lemmas = np.array(sorted({get_string_id(lemma) for lemma, _ in frames}), dtype=np.uint64)
        self._pos = {pos: get_string_id(pos) for pos in ("VERB", "NOUN", "PROPN", "ADJ")}

    def positions(self, sdoc: Doc) -> list[int]:
        """Token indices whose lemma is a frame cue (one vectorised lookup; POS checked per hit)."""
        if not len(sdoc) or not len(self._lemmas):
            return []
        cols = sdoc.to_array([LEMMA, POS])
        hits = np.nonzero(np.isin(cols[:, 0], self._lemmas))[0]
        return [int(i) for i in hits]

    def frame(self, tok: Token) -> Frame | None:
        pos = "NOUN" if tok.pos_ in _NOUN_POS else tok.pos_
        return self.frames.get((tok.lemma_, pos))


@dataclass(frozen=True)
class FrameHit:
    cue: Token
    source: Token
    content: tuple[int, ...]  # token ids, in order
    kind: str
    rel: str


def refused_speech(cue: Token) -> bool:
    """'declined to comment', 'refused to say how many C', 'declined to confirm that C': a refused speech act has
    no content of its own ('refusing' verbs over a verb of saying; 'failed to note that C' presupposes C)."""
    return cue.lemma_ in REFUSING and any(
        c.dep_ == "xcomp" and CUE_CLASS.get(c.lemma_) == "speech" for c in cue.children)


def read(cue: Token, frame: Frame) -> FrameHit | None:
    """The source and content of ``cue`` by its frame; None when the parse offers neither."""
    if any(c.dep_ == "neg" for c in cue.children) or cue.dep_ in ("compound", "amod") and frame.pos != "ADJ":
        return None  # 'did not support the ban' is no stance to credit; 'support staff'
    if unasserted(cue):
        return None  # 'the ministry refused to comment on the ruling'
    source = _source(cue, frame.pos)
    if source is None:
        return None
    for rel in frame.rels:
        if rel == "xcomp" and refused_speech(cue):
            continue
        if rel == "dobj+at" and any(t.like_num or t.ent_type_ in _FIGURE_ENTS for t in source.subtree):
            continue  # 'the aid was not enough, and put the losses at ...': a sum estimates nothing (a parse slip)
        ids = _content(cue, rel)
        if ids and frame.pos == "NOUN":
            ids = _unnamed(cue, ids)
        if ids:
            ids -= {t.i for t in source.subtree}
            if ids:
                return FrameHit(cue, source, tuple(sorted(ids)), frame.kind, rel)
    return None


# ---------------------------------------------------------------- contents
def _content(cue: Token, rel: str) -> set[int] | None:
    if rel == "dobj":
        return _object(cue)
    if rel == "dobj+at":
        return _estimate(cue)
    if rel == "xcomp":
        return _infinitive(cue)
    if rel in ("ccomp", "ccomp?"):
        comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and c.pos_ in ("VERB", "AUX")), None)
        if comp is None or (rel == "ccomp" and asks(comp)):
            return None
        return {t.i for t in comp.subtree}
    if rel == "acl":
        return _noun_clause(cue)
    if rel == "acl+noun":
        ids = _noun_clause(cue)
        return ids | {cue.i} if ids else None
    if rel.startswith("prep:"):
        word = rel[5:]
        prep = next((c for c in cue.children if c.dep_ in ("prep", "dative") and c.lower_ == word and c.i > cue.i), None)
        if prep is None:
            return None
        heads = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if not heads or _bare(heads):
            return None
        return {t.i for h in heads for t in h.subtree}
    raise ValueError(f"attribution_frames_en.json: unknown content relation {rel!r}")


def _unnamed(noun: Token, ids: set[int]) -> set[int]:
    """A noun cue's content without the quoted name a verb of naming gives the noun's phrase ('called Halden's plans
    to open a plant "a reckless waste"': the waste is the caller's word, not part of the plan)."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in NAMING:
        return ids
    mark = next((k for k in sorted(ids) if k > noun.i and noun.doc[k].text in MARK_TOKENS), None)
    return {k for k in ids if mark is None or k < mark}


def _bare(heads: list[Token]) -> bool:
    """A pronoun alone ('backed it', 'voted for them'): no content to read."""
    return all(h.lower_ in _PRONOUNS and not any(True for _ in h.children) for h in heads)


def _object(cue: Token) -> set[int] | None:
    """The object with what completes it ('Romney for not releasing his returns', 'the plan a mistake')."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or _bare([obj]) or obj.like_num or obj.ent_type_ in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY"):
        return None
    return completed_object(cue, obj, _COMPLETING_PREPS)


_FIGURE_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})


def _estimate(cue: Token) -> set[int] | None:
    """'put the crowd at 18,000', 'the toll was put at 31': what is counted (the object, or the subject of a
    passive) and the 'at' phrase, where that phrase holds a figure."""
    passive = any(c.dep_ == "nsubjpass" for c in cue.children)
    obj = next((c for c in cue.children if (c.dep_ == "nsubjpass" if passive else c.dep_ == "dobj" and c.i > cue.i)), None)
    if obj is None or obj.like_num or _bare([obj]):
        return None
    at = next((c for c in (*cue.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i), None)
    if at is None or not any(t.ent_type_ in _FIGURE_ENTS or t.like_num and t.ent_type_ not in ("TIME", "DATE")
                             for t in at.subtree):
        return None  # 'placed an order at 9 a.m.': a time, no estimate
    return {t.i for t in obj.subtree} | {t.i for t in at.subtree}


def _infinitive(cue: Token) -> set[int] | None:
    """'declined to rule out a run', 'asked the court to block the law' (the object with it)."""
    xcomp = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children) or asks(xcomp):
        return None
    ids = {t.i for t in xcomp.subtree}
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubj") and cue.i < c.i < xcomp.i), None)
    if obj is None:  # 'called on President Obama to retaliate': whom the request is made of, without 'on'
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS.get(cue.lemma_, ())
                     and cue.i < c.i < xcomp.i), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and any(c.dep_ == "aux" and c.lower_ in MODAL_HEDGES for c in cue.children):
        return None  # 'could ask Laura Conti to form a government': an ask that may come, none made
    if obj is not None:
        ids |= {t.i for t in obj.subtree}
    return ids


def _noun_clause(noun: Token) -> set[int] | None:
    """'the decision to withdraw', 'his claim that the vote was rigged'."""
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("acl", "ccomp", "relcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        to = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        that = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) and c.dep_ != "relcl"
        if to and c.dep_ == "acl" or that:
            return {t.i for t in c.subtree}
    if noun.dep_ == "dobj":  # 'announced plans this week to give C': the parser hung the infinitive on the verb
        end = max(t.i for t in noun.subtree)
        for c in noun.head.children:
            if c.dep_ == "advcl" and c.i > end and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and all(
                    t.ent_type_ in ("DATE", "TIME") for t in noun.doc[end + 1 : c.left_edge.i]):
                return {t.i for t in c.subtree}
    return None


# ---------------------------------------------------------------- sources
def _source(cue: Token, pos: str) -> Token | None:
    if pos == "NOUN":
        return _noun_source(cue)
    if pos == "ADJ":
        if cue.dep_ in ("acomp", "oprd"):
            return next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
        return None
    subj = first_subject(cue)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is not None:
        return subj if subj.lower_ not in ("which", "that", "who") else (cue.head if cue.dep_ == "relcl" else None)
    if cue.dep_ == "relcl" or (cue.dep_ == "acl" and cue.tag_ == "VBN"):
        return None  # 'a group called Our Principles': a participle naming, no one speaking
    return governing_subject(cue)


def _noun_source(noun: Token) -> Token | None:
    """'his support for', 'Trump's attack on' (the possessor); 'X voiced support for' (the verb's subject)."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and (poss.pos_ != "PRON" or noun.dep_ != "dobj"):
        return poss
    holder = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("PERSON", "ORG", "NORP"))), None)
    if holder is not None and NOUN_CUES.get(noun.lemma_.lower()) == "belief":
        return holder  # 'to sway the views of Senator Ek': Ek holds them, not the verb's subject ('criticism of X': X is its target)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":  # 'X repeated his promise to': X
        head = noun.head
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None else governing_subject(head)
    return None


# ---------------------------------------------------------------- claims
_LEXICON: Frames | None = None


def lexicon() -> Frames:
    """The packaged frame lexicon, loaded once per process."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Frames(load())
    return _LEXICON


def use(frames: Frames) -> None:
    """Read with ``frames`` instead of the packaged lexicon (tools/attribution_frames.py: the finder without frames)."""
    global _LEXICON
    _LEXICON = frames


def _reported_by(claims, sent, cue: Token, text: str, who: str | None) -> tuple[str, ...]:
    """The chain of a frame claim told inside another source's claim of the sentence ('One of the officials said
    the prime minister had asked Rask to step down': the asking is the official's report): that source and its
    chain, nearest first; () when no other source's claim holds the cue and the content."""
    body = text.rstrip(".").lower()
    for c in claims:
        if c.start <= sent.start_char < c.end and (c.speaker or c.speaker_text) not in (None, who) and \
                cue.lower_ in c.text.lower() and body in c.text.lower():
            return ((c.speaker_text,) if c.speaker_text else ()) + tuple(c.chain)
    return ()


def _denied_in(claims, sent, cue: Token, text: str) -> bool:
    """The frame is told inside a denial of the sentence ('The ministry denied that the government had pressed the
    bank to act'): the pressing is what is denied, no demand of the government's."""
    body = text.rstrip(".").lower()
    return any(c.start <= sent.start_char < c.end and is_denial(c.cue, "en") and
               cue.lower_ in c.text.lower() and body in c.text.lower() for c in claims)


_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """The text's words in lower case (how claims of one sentence are compared: here and in claim_learned)."""
    return _WORD.findall(text.lower())


def spoken(cue: Token, content, rel: str):
    """The content's token ids but for the writer's asides on a noun-phrase content (object or prepositional): a
    relative clause after a comma ('praised her plans, which include a tax credit'; claim_objects.without_asides).
    Appositions stay: on PolNeAR train they mostly name who is meant ('testimony by G. Hicks, the former deputy')."""
    if rel == "dobj" or rel.startswith("prep:"):
        return sorted(without_asides(cue, set(content), ("relcl",)))
    return content


def within_claim(text: str, who: str | None, claims) -> bool:
    """The words of ``text`` are all words of one of the claims that ``who`` (a speaker key or wording) makes:
    a piece of what they already said ('X continued: "C1, but C2"' read again as 'continued C1')."""
    words = set(words_of(text))
    return bool(words) and any((c.speaker or c.speaker_text) == who and words <= set(words_of(c.text))
                               for c in claims)


def sentence_claims(st, sent, positions: list[int], frames: Frames | None = None) -> list[Claim]:
    """Claims of ``sent`` cued by frame words (``positions``: the doc's frame cue tokens); the speaker is
    resolved by the reading state ``st`` (claim_state.State) as it stands after reading the sentence.
    A content already claimed with the same words by the same speaker in this sentence is not repeated."""
    frames = frames or lexicon()
    doc = sent.doc
    lo, hi = bisect_left(positions, sent.start), bisect_left(positions, sent.end)
    out: list[Claim] = []
    here = [c for c in st.claims if c.start <= sent.start_char < c.end]
    seen = {(c.text, c.speaker or c.speaker_text) for c in here}
    taken: set[int] = set()
    for j in positions[lo:hi]:
        cue = doc[j]
        frame = frames.frame(cue)
        if frame is None or j in taken or in_question(cue):
            continue  # ('asked whether the deals required the aides to C': nothing asserted)
        hit = read(cue, frame)
        if hit is None or taken & set(hit.content):
            continue
        if hit.source.lower_ in _POSSESSIVE:  # 'his plan to': the person last speaking or named as subject
            last = st.recent(st.settings.claim_speaker_window, "PERSON")
            speaker, speaker_text = (last.key, last.text) if last is not None else (None, None)
        else:
            speaker, speaker_text = resolve(st, hit.source, mention=False)
        if speaker is None and (speaker_text is None or hit.source.pos_ == "PRON"):
            continue
        toks = [doc[k] for k in spoken(cue, hit.content, hit.rel)]
        if not any(t.is_alpha for t in toks):
            continue  # 'showed her ahead with 50.3%': a figure alone, no word of what it counts
        text = render(toks, MIN_WORDS)
        if (text is None or (text, speaker or speaker_text) in seen or within_claim(text, speaker or speaker_text, here)
                or _denied_in(st.claims, sent, cue, text)):
            continue
        seen.add((text, speaker or speaker_text))
        taken |= set(hit.content) | {j}
        out.append(Claim(key="", text=text, start=sent.start_char, end=sent.end_char, speaker=speaker,
                         speaker_text=speaker_text, cue=cue.lower_, kind=hit.kind, hedges=hedges_of(toks),
                         negated=is_negated(toks), subject=subject_of(toks),
                         chain=_reported_by(st.claims, sent, cue, text, speaker or speaker_text)))
    return out
