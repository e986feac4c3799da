"""StoryFeatures -> weighted sparse vectors; pairwise and report-to-story similarity.

A report's vector joins four L2-normalised blocks (content lemmas, name keys, numbers, dates), each
TF-IDF weighted with document frequencies the index keeps up to date, and scaled by the block's
weight from Settings. Publication-date distance then scales the cosine down.
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import date

from crosscheck.config import Settings
from crosscheck.model import StoryFeatures


def feature_keys(f: StoryFeatures) -> Counter[str]:
    """Every feature of a report with its count, block-prefixed."""
    keys: Counter[str] = Counter()
    for term, count in f.terms:
        keys["t:" + term] += count
    for e in f.entities:
        keys["e:" + e] += 1
    for n in f.numbers:
        keys["n:" + n] += 1
    for d in f.dates:
        keys["d:" + d] += 1
    return keys


class Vocabulary:
    """Document frequencies of features, updated as reports arrive."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def add(self, keys) -> None:
        self.n += 1
        self.df.update(set(keys))

    def idf(self, key: str) -> float:
        return math.log((self.n + 1) / (self.df.get(key, 0) + 1)) + 1.0


def vector(keys: Counter[str], vocab: Vocabulary, settings: Settings) -> dict[str, float]:
    """The weighted, normalised vector of one report."""
    weights = {"t": settings.story_weight_terms, "e": settings.story_weight_entities,
               "n": settings.story_weight_numbers, "d": settings.story_weight_dates}
    blocks: dict[str, dict[str, float]] = {b: {} for b in weights}
    for key, count in keys.items():
        idf = vocab.idf(key)
        if key[0] == "t":
            w = (1.0 + math.log(count)) * idf
        else:
            # names, numbers, dates: presence matters, and only rare ones are evidence
            w = (1.0 + math.log(count)) * idf
            if vocab.df.get(key, 0) > settings.story_common_share * max(vocab.n, 1) and vocab.n >= 50:
                continue
        blocks[key[0]][key] = w
    out: dict[str, float] = {}
    for b, vals in blocks.items():
        norm = math.sqrt(math.fsum(v * v for v in vals.values()))
        if not norm:
            continue
        scale = math.sqrt(weights[b]) / norm
        for k, v in vals.items():
            out[k] = v * scale
    total = math.sqrt(math.fsum(v * v for v in out.values())) or 1.0
    return {k: v / total for k, v in out.items()}


def day_number(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def date_factor(gap_days: float | None, settings: Settings) -> float:
    """How much publication dates this far apart scale the similarity (1 when unknown or close)."""
    if gap_days is None or gap_days <= settings.story_date_window_days:
        return 1.0
    excess = gap_days - settings.story_date_window_days
    return max(settings.story_date_floor, math.exp(-excess / settings.story_date_decay_days))


def month_keys(first: int, last: int, settings: Settings) -> set[str]:
    """'YYYY-MM' of every month from ``story_date_far_near_days`` before ``first`` to as many after ``last``
    (day numbers): the time a report published then (or a story spanning them) is about, its follow-ups
    included."""
    near = settings.story_date_far_near_days
    out, day = set(), date.fromordinal(max(1, int(first - near)))
    end = date.fromordinal(min(date.max.toordinal(), int(max(first, last) + near)))
    while day <= end:
        out.add(f"{day.year:04d}-{day.month:02d}")
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def dates_back(stated, first: int, last: int, settings: Settings) -> bool:
    """Whether dates a later report states (ISO date keys, 'YYYY-MM' or 'YYYY-MM-DD') fall in the months an
    earlier report or story published from ``first`` to ``last`` is about."""
    months = {d[:7] for d in stated if d[:1].isdigit()}
    return bool(months) and not months.isdisjoint(month_keys(first, last, settings))


def far_factor(gap_days: float | None, refers_back: bool, settings: Settings) -> float:
    """The further scale of reports published over ``story_date_far_days`` apart (1 when the later dates
    the earlier's time, or when closer)."""
    if gap_days is None or gap_days <= settings.story_date_far_days or refers_back:
        return 1.0
    return settings.story_date_far_factor
