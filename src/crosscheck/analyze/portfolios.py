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

from crosscheck.analyze.aliases import language_words
from crosscheck.textunits import base_language

LINK_LETTERS = 6  # a linking function word is this short at most ('della', 'degli', 'de', 'του')


@lru_cache(maxsize=1)
def _languages() -> dict:
    # read here, not through claims_multi (which reads entities, which reads this module)
    with resources.files("crosscheck.data").joinpath("claim_cues.json").open(encoding="utf-8") as fh:
        return json.load(fh)["languages"]


def _entry(language: str | None) -> dict:
    return _languages().get(base_language(language) or "") or {}


cue_entry = _entry  # the language's entry of data/claim_cues.json, for the modules entities.py reads


@lru_cache(maxsize=32)
def _pattern(language: str | None) -> re.Pattern | None:
    phrases = sorted(_entry(language).get("portfolios", ()), key=len, reverse=True)
    if not phrases:
        return None
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    link = rf"(?-i:[^\W\d_A-Z\u00c0-\u00de\u0391-\u03a9\u0386-\u038f\u0400-\u042f]{{1,{LINK_LETTERS}}})"
    return re.compile(rf"[ \u00a0]*(?:{link}(?:[ \u00a0]+|['\u2019]))*(?:{alt})(?!\w)", re.IGNORECASE)


def portfolio_end(text: str, pos: int, language: str | None) -> int | None:
    """Where the portfolio written from ``pos`` (perhaps behind its linking words) ends; None when no portfolio
    of ``language`` stands there."""
    rx = _pattern(language)
    m = rx.match(text, pos) if rx is not None else None
    return m.end() if m is not None else None


def writes_articles(language: str | None) -> bool:
    """The language writes articles as words of their own (data/claim_cues.json "article_words"; Slavic languages do
    not: the body a title belongs to follows it in the genitive, 'rzecznik komendy Jan Nowak')."""
    return bool(_entry(language).get("article_words", True))


def name_after_portfolio(text: str, pos: int, language: str | None) -> int | None:
    """Where a name starts after the portfolio written from ``pos`` (after the title, or opening a span read as a
    name), perhaps behind its linking words, perhaps set off by a comma ('a ministra da Saúde, Ilse Varga');
    None when no portfolio of ``language`` stands there or no capitalised word follows it."""
    end = portfolio_end(text, pos, language)
    if end is None:
        return None
    gap = re.match(r",?[ \u00a0]+", text[end:end + 4])
    at = end + gap.end() if gap else end
    return at if gap and at < len(text) and text[at].isupper() else None


def after_titled_portfolio(text: str, start: int, language: str | None, is_title) -> bool:
    """A title and its portfolio end right before ``start``, perhaps with a comma ('a ministra da Saúde, Ilse
    Varga'): the name at ``start`` is the minister's, a person (``is_title``: whether a lowercase word is a title)."""
    if _pattern(language) is None:
        return False
    head = text[max(0, start - 80):start]
    words = list(re.finditer(r"[^\W\d_]+", head))
    for i, m in enumerate(words):
        for n in (1, 2):  # a title of one word or of two ('Bộ trưởng Y tế Ilse Varga')
            if i + n > len(words) or not is_title(" ".join(w.group(0).lower() for w in words[i:i + n])):
                continue
            end = portfolio_end(head, words[i + n - 1].end(), language)
            if end is not None and re.fullmatch(r",?[ \u00a0]*", head[end:]):
                return True
    return False


def ministry_nouns(language: str | None) -> tuple[str, ...]:
    """The language's nouns for a ministry, lowercase (data/claim_cues.json 'ministries': 'ministerio')."""
    return tuple(n.lower() for n in _entry(language).get("ministries", ()))


@lru_cache(maxsize=32)
def _ministry(language: str | None) -> re.Pattern | None:
    nouns = _entry(language).get("ministries", ())
    if not nouns or _pattern(language) is None:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, nouns)) + r")(?!\w)", re.IGNORECASE)


def ministry_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of each ministry named by its noun and portfolio ('Ministério do Interior', 'ministère de
    l'Intérieur', 'υπουργείο Εσωτερικών', 'Kementerian Dalam Negeri'): one organisation's name."""
    rx = _ministry(language)
    if rx is None:
        return []
    out = []
    titles = [t.lower() for t in _entry(language).get("titles", ())]
    for m in rx.finditer(text):
        opening = text[m.start():m.start() + 40].lower()
        if any(len(t) > m.end() - m.start() and opening.startswith(t) for t in titles):
            continue  # Vietnamese 'Bộ trưởng Y tế' (the minister), not 'Bộ Y tế' (the ministry)
        end = portfolio_end(text, m.end(), language)
        if end is not None:  # and the country it is of ('ministère des Affaires étrangères de la Norlande')
            of = _OF_A_PLACE.match(text, end)
            out.append((m.start(), of.end() if of else end))
    return out


# after the portfolio: linking words in lower case, then a capitalised word or two (a place's name)
_OF_A_PLACE = re.compile(rf"(?:[ \u00a0]+(?-i:[^\W\d_A-Z\u00c0-\u00de\u0391-\u03a9\u0386-\u038f\u0400-\u042f]{{1,{LINK_LETTERS}}}))*"
                         r"(?:[ \u00a0]+|['\u2019])(?-i:[A-Z\u00c0-\u00de\u0391-\u03a9\u0386-\u038f\u0400-\u042f][^\W\d_]+)"
                         r"(?:[ \u00a0](?-i:[A-Z\u00c0-\u00de\u0391-\u03a9\u0386-\u038f\u0400-\u042f][^\W\d_]+))?")


def title_after_name(language: str | None) -> bool:
    """The language writes a person's title after the name ('Varga Ilse egészségügyi miniszter')."""
    return bool(_entry(language).get("title_after_name"))


def names_a_place(name: str, language: str | None) -> bool:
    """The name's last part is a noun of the language naming a place by its kind, joined to it by a hyphen or a
    space ('Kalden-Tal', 'Rhein-Tal': data/claim_cues.json "place_heads"): a place's name, whatever the English NER
    typed it (it read 'Kalden-Tal' as a person)."""
    heads = _entry(language).get("place_heads")
    return bool(heads) and re.split(r"[-\s]", name.strip())[-1].lower() in heads



@lru_cache(maxsize=None)
def _place_kind(language: str) -> re.Pattern | None:
    kinds = language_words("place_kind_of", language)
    if not kinds:
        return None
    alts = "|".join(re.escape(k) + ("" if k.endswith(("'", "\u2019")) else r"[ \u00a0]+")
                    for k in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alts})$", re.IGNORECASE)


def beside_place_kind(text: str, start: int, end: int, language: str | None) -> bool:
    """The name at [start, end) of ``text`` follows a noun naming a place by its kind ('the town of Belisk':
    ``after_place_kind``), or stands right before one and its joining word ('the northern Halvard town of Ostvik': the
    country or the region the place is in): a place's name, whatever the NER typed it."""
    kinds = [k for k in language_words("place_kind_of", (language or "en")[:2].lower()) if " " in k]
    after = text[end:end + 30].replace("\u2019", "'").lower()
    return after_place_kind(text, start, language) or any(after.startswith(" " + k + " ") for k in kinds)


def after_place_kind(text: str, start: int, language: str | None) -> bool:
    """The name at ``start`` of ``text`` follows a noun naming a place by its kind and the word joining them
    ('the town of Belisk', 'la ville de Tarsk', 'het dorp Belisk': data/aliases.json "place_kind_of"): a place's name,
    whatever the NER typed it."""
    pattern = _place_kind((language or "en")[:2].lower())
    return pattern is not None and pattern.search(text[max(0, start - 30):start].replace("\u2019", "'")) is not None
