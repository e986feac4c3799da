"""Units of measure written after a figure, and the figure in its base unit: '19 miles' as metres, '111 degrees
Fahrenheit' as degrees Celsius (data/disagreements.json 'units', 'rounded_units')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .clauses import lexicon


@dataclass(frozen=True)
class Unit:
    symbol: str  # 'mi'
    factor: float  # base units per unit, after the offset
    base: str  # 'm'
    offset: float = 0.0  # added before the factor ('°F': -32)
    rounded: bool = False  # mostly a conversion of a metric figure, rounded to its last digit

    def to_base(self, value: float) -> float:
        return (value + self.offset) * self.factor


@lru_cache(maxsize=4096)
def unit_of(word: str) -> Unit | None:
    """The unit a word after a figure names ('miles', 'Kilometer', 'fahrenheit'), None for any other word."""
    entry = lexicon()["units"].get(word.lower())
    if entry is None:
        return None
    symbol, factor, base, *rest = entry
    return Unit(symbol, float(factor), base, float(rest[0]) if rest else 0.0, symbol in lexicon()["rounded_units"])


# '44C', '111 °F', '44 degrees Celsius', '111 degrees F': a temperature scale right after the figure (a bare letter only
# glued to the figure, after a degree sign or after 'degrees')
_SCALE = re.compile(r"(?:\s*(?:°|º)\s*|\s*degrees?\s+|(?=[CF](?![\w-])))(celsius|fahrenheit|centigrade|C|F)\b", re.IGNORECASE)
_LETTERS = {"c": "celsius", "f": "fahrenheit"}


def temperature_after(text: str, end: int) -> tuple[Unit, int] | None:
    """The temperature scale written right after a figure ending at ``end``, and where it ends."""
    m = _SCALE.match(text, end)
    if m is None:
        return None
    word = m.group(1).lower()
    unit = unit_of(_LETTERS.get(word, word))
    return (unit, m.end()) if unit is not None else None


def half_step(number: str) -> float:
    """Half a unit of a written figure's last digit: '111' 0.5, '1.5' 0.05, '1,5' 0.05."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", number)
    frac = re.search(r"[.,](\d{1,2})$", digits)
    return 0.5 * 10 ** -len(frac.group(1)) if frac and not re.search(r"[.,]\d{3}$", digits) else 0.5


_UNIT_WORD = re.compile(r"[\s-]*([^\W\d_]+)")


def unit_after(text: str, num_end: int, end: int) -> Unit | None:
    """The unit of measure written right after a figure (its number ending at ``num_end``, any scale word at
    ``end``), None for a unit of time or no unit."""
    temp = temperature_after(text, num_end) if num_end == end else None
    word = _UNIT_WORD.match(text, end)
    unit = temp[0] if temp else unit_of(word.group(1)) if word else None
    return None if unit is None or unit.base == "year" else unit


def in_base_unit(unit: Unit, number: str, low: float, high: float) -> tuple[float, float]:
    """A measure's interval in its base unit, so that a conversion meets its original ('30 km' / '19 miles', '44
    degrees Celsius' / '111 degrees Fahrenheit'): a rounded unit's figure stands for half its last digit either
    way."""
    step = half_step(number) if unit.rounded and low == high else 0.0
    lo, hi = sorted((unit.to_base(low - step), unit.to_base(high + step)))
    return lo, hi


_DURATIONS = ("duration-minute", "duration-hour", "duration-day", "duration-week", "duration-month")


@lru_cache(maxsize=64)
def _duration_re(language: str) -> re.Pattern | None:
    """The words a language writes after a number for a span of minutes, hours, days, weeks or months, with what joins
    them ('48 de ore', '48 hodin', '48 saat', '48 tuntia'): the Unicode CLDR unit patterns, read through babel, for
    a few numbers that take each plural form."""
    from babel.core import UnknownLocaleError
    from babel.units import format_unit
    words: set[str] = set()
    try:
        for unit in _DURATIONS:
            for n in (1, 2, 5, 21, 48):
                shown = format_unit(n, unit, locale=language, length="long")
                rest = shown.replace(str(n), "", 1).strip()
                if unit not in shown and rest and not any(ch.isdigit() for ch in rest):
                    words.add(rest.lower())
    except (UnknownLocaleError, ValueError):
        return None
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alt})", re.IGNORECASE)


def duration_after(text: str, end: int, language: str | None) -> bool:
    """A count that is a span of time in the language's own words after it ('grevei de 48 de ore', 'na 48 hodin'):
    no count of people or things (English durations are read by the quantity finder)."""
    base = (language or "en")[:2].lower()
    pattern = None if base == "en" else _duration_re(base)
    return bool(pattern and pattern.match(text, end))
