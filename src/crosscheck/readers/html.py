"""HTML pages (.html/.htm): the raw page is kept; main-text extraction happens in clean."""
from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from crosscheck.model import RawReport, ReadFailure

from .detect import decode, read_capped, too_large

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def read(stream: BinaryIO, source: str, fmt: str = "html", charset: str | None = None) -> Iterator[RawReport | ReadFailure]:
    """Yield the page as one RawReport with ``html`` set, or a ReadFailure.

    ``charset``: the one an HTTP Content-Type header named; it outranks the page's own <meta>."""
    data = read_capped(stream)
    if data is None:
        yield ReadFailure(source, too_large())
        return
    decoded = decode(data, charset or declared_charset(data))
    if decoded.text is None:
        yield ReadFailure(source, decoded.reason or "unreadable")
    elif not re.search(r"<[a-zA-Z!]", decoded.text):
        yield ReadFailure(source, "no HTML markup in file")
    else:
        yield RawReport(source=source, fmt=fmt, html=decoded.text)
