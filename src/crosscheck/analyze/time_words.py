"""Date words of the languages besides English, for times.py: read once per process.

- month names and 'yesterday / in two weeks' phrases from dateparser's language tables (themselves
  built from CLDR), for de es it pl ru uk fr pt nl;
- month and weekday names of each language from CLDR through babel (format and stand-alone forms);
- weekday modifiers, set phrases ('el dia de hoy'), parts of the day and year context words from
  ``data/time_words.json``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import import_module, resources

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec")  # English month words: never read as another language's

FOREIGN_LANGS = ("de", "es", "it", "pl", "ru", "uk", "fr", "pt", "nl", "el", "bg", "tr", "ar", "id", "ko", "ja", "zh",
                 "sv", "da", "nb", "cs", "sk", "ro", "hu", "fi", "vi", "fa", "he", "hi")
UNSPACED = frozenset({"ko", "ja", "zh"})  # words glue to particles: matched without word boundaries
# foreign month abbreviations that are also common English words after a number
ENGLISH_CLASHES = {"ago", "set", "mag", "gen", "sie", "mars"}


def foreign_tables() -> tuple[dict[str, int], dict[str, dict[str, tuple[int, str]]]]:
    """Month words -> month number, and per language relative phrase -> (days offset sign*n, unit)."""
    months: dict[str, set[int]] = {}
    relative: dict[str, dict[str, tuple[int, str]]] = {}
    names = list(_MONTHS)[:12]
    for lang in FOREIGN_LANGS:
        try:
            info = import_module(f"dateparser.data.date_translation_data.{lang}").info
        except Exception:  # table missing in this dateparser build: that language is not covered
            continue
        for number, name in enumerate(names, 1):
            for word in info.get(name, ()):
                w = word.lower().rstrip(".")
                if len(w) >= 3 and w.isalpha() and w not in _MONTHS and w not in ENGLISH_CLASHES:
                    months.setdefault(w, set()).add(number)
        table: dict[str, tuple[int, str]] = {}
        for key, phrases in (info.get("relative-type") or {}).items():
            m = re.fullmatch(r"(in )?(\d+) (day|week|month|year)( ago)?", key)
            if not m:
                continue
            n = int(m.group(2)) * (1 if m.group(1) else -1)
            for p in phrases:
                if len(p) >= (2 if lang in UNSPACED else 3):
                    table[p.lower()] = (n, m.group(3))
        relative[lang] = table
    return {w: next(iter(ns)) for w, ns in months.items() if len(ns) == 1}, relative


FOREIGN_MONTHS, FOREIGN_RELATIVE = foreign_tables()
_ENGLISH_NAMES = {w: n for n, w in enumerate(_MONTHS[:12], 1)}  # full names only: 'mar', 'dec' are words elsewhere


def foreign_month(word: str, language: str | None) -> int | None:
    """The month a word names in a language other than English: its own name (dateparser, CLDR), or in a report
    in another language a name it writes as English does, in lower case ('1 december' in Dutch, Swedish, Danish;
    not English '12 march', a verb)."""
    w = word.lower()
    return FOREIGN_MONTHS.get(w) or (_ENGLISH_NAMES.get(w) if language not in (None, "en") else None)
# month names from CLDR (babel) for languages dateparser's tables above do not cover here
CLDR_LANGS = FOREIGN_LANGS


@lru_cache(maxsize=32)
def weekday_names(lang: str) -> str:
    """The language's weekday names (CLDR) as one regex alternation, longest first ('星期四', '周四'); '(?!)' where
    none."""
    return "|".join(map(re.escape, sorted((cldr(lang) or {}).get("weekdays", {}), key=len, reverse=True))) or "(?!)"


@lru_cache(maxsize=32)
def cldr(lang: str) -> dict | None:
    """CLDR month and weekday names of ``lang`` (babel), plus the modifiers and set phrases of
    ``data/time_words.json``: {'months': word -> n, 'weekdays': word -> 0..6, 'weekday_re', 'month_re', 'phrase_re', 'phrases'}."""
    if lang not in CLDR_LANGS:
        return None
    try:
        from babel.dates import get_day_names, get_month_names
        months: dict[str, int] = {}
        weekdays: dict[str, int] = {}
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for n, name in get_month_names(width, ctx, lang).items():
                    w = name.lower().rstrip(".")
                    if len(w) >= 3 and (width == "wide" or len(w) >= 4):
                        months.setdefault(w, n)
            for n, name in get_day_names("wide", ctx, lang).items():
                weekdays.setdefault(name.lower(), n)
    except Exception:  # a locale babel lacks: the language gets no CLDR dates
        return None
    if lang in UNSPACED:  # months are numbers there ('10월', '10月'): times.py reads them as such
        months = {}
    extra = _time_words().get(lang, {})
    for form, n in extra.get("weekday_forms", {}).items():
        weekdays.setdefault(form.lower(), n)
    before, after = extra.get("weekday_before", {}), extra.get("weekday_after", {})
    parts = extra.get("parts_of_day", [])
    lb, rb = ("", "") if lang in UNSPACED else (r"(?<!\w)", r"(?!\w)")
    glued = rf"(?:{_alt(parts)})?" if extra.get("compound_day_parts") and parts else ""  # 'Dienstagmorgen'
    wd_re = re.compile(
        rf"{lb}(?:(?P<pre>{_alt(before) or 'x^'})\s+)?(?P<wd>{_alt(weekdays)}){glued}{rb}"
        rf"(?:\s+(?P<post>{_alt(after) or 'x^'})(?!\w))?"
        rf"(?:\s+(?:{_alt(parts) or 'x^'})(?!\w))?", re.I)
    year_re = re.compile(rf"(?<!\w)(?:{_alt(extra.get('year_before', [])) or 'x^'})\s+$", re.I)
    # a month alone, with the weekday's modifiers ('el próximo septiembre', 'septembre prochain', 'settembre scorso')
    month_re = re.compile(rf"(?<![\w\d.])(?:(?P<pre>{_alt(before) or 'x^'})\s+)?"
                          rf"(?P<mon>{_alt(months) or 'x^'})(?!\w)(?!\s*\d)"
                          rf"(?:\s+(?P<post>{_alt(after) or 'x^'})(?!\w))?", re.I)
    phrases = {k.lower(): tuple(v) for k, v in extra.get("phrases", {}).items()}
    phrase_re = re.compile(rf"(?<!\w)(?:{_alt(phrases)})(?!\w)", re.I) if phrases else None
    future = extra.get("future", [])
    future_re = re.compile("|".join(f"(?:{f})" for f in future), re.I) if future else None
    that = _that_words().get(lang) or []  # 'que', 'dass', "qu'": a clause of its own starts there
    that_re = re.compile(lb + "(?:" + "|".join(re.escape(w) + ("" if w[-1] in "'’" else rb)
                                               for w in sorted(that, key=len, reverse=True)) + ")", re.I) if that else None
    return {"months": months, "weekdays": weekdays, "weekday_re": wd_re, "month_re": month_re, "year_re": year_re,
            "future_re": future_re, "that_re": that_re,
            "phrase_re": phrase_re, "phrases": phrases, "before": before, "after": after}


@lru_cache(maxsize=1)
def _that_words() -> dict[str, list[str]]:
    """Per language, the words that open a reported clause ('que', 'dass'): data/claim_cues.json "that"."""
    with resources.files("crosscheck.data").joinpath("claim_cues.json").open(encoding="utf-8") as fh:
        return {k: v.get("that") or [] for k, v in json.load(fh)["languages"].items()}


@lru_cache(maxsize=1)
def _time_table() -> dict:
    with resources.files("crosscheck.data").joinpath("time_words.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _time_words() -> dict:
    return _time_table()["languages"]


@lru_cache(maxsize=1)
def parsed_tense() -> dict:
    """The English words tense.py reads on the parse (data/time_words.json "parsed_tense"), lists as sets."""
    return {key: (frozenset(v) if isinstance(v, list) else v) for key, v in _time_table()["parsed_tense"]["en"].items()}


@lru_cache(maxsize=None)
def since_re(language: str) -> re.Pattern | None:
    """A 'since' word of the language (data/time_words.json "since_before") ending the text before a date, with at
    most one short word between ('seit dem', 'desde el'); None where the table has no words for it."""
    words = _time_table()["since_before"].get(language)
    if not words:
        return None
    return re.compile(rf"(?:^|[^\w])(?:{_alt(words)})\W+(?:\w{{1,4}}\W+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def number_table() -> dict:
    """data/number_words.json: number words per language ("languages") and the connectors before what a number
    counts ("counted_connectors")."""
    with resources.files("crosscheck.data").joinpath("number_words.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _add_cldr_months() -> None:
    """Month names of the CLDR languages join the day-month table (a name two months share is left out)."""
    seen: dict[str, set[int]] = {}
    for lang in CLDR_LANGS:
        table = cldr(lang)
        for w, n in (table or {}).get("months", {}).items():
            if w not in _MONTHS and w not in ENGLISH_CLASHES:
                seen.setdefault(w, set()).add(n)
    for w, ns in seen.items():
        if len(ns) == 1:
            FOREIGN_MONTHS.setdefault(w, next(iter(ns)))


_add_cldr_months()


@lru_cache(maxsize=32)
def counted(lang: str) -> tuple[re.Pattern, dict[str, int], dict[str, str], frozenset[str]] | None:
    """A count of units before or after the publication date in ``lang`` ('hace dos semanas', 'vor drei Tagen',
    'dentro de un mes', 'неделю назад'): (pattern with groups n<i>, unit<i> and ago<i> / ahead<i> per
    alternative; number word -> value; unit word -> day / week / month / year; the singular units a missing
    count makes one), from data/time_words.json "counted" and data/number_words.json; None without them."""
    table = (_time_words().get(lang) or {}).get("counted")
    if not table:
        return None
    numbers = {w.lower(): n for w, n in (number_table()["languages"].get(lang) or {}).items()}
    numbers.update({w.lower(): n for w, n in (table.get("numbers") or {}).items()})  # forms the units govern
    numbers.update({w.lower(): 1 for w in table.get("one") or ()})
    units = {w.lower(): u for w, u in table["units"].items()}
    num = rf"(?P<n>\d{{1,3}}|{_alt(numbers)})"
    unit = rf"(?P<unit>{_alt(units)})"
    parts = []
    for kind in ("ago", "ahead"):
        for pattern in table.get(kind) or ():
            body = re.escape(pattern).replace(r"\ ", r"\s+").replace("NUM", num).replace("UNIT", unit)
            parts.append(f"(?P<{kind}{len(parts)}>{body})")
    # each alternative names its own groups: number them apart
    rx = "|".join(p.replace("(?P<n>", f"(?P<n{i}>").replace("(?P<unit>", f"(?P<unit{i}>") for i, p in enumerate(parts))
    singular = frozenset(w.lower() for w in table.get("singular") or ())
    return re.compile(rf"(?<!\w)(?:{rx})(?!\w)", re.I), numbers, units, singular


def counted_spans(text: str, lang: str | None) -> list[tuple[int, int, int, str]]:
    """(start, end, signed count, unit) of every count of units ago or ahead in ``text``."""
    found = counted(lang or "")
    if found is None:
        return []
    rx, numbers, units, singular = found
    out = []
    for m in rx.finditer(text):
        groups = m.groupdict()
        kind = next(k for k, v in groups.items() if v is not None and (k.startswith("ago") or k.startswith("ahead")))
        idx = re.sub(r"^\D+", "", kind)  # the alternative's number: its groups are n<idx> and unit<idx>
        word, unit = groups.get(f"n{idx}"), m.group(f"unit{idx}").lower()
        if word is None and unit not in singular:
            continue  # no count before a plural ('много лет назад'): not one unit
        word = (word or "1").lower()  # no count before a singular: one ('неделю назад')
        n = int(word) if word.isdigit() else numbers.get(word)
        if n is None or unit not in units:
            continue
        out.append((m.start(), m.end(), n if kind.startswith("ahead") else -n, units[unit]))
    return out


def compound_day_parts(lang: str | None) -> bool:
    """Whether ``lang`` writes a weekday and a part of the day as one word ('Dienstagmorgen'): data/time_words.json."""
    return bool((_time_words().get(lang or "") or {}).get("compound_day_parts"))


def clock_h(lang: str | None) -> bool:
    """Whether ``lang`` writes clock times with an 'h' between hours and minutes ('14h30'): data/time_words.json."""
    return bool((_time_words().get(lang or "") or {}).get("clock_h"))


def is_month_word(word: str) -> bool:
    """Whether ``word`` (lower case) names a month in English or in a language read here."""
    return word in _MONTHS or word in FOREIGN_MONTHS
