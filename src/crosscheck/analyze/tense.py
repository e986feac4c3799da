"""The tense of the clause around a time expression, for times.py: a bare weekday or day-and-month
is the coming one in a future-tense clause ('will meet on Friday'), else the last one.

English reads the parse (the verbs governing the span); other languages read their words: a future-tense
verb (data/time_words.json "future") in the span's clause, the clause cut at punctuation and at the
words opening a reported clause (data/claim_cues.json "that": 'anunció el viernes que abrirá').
"""
from __future__ import annotations

from crosscheck.analyze.time_words import cldr as _cldr

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_LEMMA = {"plan", "schedule", "expect", "intend", "aim", "due", "set", "prepare"}


def future_by_words(text: str, start: int, end: int, language: str | None) -> bool:
    """No parse (reports outside English): a future-tense verb in the span's clause (time_words.json)."""
    table = _cldr(language or "")
    if table is None or table.get("future_re") is None:
        return False
    # the clause around the span: 'El martes, Apple anuncio ... que utilizaran' is read as past
    lo = max(text.rfind(p, 0, start) for p in ".\n,;:") + 1
    hi = min([k for k in (text.find(p, end) for p in ".\n,;:") if k >= 0] or [len(text)])
    # ... and a reported clause is a clause of its own: 'anunció el viernes que abrirá' is read as past,
    # 'dijo que el viernes abrirá' as future
    if table.get("that_re") is not None:
        for m in table["that_re"].finditer(text, lo, hi):
            if m.end() <= start:
                lo = m.end()
            elif m.start() >= end:
                hi = m.start()
                break
    return bool(table["future_re"].search(text, lo, hi))


def is_future(sdoc, start: int, end: int) -> bool:
    """Whether the verb governing the span is in future tense (will/shall, plan to, scheduled ...)."""
    if sdoc is None:
        return False
    if isinstance(sdoc, tuple):  # (text, language): the words of the sentence decide
        return future_by_words(sdoc[0], start, end, sdoc[1])
    try:
        span = sdoc.char_span(start, end, alignment_mode="expand")
    except Exception:
        return False
    if span is None or len(span) == 0:
        return False
    verbs = 0
    for tok in [span.root, *span.root.ancestors]:
        if tok.pos_ in ("VERB", "AUX"):
            verbs += 1
            if tok.lemma_.lower() in _FUTURE_LEMMA:
                return True
            for ch in tok.children:
                if ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX:
                    return True
                if ch.dep_ == "aux" and ch.lower_ in ("is", "are", "was") and tok.lower_ == "going":
                    return True
            if verbs >= 2:
                break
    return False
