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
from typing import Sequence

from crosscheck.denials import DenialWords, cue_in, is_denial, referring, words
from crosscheck.model import Claim

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


def with_denials(claims: Sequence[Claim], text: str, title: str | None, language: str | None) -> tuple[Claim, ...]:
    """The claims, those a denial cues turned to negated; a denial whose content only points back ('The ministry
    denied it.', 'denied the report', 'De kiescommissie ontkende dat.') denies the claim before it, whose words it
    takes (data/denial_cues.json 'referring')."""
    table = words(language)
    if table is None:
        return tuple(claims)
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
