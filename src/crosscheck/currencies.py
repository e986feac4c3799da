"""Currency words of every language ('dólares', 'долларов', 'doları', 'δολάρια', 'juta dolar'), for the money
a number counts outside English (analyze/quantities.py) and for comparing figures across languages
(corroborate/values.py: '5 million dollars' and '5 millones de dólares' count one thing). Shared by the
stages as textunits.py is: no parser, no stage's code.

The words come from the Unicode CLDR as babel ships it: each locale's display names of the currencies
quantities.py knows, singular and every plural form ('доллар США', 'доллара США', 'долларов США'). Of a name
of several words, those that name the money are kept: the words whose Latin transliteration is like the
English name's last word ('Dollar' of 'US Dollar', 'Ruble' of 'Russian Ruble') or 'sterling' (rapidfuzz
ratio >= ``LIKE``): 'dólares', 'доллара', 'doları' and 'rublo' are kept, 'estadounidenses', 'США', 'ABD' and
'ruso' are not, nor French 'russe' or 'livre' (a book more often than a lira). A name of one word is kept
whole ('евро', 'يورو'). A word several currencies share is the first's of ``CODES`` ('dólar': the US dollar,
not the Canadian). Forms CLDR lacks (Turkish 'dolar', written in CLDR only as the compound's 'doları'; the
Greek genitive 'δολαρίων') are in data/number_words.json "currency_words".
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz import fuzz


# the currencies quantities.py reads by code ('USD 5 million', '5 million EUR') and by name, in order of precedence
CODES = ("USD EUR GBP UAH RUB JPY CNY CHF INR PLN KRW CAD AUD SEK NOK DKK CZK HUF TRY ILS BRL MXN ZAR HKD SGD "
         "NZD RON BYN KZT GEL MDL AED SAR KPW IRR").split()
LIKE = 70  # rapidfuzz ratio of a transliterated word to an English currency word
ENGLISH_EXTRA = {"GBP": ("sterling",)}
# languages whose CLDR names feed the table every language can look words up in (values.py compares figures
# across languages without knowing which language a counted word is in)
LANGUAGES = ("en de es it pl ru uk fr pt nl el bg tr ar id cs ro sv hu da no fi sk hr sr sl lt lv et he hi "
             "fa vi ms ca ja ko zh").split()
_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


@lru_cache(maxsize=1)
def _extra() -> dict:
    with resources.files("crosscheck.data").joinpath("number_words.json").open(encoding="utf-8") as fh:
        return json.load(fh).get("currency_words", {})


@lru_cache(maxsize=1)
def _english_heads() -> dict[str, tuple[str, ...]]:
    from babel import Locale
    names = Locale.parse("en").currencies
    return {code: (_SPLIT.split(names.get(code) or code)[-1].lower(), *ENGLISH_EXTRA.get(code, ())) for code in CODES}


def _cldr_words(language: str) -> dict[str, str]:
    try:
        from babel import Locale
        locale = Locale.parse(language)
        plural = locale._data.get("currency_names_plural", {})  # babel's own table of the plural display names
        heads = _english_heads()
    except Exception:  # babel missing or a language CLDR does not know: the data file's words alone
        return {}
    out: dict[str, str] = {}
    for code in CODES:
        for name in {locale.currencies.get(code) or ""} | set((plural.get(code) or {}).values()):
            words = [w for w in _SPLIT.split(name) if len(w) >= 2 and w.isalpha()]
            for w in words:
                if len(words) == 1 or any(fuzz.ratio(anyascii(w).lower(), h) >= LIKE for h in heads[code]):
                    out.setdefault(w.lower(), code)  # CODES in order of precedence
    return out


@lru_cache(maxsize=64)
def currency_words(language: str | None) -> dict[str, str]:
    """Lowercase word -> ISO 4217 code in ``language`` (ISO 639-1); empty for a language neither CLDR nor
    the data file knows."""
    if not language:
        return {}
    words = _cldr_words(language)
    words.update({w.lower(): c for w, c in (_extra().get(language) or {}).items()})
    return words


@lru_cache(maxsize=1)
def any_currency_words() -> dict[str, str]:
    """The words of every language of ``LANGUAGES`` (a word two languages give two codes is left out: Czech
    'koruna' is not the Slovak)."""
    out: dict[str, str | None] = {}
    for lang in LANGUAGES:
        for w, c in currency_words(lang).items():
            out[w] = c if out.get(w, c) == c else None
    return {w: c for w, c in out.items() if c}


def currency_of(word: str | None, language: str | None = None) -> str | None:
    """The currency ``word`` names in ``language`` (any language when None), or None."""
    if not word:
        return None
    table = currency_words(language) if language else any_currency_words()
    return table.get(word.lower())
