"""Denial cues (data/denial_cues.json): the words with which a source says its content is not so ('denied that',
'negó que', 'a démenti que'), per language. Read by the analysis (analyze/claim_polarity.py turns such a claim
negated) and by the views, which show the claim as denied. Light: no parser, so the web can import it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class DenialWords:
    forms: frozenset[str]  # deny: a denial whatever its content
    weak: frozenset[str]  # reject, dismiss: a denial only of a statement
    statements: frozenset[str]  # words after a weak form that make its object a statement ('claims', 'that')
    cancel: frozenset[str]  # negation words right before the cue that take the denial back
    referring: frozenset[str] = frozenset()  # 'it', 'the report': a denial's object pointing back to a claim
    relative: tuple[str, ...] = ()  # 'which', 'algo que': a relative clause denying the sentence it closes
    fillers: tuple[str, ...] = ()  # 'has', 'strongly': words beside the verb of such a clause


def _words(v: dict, key: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in v.get(key, ()))


@lru_cache(maxsize=1)
def _table() -> dict[str, DenialWords]:
    with resources.files("crosscheck.data").joinpath("denial_cues.json").open(encoding="utf-8") as fh:
        data = json.load(fh)["languages"]
    return {lang: DenialWords(_words(v, "forms"), _words(v, "weak_forms"), _words(v, "statement_words"),
                              _words(v, "cancel"), _words(v, "referring"), tuple(v.get("relative", ())),
                              tuple(v.get("relative_fillers", ())))
            for lang, v in data.items()}


def words(language: str | None) -> DenialWords | None:
    """The denial words of ``language`` (English when None); None where the file lists none."""
    return _table().get((language or "en").split("-")[0].lower())


def cue_words(cue: str | None) -> list[str]:
    """The words of a cue as a claim stores it (lower case, one or more words: 'wies zurück', 'a démenti')."""
    return (cue or "").lower().replace("’", "'").split()


def cue_in(cue: str | None, forms: frozenset[str]) -> bool:
    """The cue, or a word of it, is one of ``forms`` ('wies ... zurück': a separable verb is listed with its
    particle, the cue may hold either part)."""
    return bool(cue) and (" ".join(cue_words(cue)) in forms or any(w in forms for w in cue_words(cue)))


def referring(text: str | None, language: str | None) -> bool:
    """``text`` (a claim's content) only points back to what was said before ('It.', 'the report', 'dat')."""
    table = words(language)
    if table is None or not text:
        return False
    said = " ".join(text.lower().replace("’", "'").strip(" .!?,;:").split())
    return said in table.referring or said + "'" in table.referring  # ("l'" shown as 'L')


def is_denial(cue: str | None, language: str | None) -> bool:
    """The cue is a denial verb of the language, strong or weak (a weak one denies only a statement)."""
    table = words(language)
    return table is not None and (cue_in(cue, table.forms) or cue_in(cue, table.weak))


def denies_outright(cue: str | None, language: str | None) -> bool:
    """The cue is a strong denial verb of the language, which denies a thing as well as a statement ('démenti
    toute implication'; not 'rejected the plan')."""
    table = words(language)
    return table is not None and cue_in(cue, table.forms)


def denied(claim) -> bool:
    """An aligned claim (model.AlignedClaim) whose shown text is a denial of it: a retelling in those words was
    cued by a denial and is negated ('Harlan Shipping denied that C' shows C, which its speaker denies)."""
    return any(r.text == claim.text and r.negated and is_denial(r.cue, r.language)
               for r in getattr(claim, "retellings", None) or ())
