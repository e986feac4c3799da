"""Where a report writes a time: the patterns (English month and weekday names, numeric and ISO dates, CJK dates and
years, years in a year context, clock times, deictic and text-relative expressions, foreign day-month dates) and the
candidate spans they find, before times.py resolves them (step 1 of its order of resolution)."""
from __future__ import annotations

import re
from datetime import date

from crosscheck.analyze import holidays as _holidays
from crosscheck.analyze import timeml as _timeml
from crosscheck.analyze.time_words import FOREIGN_RELATIVE as _FOREIGN_RELATIVE
from crosscheck.analyze.time_words import UNSPACED as _UNSPACED
from crosscheck.analyze.time_words import cldr as _cldr
from crosscheck.analyze.time_words import clock_h as _clock_h
from crosscheck.analyze.time_words import counted_spans as _counted_spans
from crosscheck.analyze.time_words import foreign_month
from crosscheck.textunits import base_language
from crosscheck.textunits import sentence_initial as _sentence_start

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}

_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WD_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD = _WD_FULL[:-1] + r"|Mon\.?|Tue\.?|Tues\.?|Wed\.?|Thu\.?|Thurs?\.?|Fri\.?|Sat\.?|Sun\.?)"
_YEAR = r"(?:19|20)\d\d"
_YEAR_OR_REL = rf"(?:(?P<year>{_YEAR})\b|(?P<rely>this|last|next)\s+year\b)"
_NUMW = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)"

# English month-name dates: "Thursday, October 17, 2024", "Oct. 17", "17th of October 2024".
_MDY = re.compile(
    rf"(?=[A-Z])(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)\b"
    rf"(?:,?\s+{_YEAR_OR_REL})?")
_DMY = re.compile(
    rf"(?=[A-Z\d])(?:(?P<wd>{_WD}),?\s+)?\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?![a-z])"
    rf"(?:,?\s+{_YEAR_OR_REL})?")
_MY = re.compile(rf"(?=[A-Z])\b(?P<mon>{_MON})(?:\s+of)?,?\s+{_YEAR_OR_REL}")
_MONTH_CTX = re.compile(
    rf"\b(?=[A-Za-z])(?P<ctx>(?i:in|since|until|till|by|from|through|during|early|late|mid|last|next|this|of|before|after))"
    rf"(?:\s+|-)(?P<mon>{_MON_FULL})\b(?!\s*\d)")
_ISO = re.compile(rf"(?<![\d-])(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])")
_NUMERIC = re.compile(rf"(?<![\d./])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<year>{_YEAR})(?![\d])"
                      # a two-digit year only after slashes ('7/8/07'): '10.4.11' is a version number
                      r"|(?<![\d./])(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<yy>\d\d)(?![\d/]|\.\d)")
_CJK = re.compile(r"(?:(?P<year>\d{4})\s*[년年]\s*)?(?P<month>\d{1,2})\s*[월月]\s*(?P<day>\d{1,2})\s*[일日]")
# a day of the month alone, as Chinese, Japanese and Korean reports date the events of the past days ('13日夜', '지난 13일')
# '2030年までに', '在2030年前', '2030년까지': a year alone in CJK script (a month after it is _CJK's date)
_CJK_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[\u5e74\ub144](?!\s*\d{1,2}\s*[\u6708\uc6d4])")
_CJK_DAY = re.compile(r"(?<![\d\u6708\uc6d4.\-/\u7b2c])(?<![\d\u6708\uc6d4]\s)(?P<day>[1-9]|[12]\d|3[01])\s*[\u65e5\uc77c](?![\d\u672c\uc694\uac04\u9593\u95f4]|\s*\ub3d9\uc548)")  # not '3일간', '3日間', '3일 동안' (durations)
_CJK_MARKS = re.compile(r"[\u5e74\u6708\u65e5\ub144\uc6d4\uc77c]")  # 年 月 日 년 월 일: none, no CJK date (a quick test)
_YEAR_RE = re.compile(rf"(?:(?<![\w.,/-])|(?<=[Mm]id-))(?P<year>{_YEAR})(?![\w]|[.,]\d)")  # 'mid-2010' too
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|through|during|before|after|of|around|circa|early|late|mid|year|"
    r"summer|winter|spring|autumn|fall|im|en|del|dal|nel|w|we|в|у|з|с|depuis|seit|desde|jahr|año|anno|"
    r"roku|року|году)\s+|mid-|(?:19|20)\d\d\s*(?:[-–/]|and|or|to)\s*)$", re.I)
_YEAR_AFTER = re.compile(r"^(?:\s*(?:року|году|г\.|р\.|roku|r\.|년|年))")
# not a weekday that recurs ('every Monday', 'each Thursday', 'Tuesday nights': a TimeML SET, no date)
_WEEKDAY_ALONE = re.compile(
    r"(?=[A-Za-z])(?<!\bevery\s)(?<!\beach\s)"
    rf"(?:\b(?P<mod>last|next|this\s+coming|coming|this|on|early|late|by|since|until|from)\s+)?(?P<wd>{_WD_FULL})\b"
    r"(?!\s+(?:mornings|afternoons|evenings|nights)\b)(?:\s+(?:morning|afternoon|evening|night)\b)?")
# a clock time with its zone ('08:30 UTC', '6:40 p.m. (GMT +8)'): dated by the day it follows, else publication
# (zones: data/timeml_words.json); its value is the day and the time, in UTC where a zone is written
_ZONES = "|".join(sorted(map(re.escape, _timeml.zones()), key=len, reverse=True))
_CLOCK = re.compile(
    # '10:35 a.m.', '18:40', '14h30', and the hour alone with its a.m. / p.m. ('10 p.m.')
    r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.]|\s?h\s?)(?P<mi>[0-5]\d)(?![\d:])|(?=\s?(?:[ap]\.m\.|[ap]m\b)))"
    r"(?:\s*(?P<ap>[ap]\.m\.|[ap]m\b|Uhr\b|uur\b|h\b))?"
    rf"(?:\s*\(?(?P<zone>{_ZONES})\b(?:\s*(?P<off>[+-]\s*\d{{1,2}}))?\)?)?")
_CLOCK_NEEDS = re.compile(r"[ap]\.?m|Uhr|uur")  # ... or a zone: a bare '10:30' is no date (which day?)
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_QUARTER_REACH = 400  # characters from a quarter within which 'a year ago' compares with that quarter
# a year right after a capitalised name: an edition ('WWDC 2005', 'Conference 2010')
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z]*|[A-Z]{2,})\s+$")
_DEICTIC = re.compile(
    r"\b(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)"
    r"|(?P<yesterday>yesterday)|(?P<today>today)|(?P<tomorrow>tomorrow)"
    r"|(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|previous|coming)\s+(?P<unit>week|month|year)"
    r"|(?:(?:at|by|before|until|toward|towards)\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+"
    r"(?P<erel>the|this|next|last)\s+(?P<eunit>week|month|year)"
    # 'nearly four years ago', 'a week or so ago', 'a decade ago' (approximators: data/timeml_words.json)
    rf"|(?:(?:{_timeml.approximators('en')})\s+)?(?P<n>{_NUMW})\s+(?P<nunit>days?|weeks?|months?|years?|decades?)"
    r"(?:\s+or\s+so)?\s+ago"
    rf"|\bin\s+(?P<fn>{_NUMW})\s+(?P<funit>days?|weeks?|months?|years?)(?!\s+(?:of|after|before|since|ago))"
    rf"|(?P<fn2>{_NUMW})\s+(?P<funit2>days?|weeks?|months?|years?)\s+from\s+(?:now|today)"  # 'two weeks from now'
    r")\b", re.I)
_TEXT_RELATIVE = re.compile(
    r"\b(?:(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?!\s+yesterday))"
    r"|(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after(?!\s+tomorrow))"
    rf"|(?P<n>{_NUMW})\s+days?\s+(?P<dir>later|earlier|afterwards|before)(?![\w\s]*\b(?:that|yesterday|today)\b))\b", re.I)

# a word after a day number (or before a year) is looked up in the table: one cheap regex, not an
# alternation of 200 month names tried at every position
_FOREIGN_DMY = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}})(?:\.|er|º|ª|ης|η|-?го|-?е)?\s+(?:de\s+|del\s+)?(?P<mon>[^\W\d_]{{3,14}})\.?(?!\w)"
    rf"(?:\s+(?:de\s+|del\s+)?(?P<year>{_YEAR})(?!\d)(?:\s*(?:року|года|г\.|р\.|roku|r\.))?)?")
_FOREIGN_MY = re.compile(rf"(?<!\w)(?P<mon>[^\W\d_]{{3,14}})\s+(?:de\s+|del\s+)?(?P<year>{_YEAR})(?!\d)")


def _time_of_day_words() -> dict[str, re.Pattern]:
    """Per language: words before a relative-day word that make it a time of day (data file)."""
    from importlib import resources
    import json

    with resources.files("crosscheck.data").joinpath("relative_time_of_day.json").open(encoding="utf-8") as fh:
        before = json.load(fh)["before"]
    return {lang: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(ws, key=len, reverse=True))) + r")\s+$",
                             re.IGNORECASE) for lang, ws in before.items()}


_TIME_OF_DAY = _time_of_day_words()
_FOREIGN_REL_RE = {
    lang: re.compile(("" if lang in _UNSPACED else r"(?<!\w)") + "(?:" + "|".join(sorted(map(re.escape, t), key=len, reverse=True))
                     + ")" + ("" if lang in _UNSPACED else r"(?!\w)"), re.I)
    for lang, t in _FOREIGN_RELATIVE.items() if t
}


def explicit_date_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of explicit calendar dates (never quantities); read by quantities.py."""
    cjk = (_CJK,) if _CJK_MARKS.search(text) else ()
    spans = [m.span() for rx in (_MDY, _DMY, _MY, _ISO, _NUMERIC, *cjk) for m in rx.finditer(text)]
    spans += [m.span() for rx in (_FOREIGN_DMY, _FOREIGN_MY) for m in rx.finditer(text)
              if foreign_month(m.group("mon"), language)]
    return spans


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)
        return True
    except ValueError:
        return False


class _Cand:
    """One candidate span before resolution (internal to time_spans.py and times.py)."""

    __slots__ = ("start", "end", "kind", "y", "m", "d", "wd", "extra")

    def __init__(self, start, end, kind, y=None, m=None, d=None, wd=None, extra=None):
        self.start, self.end, self.kind = start, end, kind
        self.y, self.m, self.d, self.wd, self.extra = y, m, d, wd, extra


def _rel_year(m: re.Match) -> tuple[str, str] | None:
    rely = m.group("rely")
    return ("year", rely.lower()) if rely else None


def _month_of(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _candidates(text: str, language: str | None, year_ents: set[int]) -> list[_Cand]:
    out: list[_Cand] = []
    language = base_language(language) or None  # 'pt-BR' reads as 'pt'
    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            mon, day = _month_of(m.group("mon")), int(m.group("day"))
            y = int(m.group("year")) if m.group("year") else None
            if mon and 1 <= day <= 31 and _valid(y, mon, day):
                wd = _WEEKDAYS.get(m.group("wd").lower().rstrip(".")) if m.group("wd") else None
                out.append(_Cand(m.start(), m.end(), "date", y, mon, day, wd, extra=_rel_year(m)))
    for m in _MY.finditer(text):
        y = int(m.group("year")) if m.group("year") else None
        out.append(_Cand(m.start(), m.end(), "month", y, _month_of(m.group("mon")), extra=_rel_year(m)))
    for m in _MONTH_CTX.finditer(text):
        ctx = m.group("ctx").lower()  # 'last / this / next' belong to the expression (TimeML extent), 'in' does not
        out.append(_Cand(m.start("ctx") if ctx in ("last", "this", "next") else m.start("mon"), m.end(), "month", None,
                         _month_of(m.group("mon")), extra=ctx))
    for m in _ISO.finditer(text):
        y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if _valid(y, mo, d):
            out.append(_Cand(m.start(), m.end(), "date", y, mo, d))
    for m in _NUMERIC.finditer(text):
        if m.group("yy"):  # POSIX strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068
            a, b, y = int(m.group("a2")), int(m.group("b2")), int(m.group("yy"))
            y += 1900 if y >= 69 else 2000
        else:
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if m.group("sep") == "." or a > 12 or (language not in (None, "en") and b <= 12):
            d, mo = a, b
        else:
            mo, d = a, b
        if 1 <= mo <= 12 and _valid(y, mo, d):
            # '7/8/07' reads either way when both parts are months: the other order is kept for the resolver
            swap = ("swap", y, d, mo) if (m.group("sep") or "/") == "/" and a != b and a <= 12 and b <= 12 else None
            out.append(_Cand(m.start(), m.end(), "date", y, mo, d, extra=swap))
    cjk = _CJK_MARKS.search(text) is not None
    for m in _CJK.finditer(text) if cjk else ():
        y = int(m.group("year")) if m.group("year") else None
        mo, d = int(m.group("month")), int(m.group("day"))
        if 1 <= mo <= 12 and _valid(y, mo, d):
            out.append(_Cand(m.start(), m.end(), "date", y, mo, d))
    for m in _CJK_DAY.finditer(text) if cjk else ():
        out.append(_Cand(m.start(), m.end(), "monthday", d=int(m.group("day"))))
    for m in _CJK_YEAR.finditer(text) if cjk else ():
        out.append(_Cand(m.start(), m.end(), "year", int(m.group("year"))))
    for m in _FOREIGN_DMY.finditer(text):
        mo, d = foreign_month(m.group("mon"), language), int(m.group("day"))
        y = int(m.group("year")) if m.group("year") else None
        if mo and _valid(y, mo, d):
            end = m.end()
            if y is None and text[end - 1] == "." and (text[end:].lstrip()[:1] or "A").isupper():
                end -= 1  # '21 de febrero. Al día siguiente': the full stop ends the sentence, not an abbreviation
            out.append(_Cand(m.start(), end, "date", y, mo, d))
    for m in _FOREIGN_MY.finditer(text):
        mo = foreign_month(m.group("mon"), language)
        if mo:
            out.append(_Cand(m.start(), m.end(), "month", int(m.group("year")), mo))
    cldr = _cldr(language or "")
    for m in _CLOCK.finditer(text):
        if "h" in (m.group("sep") or ""):
            if _clock_h(language):  # '14h30', where the language writes clock times so
                out.append(_Cand(m.start(), m.end(), "clock"))
        elif m.group("zone") or _CLOCK_NEEDS.search(m.group("ap") or ""):
            out.append(_Cand(m.start(), m.end(), "clock"))
    for m in _YEAR_RE.finditer(text):
        s = m.start()
        before = text[max(0, s - 30):s]
        if (s in year_ents or _YEAR_BEFORE.search(text, max(0, s - 30), s) or _YEAR_AFTER.match(text[m.end():m.end() + 8])
                or _NAME_BEFORE.search(before) or (cldr is not None and cldr["year_re"].search(before))):
            out.append(_Cand(s, m.end(), "year", int(m.group("year"))))
    for m in _WEEKDAY_ALONE.finditer(text):
        mod = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
        start = m.start() if mod in ("last", "next", "this", "coming", "this coming") else m.start("wd")
        mod = "next" if mod in ("coming", "this coming") else mod  # 'this coming Sunday': the next one
        out.append(_Cand(start, m.end(), "weekday", wd=_WEEKDAYS[m.group("wd").lower()], extra=mod))
    for m in _DEICTIC.finditer(text):
        out.append(_Cand(m.start(), m.end(), "deictic", extra=m))
    for m in _TEXT_RELATIVE.finditer(text):
        out.append(_Cand(m.start(), m.end(), "textrel", extra=m))
    for start, end, extra in _timeml.candidates(text, language):  # seasons, quarters, PRESENT_REF, durations...
        out.append(_Cand(start, end, "timeml", extra=extra))
    for start, end, extra in _holidays.candidates(text, language):  # 'Thanksgiving Day', 'Nochebuena'
        out.append(_Cand(start, end, "holiday", extra=extra))
    for start, end, n, unit in _counted_spans(text, language):  # 'hace dos semanas', 'vor drei Tagen'
        out.append(_Cand(start, end, "foreignrel", extra=(n, unit)))
    rel = _FOREIGN_REL_RE.get(language or "")
    if rel is not None:
        table = _FOREIGN_RELATIVE[language]
        time_of_day = _TIME_OF_DAY.get(language)
        for m in rel.finditer(text):
            if time_of_day is not None and time_of_day.search(text, max(0, m.start() - 20), m.start()):
                continue  # 'por la mañana', 'am Morgen': a time of day, not tomorrow
            out.append(_Cand(m.start(), m.end(), "foreignrel", extra=table[m.group(0).lower()]))
    if cldr is not None:  # weekdays, months alone and set phrases in the report's own language
        for m in cldr["weekday_re"].finditer(text):
            mod = cldr["before"].get((m.group("pre") or "").lower()) or cldr["after"].get((m.group("post") or "").lower()) or ""
            out.append(_Cand(m.start(), m.end(), "weekday", wd=cldr["weekdays"][m.group("wd").lower()], extra=mod))
        for m in cldr["month_re"].finditer(text):
            at = m.start("mon")
            if text[at].isupper() and not _sentence_start(text, at) and language not in ("de", "el"):
                continue  # a capitalised month word mid-sentence in a language writing months in lower case: a name
            mod = (cldr["before"].get((m.group("pre") or "").lower()) or cldr["after"].get((m.group("post") or "").lower())
                   or None)
            out.append(_Cand(m.start() if mod else at, m.end() if mod else m.end("mon"), "month", None,
                             cldr["months"][m.group("mon").lower()], extra=mod))
        if cldr["phrase_re"] is not None:
            for m in cldr["phrase_re"].finditer(text):
                n, unit = cldr["phrases"][" ".join(m.group(0).lower().split())]
                out.append(_Cand(m.start(), m.end(), "foreignrel", extra=(n, unit)))
    # longest first, then earliest; drop anything overlapping an accepted span
    out.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    occupied: list[tuple[int, int]] = []
    for c in out:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    taken.sort(key=lambda c: c.start)
    return _weekday_dates(text, taken)


_WEEKDAY_GAP = re.compile(r"[\s,]{0,3}(?:\w{1,3}\s)?")  # 'samedi 14 juin', 'Samstag, den 14. Juni', 'sábado 14'


def _weekday_dates(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A bare weekday written right before a day-and-month date (any language) is that date's stated weekday:
    one expression, checked against the calendar, not a relative day plus a date."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (c.kind == "date" and c.wd is None and c.d and prev is not None and prev.kind == "weekday" and not prev.extra
                and _WEEKDAY_GAP.fullmatch(text[prev.end:c.start])):
            c.start, c.wd = prev.start, prev.wd
            out[-1] = c
            continue
        out.append(c)
    return out
