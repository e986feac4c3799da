"""IN (...) lists in chunks: SQLite caps host parameters (999 on old builds)."""
from __future__ import annotations

from typing import Iterable, Iterator

CHUNK = 500  # ids per IN (...) list


def chunks(items: Iterable, n: int = CHUNK) -> Iterator[list]:
    """``items`` without repeats, in order, ``n`` at a time."""
    items = list(dict.fromkeys(items))
    for i in range(0, len(items), n):
        yield items[i:i + n]
