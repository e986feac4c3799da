"""Denials: a claim whose cue says its content is not so ('the company denied that the ship was overloaded')
asserts the opposite of its words. Its ``negated`` flag is turned (a denied negation, 'denied that it had not
paid', is an assertion), so corroboration keeps it apart from the claim it denies and reads the two as a
disagreement. Per language (data/denial_cues.json): the denial verbs; the weak ones ('rejected', 'dismissed'),
which deny only a statement ('dismissed claims that C', not 'rejected the proposal'); and the negation words that
take a denial back ('did not deny', 'n'a pas démenti').
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from crosscheck.denials import DenialWords, cue_in, is_denial, referring, words
from crosscheck.model import Claim, Mention

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|n['’]t", re.IGNORECASE)
_WINDOW = 3  # words before the cue that may take the denial back; words after a weak one that name a statement


def _denies(sentence: str, cue: str, table: DenialWords) -> bool:
    """The cue denies in this sentence: no negation word right before it ('did not deny', 'didn't deny', 'n'a pas
    démenti'), and a weak cue has a statement word right after it."""
    at = sentence.lower().find(cue.lower())
    if at < 0:
        return False
    for w in [w.lower().replace("’", "'") for w in _WORD.findall(sentence[:at])][-_WINDOW:]:
        if w in table.cancel or any(c.endswith("'") and w.startswith(c) or c.startswith("n'") and w.endswith(c)
                                    for c in table.cancel):
            return False  # 'pas'; 'n'a' (elided 'ne'); 'didn't' (the clitic "n't")
    if cue_in(cue, table.forms):
        return True
    after = [w.lower() for w in _WORD.findall(sentence[at + len(cue):])][:_WINDOW]
    return any(w in table.statements for w in after)


def with_denials(claims: Sequence[Claim], text: str, title: str | None, language: str | None,
                 mentions: Sequence[Mention] = ()) -> tuple[Claim, ...]:
    """The claims, those a denial cues turned to negated; a denial whose content only points back ('The ministry
    denied it.', 'denied the report', 'De kiescommissie ontkende dat.') denies the claim before it, whose words it
    takes (data/denial_cues.json 'referring'); a relative clause closing a claim's sentence with a denial ('...,
    which Moscow denies.') leaves the claim's words and is a denial of them by its subject ('relative')."""
    table = words(language)
    if table is None:
        return tuple(claims)
    claims = _relative_denials(claims, text, table, mentions)
    out = []
    for c in claims:
        if c.kind != "outlet" and is_denial(c.cue, language):
            source = (title or "") if c.in_title else text
            if _denies(source[c.start:c.end], c.cue or "", table):
                c = replace(c, negated=not c.negated)
                if referring(c.text, language):
                    before = _antecedent(claims, c, language)
                    c = replace(c, text=before.text) if before is not None else c
        out.append(c)
    return tuple(c for c in out if not (referring(c.text, language) and is_denial(c.cue, language)))


def _antecedent(claims: Sequence[Claim], c: Claim, language: str | None) -> Claim | None:
    """The claim that ends last before ``c`` starts, in the same part (title or body), not itself pointing back."""
    earlier = [a for a in claims if a.in_title == c.in_title and a.end <= c.start and not referring(a.text, language)]
    return max(earlier, key=lambda a: (a.end, a.start), default=None)


_NAME_WORDS = 6  # words a relative denial's subject may have ('the Russian Defence Ministry')


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "x^"


@lru_cache(maxsize=16)
def _relative_pattern(openers: tuple[str, ...], forms: frozenset[str], fillers: tuple[str, ...]) -> re.Pattern | None:
    """', which Moscow has denied.' / ', lo que niega Moscú.': a denial clause ending its sentence, its subject before
    or after the verb, the language's auxiliaries and adverbs (``fillers``) beside the verb."""
    if not openers or not forms:
        return None
    form, fill = _alt(forms), rf"(?:\s+(?:{_alt(fillers)}))*"
    subj = r"[^\W\d_][^,.;:!?()\[\]\"\n]{0,80}?"
    return re.compile(rf"\s*,\s*(?:{_alt(openers)})\s+(?:(?P<s1>{subj}){fill}\s+(?P<c1>{form})|(?P<c2>{form})\s+"
                      rf"(?P<s2>{subj})){fill}\s*(?P<stop>[.!?]|$)", re.IGNORECASE)


def _relative_denials(claims: Sequence[Claim], text: str, table: DenialWords,
                      mentions: Sequence[Mention]) -> list[Claim]:
    """Each body claim whose sentence closes with a relative denial: the claim without the clause, and beside it the
    denial of the same words by the clause's subject (its entity where a mention sits there)."""
    pattern = _relative_pattern(table.relative, table.forms, table.fillers)
    if pattern is None:
        return list(claims)
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if c.in_title or c.negated:
            continue
        m = pattern.search(text, c.start, min(len(text), c.end + 160))
        if m is None or "\n" in text[c.start:m.start()] or \
                any(ch in text[max(c.end - 1, c.start):m.start()] for ch in ".!?"):
            continue  # (the clause closes this claim's own sentence)
        subject = (m.group("s1") or m.group("s2") or "").strip()
        if not subject or len(subject.split()) > _NAME_WORDS or any(w.lower() in table.cancel for w in subject.split()) \
                or subject.split()[0].lower() in table.fillers:
            continue  # ('which Moscow does not deny' denies nothing; 'which was called over a pay dispute': no subject)
        words_ = c.text
        inner = pattern.search(words_)
        if inner is not None and inner.start() > 0:  # the clause was in the claim's words: they end before it
            words_ = words_[:inner.start()].rstrip(" ,") + "."
            out[-1] = replace(c, text=words_)
        ss = m.start("s1") if m.group("s1") else m.start("s2")
        speaker = next((mm.entity for mm in mentions if ss <= mm.start < ss + len(subject)), None)
        cue = m.group("c1") or m.group("c2")
        denial = replace(c, key=c.key + "d", text=words_, speaker=speaker, speaker_text=subject, cue=cue,
                         kind="reported", hedges=(), chain=(), negated=False)
        if (c.cue or "").lower() == cue.lower():  # the finder read the clause's verb as this claim's: its subject
            # speaks
            out[-1] = replace(denial, key=c.key)
        elif not any(o.cue and o.cue.lower() == cue.lower() and o.start == c.start for o in claims):
            out.append(denial)
    return out
