"""readers: every format, source naming, streaming, and every kind of bad input as a ReadFailure."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosscheck.model import RawReport, ReadFailure
from crosscheck.readers import jsonl, read_sources, read_stream

STORY = "The harbour bridge opened to traffic on Tuesday morning, the city said."
PAGE = f"<html><head><title>Bridge</title></head><body><article><p>{STORY}</p></article></body></html>"


def read(*sources) -> list:
    return list(read_sources([str(s) for s in sources]))


def test_txt_file_source_is_resolved_path(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (item,) = read("a.txt")
    assert isinstance(item, RawReport)
    assert item.source == str((tmp_path / "a.txt").resolve()) and item.fmt == "txt" and item.text == STORY


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second " + STORY)
    (tmp_path / "1.txt").write_text("first " + STORY)
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too")
    names = [Path(i.source).relative_to(tmp_path).as_posix() for i in read(tmp_path)]
    assert names == ["1.txt", "c.html", "b/2.txt"]


def test_missing_path_empty_file_and_binary_file_fail_and_reading_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text(STORY)
    items = read(tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "blank.txt",
                 tmp_path / "image.txt", tmp_path / "ok.txt")
    fails = [i for i in items if isinstance(i, ReadFailure)]
    assert [Path(f.source).name for f in fails] == ["missing.txt", "empty.txt", "blank.txt", "image.txt"]
    assert "no such file" in fails[0].reason
    assert "empty" in fails[1].reason and "empty" in fails[2].reason
    assert "binary" in fails[3].reason
    assert isinstance(items[-1], RawReport) and items[-1].text == STORY


def test_non_utf8_text_is_decoded_not_failed(tmp_path):
    text = "Le président a déclaré que la réforme était nécessaire pour l'économie française. " * 3
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    (item,) = read(tmp_path / "fr.txt")
    assert isinstance(item, RawReport) and "président" in item.text and "économie" in item.text


def test_html_file_keeps_raw_html(tmp_path):
    (tmp_path / "p.htm").write_text(PAGE)
    (item,) = read(tmp_path / "p.htm")
    assert item.fmt == "html" and item.html == PAGE and item.text is None


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "page.dat").write_text(PAGE)
    (tmp_path / "records.log").write_text(json.dumps({"text": STORY, "id": "r1"}) + "\n")
    (tmp_path / "notes").write_text(STORY)
    items = read(tmp_path / "page.dat", tmp_path / "records.log", tmp_path / "notes")
    assert [i.fmt for i in items] == ["html", "jsonl", "txt"]
    assert items[1].source == "r1"


def test_jsonl_fields_sources_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": STORY, "url": "https://ex.org/1", "id": "a", "title": "T", "published": "2025-01-02",
                    "outlet": "Ex", "language": "en", "authors": "Ann Lee, Bob Roe"}),
        json.dumps({"html": PAGE, "id": 7, "authors": ["Cy Day"]}),
        "{not json",
        "",
        json.dumps({"title": "no body", "url": "https://ex.org/4"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": STORY}),
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    a, b, bad, nobody, notobj, last = items
    assert a.source == "https://ex.org/1" and a.ext_id == "a" and a.title == "T" and a.outlet == "Ex"
    assert a.published == "2025-01-02" and a.language == "en" and a.authors == ("Ann Lee", "Bob Roe")
    assert b.source == "7" and b.html == PAGE and b.authors == ("Cy Day",)
    assert isinstance(bad, ReadFailure) and bad.source == f"{path}#3" and "line 3" in bad.reason
    assert isinstance(nobody, ReadFailure) and nobody.source == f"{path}#5" and "neither" in nobody.reason
    assert isinstance(notobj, ReadFailure) and "not an object" in notobj.reason
    assert isinstance(last, RawReport) and last.source == f"{path}#7"


class _CountingLines:
    """A binary line source that counts how many lines were taken from it."""

    def __init__(self, n: int):
        self.n, self.taken = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.taken += 1
            yield (json.dumps({"id": f"r{i}", "text": STORY}) + "\n").encode()


def test_jsonl_streams_line_by_line():
    lines = _CountingLines(100_000)
    items = jsonl.read(lines, "big.jsonl")
    first = next(items)
    assert first.source == "r0" and lines.taken == 1


def _warc_bytes(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, status, body, ctype in [
        ("https://ex.org/a", "200 OK", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://ex.org/missing", "404 Not Found", b"<html><body>gone</body></html>", "text/html"),
        ("https://ex.org/logo.png", "200 OK", b"\x89PNG\x00\x00", "image/png"),
        ("https://ex.org/b", "200 OK", ("<html><body><p>Zweite Seite: Grüße.</p></body></html>").encode("utf-8"),
         "text/html; charset=utf-8"),
    ]:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def test_warc_yields_html_responses_only(tmp_path):
    (tmp_path / "crawl.warc").write_bytes(_warc_bytes(False))
    (tmp_path / "crawl.warc.gz").write_bytes(_warc_bytes(True))
    for name in ("crawl.warc", "crawl.warc.gz"):
        items = read(tmp_path / name)
        assert [i.source for i in items] == ["https://ex.org/a", "https://ex.org/b"]
        assert items[0].html == PAGE and items[0].url == "https://ex.org/a" and items[0].fmt == "warc"
        assert "Grüße" in items[1].html


@pytest.mark.parametrize("gz,cut", [(True, 60), (True, 400), (False, 60), (False, 200)])
def test_truncated_warc_yields_what_was_read_then_a_failure(tmp_path, gz, cut):
    data = _warc_bytes(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - cut])
    items = read(path)
    assert isinstance(items[0], RawReport) and items[0].source == "https://ex.org/a"
    assert isinstance(items[-1], ReadFailure) and items[-1].source == str(path)
    assert "truncated" in items[-1].reason and len(items) == 2



def test_a_warc_cut_in_its_first_header_says_so_in_words(tmp_path):
    """A file holding only a record's first header lines failed with warcio's "'NoneType' object has no attribute
    'startswith'", which names nothing about the file."""
    path = tmp_path / "head.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n")
    (failure,) = read(path)
    assert isinstance(failure, ReadFailure) and failure.source == str(path)
    assert failure.reason == "truncated or corrupt WARC after 0 records: a record's headers are incomplete or malformed"


RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title><language>en-gb</language>
<item><title>Bridge opens</title><link>https://ex.org/bridge</link><dc:creator>Jane Porter</dc:creator>
<pubDate>Tue, 01 Apr 2025 08:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The bridge <b>opened</b> on Tuesday.</p>]]></content:encoded></item>
<item><title>Ferry delayed</title><guid isPermaLink="false">ferry-1</guid>
<description>The morning ferry was delayed by fog.</description></item>
<item><title>Empty</title><link>https://ex.org/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ex Atom</title>
<entry><title>Storm passes</title><link href="https://ex.org/storm"/><id>urn:1</id>
<updated>2025-02-03T10:00:00Z</updated><author><name>Ann Lee</name></author><author><name>Bob Roe</name></author>
<summary>The storm passed without damage.</summary></entry></feed>"""


def test_rss_feed_items(tmp_path):
    (tmp_path / "news.rss").write_text(RSS)
    bridge, ferry, empty = read(tmp_path / "news.rss")
    assert bridge.source == bridge.url == "https://ex.org/bridge" and bridge.title == "Bridge opens"
    assert bridge.outlet == "Harbour Times" and bridge.authors == ("Jane Porter",)
    assert bridge.published == "2025-04-01T08:30:00+00:00" and bridge.language == "en-gb"
    assert bridge.html and "<b>opened</b>" in bridge.html and bridge.text is None
    assert ferry.source == "ferry-1" and ferry.text == "The morning ferry was delayed by fog." and ferry.html is None
    assert isinstance(empty, ReadFailure) and "neither content nor summary" in empty.reason


def test_atom_feed_and_broken_feed(tmp_path):
    (tmp_path / "a.atom").write_text(ATOM)
    (tmp_path / "broken.xml").write_text("<rss><channel><title>x</title>")
    storm, broken = read(tmp_path / "a.atom", tmp_path / "broken.xml")
    assert storm.url == "https://ex.org/storm" and storm.authors == ("Ann Lee", "Bob Roe")
    assert storm.published == "2025-02-03T10:00:00+00:00" and storm.outlet == "Ex Atom"
    assert isinstance(broken, ReadFailure) and "not an RSS/Atom feed" in broken.reason


def test_stdin_is_sniffed(monkeypatch):
    data = (json.dumps({"id": "s1", "text": STORY}) + "\n" + json.dumps({"id": "s2", "text": STORY}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [i.source for i in read("-")] == ["s1", "s2"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (fail,) = read("-")
    assert isinstance(fail, ReadFailure) and fail.source == "<stdin>"


def test_sniffed_stream_larger_than_the_sniff_window_is_read_whole():
    text = ("word " * 40_000).strip() + " END."
    (item,) = list(read_stream(io.BytesIO(text.encode()), "big"))
    assert item.text == text


def test_feed_url_fails_offline():
    (fail,) = read("https://example.org/feed.xml")
    assert isinstance(fail, ReadFailure) and "network" in fail.reason and "crosscheck fetch" in fail.reason


def test_gzipped_files_are_read_by_the_inner_name_or_sniffed(tmp_path):
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "g1", "text": STORY}) + "\n").encode()))
    (tmp_path / "blob.gz").write_bytes(gzip.compress(STORY.encode()))
    data = gzip.compress(PAGE.encode())
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    page, record, blob, cut = read(tmp_path / "p.html.gz", tmp_path / "r.jsonl.gz", tmp_path / "blob.gz",
                                   tmp_path / "cut.html.gz")
    assert page.fmt == "html" and page.html == PAGE
    assert record.source == "g1"
    assert blob.fmt == "txt" and blob.text == STORY
    assert isinstance(cut, ReadFailure) and "gzip" in cut.reason


def test_whole_json_files_array_or_object(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "j1", "text": STORY}, {"title": "nothing"}], indent=2))
    (tmp_path / "export.json").write_text(json.dumps({"documents": [], "stories": []}, indent=2))
    (tmp_path / "pretty").write_text(json.dumps({"url": "https://ex.org/p", "text": STORY}, indent=2))
    (tmp_path / "broken.json").write_text("[{")
    j1, nothing, export, pretty, broken = read(tmp_path / "a.json", tmp_path / "export.json", tmp_path / "pretty",
                                               tmp_path / "broken.json")
    assert j1.source == "j1" and isinstance(nothing, ReadFailure) and nothing.source.endswith("a.json#2")
    assert isinstance(export, ReadFailure) and "neither" in export.reason
    assert pretty.source == "https://ex.org/p"
    assert isinstance(broken, ReadFailure) and "malformed JSON" in broken.reason
