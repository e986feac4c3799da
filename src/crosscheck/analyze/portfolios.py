"""A minister's portfolio between the title and the name ('il ministro della Salute Ilse Varga', 'la ministre de
la Santé Ilse Varga', 'Menteri Luar Negeri Ilse Varga', 'ο υπουργός Εξωτερικών Γιάννης Παππάς').

Where a language capitalises the portfolio, the English NER (or the Greek runs of capitalised words) reads
it as the first word of the name ('Salute Ilse Varga', 'Εξωτερικών Γιάννης Παππάς'), or as no name at all
after a title in lower case ('de la Santé Ilse Varga'). The portfolios are data/claim_cues.json
"portfolios" per language (the ministries' own names, as each government and Wikipedia's lists of the
ministries of the country write them); the function words linking a title to its portfolio ('della', 'de
la', "dell'", 'van') are any short words in lower case.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from crosscheck.textunits import base_language

LINK_LETTERS = 6  # a linking function word is this short at most ('della', 'degli', 'de', 'του')


@lru_cache(maxsize=32)
def _pattern(language: str | None) -> re.Pattern | None:
    # read here, not through claims_multi (which reads entities, which reads this module)
    with resources.files("crosscheck.data").joinpath("claim_cues.json").open(encoding="utf-8") as fh:
        entry = json.load(fh)["languages"].get(base_language(language) or "") or {}
    phrases = sorted(entry.get("portfolios", ()), key=len, reverse=True)
    if not phrases:
        return None
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    link = rf"(?-i:[^\W\d_A-Z\u00c0-\u00de\u0391-\u03a9\u0386-\u038f\u0400-\u042f]{{1,{LINK_LETTERS}}})"
    return re.compile(rf"[ \u00a0]*(?:{link}(?:[ \u00a0]+|['\u2019]))*(?:{alt})[ \u00a0]+(?=[^\W\d_])", re.IGNORECASE)


def name_after_portfolio(text: str, pos: int, language: str | None) -> int | None:
    """Where a name starts after the portfolio written from ``pos`` (after the title, or opening a span read as a
    name), perhaps behind its linking words; None when no portfolio of ``language`` stands there or no
    capitalised word follows it."""
    rx = _pattern(language)
    if rx is None:
        return None
    m = rx.match(text, pos)
    if m is None or not text[m.end()].isupper():
        return None
    return m.end()
