"""JSON Lines records (CONTRACT): streamed line by line; a bad line fails alone as ``PATH#LINE``."""
from __future__ import annotations

import contextlib
import io
import json
import re
from typing import Any, BinaryIO, Iterator

from crosscheck.model import RawReport, ReadFailure

from .detect import MAX_REPORT_BYTES, SNIFF_BYTES, decode, read_capped, too_large, wide_encoding

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\s&\s|\band\b)\s*")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def authors_of(value: Any) -> tuple[str, ...]:
    """A list of names, or one string of names separated by commas, semicolons or 'and'."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = _AUTHOR_SPLIT.split(value)
    elif isinstance(value, (list, tuple)):
        parts = [v.get("name", "") if isinstance(v, dict) else str(v) for v in value]
    else:
        parts = [str(value)]
    return tuple(p.strip() for p in parts if p and p.strip())


_STRING_FIELDS = ("text", "html", "url", "title", "published", "outlet", "language")


def _wrong_type(record: dict) -> str | None:
    """Why a record's fields do not have the CONTRACT's types (strings; ``id`` may be a number; ``authors``
    a string or a list of names), else None. Never coerced: str(['a', 'b']) would become the text."""
    def kind(value: Any) -> str:
        return {dict: "an object", list: "a list", bool: "a boolean"}.get(type(value), f"a {type(value).__name__}")

    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"field '{name}' is {kind(value)}, expected a string"
    ext_id = record.get("id")
    if ext_id is not None and (isinstance(ext_id, bool) or not isinstance(ext_id, (str, int))):
        return f"field 'id' is {kind(ext_id)}, expected a string or a number"
    for name in ("authors", "author"):
        value = record.get(name)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) or (isinstance(v, dict) and isinstance(
                v.get("name", ""), str)) for v in value):
            return f"field '{name}' is {kind(value)}, expected a string or a list of names"
    return None


def record_to_report(record: Any, where: str, fmt: str = "jsonl") -> RawReport | ReadFailure:
    """One decoded JSON value -> RawReport, or a ReadFailure naming ``where`` (``PATH#LINE``)."""
    if not isinstance(record, dict):
        return ReadFailure(where, f"record is a JSON {type(record).__name__}, not an object")
    wrong = _wrong_type(record)
    if wrong:
        return ReadFailure(where, wrong)
    text, html = _str(record.get("text")), _str(record.get("html"))
    if not text and not html:
        return ReadFailure(where, "record has neither 'text' nor 'html'")
    url, ext_id = _str(record.get("url")), _str(record.get("id"))
    return RawReport(
        source=url or ext_id or where,
        fmt=fmt,
        text=text,
        html=html,
        url=url,
        ext_id=ext_id,
        title=_str(record.get("title")),
        published=_str(record.get("published")),
        outlet=_str(record.get("outlet")),
        language=_str(record.get("language")),
        authors=authors_of(record.get("authors", record.get("author"))),
    )


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of the stream; None for a line longer than MAX_REPORT_BYTES (skipped, never held whole).
    A stream starting with a UTF-16 or UTF-32 byte-order mark is transcoded to UTF-8 line by line."""
    if not hasattr(stream, "readline"):  # any iterable of lines
        yield from stream
        return
    encoding = wide_encoding(stream.peek(4)[:4]) if hasattr(stream, "peek") else None
    if encoding:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
        try:
            while True:
                line = text.readline(MAX_REPORT_BYTES + 1)
                if not line:
                    return
                if len(line) > MAX_REPORT_BYTES and not line.endswith("\n"):
                    while line and not line.endswith("\n"):
                        line = text.readline(SNIFF_BYTES)
                    yield None
                    continue
                yield line.encode("utf-8", "surrogatepass")
        finally:
            with contextlib.suppress(ValueError):  # the caller owns the stream (stdin, an open file): not closed here
                text.detach()
    while True:
        line = stream.readline(MAX_REPORT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_REPORT_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drop the rest of the line a chunk at a time
                line = stream.readline(SNIFF_BYTES)
            yield None
            continue
        yield line


def read(stream: BinaryIO, source: str, fmt: str = "jsonl") -> Iterator[RawReport | ReadFailure]:
    """Yield one RawReport per non-blank line; never holds more than one line in memory."""
    seen_any = False
    for lineno, raw in enumerate(_lines(stream), 1):
        if raw is None:
            seen_any = True
            yield ReadFailure(f"{source}#{lineno}", f"line {lineno}: {too_large()}")
            continue
        if not raw.strip():
            continue
        seen_any = True
        where = f"{source}#{lineno}"
        decoded = decode(raw)
        if decoded.text is None:
            yield ReadFailure(where, f"line {lineno}: {decoded.reason}")
            continue
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"line {lineno}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:  # a hostile line nested thousands deep fails alone; the lines after it are read
            yield ReadFailure(where, f"line {lineno}: JSON nested too deeply to read")
            continue
        yield record_to_report(record, where, fmt)
    if not seen_any:
        yield ReadFailure(source, "empty file")


def read_json(stream: BinaryIO, source: str, fmt: str = "jsonl") -> Iterator[RawReport | ReadFailure]:
    """A whole-file JSON document: one record object, or an array of them (``PATH#N`` = N-th item)."""
    data = read_capped(stream)
    if data is None:
        yield ReadFailure(source, too_large() + " (write JSON Lines, one record a line, to stream it)")
        return
    decoded = decode(data)
    if decoded.text is None:
        yield ReadFailure(source, decoded.reason or "unreadable")
        return
    try:
        value = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(source, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(value, list):
        if not value:
            yield ReadFailure(source, "empty JSON array")
        for i, record in enumerate(value, 1):
            yield record_to_report(record, f"{source}#{i}", fmt)
    else:
        yield record_to_report(value, source, fmt)
