"""JSON Lines records (CONTRACT): streamed line by line; a bad line fails alone as ``PATH#LINE``."""
from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, Iterator

from crosscheck.model import RawReport, ReadFailure

from .detect import decode

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


def record_to_report(record: Any, where: str, fmt: str = "jsonl") -> RawReport | ReadFailure:
    """One decoded JSON value -> RawReport, or a ReadFailure naming ``where`` (``PATH#LINE``)."""
    if not isinstance(record, dict):
        return ReadFailure(where, f"record is a JSON {type(record).__name__}, not an object")
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


def read(stream: BinaryIO, source: str, fmt: str = "jsonl") -> Iterator[RawReport | ReadFailure]:
    """Yield one RawReport per non-blank line; never holds more than one line in memory."""
    seen_any = False
    for lineno, raw in enumerate(stream, 1):
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
        yield record_to_report(record, where, fmt)
    if not seen_any:
        yield ReadFailure(source, "empty file")


def read_json(stream: BinaryIO, source: str, fmt: str = "jsonl") -> Iterator[RawReport | ReadFailure]:
    """A whole-file JSON document: one record object, or an array of them (``PATH#N`` = N-th item)."""
    decoded = decode(stream.read())
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
