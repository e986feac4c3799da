"""Institutions named by a capitalised head noun and lower-case adjectives after it, as the Romance languages write
them ('la Banque nationale de Lorvanie', 'la Banca centrale di Norvania', 'o Banco Central do Brasil', 'la Banque
mondiale'): the English NER cut such a name at its first word in lower case ('Banque') or read none at all. The
heads, the adjectives' endings and the links are data/institutions.json, per language."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from crosscheck.analyze.portfolios import cue_entry
from crosscheck.textunits import base_language, stop_words

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|['\u2019]")  # (an elided article is a word: "L'Assemblée")
MAX_ADJECTIVES = 2  # 'Fonds monétaire international'
MAX_CAPITALS = 3  # 'Banco Central Europeo', 'Supremo Tribunal Federal'


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("crosscheck.data").joinpath("institutions.json").open(encoding="utf-8") as fh:
        return json.load(fh)["languages"]


@lru_cache(maxsize=16)
def _entry(language: str | None) -> tuple[frozenset, tuple, tuple, frozenset] | None:
    entry = _data().get(base_language(language) or "")
    if entry is None:
        return None
    verbs = frozenset(w.lower() for w in cue_entry(language).get("cues", ()))
    links = tuple(sorted((tuple(re.findall(r"[^\W\d_]+|['\u2019]", ln.lower())) for ln in entry["links"]),
                         key=len, reverse=True))
    return frozenset(entry["heads"]), tuple(entry["adjective_endings"]), links, verbs


def _capital(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def spans(text: str, language: str | None) -> list[tuple[int, int, bool]]:
    """(start, end, alone) of each institution's name of ``language`` in ``text``; ``alone`` where it holds an
    adjective in lower case or a link, which the English NER cannot read: a name of capitalised words only ('Audiencia
    Nacional', 'Front Sela') corrects a span the NER read, never stands in for one it did not (where the English
    NER misses a name in each language alike, the claims that name it keep its words to meet on)."""
    entry = _entry(language)
    if entry is None:
        return []
    heads, endings, links, verbs = entry
    stops = stop_words(base_language(language))
    words = list(_WORD.finditer(text))
    out = []
    i = 0
    while i < len(words):
        w = words[i].group(0)
        if not (_capital(w) and w.lower() in heads):
            i += 1
            continue
        j, adjectives, capitals = i + 1, 0, 0
        end = words[i].end()
        while j < len(words) and _joined(text, words[j - 1], words[j]):
            nxt = words[j].group(0)
            low = nxt.lower()
            if not _capital(nxt) and adjectives < MAX_ADJECTIVES and capitals == 0 and len(low) >= 4 and \
                    low not in stops and low not in verbs and low.endswith(endings):
                adjectives += 1
            elif _capital(nxt) and capitals < MAX_CAPITALS and low not in stops:
                capitals += 1
            else:
                break
            end, j = words[j].end(), j + 1
        linked = _linked_name(text, words, j, links)
        if linked is not None:
            end, j = linked
        if end > words[i].end():
            out.append((words[i].start(), end, bool(adjectives or linked)))
        i = max(j, i + 1)
    return out


def _joined(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words with only a space between them (no comma, no stop)."""
    return text[a.end():b.start()] in (" ", "\u00a0")


def _linked_name(text: str, words: list, j: int, links: tuple) -> tuple[int, int] | None:
    """(end, next word index) of a link and the capitalised name after it at word ``j`` ('de Lorvanie', "d'Italia",
    'do Brasil'), None when none stands there."""
    for link in links:
        k = j
        ok = k > 0
        for part in link:
            if k >= len(words) or words[k].group(0).lower() != part or \
                    text[words[k - 1].end():words[k].start()] not in ("", " ", "\u00a0"):
                ok = False
                break
            k += 1
        if not ok or k >= len(words) or not _capital(words[k].group(0)) or \
                text[words[k - 1].end():words[k].start()] not in ("", " ", "\u00a0"):
            continue
        end, k = words[k].end(), k + 1
        while k < len(words) and _capital(words[k].group(0)) and _joined(text, words[k - 1], words[k]):
            end, k = words[k].end(), k + 1
        return end, k
    return None
