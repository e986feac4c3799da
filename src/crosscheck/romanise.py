"""A name in a language with a romanisation of its own, read with it before the generic transliteration
(anyascii): Ukrainian Г is H (Ганна Лінд = Hanna Lind), Greek γκ after a consonant is g (Βάργκα = Varga). The
tables are data/aliases.json "romanisation" (with their sources). Shared by every stage that folds names to
Latin (analyze/aliases.py, stories/features.py, corroborate/features.py), as textunits.py is: no parser."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from anyascii import anyascii


@lru_cache(maxsize=1)
def _table() -> dict:
    with resources.files("crosscheck.data").joinpath("aliases.json").open(encoding="utf-8") as fh:
        return json.load(fh).get("romanisation", {})


@lru_cache(maxsize=1)
def _romanisations() -> tuple[tuple[str, frozenset[str], dict[int, str], re.Pattern | None, dict[str, list[str]]], ...]:
    """(language, marker letters, letter map, digraph pattern, digraph -> [start or after a consonant, after a
    vowel])."""
    out = []
    for lang, spec in _table().items():
        if lang == "about":
            continue
        pairs = {k.lower(): v for k, v in (spec.get("digraphs") or {}).items()}
        rx = re.compile("|".join(map(re.escape, pairs)), re.IGNORECASE) if pairs else None
        out.append((lang, frozenset(spec["marker"]), str.maketrans(spec["map"]), rx, pairs))
    return tuple(out)


def _digraph(text: str, m: re.Match, pairs: dict[str, list[str]]) -> str:
    start, after_vowel = pairs[m.group(0).lower()]
    before = anyascii(text[m.start() - 1]).lower() if m.start() and text[m.start() - 1].isalpha() else ""
    out = after_vowel if before[-1:] in tuple("aeiouy") and before else start
    return out.capitalize() if m.group(0)[0].isupper() else out


def romanised(text: str, language: str | None = None) -> str:
    """``text`` with the letters of the first language whose marker letters it holds written as that language
    romanises them (the rest is left to anyascii); unchanged when no language's marker is in it. ``language``: the
    text's own language, whose romanisation applies though the text holds none of its markers (Ukrainian 'Томаш
    Голуб' is Tomash Holub, not the Russian-looking Golub)."""
    for lang, marker, table, digraphs, pairs in _romanisations():
        if any(ch in marker for ch in text) or lang == (language or "")[:2]:
            if digraphs is not None:  # 'Βάργκα': γκ after a consonant is g (Varga), after a vowel ng (Άγκελα)
                text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
                text = digraphs.sub(lambda m: _digraph(text, m, pairs), text)  # (accents off: 'ού' is 'ου')
            return text.translate(table)
    return text
