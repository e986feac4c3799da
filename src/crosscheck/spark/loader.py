"""Parquet tables of a Spark run (``spark.tables``) -> a crosscheck store that ``serve`` and ``export``
open: through the store's interface, one transaction per chunk of rows (documents, stories), one for
the syndication groups and one for the entities (the interface replaces those as a whole).
Reads with pyarrow: no JVM is needed to load."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import CrosscheckError, InputError
from ..model import Analysis, Document, Entity, Story, StoryFindings, SyndicationGroup
from ..store import codec
from ..store.base import Store
from .tables import TABLES

CHUNK = 500  # rows per transaction


def _rows(folder: Path, table: str, columns: list[str]) -> Iterator[dict]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise CrosscheckError("pyarrow is not installed: pip install 'crosscheck[spark]'") from exc

    files = sorted(p for p in (folder / table).glob("*.parquet") if not p.name.startswith((".", "_")))
    import pyarrow as pa

    for f in files:
        try:
            for batch in pq.ParquetFile(f).iter_batches(batch_size=CHUNK, columns=columns):
                yield from batch.to_pylist()
        except (pa.ArrowException, OSError, KeyError) as exc:
            detail = (str(exc).splitlines() or [""])[0][:160]
            raise InputError(str(f), f"unreadable table ({table}): {detail}") from exc


def _chunks(rows: Iterator[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check(folder: str | Path) -> Path:
    path = Path(folder)
    if not path.is_dir():
        raise InputError(str(folder), "no such folder (the --out of `crosscheck spark ingest`)")
    missing = [t for t in TABLES if not (path / t).is_dir()]
    if missing:
        raise InputError(str(folder), f"not the output of `crosscheck spark ingest`: no {', '.join(missing)} table")
    return path


def load(folder: str | Path, store: Store, progress=None) -> dict[str, int]:
    """Load a Spark run's tables into an empty store; returns row counts per table."""
    path = check(folder)
    if store.count_documents() > 0:
        raise InputError(store.path, "the store holds reports already: load a Spark run into a new store")
    say = progress or (lambda msg: None)
    counts = {"documents": 0, "stories": 0, "syndication_groups": 0, "entities": 0}
    cols = ["id", "story", "document", "analysis", "story_features", "fingerprint", "claim_vectors"]
    for chunk in _chunks(_rows(path, "documents", cols)):
        with store.transaction():
            for r in chunk:
                store.put_document(codec.loads(Document, r["document"]), codec.loads(Analysis, r["analysis"]))
                store.put_feature(r["id"], "story", r["story_features"])
                store.put_feature(r["id"], "fingerprint", r["fingerprint"])
                if r["claim_vectors"]:
                    store.put_feature(r["id"], "claim_vectors", r["claim_vectors"])
                if r["story"]:
                    store.set_story(r["id"], r["story"])
        counts["documents"] += len(chunk)
        say(f"{counts['documents']} documents")
    groups = [codec.loads(SyndicationGroup, r["record"]) for r in _rows(path, "syndication_groups", ["record"])]
    with store.transaction():
        store.set_syndication(groups)
    counts["syndication_groups"] = len(groups)
    entities, keys = [], {}
    for r in _rows(path, "entities", ["id", "name", "type", "aliases", "keys"]):
        entities.append(Entity(key=r["id"], name=r["name"], type=r["type"], aliases=tuple(r["aliases"] or ()), id=r["id"]))
        if r["keys"]:
            keys[r["id"]] = tuple(r["keys"])
    links = [(r["document"], r["key"], r["entity"]) for r in _rows(path, "entity_links", ["document", "key", "entity"])]
    with store.transaction():  # the whole linking at once, with the alias keys where the store indexes them
        if keys:
            store.replace_entities(entities, links, keys)
        else:
            store.replace_entities(entities, links)
    counts["entities"] = len(entities)
    for chunk in _chunks(_rows(path, "stories", ["story", "findings"])):
        with store.transaction():
            for r in chunk:
                store.put_story(codec.loads(Story, r["story"]))
                if r["findings"]:
                    store.put_findings(codec.loads(StoryFindings, r["findings"]))
        counts["stories"] += len(chunk)
        say(f"{counts['stories']} stories")
    with store.transaction():
        store.refresh_entity_stats()  # the entity list's counts (store/claims.py)
    return counts
