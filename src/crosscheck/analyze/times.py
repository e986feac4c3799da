"""Dates and periods in a report, normalised to ISO values (``TimeExpr``).

Order of resolution, mirrored by ``# 1.``..``# 4.`` in :func:`extract`:

1. Candidates (time_spans.py): compiled regexes over the text (English month names, numeric
   dates, years in a year context, weekdays, deictic and text-relative
   expressions, day-month dates in de/es/it/pl/ru/uk/fr/pt/nl, CJK
   ``10월 17일``/``10月17日``); spaCy DATE entities only widen the year context.
   Longest match wins where candidates overlap.
2. Anchor: ``doc.published`` when it parses; else the latest explicit full
   date found in the text, captions or title (``inferred_year=True``).
3. Year-less dates take the year that puts them nearest the anchor; with a
   publication anchor, dates on the wrong side of it for the tense of the
   governing verb cost four times as much (so past tense prefers the past).
   No anchor: ``XXXX-MM-DD``.
4. Deictic expressions (yesterday, Thursday, last year, in two weeks) are
   resolved only against the publication date and skipped without it: an
   inferred anchor is a date *in* the story, not the day it was written.
   Text-relative ones (the previous day, two days later) shift the nearest
   preceding day-precision date. A stated weekday that does not match its
   resolved date sets ``warning``.

TimeML values that are not calendar dates (PRESENT_REF, seasons, quarters, parts of
the day, the weekend, decades, centuries, the temporal focus, durations kept out)
are found and resolved by timeml.py; every day-precision value becomes the focus.

Foreign month names and relative words come from dateparser's language tables
and CLDR through babel (time_words.py, read once at import); dateparser's parser
itself is never called, so the cost stays a handful of ``finditer`` passes per
document.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from crosscheck.analyze import holidays as _holidays
from crosscheck.analyze import timeml as _timeml
from crosscheck.analyze.tense import since_before, tense_at
from crosscheck.analyze.time_spans import (_CLOCK, _DAY_NAMES, _QUARTER_REACH, _QUARTER_VALUE, _SMALL, _YEAR_RE, _Cand,
                                           _candidates, _valid)
from crosscheck.model import Document, TimeExpr
from crosscheck.timevalues import shift as _shift
from crosscheck.textunits import base_language


def _iso(y: int | None, m: int, d: int | None = None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    return f"{ys}-{m:02d}" + (f"-{d:02d}" if d else "")


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _parse_published(published: str | None, language: str | None = None) -> date | None:
    """ISO first; else the first full date this module's regexes find in the (short) string, after
    tidying "15 / 09 / 2013" and "SEPTEMBER 16" ("Updated : November 11, 2011 20 : 09 IST").
    dateparser is not called here: on 231 real bylines it took up to 1.1 s a string and found none of
    the dates these regexes missed."""
    if not published or not published.strip():
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        pass
    short = re.sub(r"\s*([/:-])\s*", r"\1", published.strip()[:200])
    short = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).title(), short)
    try:
        return date.fromisoformat(short[:10])
    except ValueError:
        pass
    for c in _candidates(short, language, set()):
        if c.kind == "date" and c.y:
            return date(c.y, c.m, c.d)
    return None


SWAP_FUTURE_DAYS = 2  # a slash date read this far after publication ...
SWAP_PAST_DAYS = 31  # ... while the other order falls this close before it is read in the other order


def _swapped_is_nearer(c: _Cand, pub: date) -> bool:
    """'7/8/07' in a report of 9 July 2007: the language's order (7 August) lies weeks after the report was
    published, the other (8 July) the day before; news tells what happened, so the other order is meant (a
    translation keeps its source's order)."""
    _, y, mo, d = c.extra
    try:
        read, other = date(y, c.m, c.d), date(y, mo, d)
    except ValueError:
        return False
    return (read - pub).days > SWAP_FUTURE_DAYS and 0 <= (pub - other).days <= SWAP_PAST_DAYS


def counts_a_noun(sdoc, start: int, end: int) -> bool:
    """Whether the parse makes a year-shaped number a count: "a convoy of 2024 trucks"."""
    if sdoc is None:
        return False
    try:
        span = sdoc.char_span(start, end)
    except Exception:
        return False
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    # the parse beats the NER here; "the 2022 elections" (after a determiner) stays a year
    before = sdoc[tok.i - 1] if tok.i > 0 else None
    return (tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i
            and (before is None or (before.pos_ != "DET" and before.tag_ not in ("PRP$", "POS"))))


def _nearest_year(month: int, day: int, anchor: date, future: bool | None, published: bool) -> int | None:
    """The year of the day and month nearest ``anchor``, a side against the tense weighing 4x; ``future`` None: a day
    since which something holds ('since January'), on or before ``anchor``."""
    best, best_cost = None, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not _valid(y, month, day) or future is None and date(y, month, day) > anchor:
            continue
        delta = (date(y, month, day) - anchor).days
        cost = abs(delta)
        if published and ((delta > 0 and not future) or (delta < 0 and future)):
            cost *= 4
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _weekday_date(anchor: date, wd: int, mod: str, future: bool) -> date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mod == "last":
        return anchor - timedelta(days=back or 7)
    if mod == "next":
        return anchor + timedelta(days=ahead or 7)
    return anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back)


def _count(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _SMALL.get(re.sub(r"\s+", " ", w), 1)




def _deictic(m: re.Match, anchor: date) -> str:
    g = m.groupdict()
    if g["dby"]:
        return _shift(anchor, -2, "day")
    if g["dat"]:
        return _shift(anchor, 2, "day")
    if g["yesterday"]:
        return _shift(anchor, -1, "day")
    if g["today"]:
        return anchor.isoformat()
    if g["tomorrow"]:
        return _shift(anchor, 1, "day")
    if g["rel"]:
        rel = g["rel"].lower()
        n = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        return _shift(anchor, n, g["unit"])
    if g["erel"]:
        n = {"next": 1, "last": -1}.get(g["erel"].lower(), 0)
        return _shift(anchor, n, g["eunit"])
    if g["n"]:
        if g["nunit"].lower().startswith("decade"):
            return _shift(anchor, -10 * _count(g["n"]), "year")
        return _shift(anchor, -_count(g["n"]), g["nunit"])
    if g["fn2"]:
        return _shift(anchor, _count(g["fn2"]), g["funit2"])
    return _shift(anchor, _count(g["fn"]), g["funit"])


def _years_back(c: _Cand) -> int | None:
    """-n for 'n years ago / earlier', n for 'n years later'; None for any other expression."""
    if c.kind == "deictic" and c.extra["n"] and c.extra["nunit"].lower().startswith("year"):
        return -_count(c.extra["n"])
    if c.kind == "timeml" and c.extra[0] == "later":
        g, table = c.extra[1].groupdict(), c.extra[2]
        if table["focus_units"].get(" ".join(g["unit"].lower().split())) == "year":
            n = _timeml.count(g["n"], table)  # the language's count words ('zwei Jahre später'), else one
            return (_count(g["n"]) if n is None else n) * table["later"][" ".join(g["dir"].lower().split())]
    return None


def _text_anchor(doc: Document, found: list[_Cand]) -> date | None:
    """The latest explicit full date (with year) in the text, captions or title."""
    best = None
    for c in found:
        if c.kind == "date" and c.y:
            d = date(c.y, c.m, c.d)
            best = d if best is None or d > best else best
    extra = " \n ".join([*(doc.captions or ()), doc.title or ""])
    if extra.strip():
        for c in _candidates(extra, doc.language, set()):
            if c.kind == "date" and c.y:
                d = date(c.y, c.m, c.d)
                best = d if best is None or d > best else best
    return best


def extract(doc: Document, sdoc) -> list[TimeExpr]:
    """Every date or period in ``doc.text`` as a ``TimeExpr`` normalised to ISO, in text order."""
    text = doc.text or ""
    if not text.strip():
        return []
    year_ents: set[int] = set()
    if sdoc is not None:
        try:
            for ent in sdoc.ents:
                if ent.label_ == "DATE":
                    for mm in _YEAR_RE.finditer(ent.text):
                        year_ents.add(ent.start_char + mm.start())
        except Exception:  # a parse that does not belong to this text: go on with the regexes alone
            year_ents = set()
    # 1. candidates
    cands = _candidates(text, doc.language, year_ents)
    lang = base_language(doc.language)
    # outside English the words tell the tense (an English parse of another language's text does not)
    tense = sdoc if lang in ("", "en") else (text, lang)
    parsed_text = sdoc.text if tense is sdoc and sdoc is not None else None  # once: Doc.text joins every token

    def _when(start: int, end: int) -> str | None:  # 'future', 'past', 'since' ('since January': a span to now) or None
        return "since" if since_before(text, start, lang or "en") else tense_at(tense, start, end, parsed_text)
    # 2. anchor
    pub = _parse_published(doc.published, doc.language)
    anchor, inferred = pub, False
    if anchor is None:
        try:
            anchor = _text_anchor(doc, cands)
        except (OverflowError, ValueError):
            anchor = None
        inferred = anchor is not None
    anchor_s = anchor.isoformat() if anchor else None
    out: list[TimeExpr] = []
    last_day: tuple[int | None, int, int] | None = None  # last resolved (y, m, d) in text order
    last_day_at = 0
    last_quarter: str | None = None  # last quarter value in text order ('2013-Q3')
    for c in cands:
        try:  # a date near year 1 or 9999 cannot be shifted: that expression is skipped, never the report
            value, warning, used_anchor, inf = None, None, None, False
            if c.kind == "date" and isinstance(c.extra, tuple) and c.extra[0] == "swap":
                if pub is not None and _swapped_is_nearer(c, pub):
                    c.m, c.d = c.extra[2], c.extra[3]
                c.extra = None
            if c.kind in ("date", "month") and isinstance(c.extra, tuple):  # "November 2 this year"
                if pub is None:  # needs the day it was written
                    if c.kind == "month":
                        continue
                else:
                    c.y = pub.year + {"this": 0, "last": -1, "next": 1}[c.extra[1]]
                    used_anchor = anchor_s
                c.extra = None
            if c.kind == "date":
                y = c.y
                if y is None and anchor is not None:
                    when = _when(c.start, c.end)
                    y = _nearest_year(c.m, c.d, anchor, None if when == "since" else when == "future",
                                      not inferred and when != "either")  # (a span's end: no side weighs more)
                    used_anchor, inf = anchor_s, inferred
                value = _iso(y, c.m, c.d)
                if c.wd is not None and y and date(y, c.m, c.d).weekday() != c.wd:
                    warning = (f"stated {_DAY_NAMES[c.wd]} but {value} is a "
                               f"{_DAY_NAMES[date(y, c.m, c.d).weekday()]}")
                last_day, last_day_at = (y, c.m, c.d), c.end
            elif c.kind == "month":
                y = c.y
                if y is None and anchor is not None:
                    if c.extra == "last":
                        y = anchor.year if c.m < anchor.month else anchor.year - 1
                    elif c.extra == "next":
                        y = anchor.year if c.m > anchor.month else anchor.year + 1
                    elif c.extra == "this" and not inferred:
                        y = anchor.year  # 'this September': the one of the year it is written in, past or coming
                    else:
                        # a month of a past verb or since which something holds: on or before the anchor
                        when = _when(c.start, c.end)
                        y = _nearest_year(c.m, 15, anchor, when == "future", not inferred and when != "either") \
                            if when not in ("past", "since") else _nearest_year(c.m, 1, anchor, None, not inferred)
                    used_anchor, inf = anchor_s, inferred
                value = _iso(y, c.m)
            elif c.kind == "year":
                if counts_a_noun(sdoc, c.start, c.end):
                    continue
                value = f"{c.y:04d}"
            elif c.kind == "weekday":
                if pub is None:
                    continue
                d = _weekday_date(pub, c.wd, c.extra, _when(c.start, c.end) == "future")
                value, used_anchor = d.isoformat(), anchor_s
                last_day, last_day_at = (d.year, d.month, d.day), c.end
            elif c.kind == "deictic":
                if pub is None:
                    continue
                value, used_anchor = _deictic(c.extra, pub), anchor_s
            elif c.kind == "foreignrel":
                if pub is None:
                    continue
                n, unit = c.extra
                value, used_anchor = _shift(pub, n, unit), anchor_s
            elif c.kind == "monthday":  # the latest such day on or before the publication date (or after it, in future tense)
                if pub is None:
                    continue
                future = _when(c.start, c.end) == "future"
                y, mo = pub.year, pub.month
                for _ in range(3):
                    if _valid(y, mo, c.d) and ((date(y, mo, c.d) <= pub) != future or date(y, mo, c.d) == pub):
                        break
                    y, mo = _add_months(date(y, mo, 1), 1 if future else -1)
                if not _valid(y, mo, c.d):
                    continue
                value, used_anchor = _iso(y, mo, c.d), anchor_s
                last_day, last_day_at = (y, mo, c.d), c.end
            elif c.kind == "clock":
                day = None
                if last_day is not None and c.start - last_day_at <= 300:
                    y, mo, d = last_day
                    value, used_anchor = _iso(y, mo, d), _iso(y, mo, d)
                    day = date(y, mo, d) if y is not None else None
                elif pub is not None:
                    value, used_anchor, day = pub.isoformat(), anchor_s, pub
                m = _CLOCK.match(text, c.start)
                if day is not None and m is not None:
                    value = _timeml.clock_value(day, int(m["h"]), int(m["mi"] or 0), m["ap"], m["zone"], m["off"])
            elif c.kind == "textrel":
                if last_day is None:
                    continue
                g = c.extra.groupdict()
                if g["prev"]:
                    n = -1
                elif g["next"]:
                    n = 1
                else:
                    n = _count(g["n"]) * (-1 if g["dir"].lower() in ("earlier", "before") else 1)
                y, mo, d = last_day
                shifted = date(y or 2000, mo, d) + timedelta(days=n)
                value = _iso(shifted.year if y else None, shifted.month, shifted.day)
                used_anchor = _iso(y, mo, d)
            elif c.kind == "holiday":
                value = _holidays.resolve(c.extra, pub, _when(c.start, c.end) == "future")
                used_anchor = anchor_s if c.extra[2] is None else None
            elif c.kind == "timeml":
                focus = date(*last_day) if last_day is not None and last_day[0] else None
                value, used_anchor = _timeml.resolve(c.extra, pub, focus, _when(c.start, c.end) == "future", lang,
                                                     last_quarter)
            years = _years_back(c)
            if (years in (-1, 1) and out and _QUARTER_VALUE.fullmatch(out[-1].value)
                    and c.start - out[-1].end <= _QUARTER_REACH):
                # 'a year ago' / 'a year earlier' right after a quarter: the quarter in focus a year before (TimeML
                # anchors it to the focus, at the focus' granularity: 'up from $4 million a year earlier')
                quarter = last_quarter or out[-1].value
                value, used_anchor = _timeml.shift_quarter(quarter, 4 * years), quarter
            if value is None:
                continue
            if _QUARTER_VALUE.fullmatch(value) and c.kind == "timeml" and c.extra[0] == "quarter":
                last_quarter = value  # a quarter named, the focus of 'the quarter' and 'the year-ago quarter' after it
            day = _timeml.day_value(value)
            if day is not None:  # the temporal focus; a part of the day written with it ('Friday afternoon')
                last_day, last_day_at = (day.year, day.month, day.day), c.end
                taken = [(o.start, o.end) for o in cands if o is not c]
                c.end, value = _timeml.with_part_of_day(text, c.start, c.end, value, c.kind == "weekday", lang, taken)
            else:
                c.start = _timeml.with_modifier(text, c.start, value, lang, [(o.start, o.end) for o in cands if o is not c])
            out.append(TimeExpr(start=c.start, end=c.end, text=text[c.start:c.end], value=value,
                                anchor=used_anchor, inferred_year=inf, warning=warning))
        except (OverflowError, ValueError):
            continue
    return _timeml.clock_days(text, out, lang, _CLOCK)


def extract_captions(doc: Document) -> list[TimeExpr]:
    """Dates stated in the photo captions (kept apart from the body), with ``caption`` set to the caption's index."""
    out: list[TimeExpr] = []
    for i, caption in enumerate(doc.captions or ()):
        for t in extract(dataclasses.replace(doc, text=caption), None):
            out.append(dataclasses.replace(t, caption=i))
    return out
