"""The tense of the clause around a time expression, for times.py: a bare weekday or day-and-month
is the coming one in a future-tense clause ('will meet on Friday'), else the last one.

English reads the parse (the verbs governing the span, with the words of data/time_words.json
"parsed_tense"); other languages read their words: a future-tense verb (data/time_words.json "future") in
the span's clause, the clause cut at punctuation and at the words opening a reported clause
(data/claim_cues.json "that": 'anunció el viernes que abrirá').
"""
from __future__ import annotations

from crosscheck.analyze.time_words import cldr as _cldr
from crosscheck.analyze.time_words import parsed_tense as _words
from crosscheck.analyze.time_words import since_re


def since_before(text: str, start: int, language: str | None) -> bool:
    """The date at ``start`` opens a span reaching to now ('since January', 'seit dem 3. März'): it lies before the
    publication date, whatever the tense."""
    pattern = since_re((language or "en")[:2].lower())
    return pattern is not None and pattern.search(text[max(0, start - 30):start]) is not None


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


def tense_at(sdoc, start: int, end: int, text: str | None = None) -> str | None:
    """'future' where the verb governing the span is in future tense (will/shall, plan to, scheduled ...), 'past'
    where the span is right on a verb the parse shows past ('rose in January', 'has lost', 'was held'; the
    prepositions of data/time_words.json "past_preps"), 'either' where it ends a span ('through January', "span_end_preps"),
    else None. Outside English (``sdoc`` a (text, language)
    pair) only the future is read. ``text``: the parsed text, when the caller has it (``Doc.text`` joins every token
    of the report on each call)."""
    if sdoc is None:
        return None
    if isinstance(sdoc, tuple):  # (text, language): the words of the sentence decide
        return "future" if future_by_words(sdoc[0], start, end, sdoc[1]) else None
    try:
        span = sdoc.char_span(start, end, alignment_mode="expand")
    except Exception:
        return None
    if span is None or len(span) == 0:
        return None
    words = _words()
    text = sdoc.text if text is None else text
    before = " ".join(text[max(0, start - 24):start].lower().split())
    if any(before.endswith(p) for p in words["ahead_before"]):
        return "future"  # 'would be ready to leave as soon as Tuesday', 'could come as early as Monday'
    verbs = 0
    for tok in [span.root, *span.root.ancestors]:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        verbs += 1
        aux = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
        if any(ch.lower_ in words["future_aux"] for ch in aux):
            return "future"
        if tok.lower_ == "going" and any(ch.dep_ == "aux" and ch.lower_ in words["going_aux"] for ch in aux):
            return "future"
        if tok.lemma_.lower() in words["future_lemmas"]:
            return "future"  # 'is scheduled for Friday', 'plans to vote Friday', 'planned to leave on Thursday'
        if verbs == 1:
            lowers = {ch.lower_ for ch in aux}
            if lowers & words["modal_aux"] and not lowers & words["perfect_aux"]:
                return "future"  # 'may come as early as Tuesday'; not 'may have come'
            if (tok.tag_ == "VB" and "to" in lowers and tok.dep_ == "xcomp" and tok.head.lemma_ == words["be_lemma"]
                    and tok.head.tag_ in ("VBZ", "VBP")):
                return "future"  # 'is to resume trading Tuesday'
            # a date right on its verb ('rose in January', not 'told them of a cutback in September')
            on_verb = span.root.head == tok or \
                span.root.head.head == tok and span.root.head.lower_ in words["past_preps"]
            if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and not aux):
                # the date's own verb is past ('said Friday'), or a participle on its own ('shares issued July 1',
                # 'the decision, announced Wednesday, ...'), whatever governs it
                return "past" if on_verb else None
            if on_verb and tok.tag_ == "VBN" and \
                    any(ch.tag_ == "VBD" or ch.lower_ in words["perfect_aux"] for ch in aux):
                return "past"  # 'has lost', 'was held', 'had risen'
        if verbs >= 2:
            break
    if span.root.head.lower_ in words.get("span_end_preps", ()) and span.root.dep_ == "pobj":
        return "either"  # 'has extended the loans through January', 'to pay down the loan by February': the end of a
        # span, ahead of the telling or behind it whatever the verb's tense (the nearest such month)
    return None
