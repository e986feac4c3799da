"""The figures a claim states, read from its English words: counts with the noun they count, bounds ('at least
14', 'up to 300'), hedges ('about 38%', 15% either way), number words ('three', 'a dozen', 'hundreds of'), scales
('2 million', '12 lakh') and measures in base units; years, dates, clock times and codes left out. Other languages
read their figures from the analysis' quantities (features._quantity_figures)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..points import in_points, point_unit_after
from ..textunits import english_scale_words
from .clauses import lexicon
from .lexicon import NUMBER_WORDS, STOP, SYNONYMS, TOKEN, UNITS, stem
from .units import in_base_unit, unit_after


@dataclass(frozen=True)
class Figure:
    """A number a claim states, as a closed interval of plausible values."""

    text: str
    low: float
    high: float
    qualifier: str | None = None
    of: str | None = None  # stem of the counted thing (a measure: its base unit, low and high in it)
    unit: str | None = None  # a measure's unit as written ('mi', '°F')

    def label(self) -> str:
        if self.unit:
            return f"{self.text} {self.unit}"
        return f"{self.text} {self.of}".strip() if self.of and self.of not in self.text.lower() else self.text


_NUM = r"\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12,
          **{w: float(v) for w, v in english_scale_words().items()}}  # ('12 lakh', 'Rs 2,100 crore')
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
            "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
            "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
            "a dozen": 12, "dozen": 12}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_VAGUE = {  # "several thousand", "hundreds of", "dozens"
    "several": (3, 9), "a few": (2, 5), "few": (2, 5), "some": (2, 9), "many": (3, 99),
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2e6, 9.99e6),
}
_QUAL = (r"about|around|approximately|roughly|nearly|almost|some|up to|more than|over|at least|"
         r"fewer than|less than|under|at most|as many as|an estimated|estimated|close to")
FIGURE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:"
    rf"(?P<num>{_NUM})(?:\s*(?P<scale>{'|'.join(sorted(_SCALE, key=len, reverse=True))})\b)?"
    rf"|\b(?P<vague>several|a few|few|many|dozens|hundreds|thousands|tens of thousands|millions)"
    rf"(?:\s+(?P<vscale>thousand|million))?\b"
    rf"|\b(?P<word>(?:{_TENS})[- ](?:{_UNITS_WORDS})|a dozen|dozen|{_UNITS_WORDS}|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_TENS})\b"
    rf"(?:\s+(?P<wscale>hundred|thousand|million)\b)?)",
    re.IGNORECASE,
)
_PLURALS = frozenset("people men women children police staff personnel cattle".split())
_YEARLIKE = re.compile(r"^(1[89]|20)\d\d$")
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE_BEFORE = re.compile(_MONTH + r"\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)


APPROX_QUALIFIERS = frozenset({"about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
                               "close to"})  # a hedge on a figure: 15% either way


def _interval(value: float, qual: str | None) -> tuple[float, float]:
    q = (qual or "").lower()
    if q in APPROX_QUALIFIERS:
        return value * 0.85, value * 1.15
    if q in ("nearly", "almost"):
        return value * 0.85, value
    if q in ("more than", "over", "at least"):
        return value, value * 10
    if q in ("up to", "fewer than", "less than", "under", "at most", "as many as"):
        return 0, value
    round_number = value >= 100 and value % 10 ** (len(str(int(value))) - 1) == 0
    return (value * 0.95, value * 1.05) if round_number else (value, value)


# ('three of the country's five coal-fired plants': an owner's possessive, and the whole in words, may stand there)
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[^\W\d_]+['\u2019]s\s+)?"
                      r"(?:(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+)?",
                      re.IGNORECASE)


# a figure restated in brackets in another currency or unit: "€2 million ($2.3 million)", "5 miles (8 km)";
# between the two: at most two unit words and a short currency prefix ("US$", "Rs", "R")
_RESTATED = re.compile(r"^\s*(?:[^\W\d_]+\.?\s*){0,2}\(\s*(?:[^\W\d_]{1,3}\s?)?[$€£¥₹]?\s*$")
# a figure before a unit of time counts that unit, unless it places or ages something ('two years ago', 'three
# days later', 'a 25-year-old', 'in its 10-year history' counts too: a length)
_SPAN_OF_TIME = re.compile(r"[\s-]*(year|month|week|day|hour|minute)s?\b(?:[\s-]+(old|ago|later|earlier|before|"
                           r"after|since|from now|into)\b)?", re.IGNORECASE)
_ASIDE = re.compile(r"^\s*\([^()]{0,40}\)")


def _counted(text: str, end: int) -> str | None:
    """Stem of the noun counted by a figure ending at ``end``: last word of the run after it (a bracketed
    aside right after the figure, such as a conversion, skipped)."""
    last = last_before = None
    rest = text[end:end + 100]
    aside = _ASIDE.match(rest)
    rest = rest[aside.end():] if aside else rest
    rest = rest[:60]
    if re.match(r"\s*[,;:.!?]", rest):
        return None  # 'kills nine, injures dozens': the clause ends at the figure; the next word counts nothing
    if rest.lstrip().startswith("%"):
        return "percent"
    span = _SPAN_OF_TIME.match(rest)
    if span:  # 'seven years in prison', 'a nine-year term', 'a strike of three days': a length of time
        return None if span.group(2) else span.group(1).lower()
    part = _PART_OF.match(rest)
    if part:  # "14 of the 40 seats", "two of the miners": a part counts the whole's thing
        rest = rest[part.end():]
    for i, m in enumerate(TOKEN.finditer(rest)):
        word = m.group(0).lower()
        if i == 0 and word in UNITS:
            return "percent" if word in ("per", "percentage") else stem(word)
        if i >= 4 or word in STOP or word in ("of",) and i > 0 or word.isdigit():
            break
        if word == "of":
            continue
        last = word
        if word in _PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss")):
            break  # the counted noun is usually the first plural after the number
        if word.endswith("ly") and i > 0:
            last = None if i == 0 else last_before
            break
        last_before = word
    if last is None:
        return None
    s = stem(last)
    return SYNONYMS.get(s, s)


_NAMED_BEFORE = re.compile(r"([^\W\d_]{3,})\s+(?:at|of)\s*$", re.IGNORECASE)


def _named_before(text: str, start: int) -> str | None:
    """Stem of the noun a figure with nothing counted after it is given for: 'put the crowd at 18,000',
    'turnout of 95,000'."""
    m = _NAMED_BEFORE.search(text[max(0, start - 40):start])
    if m is None or m.group(1).lower() in STOP or m.group(1).lower() in NUMBER_WORDS:
        return None
    s = stem(m.group(1))
    return SYNONYMS.get(s, s)


def figures_in(text: str) -> tuple[Figure, ...]:
    """Figures stated in ``text`` (years and list numbers left out)."""
    out = []
    prev_end = -1
    for m in FIGURE.finditer(text):
        qual, value = m.group("qual"), None
        if prev_end >= 0 and _RESTATED.match(text[prev_end:m.start()]):
            continue  # the figure before, restated in another currency or unit
        if m.group("num"):
            raw = m.group("num")
            if text[max(0, m.start("num") - 1):m.start("num")] == ":":
                continue  # minutes of a clock time
            if re.match(r"[^\W\d_]", text[max(0, m.start("num") - 1):m.start("num")] or " "):
                continue  # glued to letters: a code or a flight number ("AI171", "M6"), no count
            if _YEARLIKE.match(raw) and not m.group("scale"):
                continue
            if _DATE_BEFORE.search(text[max(0, m.start("num") - 12):m.start("num")]) or \
                    _DATE_AFTER.match(text[m.end("num"):m.end("num") + 16]):
                continue  # the day of a date
            if re.match(r"^\s*(?:a\.?m\b|p\.?m\b|o'clock|h\b|hours?\b|:\d)", text[m.end("num"):m.end("num") + 8],
                        re.IGNORECASE):
                continue  # a time of day or a duration, not a count
            value = float(re.sub(r"[,\u00a0 ]", "", raw)) * _SCALE.get((m.group("scale") or "").lower(), 1)
            low, high = _interval(value, qual)
        elif m.group("vague"):
            lo, hi = _VAGUE[m.group("vague").lower()]
            scale = _SCALE.get((m.group("vscale") or "").lower(), 1)
            if m.group("vague").lower() in ("some", "many", "few", "a few") and not m.group("vscale"):
                continue  # "some", "many" alone are not figures
            low, high = lo * scale, hi * scale
        else:
            value = sum(_WORDNUM[w] for w in re.split(r"[- ]", m.group("word").lower()) if w != "a") \
                if m.group("word").lower() not in _WORDNUM else _WORDNUM[m.group("word").lower()]
            value *= {"hundred": 100, "thousand": 1e3, "million": 1e6}.get(
                (m.group("wscale") or "").lower(), 1)
            low, high = _interval(value, qual)
        of = _counted(text, m.end()) or _named_before(text, m.start())
        points = lexicon()["approx_points"].get(of or "") if (qual or "").lower() in APPROX_QUALIFIERS else None
        if points and value is not None:  # 'about 38%': a point either way (data/disagreements.json)
            low, high = value - points, value + points
        unit = unit_after(text, m.end("num"), m.end()) if m.group("num") else None
        moved = point_unit_after(text, m.end())
        if moved:  # a move of a percentage, in percentage points: 'by 25 basis points' is 'by 0.25 percentage points'
            low, high, of, unit = in_points(low, moved[0]), in_points(high, moved[0]), "point", None
        if unit is not None:
            low, high, of = *in_base_unit(unit, m.group("num"), low, high), unit.base
        out.append(Figure(text=m.group(0).strip(), low=low, high=high, qualifier=qual and qual.lower(), of=of,
                          unit=unit.symbol if unit is not None else None))
        prev_end = m.end()
    return tuple(out)
