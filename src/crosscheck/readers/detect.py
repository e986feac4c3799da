"""Bytes -> text and format sniffing shared by the readers: encoding detection, binary check."""
from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# extension -> reader format; ".warc.gz" is checked before the plain suffix
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

SNIFF_BYTES = 65536
# One report (a page, a text, a JSON line, a WARC record) larger than this is refused instead of read:
# a 1 MB gzip bomb would otherwise expand in memory. The largest real report bench/memory.py feeds is 50 MB.
MAX_REPORT_BYTES = 64 * 1024 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p|h[1-6]|meta|title)\b", re.I | re.S)
_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, or the reason it could not be."""

    text: str | None
    encoding: str | None = None
    reason: str | None = None


def format_for_name(name: str) -> str | None:
    """The reader format for a file name's extension, or None when unknown."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc"
    for ext, fmt in EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def read_capped(stream, limit: int | None = None) -> bytes | None:
    """The whole stream, or None when it holds more than ``limit`` (MAX_REPORT_BYTES) bytes."""
    limit = MAX_REPORT_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def too_large(limit: int | None = None) -> str:
    return f"larger than {(MAX_REPORT_BYTES if limit is None else limit) // (1024 * 1024)} MB: not read as one report"


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def wide_encoding(head: bytes) -> str | None:
    """'utf-16' or 'utf-32' when ``head`` starts with that byte-order mark, else None."""
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    return None


def looks_binary(head: bytes) -> bool:
    """True when the leading bytes are not text in any encoding (NULs or many control bytes)."""
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(2, len(head) // 100)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes as UTF-8, else the declared charset, else what charset-normalizer finds."""
    if not data.strip():
        return Decoded(None, reason="empty file")
    wide = wide_encoding(data[:4])
    if wide:
        try:
            return Decoded(data.decode(wide), wide)
        except UnicodeDecodeError:
            return Decoded(None, reason=f"starts with a {wide.upper()} byte-order mark but is not {wide.upper()}")
    if looks_binary(data[:SNIFF_BYTES]):
        return Decoded(None, reason="binary file, not text")
    nul = data.find(b"\x00")
    if nul >= 0:  # the same rule past the first 64 KB: a NUL byte is never text
        return Decoded(None, reason=f"binary data in text: NUL byte at offset {nul:,}")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return Decoded(data.decode(declared), declared.lower())
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        return Decoded(None, reason="not valid UTF-8 and no text encoding fits (binary?)")
    return Decoded(str(best), best.encoding)


def sniff(head: bytes) -> str:
    """Guess the reader format from the first bytes of a stream."""
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    wide = wide_encoding(head[:4])
    text = (head.decode(wide, "ignore") if wide else head.decode("utf-8", "ignore")).lstrip("\ufeff \t\r\n")
    if text.startswith("<?xml") or _FEED_START.search(text[:2000]):
        if _FEED_START.search(text[:4000]):
            return "feed"
    if _HTML_START.match(text) or re.search(r"<(html|body)\b", text[:2000], re.I):
        return "html"
    first = text.split("\n", 1)[0].strip()
    if first.startswith("{") and first.endswith("}"):
        return "jsonl"
    if first.startswith(("{", "[")):
        return "json"
    return "txt"
