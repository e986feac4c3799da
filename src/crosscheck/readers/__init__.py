"""Readers: sources (paths, folders, ``-``, feed URLs) -> a stream of RawReport | ReadFailure.

``read_sources`` never raises for bad input: each problem becomes a ``ReadFailure`` naming the
input and the reason, and reading goes on with the rest. The reader is chosen by extension,
else by sniffing the first bytes.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from crosscheck.model import RawReport, ReadFailure

from . import feed, html, jsonl, text, warc
from .detect import SNIFF_BYTES, format_for_name, sniff

__all__ = ["read_sources", "read_stream", "RawReport", "ReadFailure"]

Reader = Callable[..., Iterator[RawReport | ReadFailure]]
READERS: dict[str, Reader] = {
    "txt": text.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "json": jsonl.read_json,
    "warc": warc.read,
    "feed": feed.read,
}
STDIN = "<stdin>"


class _Prefixed(io.RawIOBase):
    """A read-only stream: already-read ``head`` bytes, then the rest of ``tail``."""

    def __init__(self, head: bytes, tail: BinaryIO):
        self._head, self._tail = head, tail

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._tail.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def read_stream(stream: BinaryIO, source: str, fmt: str | None = None) -> Iterator[RawReport | ReadFailure]:
    """Read one binary stream with the reader for ``fmt``, sniffing the content when None."""
    try:
        if fmt is None:
            head = stream.read(SNIFF_BYTES)
            if not head.strip():
                yield ReadFailure(source, "empty input")
                return
            fmt = sniff(head)
            if head.startswith(b"\x1f\x8b") and not _gzipped_warc(head):
                stream = gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(head, stream)))
                yield from read_stream(stream, source)
                return
            if fmt == "binary":
                yield ReadFailure(source, "binary file, not text")
                return
            stream = io.BufferedReader(_Prefixed(head, stream), buffer_size=SNIFF_BYTES)
        yield from READERS[fmt](stream, source)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield ReadFailure(source, f"truncated or corrupt gzip data: {exc}")
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")
    except (ValueError, LookupError, RecursionError, MemoryError) as exc:  # a parser choking on hostile input
        detail = (str(exc).splitlines() or [""])[0][:100]
        yield ReadFailure(source, f"unreadable input: {type(exc).__name__}: {detail}")


def _gzipped_warc(head: bytes) -> bool:
    """True when gzip-compressed bytes start with a WARC record."""
    try:
        return zlib.decompressobj(31).decompress(head, 64).startswith(b"WARC/")
    except zlib.error:
        return False


def _read_file(path: Path) -> Iterator[RawReport | ReadFailure]:
    source = str(path)
    try:
        if path.stat().st_size == 0:
            yield ReadFailure(source, "empty file")
            return
        with path.open("rb") as stream:
            name = path.name.lower()
            if name.endswith(".gz") and not name.endswith(".warc.gz"):
                # page.html.gz, records.jsonl.gz ...: the format of the name inside
                inner = gzip.GzipFile(fileobj=stream)
                yield from read_stream(inner, source, format_for_name(name[:-3]))
            else:
                yield from read_stream(stream, source, format_for_name(path.name))
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in sorted order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_one(source: str) -> Iterator[RawReport | ReadFailure]:
    if source == "-":
        yield from read_stream(sys.stdin.buffer, STDIN)
        return
    if source.startswith(("http://", "https://")):
        yield ReadFailure(source, "ingest reads no network: use `crosscheck fetch URL` for pages, `crosscheck watch SOURCES_FILE` for feeds")
        return
    path = Path(source).expanduser()
    if not path.exists():
        yield ReadFailure(source, "no such file or folder")
        return
    path = path.resolve()
    if path.is_dir():
        found = False
        for file in _walk(path):
            found = True
            yield from _read_file(file)
        if not found:
            yield ReadFailure(str(path), "folder holds no files")
        return
    yield from _read_file(path)


def read_sources(sources: Iterable[str]) -> Iterator[RawReport | ReadFailure]:
    """Stream RawReports (and ReadFailures for bad input) from every source, in order."""
    for source in sources:
        yield from _read_one(str(source))
