"""WARC archives (.warc, .warc.gz): one RawReport per successful HTML or text response record.

A truncated or corrupt archive yields the records read so far, then one ReadFailure.
"""
from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator

from crosscheck.model import RawReport, ReadFailure

from .detect import decode

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.I)


def _content_type(record) -> str:
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _status_ok(record) -> bool:
    if record.http_headers is None:
        return True
    code = record.http_headers.get_statuscode() or ""
    return code.startswith("2")


def read(stream: BinaryIO, source: str, fmt: str = "warc") -> Iterator[RawReport | ReadFailure]:
    """Yield RawReports for 2xx text/html and text/plain responses (and resource records)."""
    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = _content_type(record).lower()
            if "html" not in ctype and "text/plain" not in ctype:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{count + 1}"
            if not _status_ok(record):
                continue
            body = record.content_stream().read()
            count += 1
            m = _CHARSET.search(ctype)
            decoded = decode(body, m.group(1) if m else None)
            if decoded.text is None:
                yield ReadFailure(uri, f"WARC record: {decoded.reason}")
                continue
            url = uri if uri.startswith(("http://", "https://")) else None
            if "html" in ctype:
                yield RawReport(source=uri, fmt=fmt, html=decoded.text, url=url)
            else:
                yield RawReport(source=uri, fmt=fmt, text=decoded.text, url=url)
    except Exception as exc:  # warcio raises zlib/EOF/ArchiveLoadFailed errors for broken archives
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield ReadFailure(source, f"truncated or corrupt WARC after {count} records: {detail}")
        return
    if count == 0:
        yield ReadFailure(source, "WARC holds no HTML or text response records")
