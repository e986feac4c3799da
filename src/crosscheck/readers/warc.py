"""WARC archives (.warc, .warc.gz): one RawReport per successful HTML or text response record.

A truncated or corrupt archive yields the records read so far, then one ReadFailure.
"""
from __future__ import annotations

import io
import re
import zlib
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator

from crosscheck.model import RawReport, ReadFailure

from .detect import decode, read_capped, too_large


def _drain(record) -> None:
    """Read the rest of a record's body and drop it, a chunk at a time."""
    stream = record.content_stream()
    while stream.read(1 << 20):
        pass

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.I)


class _GzipCheck(io.RawIOBase):
    """Passes bytes through while checking that every gzip member in them is complete."""

    def __init__(self, inner: BinaryIO):
        self._inner = inner
        self.plain = self._peek_plain()
        self._z = None if self.plain else zlib.decompressobj(31)
        self.pending = False  # inside a gzip member that has not ended yet
        self.total = 0  # bytes passed through

    def _peek_plain(self) -> bool:
        head = self._inner.read(2)
        self._head = head
        return head != b"\x1f\x8b"

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data, self._head = self._head + self._inner.read(len(buf) - len(self._head)), b""
        self._check(data)
        self.total += len(data)
        buf[: len(data)] = data
        return len(data)

    def _check(self, data: bytes) -> None:
        while self._z is not None and data:
            try:
                self._z.decompress(data)
            except zlib.error:
                return  # corrupt, not truncated: warcio reports it
            self.pending = not self._z.eof
            data = self._z.unused_data if self._z.eof else b""
            if self._z.eof:
                self._z = zlib.decompressobj(31)


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a multi-line warning to stderr for a record whose Content-Length is wrong;
    it is counted (``err_count``) and reported as one ReadFailure instead."""

    INC_RECORD = ""


def _complete(record) -> None:
    """Raise when a record (already read to its end) held fewer bytes than it declared."""
    if record is not None and record.raw_stream.limit > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or "a record"
        raise EOFError(f"{uri} ends before its declared length")


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
    checked = _GzipCheck(stream)
    try:
        last = None
        records = _QuietArchiveIterator(io.BufferedReader(checked))
        for record in records:
            _complete(last)
            last = record
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = _content_type(record).lower()
            if "html" not in ctype and "text/plain" not in ctype:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{count + 1}"
            if not _status_ok(record):
                continue
            body = read_capped(record.content_stream())
            if body is None:
                _drain(record)
                count += 1
                yield ReadFailure(uri, f"WARC record: {too_large()}")
                continue
            _complete(record)
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
        _complete(last)
        if last is not None and checked.plain:
            tail = checked.total - records.get_record_offset() - records.get_record_length()
            if tail > 8:  # more than the blank lines after the last record: a record cut in its header
                raise EOFError(f"{tail} trailing bytes do not form a complete record")
    except Exception as exc:  # warcio raises zlib/EOF/ArchiveLoadFailed errors for broken archives
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        if isinstance(exc, (AttributeError, TypeError, KeyError, IndexError)):
            detail = "a record's headers are incomplete or malformed"  # (warcio's own error says nothing of the file)
        yield ReadFailure(source, f"truncated or corrupt WARC after {count} records: {detail}")
        return
    if records.err_count:
        yield ReadFailure(source, f"{records.err_count} WARC record(s) with a wrong Content-Length "
                                  "(records around them were read)")
        return
    if checked.pending:
        yield ReadFailure(source, f"truncated WARC after {count} records: last gzip member is incomplete")
        return
    if count == 0:
        yield ReadFailure(source, "WARC holds no HTML or text response records")
