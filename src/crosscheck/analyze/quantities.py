"""Numbers in a report and what they count (``Quantity``).

How one quantity is found, mirrored by ``# 1.``..``# 5.`` in :func:`extract`:

1. Vague amounts ("several thousand", "dozens", "tens of thousands of") and
   number runs (digits with ``,``/``.``/thin-space grouping, number words,
   "1.5 million", "15-hundred", "two dozen") are found by regexes compiled at
   import, so any language's digits work without a parse.
2. Spans that are dates, clock times, years, phone numbers, model names
   ("F-16"), ordinals or page/section numbers are dropped.
3. Context on the right decides the kind: ``%``/percent -> percent, a currency
   (symbol or code before, name or code after) -> money with an ISO code as
   unit, a unit of measure or time -> measure; otherwise a count. Two numbers
   joined by "-", "to" or "between .. and" make a range.
4. The qualifier on the left ("more than", "about", "up to" ...) is kept and
   sets the bound it implies: lower-bound qualifiers set ``low``, upper-bound
   ones ``high``; approximate ones leave both None; an unqualified number has
   ``low == high == value``.
5. For English text the counted thing comes from the dependency parse: the
   noun the number is a ``nummod`` of, or the object of "of" after it
   ("millions of artillery shells" -> "shell"), as a singular lemma.

Vague amounts are pure ranges (kind "range", like "20 to 30"): ``value`` is
None and ``low``/``high`` bound them (plural "thousands" = 2,000..9,999; "several thousand" = 2,000..9,000;
"dozens" = 24..99). The word "one" counts only when the parse makes it a
number modifier of a noun ("one soldier", not "one of them").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from crosscheck.analyze.quantities_cjk import CJK_CHAR, cjk_quantities
from crosscheck.analyze.scale_words import scale_after, scale_value
from crosscheck.analyze.time_words import is_month_word, number_table
from crosscheck.analyze.time_spans import explicit_date_spans
from crosscheck.analyze.times import counts_a_noun
from crosscheck.currencies import CODES, currency_of
from crosscheck.model import Document, Quantity
from crosscheck.points import NOT_WORD_AFTER, point_unit_after, point_words, words_re
from crosscheck.textunits import (base_language, english_scale_words, noun_articles, sentence_initial, stop_words,
                                  verb_particle_before)

_UNITS_W = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
_TEENS_W = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_W = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, **english_scale_words()}
_ABBR_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9,
                "bln": 10**9, "tn": 10**12}
_SMALL_WORDS = "|".join([*_UNITS_W, *_TEENS_W, *_TENS_W])
_ALL_WORDS = _SMALL_WORDS + "|hundred|dozen|" + "|".join(sorted(_SCALES, key=len, reverse=True))  # ('12 lakh')

# 1. number runs: grouped digits or number words, then scale words
_DIGIT = (r"(?:(?P<cont>\d{1,3}(?:[.\u00a0\u202f ]\d{3})+,\d+)(?![\d.,]\d)"  # 1.234,56 / 10 000,5: grouped, decimal comma
          r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
          r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"
          r"|(?P<sp>\d{1,3}(?: \d{3})+(?![\d,.]\d))"
          r"|(?P<dot>\d{1,3}(?:\.\d{3})+)(?![\d,]|\.\d)"
          r"|\d+(?:[.,]\d+)?(?![.,]\d))")
_RUN = re.compile(
    rf"(?<![\w.,/#=@_])(?<![A-Za-z]-)"
    rf"(?:(?P<digits>{_DIGIT})|(?i:(?P<lead>\b(?:{_SMALL_WORDS})\b|\b(?:a|an|half\s+a)(?=[ \t-]+(?:hundred|thousand|million|billion|dozen)\b)|\bhalf\s+a(?=\s+percentage\s+point\b))))"
    rf"(?P<tail>(?i:(?:[ \t\u00a0-]+|[ \t]+and[ \t]+)(?:{_ALL_WORDS})\b)*)")
_VAGUE = re.compile(
    r"(?i:\b(?:(?P<few>several|a\s+few|a\s+couple\s+of|a\s+couple|many)\s+(?P<fs>hundred|thousand|million|billion|dozen)\b(?!s)"
    r"|(?P<mul>tens|hundreds|dozens)\s+of\s+(?P<ms>thousands|millions|billions)\b"
    r"|(?P<pl>dozens|hundreds|thousands|millions|billions)\b|(?P<scores>scores)(?=\s+of\b)))")
_VAGUE_RANGES = {  # plural scale word alone -> (low, high)
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "millions": (2 * 10**6, 10**7 - 1), "billions": (2 * 10**9, 10**10 - 1),
}
_FEW = {"several": (2, 9), "a few": (2, 5), "a couple of": (2, 3), "a couple": (2, 3), "many": (2, 9)}
_MUL = {"tens": (20, 99), "hundreds": (200, 999), "dozens": (24, 99)}

# 2. things that are not quantities
_CLOCK_AFTER = re.compile(r"(?:\s?:\s?\d\d(?!\d)|\.\d\d\s?[ap]\.?\s?m\b|\s?[ap]\.?\s?m\.?(?!\w)|h\d\d)", re.I)
_ADDRESS_AFTER = re.compile(r"\s+block\s+of\b", re.I)  # "the 2500 block of Main Street"
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){1,4}"
                    r"|\d{2,4}(?:[\s.-]\d{2,4}){2,4})(?!\d)")
_REF_BEFORE = re.compile(
    r"(?i:\b(?:page|pages|p\.|pp\.|section|sec\.|article|art\.|chapter|ch\.|paragraph|para\.|no\.|nr\.|number|"
    r"item|clause|resolution|flight|route|highway|road|line|platform|gate|room|building|block|apartment|floor|"
    r"episode|season|volume|vol\.|issue|phase|stage|grade|rule|amendment|version|part|figure|fig\.|table|step|"
    r"round|day|week|exit|terminal|unit|district|zone|sector|station|bus|lot|level|tier|category|class|"
    r"code|ext\.|tel\.?|phone|fax|apt\.?|suite|box|po|cve|iso|case|bill|law|decree|order|protocol)\s*)$"
    r"|[#№§]\s*$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")

# 3. kind from the right context
def _percent_words(where: str = "percent_after") -> list[str]:
    with resources.files("crosscheck.data").joinpath("quantity_words.json").open(encoding="utf-8") as fh:
        table = json.load(fh).get(where, {})
    return [w for words in table.values() for w in words]


_PCT = re.compile(r"\s?[%\uff05]|\s*(?:percent|per\s+cent|pct|" + words_re(_percent_words()) + "|"
                  + words_re(w for words in point_words().values() for w in words) + ")" + NOT_WORD_AFTER, re.I)
_PCT_BEFORE = re.compile(r"(?:^|(?<=[^\w%]))(?:" + (words_re(_percent_words("percent_before")) or r"(?!)") + r")\s?$", re.I)
_ABBR_AFTER = re.compile(r"\s?(?P<a>bn|bln|mn|mln|tn|k|m|b)\b", re.I)
_CURRENCY_CODES = "|".join(CODES)
_SYMBOLS = {"us$": "USD", "$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "€": "EUR", "£": "GBP",
            "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₩": "KRW", "zł": "PLN",
            "rs": "INR", "rs.": "INR"}  # 'Rs 2,100 crore': the rupee as South Asian papers write it
_CUR_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "hryvnia": "UAH",
              "hryvnya": "UAH", "hryvna": "UAH", "rouble": "RUB", "ruble": "RUB", "yuan": "CNY",
              "renminbi": "CNY", "yen": "JPY", "franc": "CHF", "rupee": "INR", "zloty": "PLN",
              "złoty": "PLN", "won": "KRW", "shekel": "ILS", "lira": "TRY"}
_CUR_BEFORE = re.compile(rf"(?:(?P<sym>US\$|C\$|A\$|HK\$|\$|€|£|¥|₴|₽|₹|₩|\bRs\.?\s?)|\b(?P<code>{_CURRENCY_CODES})\s?)$")
_CUR_AFTER = re.compile(
    rf"\s?(?P<sym>€|£|\$|₴|₽|¥|zł)|\s+(?:(?i:US|U\.S\.|American|Canadian|Australian|Hong\s+Kong)\s+)?"
    rf"(?P<word>(?i:dollars?|euros?|pounds?(?:\s+sterling)?|hryvnias?|hryvnyas?|hryvnas?|roubles?|rubles?|yuan|"
    rf"renminbi|yen|francs?|rupees?|zlotys?|złoty|shekels?))\b|\s+(?P<code>{_CURRENCY_CODES})\b")
_UNIT_AFTER = re.compile(
    r"(?:\s?|-)(?P<u>km²|km2|sq\.?\s?km|square\s+(?:kilomet(?:re|er)s?|miles?|met(?:re|er)s?)|kilomet(?:re|er)s?|"
    r"km/h|kph|mph|km|nautical\s+miles?|miles?|met(?:re|er)s?|kg|kilo(?:gram)?s?|tonnes?|tons?|litres?|liters?|"
    r"hectares?|acres?|feet|foot|ft|inches|inch|cm|mm|°C|°F|degrees?|barrels?|megawatts?|gigawatts?|MW|GW|kW|knots?)"
    r"(?![\w/])")
_DURATION_AFTER = re.compile(
    r"(?:\s+|-)(?P<u>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)(?P<old>-old)?\b"
    r"(?P<rel>\s+(?:ago|later|earlier|before|after|from\s+now)\b)?", re.I)
_UNIT_CANON = {
    "km²": "km2", "km2": "km2", "sq km": "km2", "sqkm": "km2", "sq. km": "km2", "kilometre": "km", "kilometer": "km",
    "km": "km", "km/h": "km/h", "kph": "km/h", "mph": "mph", "mile": "mi", "nautical mile": "nmi", "metre": "m",
    "meter": "m", "kg": "kg", "kilo": "kg", "kilogram": "kg", "tonne": "t", "ton": "t", "litre": "l", "liter": "l",
    "hectare": "ha", "acre": "acre", "feet": "ft", "foot": "ft", "ft": "ft", "inch": "in", "inche": "in",
    "cm": "cm", "mm": "mm", "°c": "°C", "°f": "°F", "degree": "°", "barrel": "bbl", "megawatt": "MW",
    "gigawatt": "GW", "mw": "MW", "gw": "GW", "kw": "kW", "knot": "kn",
}
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to)\s*|\s+and\s+", re.I)

# 4. qualifiers and the bound they imply
_QUAL = re.compile(
    r"(?i:\b(?P<q>about|approximately|approx\.|around|nearly|almost|more\s+than|well\s+over|just\s+over|over|"
    r"at\s+least|up\s+to|as\s+many\s+as|some|fewer\s+than|less\s+than|no\s+more\s+than|no\s+fewer\s+than|"
    r"no\s+less\s+than|roughly|an\s+estimated|estimated|just\s+under|under|close\s+to|upwards\s+of|"
    r"in\s+excess\s+of|at\s+most|exactly|precisely|between|from)\s+)$")
_LOWER_Q = {"more than", "well over", "just over", "over", "at least", "no fewer than", "no less than",
            "upwards of", "in excess of"}
_UPPER_Q = {"up to", "as many as", "fewer than", "less than", "no more than", "just under", "under",
            "at most", "nearly", "almost"}
_EXACT_Q = {"exactly", "precisely"}


def _num(s: str, dot_is_group: bool) -> float:
    s = s.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):  # 1.234,56
        return float(s.replace(".", "").replace(",", "."))
    if "," in s and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if "." in s and dot_is_group and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    return float(s.replace(",", "."))


def _words(tokens: list[str], value: float | None) -> tuple[float | None, int]:
    """Value of a run of number words (after an optional digit value) and how many tokens it used."""
    total, current, last, used = 0.0, value or 0.0, "digit" if value is not None else None, 0
    for i, w in enumerate(tokens):
        if w == "and":
            if last in ("hundred", "scale") and i + 1 < len(tokens) and tokens[i + 1] in _ALL_SMALL:
                used += 1
                continue
            break
        if w in ("a", "an") and i == 0:
            current, last = 1.0, "a"
        elif w == "half" and i == 0:
            current, last = 0.5, "a"
        elif w == "a" and last == "a" and tokens[0] == "half":
            pass
        elif w in _UNITS_W and last in (None, "tens", "hundred", "scale"):
            current += _UNITS_W[w]
            last = "unit"
        elif w in _TEENS_W and last in (None, "hundred", "scale"):
            current += _TEENS_W[w]
            last = "teen"
        elif w in _TENS_W and last in (None, "hundred", "scale"):
            current += _TENS_W[w]
            last = "tens"
        elif w == "hundred" and last in ("unit", "teen", "tens", "a", "digit"):
            current = current * 100
            last = "hundred"
        elif w == "dozen" and last in ("unit", "teen", "tens", "a", "digit", "hundred"):
            current = current * 12
            last = "scale"
        elif w in _SCALES and last in ("unit", "teen", "tens", "a", "digit", "hundred"):
            total += current * _SCALES[w]
            current = 0.0
            last = "scale"
        else:
            break
        used += 1
    if last in (None, "a") or (last == "digit" and used == 0 and value is None):
        return None, 0
    return total + current, used


_ALL_SMALL = {**_UNITS_W, **_TEENS_W, **_TENS_W}


def _clean(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(v, 6)


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


class _Found:
    """A quantity before parse-based enrichment (internal)."""

    __slots__ = ("start", "end", "num_start", "core_end", "value", "low", "high", "qual", "unit", "kind", "one",
                 "dotted")

    def __init__(self, start, end, num_start, core_end, value, low, high, kind, unit=None, qual=None, one=False,
                 dotted=False):
        self.start, self.end, self.num_start, self.core_end = start, end, num_start, core_end
        self.value, self.low, self.high, self.kind, self.unit = value, low, high, kind, unit
        self.qual, self.one, self.dotted = qual, one, dotted


@lru_cache(maxsize=None)
def _number_words(language: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """The language's number words written alone (data/number_words.json) and a pattern finding them."""
    words = number_table()["languages"].get(language, {})
    if not words:
        return None, {}
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w.,/#=@_-])(?:{alternation})(?![\w-])", re.I), words


def _scan(text: str, english: bool, language: str = "en") -> list[_Found]:
    """Steps 1-4: every quantity the regexes see, in text order (``language``: whose number words are read
    besides digits, outside English, and whose scale words: analyze/scale_words.py)."""
    blocked = explicit_date_spans(text, None if english else language)
    scales = None if english else scale_after(language)
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        groups = re.split(r"[\s.-]", m.group(0))
        if digits >= 7 and not all(len(g) == 3 for g in groups[1:]):
            blocked.append(m.span())
    blocked.sort()

    def is_blocked(s: int, e: int) -> bool:
        return any(bs < e and s < be for bs, be in blocked)

    raw: list[tuple[int, int, float, float | None, float | None, bool, bool]] = []  # start, end, value, low, high, one, dotted
    vague_spans: list[tuple[int, int]] = []
    for m in _VAGUE.finditer(text):
        g = m.groupdict()
        if g["few"]:
            base = 12 if g["fs"].lower() == "dozen" else (100 if g["fs"].lower() == "hundred" else _SCALES[g["fs"].lower()])
            lo, hi = _FEW[re.sub(r"\s+", " ", g["few"].lower())]
            low, high = lo * base, hi * base
        elif g["mul"]:
            lo, hi = _MUL[g["mul"].lower()]
            scale = _SCALES[g["ms"].lower()[:-1]]
            low, high = lo * scale, (hi + 1) * scale - 1
        else:
            low, high = _VAGUE_RANGES[(g["pl"] or g["scores"]).lower()]
        raw.append((m.start(), m.end(), None, low, high, False, False))
        vague_spans.append(m.span())
    for m in _RUN.finditer(text):
        s = m.start()
        if any(vs <= s < ve for vs, ve in vague_spans):
            continue
        tail = [t.lower() for t in re.split(r"[\s\u00a0-]+", m.group("tail")) if t]
        dotted = False
        if m.group("digits"):
            if m.group("sp") and english:  # plain-space grouping is not English style: "June 19 100 people"
                d = m.group("digits").split(" ")[0]
                value, used, end = _num(d, False), 0, s + len(d)
                raw.append((s, end, value, None, None, False, False))
                continue
            # "10.000": grouping outside English; in English only with several groups (1.000.000),
            # else a decimal that _extract_ turns into thousands when it counts a noun
            dotted = bool(m.group("dot")) and english and m.group("dot").count(".") == 1
            value = _num(m.group("digits"), dot_is_group=bool(m.group("dot")) and not dotted)
            words_v, used = _words(tail, value)
            if used:
                value = words_v
        else:
            lead = re.sub(r"\s+", " ", m.group("lead").lower())
            toks = ["half", "a"] if lead == "half a" else [lead]
            value, used = _words(toks + tail, None)
            if value is None and lead == "half a":  # 'half a percentage point' (the lead's only other place)
                value, used = 0.5, len(toks)
            if value is None:
                continue
            used -= len(toks)
        # the end of the run: the number token plus the tail tokens actually used
        end = m.end("digits") if m.group("digits") else m.end("lead")
        if used > 0:
            consumed = 0
            for tm in re.finditer(r"[^\s\u00a0-]+", m.group("tail")):
                if tm.group(0).lower() == "and" and consumed < used:
                    consumed += 1
                    end = m.start("tail") + tm.end()
                    continue
                if consumed >= used:
                    break
                consumed += 1
                end = m.start("tail") + tm.end()
        one = not m.group("digits") and value == 1 and used == 0
        raw.append((s, end, value, None, None, one, dotted))
    pattern, words = _number_words(language) if not english else (None, {})
    if pattern is not None:  # 'tres heridos', 'dos mil', 'zwanzig Minuten'
        for m in pattern.finditer(text):
            if m.group(0)[0].isupper() and not sentence_initial(text, m.start()):
                continue  # a capital inside the sentence is a name ('Otto Schmidt') or a noun ('Acht geben')
            if not any(vs <= m.start() < ve for vs, ve in vague_spans):
                raw.append((m.start(), m.end(), float(words[m.group(0).lower()]), None, None, False, False))
    raw.sort()
    out: list[_Found] = []
    skip_next = False
    for i, (s, e, value, low, high, one, dotted) in enumerate(raw):
        if skip_next:
            skip_next = False
            continue
        if out and s < out[-1].end:
            continue
        core_end = e
        # 2. not quantities: dates, clock times, glued letters, references, phone numbers
        if is_blocked(s, e):
            continue
        after = text[e:e + 40]
        if value is not None and (_CLOCK_AFTER.match(after) or _ADDRESS_AFTER.match(after)):
            continue
        if re.search(r"\d\s?:\s?$", text[max(0, s - 3):s]) or re.fullmatch(r"0\d+", text[s:e]):
            continue  # minutes of a clock time, or a "000" left over from odd grouping
        before = text[max(0, s - 40):s]
        if _REF_BEFORE.search(before):
            continue
        # 3. kind from context
        kind, unit, start = "count", None, s
        cur = _CUR_BEFORE.search(before)
        if cur:
            unit = _SYMBOLS.get((cur.group("sym") or "").strip().lower()) or cur.group("code")
            kind, start = "money", s - (len(before) - cur.start())
        ab = _ABBR_AFTER.match(after) if value is not None else None
        fs = scales.match(after) if value is not None and scales is not None else None
        if fs:
            value *= scale_value(language, fs.group("w"))
            e += fs.end()
            after = text[e:e + 40]
        elif ab and (ab.group("a").lower() not in ("m", "b") or kind == "money"):
            value *= _ABBR_SCALES[ab.group("a").lower()]
            e += ab.end()
            after = text[e:e + 40]
        elif after[:1].isalpha() and not _PCT.match(after) and not _UNIT_AFTER.match(after):
            continue  # 17th, 3D, 10am, 4x4: not a count
        # a range "20-30", "20 to 30 million", "between 20 and 30"
        if value is not None and i + 1 < len(raw) and not _YEAR_LIKE.fullmatch(text[s:core_end]):
            ns, ne, nv = raw[i + 1][0], raw[i + 1][1], raw[i + 1][2]
            sep = _RANGE_SEP.fullmatch(text[e:ns]) if ns > e else None
            between = re.search(r"(?i:\b(?:between|from)\s+(?:\S+\s+)?)$", text[max(0, start - 20):start])
            if sep and sep.group(0) == "-" and nv is not None and value >= nv:
                skip_next = True
                continue  # a score or a vote: "won 3-1", "a 9-3 deadlock"
            if sep and nv is not None and not is_blocked(ns, ne) and (sep.group(0).strip().lower() != "and" or between):
                lo, hi = value, nv
                if lo < hi or (hi * 1000 > lo):
                    for w, sc in _SCALES.items():
                        if re.search(rf"\b{w}\b", text[ns:ne], re.I) and not re.search(rf"\b{w}\b", text[s:e], re.I) and lo < 1000:
                            lo *= sc
                if lo < hi:
                    low, high, value = lo, hi, None
                    e = core_end = ne
                    after = text[e:e + 40]
                    skip_next = True
                    if between and between.group(0).lower().startswith(("between", "from")):
                        start = max(0, start - 20) + between.start()
        if _YEAR_LIKE.fullmatch(text[s:core_end]) and kind != "money":
            # a bare 19xx/20xx is a year unless a unit or percent follows; counts are checked on the parse
            if not (_PCT.match(after) or _UNIT_AFTER.match(after)):
                kind = "maybe-year"
        pct = _PCT.match(after)
        pb = _PCT_BEFORE.search(before) if not pct and kind != "money" else None  # 'yüzde 40', '%40'
        if pct or pb:
            points = point_unit_after(after, 0) if pct else None  # a move: percentage or basis points
            kind, unit = "percent", points[0] if points else "%"
            e, start = (e + pct.end(), start) if pct else (e, s - (len(before) - pb.start()))
        elif kind != "money":
            ca = _CUR_AFTER.match(after)
            if ca:
                unit = (_SYMBOLS.get((ca.group("sym") or "").lower()) or ca.group("code")
                        or _CUR_WORDS.get(_singular(ca.group("word").split()[0])))
                kind = "money"
                e += ca.end()
            else:
                ua = _UNIT_AFTER.match(after)
                du = None if ua else _DURATION_AFTER.match(after)
                if ua:
                    u = re.sub(r"\s+", " ", ua.group("u"))
                    unit = _UNIT_CANON.get(u.lower(), _UNIT_CANON.get(_singular(u), u))
                    kind = "measure" if kind == "count" else kind
                    e += ua.end()
                elif du:
                    if du.group("rel"):
                        continue  # "three days ago": a time expression, not an amount
                    unit = {"min": "minute", "hr": "hour"}.get(_singular(du.group("u")), _singular(du.group("u")))
                    kind = "measure" if kind in ("count", "maybe-year") else kind
                    e += du.end() - (len(du.group("rel") or ""))
        if kind == "count" and value is None:
            kind = "range"  # explicit ("20 to 30") and vague ("several thousand") alike
        # 4. qualifier
        qual = None
        qm = _QUAL.search(text[max(0, start - 25):start])
        if qm and qm.group("q").lower() not in ("between", "from") and not verb_particle_before(text, start, "en"):
            qual = re.sub(r"\s+", " ", qm.group("q").lower())
            start = max(0, start - 25) + qm.start("q")
        if value is not None and low is None and high is None:
            if qual in _LOWER_Q:
                low = value
            elif qual in _UPPER_Q:
                high = value
            elif qual is None or qual in _EXACT_Q:
                low = high = value
        out.append(_Found(start, e, s, core_end, value, low, high, kind, unit, qual, one, dotted))
    return out


def _of_child(tok):
    """The noun after "of" under ``tok`` ("millions of shells", "20 of the soldiers"), or None."""
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i > tok.i:
            for pobj in ch.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def _counted(sdoc, s: int, e: int):
    """The token of the noun the number at text[s:e] counts, or None."""
    span = sdoc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if not root.text[:1].isalnum():
        return None
    noun = _of_child(root) if root.lower_ != "one" else None  # "one of them" counts nothing
    if noun is not None:
        return noun
    head = root.head
    if root.dep_ not in ("nummod", "quantmod", "amod", "compound") or head.i < span.end:
        return None
    if head.lower_ in ("percent", "cent", "%"):  # "45 percent of its tanks"
        return _of_child(head)
    if head.pos_ not in ("NOUN", "PROPN") or not head.text[:1].isalpha():
        return None
    if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC"):
        return None
    return head


_SCALE_END = re.compile(r"[^\W\d_]{4,}$")  # the quantity ends in its scale word ('millones', 'Millionen')
_WORD_AFTER = re.compile(r"[ \t\u00a0]+(?:(?P<conn>[^\W\d_]+['’]|[^\W\d_]+(?=[ \t\u00a0]))[ \t\u00a0]*)?"
                         r"(?P<word>[^\W\d_][\w'’-]*)")


@lru_cache(maxsize=16)
def _connectors(language: str) -> frozenset[str]:
    return frozenset(number_table().get("counted_connectors", {}).get(language, ()))


def _noun_after(text: str, end: int, language: str | None) -> tuple[str, int] | None:
    """(the counted word lower-cased, its end) right after a number outside English, past a connector of the
    language ('de', 'di', 'van'); None for a function word, a month or anything not a word of 3+ letters."""
    lang = base_language(language) or ""
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return None
    conn, word = m.group("conn"), m.group("word")
    connectors = _connectors(lang)
    if conn is not None and conn.lower() not in connectors:
        word, word_end = conn.rstrip("'’"), m.start("conn") + len(conn.rstrip("'’"))
        conn = None
    else:
        word_end = m.end("word")
    if conn is None and connectors and _SCALE_END.search(text, max(0, end - 12), end):
        return None  # '2,5 millones quedaron': after a scale word the counted thing comes with its connector
    low = word.lower()
    if len(word) < 3 or low in connectors or not word.isalpha() or is_month_word(low):
        return None  # '1 november' is a date, not a count of Novembers
    capitalises = bool(noun_articles(lang))  # German writes every noun capitalised: '38 gestiegen' counts nothing
    if capitalises and word[0].islower():
        return None
    # spaCy's stop lists hold some nouns ('persone', 'anni'): a long word of them may still be counted
    if low in stop_words(lang) and (len(word) <= 6 or capitalises != word[0].isupper()):
        return None
    return low, word_end


def _covers(sdoc, text: str) -> bool:
    """Whether ``sdoc`` is a parse of exactly ``text`` (checked at the ends, not by rebuilding its text)."""
    try:
        if sdoc is None or len(sdoc) == 0:
            return False
        last = sdoc[-1]
        return last.idx + len(last.text_with_ws) == len(text) and text.startswith(sdoc[0].text)
    except Exception:  # not a spaCy Doc
        return False


def extract(doc: Document, sdoc) -> list[Quantity]:
    """Every amount in ``doc.text`` with its qualifier, unit and counted thing, in text order."""
    text = doc.text or ""
    if not text.strip():
        return []
    english = (doc.language or "en").lower().startswith("en")
    # 1.-4. regex scan (language independent for digits)
    found = _scan(text, english, base_language(doc.language) or "en")
    parsed = english and _covers(sdoc, text)
    out: list[Quantity] = []
    for f in found:
        # 5. what is counted, from the parse
        noun = None
        if parsed and f.kind in ("count", "range", "percent", "maybe-year"):
            try:
                noun = _counted(sdoc, f.num_start, f.core_end)
            except Exception:  # a malformed parse must not cost the quantity
                noun = None
        if f.kind == "maybe-year":
            # a bare 19xx/20xx counts only as in "planted 2024 trees" (see times.counts_a_noun)
            if noun is None or not counts_a_noun(sdoc, f.num_start, f.core_end):
                continue
            f.kind = "count"
        if f.one and (noun is None or not parsed):
            continue
        value = f.value
        if f.dotted and value is not None and noun is not None and f.kind == "count":
            # "3.500 soldiers": a fraction of a soldier makes no sense, so the dot groups thousands
            value = round(value * 1000)
            f.low = value if f.low is not None else None
            f.high = value if f.high is not None else None
        of, end = None, f.end
        if noun is not None:
            of = _singular(noun.text) if noun.pos_ == "PROPN" else noun.lemma_.lower()
            if f.kind == "percent" and of in ("percent", "cent"):
                of = None
            elif noun.idx >= f.end and noun.idx - f.end <= 60 and "\n" not in text[f.end:noun.idx]:
                end = noun.idx + len(noun.text)
            if of in _CUR_WORDS or (of and _singular(of) in _CUR_WORDS):  # "millions of dollars"
                f.kind, f.unit, of = "money", _CUR_WORDS.get(of) or _CUR_WORDS.get(_singular(of)), None
        elif not english and f.kind in ("count", "range") and (after := _noun_after(text, f.end, doc.language)):
            # no parse outside English: the word the number counts is the one right after it ('1.200 personas',
            # '2,5 millones de personas', '3 Millionen Menschen'), a currency a unit ('3.000 millones de euros')
            of, end = after[0], after[1]
            if code := currency_of(of, base_language(doc.language)) or _CUR_WORDS.get(of) or _CUR_WORDS.get(_singular(of)):
                f.kind, f.unit, of = "money", code, None
        out.append(Quantity(start=f.start, end=end, text=text[f.start:end], value=_clean(value),
                            low=_clean(f.low), high=_clean(f.high), qualifier=f.qual, of=of,
                            unit=f.unit, kind=f.kind))
    if CJK_CHAR.search(text):
        out.extend(cjk_quantities(text, [(q.start, q.end) for q in out]))
        out.sort(key=lambda q: q.start)
    return out
