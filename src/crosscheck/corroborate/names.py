"""One id per name within a story, before its claims are compared, and how two claims' names compare.

Entity linking across reports may leave one name apart (a fictional place tagged GPE in one report
and ORG in another; "Olund" in one report, "Petra Olund" in the other): alignment then reads two
speakers or two places where there is one.
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from functools import lru_cache

from ..textunits import script_of
from .features import ClaimView, name_keys
from .lexicon import STOP, TOKEN


def unify_names(views: list[ClaimView]) -> list[ClaimView]:
    """One id per name within a story: a place or a person whose mentions entity linking left apart
    (a fictional name tagged GPE in one report and ORG in another; "Olund" and "Petra Olund" in two
    reports) gets one entity term and one speaker id. Names meet when written alike, or when a one-word
    name is the last word of exactly one longer name of the story and no other word of a longer name."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for v in views:
        for ident, name in v.names:
            if len(name) >= 3:
                by_name[name.lower()].add(ident)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for ids in by_name.values():
        first = min(ids)
        for other in ids:
            union(first, other)
    longer: dict[str, set[str]] = defaultdict(set)
    modifying: set[str] = set()  # words that name other things too ('Kalden Valley'): a place's, not a surname
    for name, ids in by_name.items():
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isalpha():
            longer[words[-1]] |= {find(i) for i in ids}
            modifying.update(words[:-1])
    for name, ids in by_name.items():
        # 'Olund' is 'Petra Olund'; 'Kalden' is not 'Radio Kalden' where 'Kalden Valley' is named too
        if " " not in name and name not in modifying and len(roots := {find(i) for i in longer.get(name, ())}) == 1:
            for i in ids:
                union(next(iter(roots)), i)
    if not parent:
        return views

    def unified(v: ClaimView) -> ClaimView:
        terms = frozenset(find(t) for t in v.entity_terms)
        subject = find(v.subject) if v.subject and v.subject.startswith("@") else v.subject
        head = find(v.head) if v.head and v.head.startswith("@") else v.head
        speaker = find("@" + v.speaker_id)[1:] if v.speaker_id else v.speaker_id
        parts = tuple(unified(p) for p in v.parts)  # a claim's sentences read as parts: the same ids
        if (terms, subject, head, speaker, parts) != (v.entity_terms, v.subject, v.head, v.speaker_id, v.parts):
            v = dataclasses.replace(v, entity_terms=terms, subject=subject, head=head, speaker_id=speaker, parts=parts)
        return v

    return [unified(v) for v in views]


def own_names(a: ClaimView, b: ClaimView) -> bool:
    """``a`` names someone or something (an entity) that ``b`` names in no spelling at all."""
    names: dict[str, set[str]] = defaultdict(set)
    for term, name in a.names:
        names[term] |= name_keys(name)
    keys = b.name_keys | b.speaker_keys
    return any(t not in b.entity_terms and names.get(t) and not names[t] & keys for t in a.entity_terms)


def written_in(a: ClaimView, b: ClaimView) -> bool:
    """A name of ``a`` is written in ``b``'s words, whether or not ``b``'s analyser read it as a name (across
    languages the names are read by different analysers: 'all'aeroporto di Suvarnabhumi' gave no entity, and the
    sentence's first word 'Dimostra' one)."""
    return bool(a.name_keys & _text_keys(b.claim.text))


@lru_cache(maxsize=8192)
def _text_keys(text: str) -> frozenset[str]:
    return frozenset(name_keys(text))


# scripts that leave short vowels unwritten (ISO 15924 codes, as CLDR gives them: textunits.script_of)
ABJADS = frozenset({"Arab", "Hebr", "Syrc"})
_INNER_VOWELS = re.compile(r"(?<=.)[aeiouwy]")  # (w, y: the letters an abjad writes its long vowels with)


def abjad_keys_meet(a: ClaimView, b: ClaimView) -> bool:
    """One claim is written in an abjad and the other is not, and a name key of each meets without its vowels
    ('قرسا' / 'Qarsa': qrs; 'يوسف' / 'Yusuf': ysf), as the romanisation of a word without its short vowels can."""
    if (script_of(a.language) in ABJADS) == (script_of(b.language) in ABJADS):
        return False
    def bare(keys: frozenset[str]) -> set[str]:
        return {k for k in (_INNER_VOWELS.sub("", key) for key in keys) if len(k) >= 3}
    return bool(bare(a.name_keys) & bare(b.name_keys))


def nested_names(a: ClaimView, b: ClaimView) -> bool:
    """A name of one claim is, word for word, inside a name the other claim gives ("Banstead" / "Banstead High
    Street"): a place within that place, or one actor named more fully; not another actor."""
    def words(view: ClaimView) -> list[frozenset[str]]:
        return [w for term, name in view.names if term in view.entity_terms
                if (w := frozenset(x.lower() for x in TOKEN.findall(name)) - STOP)]

    wb = words(b)
    return any(x <= y or y <= x for x in words(a) for y in wb)


def proper_part(wording: str) -> str:
    """A source's wording without its lowercase words: the name the descriptors go with ('агентство Northwire', 'the
    news agency Northwire' -> 'Northwire'); '' when every word is lowercase ('the agency'), the wording itself in a
    script without letter case. An elided article before a lowercase word is no part of it ("L'agence officielle QNA")."""
    words = re.findall(r"[^\W_]+", re.sub(r"(?<!\w)[^\W\d_]{1,4}['\u2019](?=[^\W\d_])(?![A-Z])", " ", wording))
    if not any(w[0].isupper() or w[0].islower() for w in words):
        return wording
    return " ".join(w for w in words if not w[0].islower())
