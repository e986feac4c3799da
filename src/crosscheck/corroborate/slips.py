"""Date slips inside one report: errors a reader can spot without any other report.

* weekday: a stated weekday that does not fall on its date (the analysis warns: ``TimeExpr.warning``);
* relative_day: a relative day next to a date that it contradicts ("yesterday, Monday" in a report
  published on a Thursday; "today, 5 May" published on the 6th): both were resolved against the
  report's own publication date, and they name different days;
* after_publication: an event told in the past tense but dated after the report was published.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module

from ..model import Analysis, Disagreement, Document
from ..textunits import sentence_at, sentence_spans
from ..timevalues import day_of
from .clauses import lexicon, phrases
from .facts import Fact

_GAP = re.compile(r"^[\s,(\[–—-]*(?:the|le|der|den|el|il)?[\s,(\[–—-]*$", re.IGNORECASE)


def _has(sentence: str, table: str, language: str | None) -> str | None:
    low = " " + sentence.lower() + " "
    for w in phrases(lexicon()[table], language):
        if re.search(r"(?<!\w)" + re.escape(w.strip()) + (r"(?!\w)" if not w.endswith(" ") else r"\s"), low):
            return w.strip()
    return None


_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=16)
def _weekday_names(language: str | None) -> dict[str, int]:
    """Weekday names of a language (4+ letters, from dateparser's language tables) -> 0..6."""
    try:
        info = import_module(f"dateparser.data.date_translation_data.{(language or 'en')[:2]}").info
    except Exception:  # no table for this language: no foreign weekday check
        return {}
    return {w.lower(): i for i, day in enumerate(_DAYS) for w in info.get(day, ()) if len(w) >= 4}


def _foreign_weekday(doc: Document, analysis: Analysis) -> list[Disagreement]:
    """'le samedi 14 juin' when 14 June is a Sunday: the analysis checks English weekdays only."""
    names = _weekday_names(doc.language)
    if not names or (doc.language or "en")[:2] == "en":
        return []
    text = doc.text or ""
    out = []
    for t in analysis.times:
        if t.caption is not None or t.warning or day_of(t.value) is None:
            continue
        m = re.search(r"([^\W\d_]{4,})[\s,.]*(?:(?:le|la|el|den|der|am|il|o)\s+)?$", text[max(0, t.start - 20):t.start])
        word = (m.group(1).lower() if m else "")
        if word not in names:
            continue
        real = day_of(t.value).weekday()
        if real != names[word]:
            out.append(Disagreement(
                kind="weekday", subject="date", values=(text[t.start - len(m.group(0)):t.end],), documents=(doc.id,),
                passages=(_sentence(text, t.start),),
                explanation=f"stated {_DAYS[names[word]].title()} but {t.value} is a {_DAYS[real].title()}",
                severity="slip", published=(doc.published or "",), spans=((t.start - len(m.group(0)), t.end),)))
    return out


def slips(doc: Document, analysis: Analysis, facts: list[Fact]) -> list[Disagreement]:
    """Date slips of one report."""
    out: list[Disagreement] = _foreign_weekday(doc, analysis)
    text = doc.text or ""
    pub = (doc.published or "")[:10]
    for t in analysis.times:
        if t.warning and t.caption is None:
            out.append(Disagreement(
                kind="weekday", subject="date", values=(t.text,), documents=(doc.id,),
                passages=(_sentence(text, t.start),), explanation=t.warning, severity="slip",
                published=(doc.published or "",), spans=((t.start, t.end),)))
    body = sorted((t for t in analysis.times if t.caption is None and day_of(t.value) is not None), key=lambda t: t.start)
    for a, b in zip(body, body[1:]):
        if b.start - a.end > 6 or not _GAP.match(text[a.end:b.start]) or a.value == b.value:
            continue
        if a.anchor is None and b.anchor is None:
            continue
        rel, other = (a, b) if a.anchor else (b, a)
        out.append(Disagreement(
            kind="relative_day", subject="date", values=(rel.text, other.text), documents=(doc.id,),
            passages=(_sentence(text, a.start),),
            explanation=(f"'{rel.text}' in a report published {pub or 'on an unknown day'} is {rel.value}, "
                         f"but '{other.text}' is {other.value}"),
            severity="slip", published=(doc.published or "",), spans=((a.start, a.end), (b.start, b.end))))
    if len(pub) == 10:
        for f in facts:
            if f.kind != "date" or str(f.value) <= pub or f.relative:
                continue
            past = _has(f.sentence, "past_event_cues", doc.language)
            future = _has(f.sentence, "future_cues", doc.language)
            if past and not future:
                out.append(Disagreement(
                    kind="after_publication", subject=f.subject, values=(f.text, pub), documents=(doc.id,),
                    passages=(f.sentence,),
                    explanation=(f"told as past ('{past}') but dated {f.value}, after the report was "
                                 f"published on {pub}"),
                    severity="slip", published=(doc.published or "",), spans=((f.start, f.end),)))
    return out


def _sentence(text: str, pos: int) -> str:
    s, e = sentence_at(sentence_spans(text), pos)
    return text[s:e].strip()
