"""What runs inside one Spark partition: read, clean, analyse, features, fingerprints.

Every function here is a plain Python function over an iterator (``mapPartitions``) that calls the
single-machine stages (readers, clean, analyze, stories.story_features, syndication.fingerprint,
embed). Models (spaCy, the embedder) are loaded by those stages once per Python worker process and
kept for every partition that worker runs (Spark reuses its Python workers).
"""
from __future__ import annotations

import dataclasses
import gzip
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..config import Settings
from ..errors import InputError
from ..model import Analysis, Document, Fingerprint, RawReport, ReadFailure, StoryFeatures

Order = tuple[str, int]  # (input path, record number): the single-machine reading order


@dataclass(frozen=True)
class Analysed:
    """One report after the per-report stages, with its place in the input."""

    order: Order
    document: Document
    analysis: Analysis
    features: StoryFeatures
    fingerprint: Fingerprint


def local_path(uri: str) -> str:
    """The name a file has for ``crosscheck ingest``: a local file's plain path, any other URI as given."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def read_file(path: str, data: bytes) -> Iterator[RawReport | ReadFailure]:
    """The reports of one input file given as bytes (Spark's binaryFiles), read as the readers read a file."""
    from ..readers import read_stream
    from ..readers.detect import format_for_name

    if not data:
        yield ReadFailure(path, "empty file")
        return
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith(".gz") and not name.endswith(".warc.gz"):  # page.html.gz, records.jsonl.gz: the name inside
        yield from read_stream(gzip.GzipFile(fileobj=io.BytesIO(data)), path, format_for_name(name[:-3]))
    else:
        yield from read_stream(io.BytesIO(data), path, format_for_name(name))


def read_and_clean(files: Iterable[tuple[str, bytes]], settings: Settings) -> Iterator[tuple]:
    """(key, (order, Document)) for each report of the partition's files, ("!failed", (source, reason)) for
    each bad input. ``key`` is what makes two reports the same: a url or id, else the content hash."""
    from ..clean import clean

    for uri, data in files:
        path = local_path(uri)
        for i, item in enumerate(read_file(path, data)):
            if isinstance(item, ReadFailure):
                yield "!failed", (item.source, item.reason)
                continue
            try:
                doc = clean(item, settings)
            except InputError as exc:
                yield "!failed", (exc.source, exc.reason)
                continue
            except Exception as exc:  # a bug on one report must not sink the partition
                yield "!failed", (item.source, _reason("unexpected error while cleaning", exc))
                continue
            yield doc.identity or f"content:{doc.content_hash}", ((path, i), doc)


def settle(versions: Iterable[tuple[Order, Document]]) -> tuple[Document | None, Order | None, int, int]:
    """The reports read under one identity, in reading order -> (the report kept, its order, duplicates,
    revisions): the same text again is a duplicate, a new text a revision of the same id (the later wins),
    as one ``crosscheck ingest`` of the same inputs decides."""
    kept: Document | None = None
    first: Order | None = None
    dup = rev = 0
    for order, doc in sorted(versions, key=lambda v: v[0]):
        if kept is None:
            kept, first = doc, order
        elif doc.content_hash == kept.content_hash:
            dup += 1
        else:
            kept = dataclasses.replace(doc, id=kept.id, revision=kept.revision + 1)
            rev += 1
    return kept, first, dup, rev


def analyse_partition(rows: Iterable[tuple[Order, Document]], settings: Settings) -> Iterator[Analysed | tuple]:
    """Analysed reports of one partition, a batch (``Settings.batch_size``) per ``nlp.pipe`` and embedder
    call; a report that breaks a stage comes out as ("!failed", (source, reason)) and the rest goes on."""
    batch: list[tuple[Order, Document]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= settings.batch_size:
            yield from _analyse_batch(batch, settings)
            batch = []
    if batch:
        yield from _analyse_batch(batch, settings)


def _capped(doc: Document, settings: Settings) -> Document:
    """The document the stages after cleaning see (as the pipeline does): text cut at analysis_max_chars."""
    from ..analyze.nlp import head

    text = head(doc.text, settings.analysis_max_chars)
    if len(text) == len(doc.text):
        return doc
    note = (f"text analysed up to character {len(text):,} of {len(doc.text):,} (Settings.analysis_max_chars); "
            "the rest is stored but not analysed")
    return dataclasses.replace(doc, text=text, notes=doc.notes + (note,))


def _analyse_batch(batch: list[tuple[Order, Document]], settings: Settings) -> Iterator[Analysed | tuple]:
    from ..analyze import analyze
    from ..embed import get_embedder, lead_text, pack
    from ..stories import story_features
    from ..syndication import fingerprint

    work = [(order, doc, _capped(doc, settings)) for order, doc in batch]
    analyses: dict[str, Analysis] = {}
    try:
        analyses = {a.document: a for a in analyze([w for _, _, w in work], settings)}
    except Exception:  # find the report that breaks the parse: each alone
        for _, doc, w in work:
            try:
                analyses[doc.id] = analyze([w], settings)[0]
            except Exception as exc:
                yield "!failed", (doc.source, _reason("analysis failed", exc))
    embedder = get_embedder(settings.embedder)
    todo = [(order, doc, w) for order, doc, w in work if doc.id in analyses]
    vecs: dict[str, str] = {}
    if embedder is not None and todo:
        matrix = embedder.embed([lead_text(w.title, w.text) for _, _, w in todo])
        vecs = {doc.id: pack(v) for (_, doc, _), v in zip(todo, matrix)}
    for order, doc, w in todo:
        analysis = analyses[doc.id]
        if w.notes:
            analysis = dataclasses.replace(analysis, notes=w.notes + analysis.notes)
        stage = "story features"
        try:
            feats = story_features(w, analysis)
            if doc.id in vecs:
                feats = dataclasses.replace(feats, embedding=vecs[doc.id])
            stage = "syndication"
            fp = fingerprint(w, settings)
        except Exception as exc:
            yield "!failed", (doc.source, _reason(f"{stage} failed", exc))
            continue
        yield Analysed(order=order, document=doc, analysis=analysis, features=feats, fingerprint=fp)


def _reason(what: str, exc: BaseException) -> str:
    """One line: what failed, the exception's type and the first line of its message."""
    detail = (str(exc).splitlines() or [""])[0].strip()[:160]
    return f"{what}: {type(exc).__name__}" + (f": {detail}" if detail else "")
