"""The dated events and statements of a story, in order, each with the report and
sentence that states the date."""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Analysis, Document, TimelineEntry
from ..textunits import sentence_at, sentence_spans
from ..timevalues import calendar_key

_ISO = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?$")


def _sentence(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence of ``text`` around the span [start, end) (``spans``: its sentence_spans), spaces collapsed."""
    first, last = sentence_at(spans, start), sentence_at(spans, max(start, end - 1))
    begin = first[0] if first[0] < first[1] else start
    stop = last[1] if last[0] < last[1] else end
    return " ".join(text[begin:stop].split())


def _sort_key(value: str, published: str | None) -> tuple[str, str]:
    if value.startswith("XXXX") and published and published[:4].isdigit():
        value = published[:4] + value[4:]  # place a yearless date in its report's year
    return value.replace("X", "9"), value


def timeline(story: str, doc_ids: list[str], documents: Mapping[str, Document],
             analyses: Mapping[str, Analysis]) -> tuple[TimelineEntry, ...]:
    """Every dated expression of the story's reports, earliest first, one entry per date and sentence."""
    entries: list[tuple[tuple[str, str], TimelineEntry]] = []
    seen: set[tuple[str, str]] = set()
    for doc_id in doc_ids:
        doc, analysis = documents.get(doc_id), analyses.get(doc_id)
        if doc is None or analysis is None:
            continue
        spans = sentence_spans(doc.text)
        for t in sorted(analysis.times, key=lambda t: t.start):
            value = calendar_key(t.value)
            if value is None or not _ISO.match(value):
                continue  # durations, sets and times of day are not timeline points
            sentence = _sentence(doc.text, spans, t.start, t.end) if 0 <= t.start <= len(doc.text) else t.text
            key = (value, sentence.lower())
            if key in seen:
                continue
            seen.add(key)
            entries.append((_sort_key(value, doc.published),
                            TimelineEntry(story=story, value=t.value, text=sentence, document=doc_id,
                                          inferred_year=t.inferred_year)))
    entries.sort(key=lambda e: (e[0], e[1].document))
    return tuple(e for _, e in entries)
