"""TimeML values beyond calendar dates, for times.py.

Finds and resolves, per language from ``data/timeml_words.json``:

- reference words: ``PRESENT_REF`` (now, currently), ``PAST_REF`` (recently), ``FUTURE_REF`` (in the future);
- seasons ``2012-SU`` ("summer 2012", "last winter", "this spring");
- quarters ``2013-Q1`` ("the first quarter of 2013", "Q3 2024", "last quarter");
- parts of the day ``2013-03-22TMO`` ("this morning", "tonight", "last night"; a part-of-day word after a
  resolved day is added by :func:`part_of_day_after`);
- the weekend ``2013-W12-WE``; decades ``199`` ("the 1990s", "the '90s"); centuries ``19`` ("the 20th century");
- the temporal focus: "that week", "the following year", "a week later" shift the last full date mentioned;
- durations ("for three weeks", "the past two years"): matched so that no date is read inside them, and dropped.

Without a publication date, expressions that need it take ``XXXX`` for the year (``XXXX-SU``, ``XXXX-Q1``)
or are skipped. Value codes follow the TimeML TIMEX3 guidelines (see the data file).

Languages: those with a table in the data file (en es fr it pt de nl); every word of a language, its count
words and the words around a season, a weekend or a part of the day are read from its table, none from here.
"""
from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from crosscheck.analyze.time_words import compound_day_parts
from crosscheck.model import TimeExpr
from crosscheck.timevalues import day_of as day_value  # noqa: F401  (times.py reads it from here)
from crosscheck.timevalues import shift as _shift
from crosscheck.timevalues import week_value as _week

_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_YEAR = r"(?:1[5-9]|20)\d\d"
_ROMAN_CENTURIES = {"xix": 19, "xx": 20, "xxi": 21}


@lru_cache(maxsize=1)
def zones() -> dict[str, float]:
    """Time-zone abbreviation -> hours from UTC (data/timeml_words.json "zones")."""
    with resources.files("crosscheck.data").joinpath("timeml_words.json").open(encoding="utf-8") as fh:
        return {k.upper(): float(v) for k, v in json.load(fh)["zones"].items()}


def clock_value(day: date, hour: int, minute: int, meridiem: str | None, zone: str | None, offset: str | None) -> str:
    """A clock time on ``day`` as a TimeML value: '2009-12-15T18:00' (local), '2009-12-15T18:00Z' with a zone
    (converted to UTC: '6:40 p.m. (GMT +8)' -> 'T10:40Z', the day may change); the day alone when the clock
    is no valid time ('13:00 p.m.' is 13:00)."""
    m = (meridiem or "").lower()
    if m.startswith("p") and hour < 12:
        hour += 12
    elif m.startswith("a") and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return day.isoformat()
    at = datetime(day.year, day.month, day.day, hour, minute)
    hours = zones().get((zone or "").upper())
    if hours is None:
        return at.strftime("%Y-%m-%dT%H:%M")
    if offset:
        hours += float(re.sub(r"\s+", "", offset))
    return (at - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%MZ")


@lru_cache(maxsize=1)
def _words() -> dict:
    with resources.files("crosscheck.data").joinpath("timeml_words.json").open(encoding="utf-8") as fh:
        return json.load(fh)["languages"]


@lru_cache(maxsize=16)
def clock_words(lang: str | None) -> re.Pattern | None:
    """The words of ``lang`` (default English) naming a time of day written right before a day ('noon Thursday'),
    as a pattern ending where the day begins (group 1: the word); None where the language lists none."""
    words = (_words().get(lang or "en") or {}).get("clock_words")
    if not words:
        return None
    return re.compile(rf"(?<!\w)({_alt(words)})\s*,?\s*$", re.I)


def approximators(lang: str) -> str:
    """The words of ``lang`` before a count of units ago that make it approximate, as a regex alternation."""
    return _alt((_words().get(lang) or {}).get("approximators") or ())


def clock_word_value(lang: str | None, word: str) -> str:
    """The TimeML clock value of a time-of-day word ('noon' -> '12:00')."""
    return _words()[lang or "en"]["clock_words"][re.sub(r"\s+", " ", word.lower())]


def _alt(words) -> str:
    words = [w for w in words if w]
    if not words:
        return "x^"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _lead(words, sep: str = r"[\s-]", name: str | None = None) -> str:
    """An optional word of ``words`` before the rest of a pattern, with the ``sep`` characters after it; a word
    ending in an apostrophe is glued to what follows ("l'été", "quest'estate", "dans l'après-midi")."""
    spaced = [w for w in words if w and w[-1] not in "'’"]
    glued = [w for w in words if w and w[-1] in "'’"]
    inner = rf"(?:{_alt(spaced)})(?={sep})" + (rf"|(?:{_alt(glued)})" if glued else "")
    return rf"(?:{f'(?P<{name}>{inner})' if name else f'(?:{inner})'}{sep}*)?"


def _before_rx(words) -> re.Pattern | None:
    """The words of a list written right before a match ('in', 'durante', "nell'"), as a pattern ending there."""
    if not words:
        return None
    spaced = [w for w in words if w[-1] not in "'’"]
    glued = [w for w in words if w[-1] in "'’"]
    return re.compile(rf"(?<!\w)(?:(?:{_alt(spaced)})[\s-]+" + (rf"|(?:{_alt(glued)})" if glued else "") + ")$", re.I)


def _num(table: dict) -> str:
    """The counts of ``table``'s language as a regex alternation: digits and its count words."""
    return rf"\d{{1,3}}|{_alt(table['count_words'])}"


@lru_cache(maxsize=16)
def _context(lang: str, key: str) -> re.Pattern | None:
    return _before_rx((_words().get(lang) or {}).get(key))


@lru_cache(maxsize=16)
def _patterns(lang: str) -> list[tuple[str, re.Pattern, dict, tuple[str, ...]]] | None:
    table = _words().get(lang)
    if table is None:
        return None
    b, e = r"(?<!\w)", r"(?!\w)"
    det = _lead(table["determiners"], r"\s", "det")
    pre = _lead(table["before"], r"[\s-]", "pre")
    post = rf"(?:\s+(?P<post>{_alt(table['after'])}))?"
    year = rf"(?:,?\s+(?:(?:{_alt(table['connectors'])})\s+)?(?P<year>{_YEAR}))?"
    num = _num(table)
    out: list[tuple[str, re.Pattern, dict]] = []
    for kind in ("present_ref", "past_ref", "future_ref"):
        out.append((kind, re.compile(rf"{b}(?:{_alt(table[kind])}){e}", re.I), {}))
    seasons = table["seasons"]
    out.append(("season", re.compile(rf"{b}{det}{pre}(?P<unit>{_alt(seasons)}){e}{post}{year}", re.I), seasons))
    # 'the 1988 third quarter', 'the year-ago third quarter': a year, or a shift in years, between the article and
    # the ordinal (data/timeml_words.json 'quarter_year_shift')
    shift = rf"(?:(?P<year1>{_YEAR})\s+|(?P<shift>{_alt(table['quarter_year_shift'])})\s+)?" \
        if table.get("quarter_year_shift") else ""
    out.append(("quarter", re.compile(rf"{b}{det}{shift}{pre}(?P<unit>{_alt(table['quarter_words'])}){e}{post}{year}",
                                      re.I), table.get("quarter_year_shift") or {}))
    out.append(("quarter", re.compile(rf"{b}(?:(?P<year0>{_YEAR})[\s-]?)?Q(?P<q>[1-4])(?:\s*(?:')?(?P<year>{_YEAR}|\d\d))?{e}"), {}))
    if table.get("halves"):
        out.append(("half", re.compile(rf"{b}(?P<half>{_alt(table['halves'])})\s+(?:(?P<year>{_YEAR})|(?P<rel>"
                                       rf"{_alt(table['half_years'])})){e}", re.I), table))
    out.append(("half", re.compile(rf"{b}H(?P<h>[12])\s*(?P<year>{_YEAR}){e}"), {}))
    out.append(("weekend", re.compile(rf"{b}{det}{pre}(?P<unit>{_alt(table['weekend_words'])}){e}{post}", re.I), {}))
    parts = table["parts_of_day"]
    out.append(("tonight", re.compile(rf"{b}(?:{_alt(table['tonight'])}){e}", re.I), {}))
    out.append(("lastnight", re.compile(rf"{b}(?:{_alt(table['last_night'])}){e}", re.I), {}))
    out.append(("thispart", re.compile(rf"{b}(?:{_alt(table['this_part'])})\s+(?P<unit>{_alt(parts)}){e}", re.I), parts))
    if table.get("relative_parts"):  # 'stasera', 'vanochtend', 'hier soir': a day and its part in one word or phrase
        out.append(("relpart", re.compile(rf"{b}(?:{_alt(table['relative_parts'])}){e}", re.I), table["relative_parts"]))
    if table["century_words"]:
        words, suf = _alt(table["century_words"]), _alt(table["ordinal_suffixes"])
        mods = table["century_modifiers"]
        roman = "|".join(sorted(_ROMAN_CENTURIES, key=len))
        out.append(("century", re.compile(
            rf"{b}{det}(?:(?P<ord>{_alt(table['century_ordinals'])})|(?P<n>\d{{1,2}})(?:{suf})|(?P<rom>{roman})(?:{suf})?"
            rf"|(?P<mod>{_alt(mods['before'])}))[\s-]+(?:{words}){e}", re.I), table))
        if table["century_numerals_after"] or mods["after"]:  # 'el siglo XX', 'le siècle dernier'
            numerals = rf"(?P<rom>{roman})(?:{suf})?|(?P<n>\d{{1,2}})(?:{suf})?|" if table["century_numerals_after"] else ""
            out.append(("century", re.compile(
                rf"{b}{det}(?:{words})\s+(?:{numerals}(?P<mod>{_alt(mods['after'])})){e}", re.I), table))
    decades = table["decade_words"]
    for form in table["decade_forms"]:
        rx = (form.replace("FULL", r"(?P<full>1[5-9]\d0|20\d0)").replace("SHORT", r"(?P<short>\d0)")
              .replace("WORD", rf"(?P<word>{_alt(decades)})"))
        out.append(("decade", re.compile(rf"{b}(?:{rx}){e}", re.I), decades))
    focus = table["focus"]
    if focus:
        out.append(("focus", re.compile(rf"{b}(?:{_alt(focus)}){e}", re.I), focus))
    if table.get("quarter_focus"):
        out.append(("qfocus", re.compile(rf"{b}(?:{_alt(table['quarter_focus'])}){e}", re.I), table["quarter_focus"]))
    if table["focus_units"] and table["later"]:
        guard = table.get("later_not_followed_by")
        out.append(("later", re.compile(
            rf"{b}(?P<n>{num})\s+(?P<unit>{_alt(table['focus_units'])})\s+(?P<dir>{_alt(table['later'])}){e}"
            + (f"(?!{guard})" if guard else ""), re.I), table))
    durations = "|".join(f"(?:{d})" for d in table["durations"]).replace("NUM", num)
    out.append(("duration", re.compile(rf"{b}(?:{durations}){e}", re.I), {}))
    return [(kind, rx, t, _keys(kind, t, table)) for kind, rx, t in out]


def _keys(kind: str, t: dict, table: dict) -> tuple[str, ...]:
    """Lower-case words one of which a text must hold for the pattern to be tried (a cheap prefilter)."""
    words = {
        "present_ref": table["present_ref"], "past_ref": table["past_ref"], "future_ref": table["future_ref"],
        "season": list(table["seasons"]), "weekend": table["weekend_words"], "tonight": table["tonight"],
        "lastnight": table["last_night"], "thispart": list(table["parts_of_day"]), "century": table["century_words"],
        "decade": [*table["decade_keys"], *table["decade_words"]], "focus": sorted({k.split()[-1] for k in table["focus"]}),
        "later": list(table["later"]), "qfocus": table["quarter_words"], "relpart": list(table.get("relative_parts") or ()),
        "duration": table["duration_words"],
    }.get(kind)
    if kind == "quarter":
        words = [*table["quarter_words"], "q1", "q2", "q3", "q4"]
    if kind == "half":  # 'half', 'semestre', 'mitad', 'months', 'halbjahr'
        words = ["h1", "h2", *{(k.split()[-2] if len(k.split()) > 1 else k) for k in table.get("halves") or ()}]
    return tuple(w.lower().split()[0] if w.split() else w.lower() for w in words or ())


def candidates(text: str, language: str | None) -> list[tuple[int, int, tuple[str, re.Match, dict]]]:
    """(start, end, (kind, match, table)) of every TimeML expression of ``text`` in ``language`` (default English)."""
    lang = language or "en"
    pats = _patterns(lang)
    if pats is None:
        return []
    words = _words()[lang]
    not_ref = rf"\s+(?:{_alt(words['ref_not_followed_by'])})\b"
    out = []
    low = text.lower()
    for kind, rx, table, keys in pats:
        if not any(k in low for k in keys):
            continue
        for m in rx.finditer(text):
            if kind == "quarter" and "q" not in m.groupdict() and not m.group("pre") and not m.group("post") \
                    and not m.group("year"):
                continue  # 'quarter' alone: a part of a city, a fraction
            if kind == "weekend" and not (m.group("det") or m.group("pre") or m.group("post")) and not _after_context(
                    text, m.start(), lang, "weekend_context"):
                continue  # 'weekend' alone: no date ('the weekend', 'am Wochenende' are one)
            if kind.endswith("_ref") and (text[m.end():m.end() + 1] == "-" or re.match(not_ref, text[m.end():], re.I)):
                continue  # 'the now-closed mill', 'now that ...': no reference to a time
            if kind == "season" and not (m.group("pre") or m.group("post") or m.group("year")) and (
                    m.group("unit").lower() in words["season_needs_modifier"]
                    or not _after_context(text, m.start(), lang, "season_context")):
                continue  # 'prices fall', 'a hot spring': a season needs a year, a modifier or a preposition
            out.append((m.start(), m.end(), (kind, m, table)))
    return out


def _after_context(text: str, start: int, lang: str, key: str) -> bool:
    """Whether one of the words of ``key`` in ``lang``'s table ends right before ``start`` ('in summer', 'am
    Wochenende'): a word with no modifier or year that is a time after them."""
    rx = _context(lang, key)
    return rx is not None and rx.search(text, max(0, start - 12), start) is not None


def _key(word: str) -> str:
    """A matched word or phrase as its table key: lower case, single spaces."""
    return " ".join(word.lower().split())


def _mod(word: str | None, lang: str) -> int | str | None:
    if not word:
        return None
    t = _words()[lang]
    key = _key(word)
    return t["before"].get(key, t["after"].get(key))


def _season_of(d: date) -> tuple[int, int]:
    """(year, index into SP SU FA WI) of the season a day falls in; December to February is the winter of the
    year it begins in."""
    if d.month in (1, 2):
        return d.year - 1, 3
    return d.year, min((d.month - 3) // 3, 3)



def count(word: str, table: dict) -> int | None:
    """The number a count word of ``table``'s language names ('three', 'drei', '12'); None for a vague one."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return table["count_words"].get(w)


def shift_quarter(quarter: str, n: int) -> str:
    """'2013-Q3' shifted by ``n`` quarters ('2012-Q3' for -4)."""
    k = int(quarter[:4]) * 4 + int(quarter[-1]) - 1 + n
    return f"{k // 4}-Q{k % 4 + 1}"


def resolve(extra: tuple[str, re.Match, dict], pub: date | None, focus: date | None, future: bool,
            language: str | None, quarter: str | None = None) -> tuple[str | None, str | None]:
    """(value, anchor) of one candidate; value None drops it (durations, or nothing to resolve against).
    ``focus``: the last day the text named; ``quarter``: the last quarter it named ('2013-Q3')."""
    kind, m, table = extra
    if kind == "qfocus":
        if quarter is None:
            return None, None
        return shift_quarter(quarter, table[" ".join(m.group(0).lower().split())]), quarter
    lang = language if language in _words() else "en"
    pub_s = pub.isoformat() if pub else None
    g = m.groupdict()
    if kind == "half":
        n = g.get("h") or table["halves"][" ".join(g["half"].lower().split())]
        if g.get("year"):
            return f"{g['year']}-H{n}", None
        if pub is None:
            return None, None
        return f"{pub.year + table['half_years'][' '.join(g['rel'].lower().split())]}-H{n}", pub_s
    if kind == "present_ref":
        return "PRESENT_REF", None
    if kind == "past_ref":
        return "PAST_REF", None
    if kind == "future_ref":
        return "FUTURE_REF", None
    if kind == "duration":
        return None, None
    if kind == "season":
        code = table[g["unit"].lower()]
        idx = _SEASON_ORDER.index(code)
        mod = _mod(g.get("post"), lang) if g.get("post") else _mod(g.get("pre"), lang)
        if isinstance(mod, str):  # an ordinal ('the first spring'): no season counted from today
            mod = None
        if g.get("year"):
            return f"{g['year']}-{code}", None
        if pub is None:
            return f"XXXX-{code}", None
        cy, ci = _season_of(pub)
        if mod == 0:
            y = cy if ci == 3 and idx == 3 else pub.year
        elif mod == -1 or (mod is None and not future):
            y = cy if idx < ci else cy - 1  # the latest such season before the current one
            if mod is None and idx == ci:
                y = cy
        else:  # next, or a future tense
            y = cy if idx > ci else cy + 1
            if mod is None and idx == ci:
                y = cy
        return f"{y}-{code}", pub_s
    if kind == "quarter":
        if "q" in g and g.get("q"):
            y = g.get("year0") or g.get("year")
            if y and len(y) == 2:
                y = "20" + y
            if not y:
                return (f"{pub.year}-Q{g['q']}", pub_s) if pub else (f"XXXX-Q{g['q']}", None)
            return f"{y}-Q{g['q']}", None
        mod = _mod(g.get("post"), lang) if g.get("post") else _mod(g.get("pre"), lang)
        cq = (pub.month - 1) // 3 + 1 if pub else None
        if isinstance(mod, str):  # an ordinal: the first quarter
            q = int(mod)
            if g.get("year") or g.get("year1"):
                return f"{g.get('year') or g['year1']}-Q{q}", None
            if pub is None:
                return f"XXXX-Q{q}", None
            y = pub.year
            if q > cq and not future:
                y -= 1
            if g.get("shift"):  # 'the year-ago third quarter': that quarter a year before
                y += table[" ".join(g["shift"].lower().split())]
            return f"{y}-Q{q}", pub_s
        if g.get("year") and mod is None:
            return None, None
        if pub is None or mod is None:
            return None, None
        k = pub.year * 4 + cq - 1 + mod
        return f"{k // 4}-Q{k % 4 + 1}", pub_s
    if kind == "weekend":
        if pub is None:
            return None, None
        mod = _mod(g.get("post"), lang) if g.get("post") else _mod(g.get("pre"), lang)
        if isinstance(mod, str):  # an ordinal ('the final weekend of campaigning'): not a week counted from today
            return None, None
        if mod is None:  # 'the weekend': the one just past, or the coming one in a future tense
            mod = 0 if (future or pub.weekday() >= 5) else -1
        return _week(pub + timedelta(days=7 * mod), "-WE"), pub_s
    if kind in ("tonight", "lastnight", "thispart", "relpart"):
        if pub is None:
            return None, None
        if kind == "relpart":  # 'stasera', 'gisteravond': [days from publication, part of the day]
            days, part = table[_key(m.group(0))]
            return f"{(pub + timedelta(days=days)).isoformat()}T{part}", pub_s
        if kind == "tonight":
            return f"{pub.isoformat()}TNI", pub_s
        if kind == "lastnight":
            return f"{(pub - timedelta(days=1)).isoformat()}TNI", pub_s
        return f"{pub.isoformat()}T{table[g['unit'].lower()]}", pub_s
    if kind == "century":
        if g.get("ord"):
            n = table["century_ordinals"][_key(g["ord"])]
        elif g.get("n"):
            n = int(g["n"])
        elif g.get("rom"):
            n = _ROMAN_CENTURIES[g["rom"].lower()]
        else:  # 'this century', 'le siècle dernier'
            if pub is None:
                return None, None
            mods = table["century_modifiers"]
            n = pub.year // 100 + 1 + mods["before"].get(_key(g["mod"]), mods["after"].get(_key(g["mod"]), 0))
            return f"{n - 1:02d}", pub_s
        if not 1 <= n <= 30:
            return None, None
        return f"{n - 1:02d}", None
    if kind == "decade":
        if g.get("full"):
            return g["full"][:3], None
        tens = int(g["short"][0]) if g.get("short") else table[_key(g["word"])]
        ref = pub.year if pub else 2000
        century = 20 if 2000 + tens * 10 <= ref else 19
        return f"{century}{tens}", (pub_s if pub else None)
    if kind == "focus":
        base = focus
        if base is None:
            return None, None
        unit, n, *part = table[" ".join(m.group(0).lower().split())]
        return _shift(base, n, unit) + (f"T{part[0]}" if part else ""), base.isoformat()
    if kind == "later":
        if focus is None:
            return None, None
        n = count(g["n"], table)
        if n is None:
            return None, None
        unit = table["focus_units"][_key(g["unit"])]
        n *= table["later"][_key(g["dir"])]
        return _shift(focus, n, unit), focus.isoformat()
    return None, None




_PART_AFTER = {}


def part_of_day_after(text: str, end: int, language: str | None) -> tuple[int, str] | None:
    """A part-of-day word right after a resolved day ('Friday afternoon', 'yesterday morning'): (new end, code)."""
    lang = language if language in _words() else "en"
    rx = _PART_AFTER.get(lang)
    if rx is None:
        table = _words()[lang]
        parts = table["parts_of_day"]
        conn = _lead(table["part_of_day_connectors"], r"\s")  # 'el viernes por la tarde', 'vendredi dans la soirée'
        rx = _PART_AFTER[lang] = (re.compile(rf"\s+{conn}(?P<unit>{_alt(parts)})(?!\w)", re.I), parts)
    m = rx[0].match(text, end)
    if not m:
        return None
    return m.end(), rx[1][_key(m.group("unit"))]


def part_code_in(span_text: str, language: str | None) -> str | None:
    """The part-of-day code a span already ends with ('Friday afternoon' matched whole by the weekday regex)."""
    lang = language if language in _words() else "en"
    parts = _words()[lang]["parts_of_day"]
    words = span_text.lower().split()
    last = words[-1] if words else ""
    code = parts.get(last) if len(words) > 1 else None
    if code is None and compound_day_parts(lang):  # 'Freitagnachmittag', 'zondagavond': the part ends the word
        ends = [p for p in parts if last.endswith(p) and len(last) > len(p)]
        code = parts[max(ends, key=len)] if ends else None
    return code


def with_part_of_day(text: str, start: int, end: int, value: str, weekday: bool, language: str | None,
                     taken: list[tuple[int, int]]) -> tuple[int, str]:
    """(end, value) of a resolved day with the part of the day written in or right after it: 'Friday afternoon'
    -> ``2013-03-22TAF``, 'yesterday morning' -> ``2013-03-21TMO``; the span grows over a following part word
    unless another expression holds it."""
    if "T" in value:
        return end, value
    part = part_code_in(text[start:end], language) if weekday else None
    after = None if part else part_of_day_after(text, end, language)
    if after is not None and not any(s < after[0] and end < e for s, e in taken):
        end, part = after
    return end, (f"{value}T{part}" if part else value)


# years, months, weeks ('early next week'), seasons, quarters, halves, decades
_PERIOD = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d{2}|W\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?$|^\d{2,3}$")


@lru_cache(maxsize=16)
def _modifier_before(lang: str) -> re.Pattern | None:
    words = _words().get(lang, {}).get("period_modifiers")
    return re.compile(rf"(?<!\w)(?:{_alt(words)})[\s-]*$", re.I) if words else None


def with_modifier(text: str, start: int, value: str, language: str | None, taken: list[tuple[int, int]]) -> int:
    """The start of a period's expression with the words before it that say which part of it is meant ('early
    2009', 'the end of March', 'comienzos de 2009'): TimeML's extent holds them, its value stays the period's."""
    rx = _modifier_before(language if language in _words() else "en")
    if rx is None or not _PERIOD.match(value):
        return start
    m = rx.search(text, max(0, start - 40), start)
    if m is None or any(s < start and m.start() < e for s, e in taken):
        return start
    return m.start()


_CLOCK_THEN_DAY = re.compile(r"\s*(?:,\s*)?(?:on\s+|of\s+|the\s+)?$", re.I)
_CLOCK_JOINS_DAY = re.compile(r"\s*,?\s*$")  # '10 p.m. Wednesday', '5 p.m. EST, Nov. 6': one expression


def clock_days(text: str, out: list[TimeExpr], lang: str | None, clock: re.Pattern) -> list[TimeExpr]:
    """A clock time written right before its day ('at 6:40 p.m. on October 17') is on that day, not on the
    day before it in the text or the publication date; with nothing but a comma between them ('10 p.m.
    Wednesday', 'noon Thursday'), the two are one expression, as TimeML's extent has them. ``clock``: times.py's
    clock-time pattern (groups h, mi, ap, zone, off)."""
    words = clock_words(lang)
    merged: list[TimeExpr] = []
    skip = False
    for t, nxt in zip(out, [*out[1:], None]):
        if skip:
            skip = False
            continue
        day = day_value(t.value) if "T" not in t.value else None
        before = words.search(text, max(0, t.start - 12), t.start) if words is not None and day is not None else None
        if before is not None:  # 'noon Thursday', 'midnight Friday'
            t = dataclasses.replace(t, start=before.start(), text=text[before.start():t.end],
                                    value=f"{day.isoformat()}T{clock_word_value(lang, before.group(1))}")
        day = day_value(nxt.value) if nxt is not None else None
        m = clock.match(text, t.start)
        if (day is None or m is None or m.end() != t.end or day_value(t.value) is None
                or not _CLOCK_THEN_DAY.match(text, t.end, nxt.start) or "T" in nxt.value):
            merged.append(t)
            continue
        value = clock_value(day, int(m["h"]), int(m["mi"] or 0), m["ap"], m["zone"], m["off"])
        if _CLOCK_JOINS_DAY.match(text, t.end, nxt.start):
            merged.append(dataclasses.replace(nxt, start=t.start, text=text[t.start:nxt.end], value=value))
            skip = True
        else:
            merged.append(dataclasses.replace(t, value=value, anchor=day.isoformat()))
    return merged
