"""Whether two claims' speakers can be one source, and how much alignment evidence that asks for: one entity, the
words of an unresolved source, a relay (a claim credited to the outlet of the other's report, or a chain naming the
other's speaker).
"""
from __future__ import annotations

from ..config import Settings
from ..credits import outlet_key
from .features import ClaimView
from .lexicon import TOKEN, stem
from .names import proper_part

_GENERIC_SOURCE = frozenset(
    "source official officials report intelligence anonymous representative spokesperson spokesman "
    "spokeswoman expert analyst observer witness resident media publication outlet agency "
    "government ministry authority authorities police military army".split())


def speaker_required(a: ClaimView, b: ClaimView, settings: Settings) -> float | None:
    """The score two claims must reach given their speakers; None when they cannot be the same."""
    if _relays(a, b) or _relays(b, a):
        return settings.align_threshold
    if a.named and b.named:
        return settings.align_threshold if a.speaker_id == b.speaker_id else None
    if a.named or b.named:
        named, other = (a, b) if a.named else (b, a)
        words = {w for w in other.speaker_words}
        if words & named.speaker_words:
            return settings.align_threshold
        if words and not words <= _GENERIC_SOURCE and other.claim.kind != "outlet":
            # the unresolved source is named by the report and is somebody else
            proper = [w for w in (other.claim.speaker_text or "").split() if w[:1].isupper()]
            if len(proper) >= 1 and not any(p.lower().rstrip("s") in _GENERIC_SOURCE for p in proper):
                return None
        return settings.align_threshold_cross_speaker
    if a.speaker_words & b.speaker_words & _source_words(a) & _source_words(b):
        return settings.align_threshold
    return settings.align_threshold_cross_speaker


def _relays(a: ClaimView, b: ClaimView) -> bool:
    """``a`` passes on ``b``'s report: its speaker is the outlet of b's report ('according to Meridian Wire' beside
    Meridian Wire's own report), or its chain names b's speaker ('Meridian Wire, which cited two people familiar
    with the talks' / 'Two people familiar with the talks told Meridian Wire'), or its speaker is the outlet b's
    speaker told it to ('secondo fonti citate dall'agenzia Ansa' / 'sources told ANSA': a word of it will do)."""
    said = a.claim.speaker_text or ""
    if said and a.document != b.document:
        whole = {outlet_key(said), outlet_key(proper_part(said))}
        own = b.claim.kind == "outlet" or not b.claim.speaker_text  # (the report's own voice: not its protesters')
        if own and b.outlet and outlet_key(b.outlet) in whole or any(
                outlet_key(proper_part(v)) in whole | {outlet_key(w) for w in said.split()} for v in b.claim.via):
            return True
    who = b.speaker_words if b.named else _source_words(b)
    return bool(a.chain_words and who and who <= a.chain_words)


def _source_words(v: ClaimView) -> set[str]:
    """The words of an unresolved source that say who it is: the head of its phrase (its last word: 'a new
    poll') and the words of a name inside it ('a New York Times/CBS News poll'), not a modifier two sources
    share ('new', 'senior')."""
    words = TOKEN.findall(v.claim.speaker_text or "")
    return {stem(w) for i, w in enumerate(words) if i == len(words) - 1 or i > 0 and w[:1].isupper()}
