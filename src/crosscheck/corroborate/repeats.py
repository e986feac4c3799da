"""One report's own claims side by side: which of them repeat one another and which are told inside another.

Two claims of one report are one assertion when the report restates itself (its headline or lede retold further
down, a repeat in other words: align.py); never when one is told inside the other, by its source chain
('the official said the prime minister had asked him to step down') or within one sentence by another source
('to set her record against what they call Brandt's empty promises').
"""
from __future__ import annotations

from collections.abc import Mapping

from .features import ClaimView


def told_by(inner: ClaimView, outer: ClaimView) -> bool:
    """``inner`` passes on ``outer``'s source: its chain holds that speaker ('the official said the prime minister
    had asked him to step down': the asking, chained to the official; 'Capital Daily reported, citing two officials')."""
    said = (outer.claim.speaker_text or "").strip().lower()
    return bool(said) and said in {w.strip().lower() for w in inner.claim.chain}


def told_in(a: ClaimView, b: ClaimView) -> bool:
    """One claim is told inside the other: two attributions, never one restated."""
    return told_by(a, b) or told_by(b, a)


def nested(a: ClaimView, b: ClaimView) -> bool:
    """Two claims of one sentence credited to two sources ('to set her record against what they call Brandt's
    empty promises': the campaign's and theirs): one told inside the other, never a repeat of it."""
    return (a.claim.start, a.claim.end, a.claim.in_title) == (b.claim.start, b.claim.end, b.claim.in_title) and \
        (a.claim.speaker_text or "").strip().lower() != (b.claim.speaker_text or "").strip().lower()


def opening(v: ClaimView, ledes: Mapping[str, int]) -> bool:
    """The claim is its report's headline or lede (``ledes``: report -> where its first claim of the text starts),
    which restate the report's news in other words."""
    return v.claim.in_title or ledes.get(v.document) == v.claim.start
