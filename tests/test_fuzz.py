"""Fuzzing with hypothesis: no input may crash a reader, the cleaner or the analysis.

Every reader (txt, html, jsonl, json, warc, feed) is fed random bytes, truncations and mutations of
realistic pages written here (fictional text), both by extension (``read_sources`` on a file) and
sniffed (``read_stream``). A bad input must come out as ``ReadFailure`` (readers) or ``InputError``
(clean) for that input alone. Inputs that once found a bug live in tests/fuzz_corpus/ and are replayed.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crosscheck.clean import clean
from crosscheck.errors import InputError
from crosscheck.model import Document, RawReport, ReadFailure
from crosscheck.readers import read_sources, read_stream

CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

# ------------------------------------------------------------------ seed inputs (fictional)
BODY = ("The regional council of Marrowdale voted on Thursday to close the old Kestrel bridge after "
        "inspectors found corrosion in two of its supports. \"We cannot take the risk,\" council leader "
        "Petra Osei said. About 14,000 vehicles cross the bridge each day, according to the transport office.")

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Kestrel bridge closed | Marrowdale Echo</title>
<meta property="og:site_name" content="Marrowdale Echo">
<meta name="author" content="Jonas Pell"><meta property="article:published_time" content="2026-01-15T09:30:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Kestrel bridge closed after corrosion found</h1><p class="byline">By Jonas Pell</p>
<p>{BODY}</p><figure><img src="b.jpg"><figcaption>The bridge seen from the east bank.</figcaption></figure>
<p>Repairs could take eight months, engineer Lina Koval told the meeting. A ferry will run in the meantime.</p>
<p>Residents on the north side said the detour adds 25 minutes to their commute.</p></article>
<footer>Subscribe to our newsletter &copy; 2026 Marrowdale Echo</footer></body></html>
"""

JSONL = "\n".join(json.dumps(r, ensure_ascii=False) for r in [
    {"url": "https://echo.example/bridge", "title": "Bridge closed", "text": BODY, "published": "2026-01-15",
     "outlet": "Marrowdale Echo", "language": "en", "authors": "Jonas Pell and Ada Brun"},
    {"id": "wire-22", "html": f"<p>{BODY}</p><p>Überlegungen: 50 € pro Tag.</p>", "author": ["Kim Sato"]},
    {"url": "https://other.example/x", "text": "Short note.", "published": "yesterday"},
]) + "\n"

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Marrowdale Echo</title><language>en</language>
<item><title>Bridge closed</title><link>https://echo.example/bridge</link>
<pubDate>Thu, 15 Jan 2026 09:30:00 GMT</pubDate><description><![CDATA[<p>{BODY}</p>]]></description></item>
<item><title>Ferry</title><link>https://echo.example/ferry</link><description>{BODY}</description></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Echo wire</title>
<entry><title>Bridge</title><id>urn:echo:1</id><updated>2026-01-15T09:30:00Z</updated>
<author><name>Ada Brun</name></author><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>
"""

TXT = f"Kestrel bridge closed\n\nMARROWDALE, Jan 15 -\n{BODY}\n\nShare this article\nRead more: ferry times\n"


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, (ctype, body) in enumerate([("text/html; charset=utf-8", HTML_PAGE), ("text/plain", TXT),
                                       ("image/png", "\x89PNG....")]):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://echo.example/page{i}", "response",
                                        payload=io.BytesIO(body.encode("utf-8")), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


SEEDS: dict[str, bytes] = {
    "page.html": HTML_PAGE.encode("utf-8"),
    "records.jsonl": JSONL.encode("utf-8"),
    "feed.rss": RSS.encode("utf-8"),
    "feed.atom": ATOM.encode("utf-8"),
    "report.txt": TXT.encode("utf-8"),
    "archive.warc": _warc(False),
    "archive.warc.gz": _warc(True),
    "page.html.gz": gzip.compress(HTML_PAGE.encode("utf-8")),
    "one.json": json.dumps({"title": "Bridge", "text": BODY}).encode("utf-8"),
}


def mutate(data: bytes, rnd: random.Random, steps: int) -> bytes:
    """Truncations, byte flips, inserted junk, deleted and duplicated slices, swapped encodings."""
    b = bytearray(data)
    for _ in range(steps):
        if not b:
            b.extend(rnd.randbytes(rnd.randint(1, 32)))
            continue
        op = rnd.randrange(7)
        i = rnd.randrange(len(b))
        if op == 0:
            del b[rnd.randrange(len(b)):]  # truncate
        elif op == 1:
            b[i] = rnd.randrange(256)
        elif op == 2:
            b[i:i] = rnd.choice([rnd.randbytes(rnd.randint(1, 16)), b"\x00", b"\xff\xfe", b"<", b"</",
                                 b"\\ud800", b"\r\n", b"{\"", b"]]>", b"&#0;", b"\xed\xa0\x80", b"<![CDATA["])
        elif op == 3:
            del b[i:i + rnd.randint(1, 200)]
        elif op == 4:
            j = rnd.randrange(len(b))
            b[i:i] = b[min(i, j):max(i, j)][:2000]
        elif op == 5:
            b = bytearray(bytes(b).decode("utf-8", "ignore").encode(rnd.choice(["utf-16", "latin-1", "cp1251"]),
                                                                     "ignore"))
        else:
            b[i:i] = "ẞ\u202e\u0000\ufeff日本語🙂".encode("utf-8")
    return bytes(b)


def _drain(items) -> list:
    out = list(items)
    for item in out:
        assert isinstance(item, (RawReport, ReadFailure)), item
        if isinstance(item, ReadFailure):
            assert isinstance(item.source, str) and item.source
            assert isinstance(item.reason, str) and item.reason and "\n" not in item.reason
    return out


def _clean_all(items) -> list[Document]:
    docs = []
    for item in items:
        if isinstance(item, RawReport):
            try:
                doc = clean(item)
            except InputError as exc:
                assert exc.source == item.source
                continue
            assert isinstance(doc, Document) and doc.text.strip() and doc.id
            doc.text.encode("utf-8")  # storable: no lone surrogates
            doc.source.encode("utf-8")
            docs.append(doc)
    return docs


def _read_file(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        return _drain(read_sources([str(path)]))


# ------------------------------------------------------------------ tests
def test_seeds_are_read_and_cleaned():
    """The un-mutated seeds are good inputs: each yields at least one clean Document."""
    for name, data in SEEDS.items():
        docs = _clean_all(_read_file(name, data))
        assert docs, name


@FAST
@given(data=st.binary(max_size=3000), name=st.sampled_from(sorted(SEEDS) + ["blob", "x.xml", "x.ndjson"]))
def test_random_bytes_never_crash_a_reader(data, name):
    _clean_all(_read_file(name, data))
    _clean_all(_drain(read_stream(io.BytesIO(data), "stdin-fuzz")))


@FAST
@given(name=st.sampled_from(sorted(SEEDS)), seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 6))
def test_mutated_pages_never_crash(name, seed, steps):
    data = mutate(SEEDS[name], random.Random(seed), steps)
    _clean_all(_read_file(name, data))
    _clean_all(_drain(read_stream(io.BytesIO(data), "stdin-fuzz")))


@FAST
@given(name=st.sampled_from(sorted(SEEDS)), cut=st.floats(0, 1))
def test_truncated_files_fail_alone(name, cut):
    data = SEEDS[name]
    _clean_all(_read_file(name, data[: int(len(data) * cut)]))


_text = st.text(alphabet=st.characters(codec=None, blacklist_categories=()), max_size=400)


@FAST
@given(text=st.one_of(st.none(), _text), html=st.one_of(st.none(), _text, st.just(HTML_PAGE)),
       url=st.one_of(st.none(), st.sampled_from(["http://[bad", "https://echo.example/a", "::", "http://"]), _text),
       published=st.one_of(st.none(), _text, st.sampled_from(["2026-13-45", "0000-00-00T25:61", "yesterday 99:99",
                                                              "31/02/2026", "1e400", "-1"])),
       language=st.one_of(st.none(), _text, st.sampled_from(["en-US", "xx", "", "zzz", "English"])),
       title=st.one_of(st.none(), _text))
@example(text=BODY, html=None, url="http://[bad", published=None, language=None, title="Bridge")
@example(text="\ud800" + BODY, html=None, url="https://echo.example/\udc00", published="\ud83d", language="\udfff",
         title="T\udc00")
def test_clean_of_any_raw_report(text, html, url, published, language, title):
    """Metadata and bodies of any shape: clean returns a Document or raises InputError, nothing else."""
    raw = RawReport(source=url or "fuzz://report", fmt="jsonl", text=text, html=html, url=url,
                    published=published, language=language, title=title)
    _clean_all([raw])


@FAST
@given(line=st.text(max_size=300))
def test_jsonl_lines_with_escapes(line):
    """JSON escapes (lone surrogates, NUL, huge numbers) inside records never crash reader or cleaner."""
    records = [{"url": "https://e.example/" + line[:20], "text": BODY + line, "title": line, "published": line},
               {"text": line, "authors": [line, {"name": line}, 3]}]
    lone = json.dumps({"url": "https://e.example/\udc00" + line[:9], "text": "\ud800" + BODY, "title": "\udfff",
                       "authors": ["A\ud800"]})
    data = ("\n".join(json.dumps(r) for r in records) + "\n" + lone + "\n").encode("utf-8")
    items = _drain(read_stream(io.BytesIO(data), "fuzz.jsonl", "jsonl"))
    assert any(isinstance(i, RawReport) and i.text and "\ud800" in i.text for i in items)
    assert len(_clean_all(items)) >= 2  # the record with lone surrogates is cleaned, not lost


# ------------------------------------------------------------------ regression corpus
def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*") if p.is_file() and not p.name.startswith("README"))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_corpus_input_does_not_crash(path):
    """Inputs that once crashed something: read (by extension and sniffed), cleaned, every item accounted for."""
    _clean_all(_drain(read_sources([str(path)])))
    _clean_all(_drain(read_stream(io.BytesIO(path.read_bytes()), path.name)))


# ------------------------------------------------------------------ analysis (spaCy: few examples)
@pytest.fixture(scope="module")
def analyze_fn():
    from crosscheck.analyze import analyze

    analyze([Document(id="warm", source="warm", fmt="txt", text="Warm up.")])
    return analyze


_words = st.lists(st.sampled_from(["the", "Mayor", "Ana", "Ruiz", "said", "\"", "14", "%", "€", "on", "Monday",
                                   "1.5m", ",", ".", "according", "to", "police", "\n", "—", "(", ")", "'", "-",
                                   "日本", "Ωμέγα", "🙂", "\u200b", "\u0301", "3/4", "12:30", "2026-01-15", "§"]),
                  max_size=120).map(" ".join)


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(_words, st.text(max_size=300)), lang=st.sampled_from([None, "en", "de", "ja"]))
@example(text="\"" * 500, lang="en")
@example(text="said " * 300, lang="en")
@example(text="", lang=None)
def test_analysis_of_any_text(analyze_fn, text, lang):
    from crosscheck.model import Analysis

    doc = Document(id="f", source="fuzz", fmt="txt", text=text, language=lang)
    out = analyze_fn([doc])
    assert len(out) == 1 and isinstance(out[0], Analysis)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(name=st.sampled_from(sorted(SEEDS)), seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 12))
def test_mutated_pages_through_analysis(analyze_fn, name, seed, steps):
    """Long variant: mutated pages all the way through read -> clean -> analyze."""
    data = mutate(SEEDS[name], random.Random(seed), steps)
    docs = _clean_all(_read_file(name, data))
    if docs:
        assert len(analyze_fn(docs)) == len(docs)


# ------------------------------------------------------------------ size: streaming with bounded memory
_MEMORY_CHILD = r"""
import json, sys
from crosscheck.readers import read_sources
from crosscheck.model import RawReport

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024

small, big = sys.argv[1], sys.argv[2]
for item in read_sources([small]):
    pass
before = hwm()
n = chars = 0
for item in read_sources([big]):
    if isinstance(item, RawReport):
        n += 1
        chars += len(item.text or "")
print(json.dumps({"before": before, "after": hwm(), "reports": n, "chars": chars}))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc for VmHWM")
def test_big_jsonl_streams_with_bounded_memory(tmp_path):
    """A 40 MB JSON Lines file is read record by record: peak RSS grows by far less than the file."""
    import subprocess
    import sys

    para = " ".join([BODY] * 10)  # ~2.8 KB a record
    big = tmp_path / "big.jsonl"
    size = n = 0
    with big.open("w", encoding="utf-8") as fh:
        while size < 40_000_000:
            line = json.dumps({"url": f"https://e.example/{n}", "text": f"{n} {para}"}) + "\n"
            fh.write(line)
            size += len(line)
            n += 1
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"url": "https://e.example/s", "text": para}) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(small), str(big)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["reports"] == n
    assert got["after"] - got["before"] < 20, got  # MB; holding the file would cost > 40


# ------------------------------------------------------------------ size: bombs and oversized reports
def test_oversized_reports_fail_alone(tmp_path, monkeypatch):
    """A report over the cap (a gzip bomb, a giant line) is a ReadFailure; the records around it still come."""
    from crosscheck.readers import detect, jsonl

    monkeypatch.setattr(detect, "MAX_REPORT_BYTES", 50_000)
    monkeypatch.setattr(jsonl, "MAX_REPORT_BYTES", 50_000)
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(b"<html><body><p>")
        for _ in range(200):
            fh.write(b" " * 10_000)
    assert bomb.stat().st_size < 5_000
    out = _drain(read_sources([str(bomb)]))
    assert len(out) == 1 and isinstance(out[0], ReadFailure) and "larger than" in out[0].reason
    big_line = json.dumps({"text": "x " * 60_000})
    lines = tmp_path / "lines.jsonl"
    lines.write_text("\n".join([json.dumps({"url": "https://e.example/1", "text": BODY}), big_line,
                                json.dumps({"url": "https://e.example/3", "text": BODY})]) + "\n", encoding="utf-8")
    out = _drain(read_sources([str(lines)]))
    assert [type(i).__name__ for i in out] == ["RawReport", "ReadFailure", "RawReport"]
    assert out[1].source.endswith("#2") and "larger than" in out[1].reason
    for name in ("page.txt", "feed.rss", "arr.json"):
        p = tmp_path / name
        p.write_bytes(b"<rss>" + b"a" * 60_000 if name == "feed.rss" else b"[" + b" " * 60_000 + b"]")
        got = _drain(read_sources([str(p)]))
        assert len(got) == 1 and "larger than" in got[0].reason, (name, got)


def test_warc_with_wrong_content_length_is_quiet(capfd):
    """warcio's multi-line stderr warning becomes one ReadFailure; the records still come."""
    data = SEEDS["archive.warc"]
    at = data.index(b"Kestrel bridge closed after")
    bad = data[:at] + b"EXTRA BYTES " + data[at:]  # the first record is now longer than it declares
    out = _drain(read_stream(io.BytesIO(bad), "bad.warc"))
    captured = capfd.readouterr()
    assert "WARNING" not in captured.err and "Remainder" not in captured.err, captured.err
    assert any(isinstance(i, RawReport) for i in out)
    assert any(isinstance(i, ReadFailure) and "Content-Length" in i.reason for i in out)
