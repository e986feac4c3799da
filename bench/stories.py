"""Story assignment at scale on synthetic report streams: reports/s, per-report cost, peak RSS.

    python bench/stories.py [--large]

Streams of 10k and 100k (and 1M with --large) synthetic StoryFeatures: events with their own rare
names, numbers and dates, drawn over a shared background vocabulary (Zipf), arriving over time.
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from crosscheck.model import StoryFeatures  # noqa: E402
from crosscheck.stories import StoryIndex  # noqa: E402

BACKGROUND = [f"w{i}" for i in range(20000)]
WEIGHTS = [1.0 / (i + 1) for i in range(len(BACKGROUND))]


def stream(n: int, seed: int = 7):
    rng = random.Random(seed)
    events = max(1, n // 8)  # about 8 reports per event
    day0 = 738000
    for i in range(n):
        e = min(events - 1, int(rng.random() * (i / 8 + 1)))  # new events keep appearing; recent ones get reports
        erng = random.Random(e)
        own = [f"ev{e}t{j}" for j in range(12)]
        terms = rng.sample(own, 8) + rng.choices(BACKGROUND, WEIGHTS, k=25)
        ents = [f"ev{e}n{j}" for j in erng.sample(range(6), 3)] + rng.choices(["usa", "un", "police"], k=2)
        from datetime import date
        day = date.fromordinal(day0 + e // 50 + rng.randint(0, 2)).isoformat()
        yield StoryFeatures(document=f"doc{i}", published=day, language="en",
                            terms=tuple((t, terms.count(t)) for t in sorted(set(terms))),
                            entities=tuple(sorted(ents)), numbers=(str(1000 + e),), dates=(day,))


def run(n: int) -> None:
    feats = list(stream(n))
    idx = StoryIndex()
    t0 = time.perf_counter()
    window = []
    for i, f in enumerate(feats):
        t = time.perf_counter()
        idx.assign(f)
        if i >= n - min(n, 5000):
            window.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    per_last = sum(window) / len(window)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>9,} reports: {n / total:8.0f} reports/s overall, "
          f"{per_last * 1e3:6.3f} ms/report over the last {len(window):,}, "
          f"{len(idx.stories()):,} stories, peak RSS {rss:,.0f} MB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--large", action="store_true", help="also 1M reports")
    args = ap.parse_args()
    for n in (10_000, 100_000) + ((1_000_000,) if args.large else ()):
        run(n)


if __name__ == "__main__":
    main()
