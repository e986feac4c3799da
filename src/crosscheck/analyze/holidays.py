"""Holidays named in a report ('Thanksgiving Day', 'Christmas Eve', 'Navidad') as the day they fall on.

The names per language are in data/holidays.json: fixed days ('12-25'), days counted from Easter
('easter-2': Good Friday) and the n-th weekday of a month ('11-thu-4': the fourth Thursday of November,
'-1' the last). A holiday with its year ('Christmas 2009') is that year's; without one, 'last / next / this'
before it pick the one before the publication date, after it, or in its year; else the nearest one, looking
ahead in a future-tense clause and back otherwise, as times.py reads a day and month without a year.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_YEAR = r"(?:1[5-9]|20)\d\d"


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(resources.files("crosscheck.data").joinpath("holidays.json").read_text(encoding="utf-8"))


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date | None:
    """The day ``rule`` names in ``year``: 'MM-DD', 'easter', 'easter+N' / 'easter-N', 'MM-www-N' (the N-th
    weekday of the month; -1 the last)."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    parts = rule.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        try:
            return date(year, month, int(parts[1]))
        except ValueError:
            return None
    wd, n = _WEEKDAYS.index(parts[1]), int(parts[2] if len(parts) == 3 else "-" + parts[3])
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    return last - timedelta(days=(last.weekday() - wd) % 7 + 7 * (-n - 1))


@lru_cache(maxsize=32)
def _compiled(lang: str) -> tuple[re.Pattern, dict[str, str], dict[str, int]] | None:
    """The pattern finding ``lang``'s holidays, its names (spaces normalised) -> rule, modifiers -> -1 / 0 / 1."""
    table = _table()["languages"].get(lang) or {}
    names = table.get("names")
    if not names:
        return None
    mods = table.get("modifiers") or {}
    attributive = set(table.get("attributive") or ())
    # an attributive name before a lower-case word is an adjective ('Christmas tree'), not a day
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") + (r"(?!\s+[a-z])" if n in attributive else "")
                   for n in sorted(names, key=len, reverse=True))
    pre = "|".join(re.escape(w) for w in sorted(mods, key=len, reverse=True))
    pre_re = rf"(?:(?P<pre>(?i:{pre}))\s+)?" if pre else ""
    of = "|".join(re.escape(w) for w in table.get("year_connectors") or ())
    year_re = rf"(?:,?\s+(?:(?:{of})\s+)?(?P<year>{_YEAR})\b)?" if of else rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
    rx = re.compile(rf"(?<!\w){pre_re}(?P<name>{alt})(?!\w){year_re}")
    return rx, {re.sub(r"\s+", " ", k): v for k, v in names.items()}, {k.lower(): v for k, v in mods.items()}


def candidates(text: str, language: str | None) -> list[tuple[int, int, tuple[str, int, int | None]]]:
    """(start, end, (rule, modifier, year)) of every holiday ``text`` names in ``language`` (default English);
    modifier -1 / 0 / 1 for 'last / this / next', else None."""
    compiled = _compiled(language or "en")
    if compiled is None:
        return []
    rx, names, mods = compiled
    out = []
    for m in rx.finditer(text):
        rule = names[re.sub(r"\s+", " ", m.group("name"))]
        mod = mods.get(m.group("pre").lower()) if m.group("pre") else None
        out.append((m.start(), m.end(), (rule, mod, int(m.group("year")) if m.group("year") else None)))
    return out


def resolve(extra: tuple[str, int | None, int | None], pub: date | None, future: bool) -> str | None:
    """The ISO day of one candidate, 'XXXX-MM-DD' for a fixed day without year or publication date, None else."""
    rule, mod, year = extra
    if year is not None:
        day = holiday_date(rule, year)
        return day.isoformat() if day else None
    if pub is None:
        return f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else None
    days = [d for d in (holiday_date(rule, y) for y in (pub.year - 1, pub.year, pub.year + 1)) if d is not None]
    if mod == 0:
        day = next((d for d in days if d.year == pub.year), None)
    elif mod is not None:
        before, after = [d for d in days if d < pub], [d for d in days if d > pub]
        day = (max(before, default=None) if mod < 0 else min(after, default=None))
    else:  # the nearest, a day behind counting four times a day ahead unless the clause is in the future
        def cost(d: date) -> int:
            delta = (d - pub).days
            return abs(delta) * (4 if (delta > 0) != future and delta != 0 else 1)
        day = min(days, key=cost, default=None)
    return day.isoformat() if day else None
