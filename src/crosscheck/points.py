"""Moves of a percentage: percentage points and basis points ('raised by 25 basis points to 4.75%', 'um 0,25
Prozentpunkte auf 4,75 Prozent'). Shared by the stages as currencies.py is: analyze/quantities.py reads a percent in
these units as a move (unit 'pp' or 'bp'), corroborate compares moves with moves only, in percentage points.

The words are data/quantity_words.json 'points_after', English included."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

POINT_UNITS = {"pp": 1.0, "bp": 0.01}  # a percent's units that size a move, not a level: in percentage points
# no letter of a Latin, Greek, Cyrillic or Arabic word may follow (a Korean particle may)
NOT_WORD_AFTER = r"(?![0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff])"


def words_re(words) -> str:
    """An alternation of ``words``, longest first, any run of spaces where a word has one."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def point_words() -> dict[str, tuple[str, ...]]:
    """Every language's words of each unit of ``POINT_UNITS``."""
    with resources.files("crosscheck.data").joinpath("quantity_words.json").open(encoding="utf-8") as fh:
        table = json.load(fh)["points_after"]
    return {unit: tuple(w for words in by_language.values() for w in words) for unit, by_language in table.items()}


@lru_cache(maxsize=1)
def _points_re() -> re.Pattern:
    return re.compile(r"\s*(?:" + "|".join(f"(?P<{unit}>{words_re(words)})" for unit, words in point_words().items())
                      + ")" + NOT_WORD_AFTER, re.I)


def point_unit_after(text: str, at: int) -> tuple[str, int] | None:
    """(unit, end) of the points word right after offset ``at`` (spaces first), or None."""
    m = _points_re().match(text, at)
    if m is None:
        return None
    return next(u for u, w in m.groupdict().items() if w), m.end()


def in_points(value: float, unit: str | None) -> float:
    """A move's value in percentage points (25 basis points: 0.25)."""
    return value * POINT_UNITS.get(unit or "", 1.0)
