"""Store -> the CONTRACT JSON. Streams item by item so a large store exports in bounded memory.

The web API reuses the ``*_record`` functions so both speak the same fields.
"""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from .errors import CrosscheckError
from .model import (AlignedClaim, Disagreement, Document, Entity, Quantity, Retelling, Story, StorySummary, TimeExpr,
                    TimelineEntry)
from .store import codec
from .store.base import Store
from .store.codec import to_data


def document_record(doc: Document, syndication_group: str | None, story: str | None = None,
                    with_text: bool = True) -> dict[str, Any]:
    rec = {"id": doc.id, "source": doc.source, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
           "language": doc.language}
    if with_text:
        rec["text"] = doc.text
    rec.update({"captions": list(doc.captions), "syndication_group": syndication_group, "url": doc.url,
                "authors": list(doc.authors), "revision": doc.revision, "story": story,
                "credits": list(doc.credits or ())})
    return rec


def story_record(story: Story, counts: dict[str, int] | None = None) -> dict[str, Any]:
    rec = {"id": story.id, "title": story.title, "documents": list(story.documents), "summary": story.summary,
           "first_published": story.first_published, "last_published": story.last_published}
    if counts:
        rec.update(counts)
    return rec


def entity_record(ent: Entity) -> dict[str, Any]:
    return {"id": ent.id, "name": ent.name, "type": ent.type, "aliases": list(ent.aliases)}


_CLAIM_HEAD = ("id", "story", "speaker", "speaker_text", "text", "documents", "status", "independent_sources")
_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(AlignedClaim))
_RETELLING_FIELDS = tuple(f.name for f in dataclasses.fields(Retelling))


def _claim_head(rec: dict[str, Any]) -> dict[str, Any]:
    # CONTRACT fields first, richer ones after
    head = {k: rec.pop(k) for k in _CLAIM_HEAD}
    head.update(rec)
    return head


def claim_record(claim: AlignedClaim) -> dict[str, Any]:
    return _claim_head(to_data(claim))


def claim_record_json(text: str) -> dict[str, Any]:
    """``claim_record`` of a claim's stored JSON without building the AlignedClaim: the JSON parsed (orjson) is
    already ``to_data`` of the claim when it holds every field of the model (a claim stored by an older
    crosscheck, without a newer field, is decoded, so its record gets the field's default)."""
    rec = orjson.loads(text)
    if tuple(rec) != _CLAIM_FIELDS or any(tuple(r) != _RETELLING_FIELDS for r in rec["retellings"]):
        return claim_record(codec.loads(AlignedClaim, text))
    return _claim_head(rec)


def quantity_record(doc_id: str, q: Quantity) -> dict[str, Any]:
    return {"document": doc_id, "text": q.text, "value": q.value, "of": q.of, "qualifier": q.qualifier,
            "low": q.low, "high": q.high, "unit": q.unit, "kind": q.kind, "start": q.start, "end": q.end}


def time_record(doc_id: str, t: TimeExpr) -> dict[str, Any]:
    return {"document": doc_id, "text": t.text, "value": t.value, "anchor": t.anchor,
            "inferred_year": t.inferred_year, "warning": t.warning, "start": t.start, "end": t.end,
            "caption": t.caption}


def disagreement_record(story: str, x: Disagreement) -> dict[str, Any]:
    """One disagreement: kind, severity, subject, the two values, documents, passages, explanation."""
    return {"story": story, **to_data(x)}


def timeline_record(e: TimelineEntry) -> dict[str, Any]:
    return to_data(e)


def summary_counts(summary: StorySummary) -> dict[str, int]:
    """The counts a story list shows, from the story's stored summary."""
    return {"reports": summary.reports, "independent_sources": summary.independent_sources,
            "conflicts": summary.conflicts, "claims": summary.claims}


def story_counts(store: Store) -> dict[str, dict[str, int]]:
    """Per story: reports, independent sources (a syndication group once, reports crediting one wire once), claims
    and conflicting claims, read from the stored summaries (streamed; one small dict per story)."""
    return {s.story: summary_counts(s) for s in store.iter_summaries()}


def _sections(store: Store) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Every section read by a cursor a page at a time: nothing is held beyond the record being written."""
    yield "documents", (document_record(d, grp, story) for d, story, grp in store.iter_documents())
    yield "stories", (story_record(s) for s in store.iter_stories())
    yield "entities", (entity_record(e) for e in store.iter_entities())
    yield "claims", (claim_record_json(text) for text in store.iter_claim_json())  # the rows: claims stored once
    yield "quantities", (quantity_record(a.document, q) for a in store.iter_analyses() for q in a.quantities)
    yield "times", (time_record(a.document, t) for a in store.iter_analyses() for t in a.times)
    yield "timeline", (dict(timeline_record(e)) for f in store.iter_findings(claims=False) for e in f.timeline)
    yield "syndication_groups", (to_data(g) for g in store.iter_syndication_groups())
    yield "disagreements", (disagreement_record(f.story, x) for f in store.iter_findings(claims=False)
                            for x in f.disagreements)


def write_json(store: Store, out: IO[str]) -> None:
    """Write the whole analysed store as one JSON object (CONTRACT), one item at a time."""
    out.write("{\n")
    first_section = True
    for name, items in _sections(store):
        out.write(("" if first_section else ",\n") + json.dumps(name) + ": [")
        first_section = False
        first = True
        for item in items:
            out.write(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
            first = False
        out.write("\n ]" if not first else "]")
    out.write("\n}\n")


_STORE_SIDE_FILES = ("", "-wal", "-shm", "-journal", "-lock")


def check_output(store_path: str | os.PathLike, output: str | os.PathLike) -> Path:
    """``output`` when an export may be written there; else a CrosscheckError naming it and why.

    Never a folder, and never the store or one of its side files (WAL, shared memory, rollback
    journal, writer lock): an export written there would replace the database it was read from.
    """
    out = Path(output)
    if out.is_dir():
        raise CrosscheckError(f"{out}: is a folder; give -o a file name")
    store = Path(store_path)
    target = out.resolve()
    for suffix in _STORE_SIDE_FILES:
        side = Path(str(store) + suffix)
        same = target == side.resolve()
        if not same and side.exists() and out.exists():
            try:
                same = os.path.samefile(out, side)
            except OSError:
                same = False
        if same:
            what = "the store itself" if not suffix else f"the store's {suffix[1:]} file"
            raise CrosscheckError(f"{out}: is {what} ({store}); refusing to export over it, choose another file")
    if not out.parent.is_dir():
        raise CrosscheckError(f"{out}: the folder {out.parent} does not exist")
    return out


def export_to_path(store: Store, output: str | os.PathLike) -> Path:
    """Write the export to ``output`` atomically: a temporary file beside it, renamed over it when complete.

    On any failure (disk full, interrupted) the temporary file is removed and the previous ``output``,
    if any, is left as it was; the error names ``output``.
    """
    out = check_output(store.path, output)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, _file_mode(out))  # mkstemp makes 0600; an export gets the mode a new file would
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write_json(store, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CrosscheckError(f"{out}: cannot write the export ({exc.strerror or exc})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
