"""Reading ``TimeExpr.value`` downstream: TimeML values are not all dates.

Values may be calendar points (``2024-10-17``, ``2024-10``, ``2024``, ``XXXX-10-17``, ``2024-W42``), a day
with a part of the day (``2013-03-22TAF``) or a clock time (``2009-12-15T18:00Z`` in UTC, ``T18:00`` local),
a weekend (``2013-W12-WE``), a season (``2012-SU``), a quarter (``2013-Q1``), a decade (``199``), a century
(``19``) or a reference word (``PRESENT_REF``). Every stage that compares or parses values as dates goes
through these two functions, so a new kind of value never crashes ``date.fromisoformat`` or is compared as a
calendar date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(?:MO|AF|EV|NI|DT|\d\d:\d\dZ?))?$")
_POINT = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W\d\d)?")
_KEY = re.compile(r"^(?:(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?|\d{4}-W\d\d)$")


def day_of(value: str | None) -> date | None:
    """The calendar day a value names (``2013-03-22`` or a part of it: ``2013-03-22TAF``, ``2013-03-22T18:00Z``);
    None for anything else (months, weeks, seasons, quarters, decades, reference words, year-less or invalid days)."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def calendar_key(value: str | None) -> str | None:
    """The calendar point of a value, for comparing values as dates: ``2013-03-22TAF`` -> ``2013-03-22``,
    ``2013-W12-WE`` -> ``2013-W12``, years, months, days and weeks as they are; None for seasons, quarters,
    decades, centuries and reference words, which are not calendar points."""
    v = (value or "").strip()
    m = _POINT.match(v)
    if not m:
        return None
    key, rest = m.group(0), v[m.end():]
    if rest and not (re.fullmatch(r"T(?:MO|AF|EV|NI|DT|\d\d:\d\dZ?)", rest) and len(key) == 10) \
            and not (rest == "-WE" and "-W" in key):
        return None
    return key if _KEY.match(key) else None


def week_value(d: date, suffix: str = "") -> str:
    """The ISO week of ``d`` as a TimeML value ('2013-W12'; suffix '-WE' for its weekend)."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}{suffix}"


def shift(d: date, n: int, unit: str) -> str:
    """``d`` moved by ``n`` days, weeks, months or years, as a value of that granularity."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return (d + timedelta(days=n)).isoformat()
    if unit == "week":
        return week_value(d + timedelta(days=7 * n))
    if unit == "month":
        k = d.year * 12 + d.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    return f"{d.year + n:04d}"
