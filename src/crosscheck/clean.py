"""RawReport -> Document: main text apart from navigation, bylines, related links and captions.

Order of work in ``clean``:
  1. HTML (pages, WARC records, jsonl ``html``, feed items): trafilatura extracts main text and
     metadata; figcaptions become captions. A fragment trafilatura rejects is flattened to text.
  2. Every body then goes through ``clean_text``: line rules (nav vocabulary in en/de/es/fr/it/
     pl/ru/uk, read-time, date/timestamp lines, share/subscribe/cookie prompts, 'Read also:'
     links, bylines, photo captions and credits), then position rules (headline found in the top
     lines, repeated or not; short unpunctuated lines above the first paragraph and below the
     last; runs of headline-like lines = link lists).
  3. Metadata: language (given, else lingua), published (ISO), outlet (given, else site name,
     else url host), content hash over normalised title + text; the id comes from the url or the
     caller's id (CONTRACT: the only identities, so a new text under one is a revision), else from the
     content hash (a report without either never replaces another).
Raises ``InputError`` when no article text remains.
"""
from __future__ import annotations

import hashlib
import html as htmllib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from crosscheck.boilerplate import author_notes, clean_text, has_sentence, key_of, looks_like_headline, normalise_line
from crosscheck.config import Settings
from crosscheck.credits import parse_credits
from crosscheck.errors import InputError
from crosscheck.model import Document, RawReport
from crosscheck.textunits import TITLE_SEPARATOR, word_count

# ---------------------------------------------------------------- HTML
@dataclass(frozen=True)
class HtmlText:
    """Main text and metadata trafilatura found in a page."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    captions: tuple[str, ...] = ()


_BLOCK_END = re.compile(r"<(?:br|/p|/div|/h[1-6]|/li|/blockquote|/figcaption|/tr|/section|/article)\b[^>]*>", re.I)


def html_to_text(fragment: str) -> str:
    """Flatten an HTML fragment (a feed item's content) to text, one block a line."""
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", fragment, flags=re.I | re.S)
    text = _BLOCK_END.sub("\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return htmllib.unescape(text)


# a caption outside <figcaption>: an element whose class or id says so ('caption', 'wp-caption-text',
# 'image-caption', 'photo_caption', 'imgCaption'), not a container of one ('caption-wrapper' holds the image too)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:wp-)?(?:image|img|photo|media|picture)?[_-]?caption(?:[_-]text)?(?:$|\s)",
                            re.IGNORECASE)
_CAPTION_MAX_WORDS = 60  # longer is a body block whose class merely mentions a caption


def _figcaptions(page: str) -> tuple[str, ...]:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(page)
    except Exception:  # lxml rejects some documents (empty, encoding declarations): no captions then
        return ()
    found = []
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        marked = " ".join(filter(None, (node.get("class"), node.get("id"))))
        if node.tag != "figcaption" and not (marked and _CAPTION_CLASS.search(marked)):
            continue
        caption = normalise_line(" ".join(node.itertext()))
        if caption and caption not in found and len(caption.split()) <= _CAPTION_MAX_WORDS \
                and not any(caption in f or f in caption for f in found):
            found.append(caption)
    return tuple(found)


def extract_html(page: str, url: str | None = None, settings: Settings | None = None) -> HtmlText | None:
    """Main text of a page with trafilatura (options chosen on bench/extraction.py), or None."""
    import trafilatura

    from trafilatura.settings import set_date_params

    s = settings or Settings()
    # the publication time where the page gives one ('article:published_time'): reports hours apart are read as
    # counts made at two moments, wire versions by their times
    dates = {**set_date_params(), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=s.extract_include_comments,
            include_tables=s.extract_include_tables, favor_recall=s.extract_favor_recall,
            favor_precision=s.extract_favor_precision, date_extraction_params=dates)
    except Exception:  # trafilatura/lxml raise assorted errors on broken markup: treat as no text
        doc = None
    if doc is None or not (doc.text or "").strip():
        return None
    authors = tuple(a.strip() for a in re.split(r";|,|\band\b", doc.author or "") if a.strip())
    published = doc.date or None
    if published and published.endswith("T00:00:00"):
        published = published[:10]  # a date without a time: no midnight of its own
    return HtmlText(text=doc.text, title=doc.title or None, authors=authors, published=published,
                    sitename=doc.sitename or None, url=doc.url or None, language=doc.language or None,
                    captions=_figcaptions(page))


# ---------------------------------------------------------------- metadata
@lru_cache(maxsize=1)
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def normalise_language(value: str | None) -> str | None:
    """'en-US', 'EN', 'eng', 'English' -> 'en'; None when not recognisable."""
    from lingua import IsoCode639_1, IsoCode639_3, Language

    if not value:
        return None
    code = re.split(r"[-_\s]", value.strip().lower())[0]
    try:
        if len(code) == 2:
            return IsoCode639_1.from_str(code).name.lower()
        if len(code) == 3:
            return Language.from_iso_code_639_3(IsoCode639_3.from_str(code)).iso_code_639_1.name.lower()
        return Language.from_str(code).iso_code_639_1.name.lower()
    except (ValueError, AttributeError):
        return None


def detect_language(text: str, settings: Settings | None = None) -> str | None:
    """ISO 639-1 code of the text's language (lingua, built once), or None when undecidable."""
    s = settings or Settings()
    lang = _detector().detect_language_of(text[: s.lang_detect_chars])
    return lang.iso_code_639_1.name.lower() if lang is not None else None


_DATE_LANGUAGES = ["en", "de", "es", "fr", "it", "pl", "ru", "uk"]  # dateparser is slow when it guesses among all

_MONTH_NUM = {m: i for i, ms in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for m in ms}
_MON_WORD = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_PUB_DATES = re.compile(
    rf"\b{_MON_WORD}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)(?!\d)"  # May 2, 2013
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\d:./-])(?P<y3>(?:19|20)\d\d)(?P<sep3>[./-])(?P<m3>\d{1,2})(?P=sep3)(?P<d3>\d{1,2})(?!\d)"  # 2013-09-26
    r"|(?<![\d:./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y4>(?:19|20)?\d\d)(?![\d:])",  # 8/2/13, 14.09.2013
    re.IGNORECASE)


_CLOCK = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?![\d:])(?:\s*(?P<ap>[ap])\.?\s*m\b\.?)?", re.I)


def _published_by_pattern(value: str, language: str | None) -> date | None:
    """The first full date (with a year) in a messy byline: 'PUBLISHED : THURSDAY, MAY 2, 2013, 1 : 32 PM',
    '8 / 2 / 13 at 1 : 30 PM', 'Last updated 13 : 26 14 / 09 / 2013'. Numeric dates are month first in
    English unless the first number exceeds 12, day first elsewhere and with dots; two-digit years are 20xx
    (19xx above the current century's span)."""
    tidy = re.sub(r"(?<=\d)\s*([/:.-])\s*(?=\d)", r"\1", value)  # '14 / 09 / 2013' -> '14/09/2013', '1 : 30' -> '1:30'
    for m in _PUB_DATES.finditer(tidy):
        g = m.groupdict()
        if g["mon"] or g["mon2"]:
            month = _MONTH_NUM[(g["mon"] or g["mon2"]).lower()]
            day, year = int(g["d1"] or g["d2"]), int(g["y1"] or g["y2"])
        elif g["y3"]:
            year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            a, b, y = int(g["a"]), int(g["b"]), g["y4"]
            year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) <= date.today().year % 100 + 1 else 1900 + int(y))
            if g["sep"] == "." or a > 12 or (language not in (None, "en") and b <= 12):
                day, month = a, b
            else:
                month, day = a, b
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None



@lru_cache(maxsize=4096)
def normalise_published(value: str | None, language: str | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD) or datetime for a publication date in any common form, else None.

    Numeric dates are read day first unless the text is English ('07/10/2025' -> 7 October in 'es').
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        found = _published_by_pattern(value, language)
        if found is not None:  # bylines with times, weekdays, spaced separators (221 of 231 ECB+ bylines)
            clock = _CLOCK.search(re.sub(r"(?<=\d)\s*:\s*(?=\d)", ":", value)) if has_time else None
            if clock is None:
                return found.isoformat()
            hour = int(clock["h"]) % 12 + (12 if (clock["ap"] or "").lower() == "p" else 0) if clock["ap"] else int(clock["h"])
            if hour > 23 or int(clock["m"]) > 59:
                return found.isoformat()
            return datetime(found.year, found.month, found.day, hour, int(clock["m"]), int(clock["s"] or 0)).isoformat()
        import dateparser

        order = {} if language in (None, "en") else {"DATE_ORDER": "DMY"}
        parsed = dateparser.parse(value[:80], languages=_DATE_LANGUAGES,
                                  settings={"PREFER_DAY_OF_MONTH": "first", **order})
        if parsed is None or not re.search(rf"{parsed.year}|\b{parsed.year % 100:02d}\b", value):
            return None  # 'APR 28': dateparser fills in the current year, which the byline never stated
    if not has_time:
        return date(parsed.year, parsed.month, parsed.day).isoformat()
    return parsed.isoformat()


# A publication year outside this span is a placeholder ('0001-01-01', '9999-12-31'), not a date: refused with
# a note. The upper end is this year plus PUBLISHED_YEARS[1] (fictional fixtures are dated a few years ahead).
PUBLISHED_YEARS = (1800, 100)


def _latest_year() -> int:
    return date.today().year + PUBLISHED_YEARS[1]


def plausible_published(value: str) -> bool:
    """True when an ISO publication date's year is one a report can have been published in."""
    try:
        year = int(value[:4])
    except ValueError:
        return False
    return PUBLISHED_YEARS[0] <= year <= _latest_year()


def outlet_from_url(url: str | None) -> str | None:
    """The site of a URL: host without 'www.', 'm.', 'amp.' ('https://www.bbc.co.uk/x' -> 'bbc.co.uk')."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # 'http://[bad': not a URL we can take a host from
        return None
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    return host or None


_PAGE_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
SITE_MAX_WORDS = 5


def outlet_from_title(page: str | None, headline: str | None) -> str | None:
    """The site's name a page's <title> adds to its headline ('Ex-mayor gets 7 years - Northern Wire',
    'Northern Wire | Ex-mayor gets 7 years'), for a page with no URL and no site name in its metadata."""
    m = _PAGE_TITLE.search(page[:50_000]) if page and headline else None
    if m is None:
        return None
    full, head = normalise_line(htmllib.unescape(m.group(1))), normalise_line(headline)
    site = None
    if full.casefold().startswith(head.casefold()) and (sep := TITLE_SEPARATOR.match(full, len(head))):
        site = full[sep.end():]
    elif full.casefold().endswith(head.casefold()):
        sep = next((x for x in TITLE_SEPARATOR.finditer(full) if x.end() == len(full) - len(head)), None)
        site = full[:sep.start()] if sep else None
    if not site or not 1 <= word_count(site) <= SITE_MAX_WORDS or not (site[0].isupper() or site[0].isdigit()):
        return None
    return site


def document_id(source: str) -> str:
    """Stable short id of a document, derived from its source."""
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


_SPACES = re.compile(r"\s")
_HASH_PIECE = 1 << 20


def content_hash(title: str | None, text: str) -> str:
    """Hash over case-folded, whitespace-collapsed title and text: equal hash = same report."""
    # the hash of " ".join(f"{title}\n{text}".casefold().split()), fed a piece at a time (cut at whitespace), so a
    # 50 MB report never becomes a list of every word (that took 600 MB)
    digest = hashlib.sha1()
    first = True
    for part in (title or "", text):
        start = 0
        while start < len(part):
            m = _SPACES.search(part, start + _HASH_PIECE)
            end = m.start() if m else len(part)
            words = part[start:end].casefold().split()
            if words:
                digest.update((("" if first else " ") + " ".join(words)).encode("utf-8"))
                first = False
            start = end
    return digest.hexdigest()


def _split_long(text: str, limit: int) -> tuple[str, str]:
    """(head, tail): ``text`` cut after the last line break before ``limit`` characters (tail '' when shorter)."""
    if len(text) <= limit:
        return text, ""
    cut = text.rfind("\n", limit // 2, limit)
    cut = limit if cut < 0 else cut + 1
    return text[:cut], text[cut:]


def _drop_captions(text: str, captions: tuple[str, ...]) -> str:
    keys = {key_of(c) for c in captions}
    return "\n".join(ln for ln in text.splitlines() if key_of(ln) not in keys)


def _scrub(value: str | None) -> str | None:
    """Lone surrogates (JSON '\\ud800', odd entities) -> U+FFFD: they cannot be encoded or stored. NUL characters
    (a JSON '\\u0000') are dropped from the report's fields (``_storable``; the source stays as the input named it):
    a raw NUL byte makes the readers refuse the input, so none is ever stored in a text."""
    if value is None or value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _storable(raw: RawReport) -> RawReport:
    fields = ("source", "text", "html", "url", "ext_id", "title", "published", "outlet", "language")
    changes = {}
    for f in fields:
        value = getattr(raw, f)
        scrubbed = _scrub(value.replace("\x00", "") if f != "source" and value and "\x00" in value else value)
        if scrubbed is not value:
            changes[f] = scrubbed
    authors = tuple(_scrub(a) for a in raw.authors)
    if authors != raw.authors:
        changes["authors"] = authors
    return replace(raw, **changes) if changes else raw


# ---------------------------------------------------------------- the stage
def clean(raw: RawReport, settings: Settings | None = None) -> Document:
    """RawReport -> Document; raises InputError when no article text is found."""
    s = settings or Settings()
    raw = _storable(raw)
    extracted: HtmlText | None = None
    body = raw.text or ""
    if raw.html:
        extracted = extract_html(raw.html, raw.url, s)
        if extracted is not None:
            body = _drop_captions(extracted.text, extracted.captions)
        elif not raw.text and not re.search(r"<(?:html|body)\b", raw.html, re.I):
            body = html_to_text(raw.html)  # a fragment (feed item) too short for trafilatura
    title = raw.title or (extracted.title if extracted else None)
    notes: list[str] = []
    body, tail = _split_long(body, s.clean_max_chars)
    cleaned = clean_text(body, title, s, positional=extracted is None)
    if tail:  # the line rules cost ~2.5 s a MB: beyond the cap lines are only tidied (issue 11: one huge report)
        rest = "\n".join(ln for ln in map(normalise_line, tail.splitlines()) if ln)
        cleaned = replace(cleaned, text=f"{cleaned.text}\n{rest}")
        notes.append(f"boilerplate rules applied to the first {len(body):,} characters of {len(body) + len(tail):,} "
                     "(Settings.clean_max_chars); the rest is kept as it came")
    if not cleaned.text.strip() or (not has_sentence(cleaned.text) and word_count(cleaned.text) < s.clean_min_words):
        what = "page" if raw.html else "text"
        raise InputError(raw.source, f"no article text found in {what}")
    # a given title that is page furniture (date stamp, dateline, menu) stays out even when the text has no headline
    title = cleaned.title or (title if title and looks_like_headline(title) else None)
    url = raw.url or (extracted.url if extracted else None)
    language = normalise_language(raw.language) or detect_language(f"{title or ''}\n{cleaned.text[:s.lang_detect_chars]}", s)
    published = None
    for given in (raw.published, extracted.published if extracted else None, cleaned.dateline):
        value = normalise_published(given, language)
        if value is not None and not plausible_published(value):
            notes.append(f"publication date {given.strip()[:40]!r} refused: outside the years "
                         f"{PUBLISHED_YEARS[0]}-{_latest_year()}")
            value = None
        if value is not None:
            published = value
            break
    authors = raw.authors or (extracted.authors if extracted and extracted.authors else cleaned.authors)
    text, notes_on_authors = author_notes(cleaned.text, tuple(authors))
    if notes_on_authors:
        cleaned = replace(cleaned, text=text, boilerplate=cleaned.boilerplate + tuple(notes_on_authors.split("\n")))
    captions = tuple(dict.fromkeys((extracted.captions if extracted else ()) + cleaned.captions))
    outlet = raw.outlet or (extracted.sitename if extracted else None) or outlet_from_url(url) \
        or outlet_from_title(raw.html, title)
    identity = raw.source if (raw.url or raw.ext_id) else ""
    digest = content_hash(title, cleaned.text)
    return Document(
        id=document_id(identity or f"content:{digest}"),
        source=raw.source,
        fmt=raw.fmt,
        text=cleaned.text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language=language,
        authors=tuple(authors),
        captions=captions,
        boilerplate=cleaned.boilerplate,
        content_hash=digest,
        identity=identity,
        notes=tuple(notes),
        credits=parse_credits(cleaned.text, cleaned.boilerplate, tuple(authors)),
    )
