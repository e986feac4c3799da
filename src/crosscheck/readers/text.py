"""Plain-text reports (.txt): one file, one report; the source is the file's path."""
from __future__ import annotations

from typing import BinaryIO, Iterator

from crosscheck.model import RawReport, ReadFailure

from .detect import decode, read_capped, too_large


def read(stream: BinaryIO, source: str, fmt: str = "txt") -> Iterator[RawReport | ReadFailure]:
    """Yield the file's text as one RawReport, or a ReadFailure (empty, binary, undecodable)."""
    data = read_capped(stream)
    if data is None:
        yield ReadFailure(source, too_large())
        return
    decoded = decode(data)
    if decoded.text is None:
        yield ReadFailure(source, decoded.reason or "unreadable")
    elif not decoded.text.strip():
        yield ReadFailure(source, "empty file")
    else:
        yield RawReport(source=source, fmt=fmt, text=decoded.text)
