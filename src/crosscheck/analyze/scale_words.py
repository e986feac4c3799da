"""Scale words written after digits outside English ('2,5 millones', '5 milyon', '5 εκατομμύρια', '3 juta',
'2 Mrd.'), per language, for analyze/quantities.py.

The words come from the Unicode CLDR as babel ships it: each locale's compact decimal formats, long
('0 milioane', '00 de milioane') and short ('0 Mio.', '0 mln'), every plural category. A pattern's word
stands for its magnitude divided by the zeros it repeats ('00 лакх' is 10 lakh: lakh = 10^5). Short forms
of fewer than three letters are left out: 'M', 'B', 'K', 'Md' and 'jt' read as initials or units more often
than as scales. Forms CLDR does not list (the Greek genitives 'εκατομμυρίων' after 'ύψους', European
Portuguese 'mil milhões') are in data/number_words.json "scale_words", per language.

Scales are read per language because the same word is not the same number everywhere: French 'billion'
is 10^12, Spanish 'mil' is a thousand, Czech 'mil.' a million.
"""
from __future__ import annotations

import re
from functools import lru_cache

from crosscheck.analyze.time_words import number_table

MIN_SHORT_LETTERS = 3  # a CLDR short form needs this many letters to count as a scale word
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # written against the digits: quantities.py's own path


def _cldr_scales(language: str) -> dict[str, int]:
    try:
        from babel import Locale
        formats = Locale.parse(language).compact_decimal_formats
    except Exception:  # babel missing or a language CLDR does not know: the data file's words alone
        return {}
    out: dict[str, int] = {}
    for style in ("long", "short"):
        try:
            table = formats[style]
        except KeyError:
            continue
        for category in table.keys():
            for magnitude in table[category].keys():
                pattern = str(table[category][magnitude].pattern)
                zeros = re.search(r"0+", pattern)
                word = re.sub(r"[0¤'\u00a0\u200e\u200f]", " ", pattern).strip().rstrip(".").strip()
                letters = sum(ch.isalpha() for ch in word)
                if zeros is None or not letters or _CJK.search(word):
                    continue
                if style == "short" and (letters < MIN_SHORT_LETTERS or any(len(w) < 2 for w in word.split())):
                    continue  # 'M', 'Md', 'mil M': initials
                value = int(magnitude) // 10 ** (len(zeros.group(0)) - 1)
                if value >= 1000:
                    out.setdefault(" ".join(word.lower().split()), value)
    return out


@lru_cache(maxsize=64)
def scale_words(language: str | None) -> dict[str, int]:
    """Lowercase scale word -> its value in ``language`` (ISO 639-1); empty for English (quantities.py reads
    English scales itself) and for a language neither CLDR nor the data file knows."""
    if not language or language == "en":
        return {}
    words = _cldr_scales(language)
    words.update({w.lower(): int(v) for w, v in (number_table().get("scale_words", {}).get(language) or {}).items()})
    return words


@lru_cache(maxsize=64)
def scale_after(language: str | None) -> re.Pattern | None:
    """A pattern matching a scale word of ``language`` right after a number (group ``w``; a short form's dot
    optional), or None when the language has none."""
    words = scale_words(language)
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\s+(?P<w>" + alts + r")\.?(?!\w)", re.IGNORECASE)


def scale_value(language: str | None, word: str) -> int:
    """The value of a scale word ``scale_after`` matched."""
    return scale_words(language)[" ".join(word.lower().split())]
