"""The read side of the SQLite store at scale: story summaries, pages sorted by the database, reads of one
story's rows, and cursors streamed a page at a time (export, `crosscheck stories`).

Nothing here reads a whole table into memory: a page of a list is ``ORDER BY ... LIMIT/OFFSET`` on an
index of ``story_summaries``, a story's view reads only its own documents, links and groups, and the
``iter_*`` methods fetch ``page`` rows at a time from one cursor.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any, Iterable, Iterator

from ..model import Analysis, Document, Entity, Story, StoryFindings, StorySummary, SyndicationGroup, SyndicationMember
from . import codec
from .base import DocumentFilter

# One story's summary, derived from the rows as they are (the same expressions fill the table in migration 8,
# except the independent sources: the findings' count, wire credits included, else syndication groups).
_SUMMARY_SELECT = """
    SELECT :s, coalesce(st.title, ''), coalesce(st.summary, ''), st.first_published, st.last_published,
        (SELECT count(*) FROM story_documents x WHERE x.story = :s),
        coalesce((SELECT json_extract(f.data, '$.independent_sources') FROM findings f WHERE f.story = :s),
                 (SELECT count(DISTINCT coalesce(sm.grp, x.document)) FROM story_documents x
                  LEFT JOIN syndication_members sm ON sm.document = x.document WHERE x.story = :s)),
        cl.n, cl.conflicting, cl.corroborated, cl.single,
        (SELECT json_group_array(o) FROM (SELECT DISTINCT d.outlet AS o FROM story_documents x
            JOIN documents d ON d.id = x.document WHERE x.story = :s AND d.outlet IS NOT NULL AND d.outlet != '')),
        (SELECT json_group_array(l) FROM (SELECT DISTINCT d.language AS l FROM story_documents x
            JOIN documents d ON d.id = x.document WHERE x.story = :s AND d.language IS NOT NULL AND d.language != '')),
        coalesce((SELECT version FROM story_summaries WHERE story = :s), 0) + 1
    FROM (SELECT count(*) AS n, coalesce(sum(status = 'conflicting'), 0) AS conflicting,
                 coalesce(sum(status = 'corroborated'), 0) AS corroborated,
                 coalesce(sum(status = 'single_source'), 0) AS single
          FROM claims WHERE story = :s) cl  -- one walk of claims_story (a status filter would pick claims_status)
    LEFT JOIN stories st ON st.id = :s
"""
_SUMMARY_COLS = ("story, title, summary, first_published, last_published, reports, independent_sources, claims, "
                 "conflicts, corroborated, single_source, outlets, languages, version")
_DOC_ORDER = "d.published IS NULL, d.published, d.rowid"
_SORTS = {"reports": "reports DESC, claims DESC, story", "recent": "last_published DESC, story DESC"}
_DOC_FIELDS = ("id", "source", "fmt", "url", "title", "outlet", "published", "language", "authors", "text",
               "captions", "boilerplate", "content_hash", "revision", "credits")


def _summary(row: sqlite3.Row) -> StorySummary:
    return StorySummary(story=row["story"], title=row["title"], summary=row["summary"],
                        first_published=row["first_published"], last_published=row["last_published"],
                        reports=row["reports"], independent_sources=row["independent_sources"], claims=row["claims"],
                        conflicts=row["conflicts"], corroborated=row["corroborated"],
                        single_source=row["single_source"],
                        outlets=tuple(sorted(json.loads(row["outlets"]), key=lambda o: (o.lower(), o))),
                        languages=tuple(sorted(json.loads(row["languages"]))), version=row["version"])


def _doc(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], source=row["source"], fmt=row["fmt"], url=row["url"], title=row["title"],
        outlet=row["outlet"], published=row["published"], language=row["language"],
        authors=tuple(json.loads(row["authors"])), text=row["text"], captions=tuple(json.loads(row["captions"])),
        boilerplate=tuple(json.loads(row["boilerplate"])), content_hash=row["content_hash"], revision=row["revision"],
        credits=None if row["credits"] is None else tuple(json.loads(row["credits"])))


class ReadSide:
    """Mixed into SQLiteStore: uses its ``conn``, ``_lock``, ``_q`` and ``_where``, and ``_in`` (IN lists in
    chunks) of store/indexes.py's IndexTables."""

    conn: sqlite3.Connection

    # -- summaries (written with the findings) --------------------------------------------------
    def refresh_story_summary(self, story_id: str) -> None:
        """Rewrite one story's summary from its rows (inside the writer's transaction); a story
        without documents loses its summary."""
        c = self.conn
        if c.execute("SELECT 1 FROM story_documents WHERE story = ? LIMIT 1", (story_id,)).fetchone() is None:
            c.execute("DELETE FROM story_summaries WHERE story = ?", (story_id,))
            return
        c.execute(f"INSERT OR REPLACE INTO story_summaries ({_SUMMARY_COLS}) {_SUMMARY_SELECT}", {"s": story_id})

    def story_summary(self, story_id: str) -> StorySummary | None:
        rows = self._q(f"SELECT {_SUMMARY_COLS} FROM story_summaries WHERE story = ?", (story_id,))
        return _summary(rows[0]) if rows else None

    def story_version(self, story_id: str) -> int | None:
        """The story's summary version: it changes whenever the story's findings are stored again."""
        rows = self._q("SELECT version FROM story_summaries WHERE story = ?", (story_id,))
        return rows[0][0] if rows else None

    def _summary_where(self, flt: DocumentFilter | None) -> tuple[str, list]:
        if flt is None or not any((flt.query, flt.outlet, flt.language, flt.since, flt.until)):
            return "", []
        if not (flt.query or flt.since or flt.until) and not (flt.outlet and flt.language):
            # one report attribute: the summary's own list answers it, so an index walk stops at the page's end
            if flt.language:
                return (" WHERE EXISTS (SELECT 1 FROM json_each(story_summaries.languages) WHERE value = ?)",
                        [flt.language.lower()])
            return (" WHERE EXISTS (SELECT 1 FROM json_each(story_summaries.outlets) WHERE value = ? COLLATE NOCASE)",
                    [flt.outlet])
        where, args = self._where(DocumentFilter(outlet=flt.outlet, language=flt.language, since=flt.since,
                                                 until=flt.until, query=flt.query, advanced=flt.advanced))
        return (" WHERE story IN (SELECT sd.story FROM story_documents sd JOIN documents d ON d.id = sd.document"
                f"{where})"), args

    def story_summaries(self, flt: DocumentFilter | None = None, sort: str = "reports", limit: int = 50,
                        offset: int = 0) -> list[StorySummary]:
        """One page of stories (those with a report matching ``flt``), sorted and cut by the database."""
        where, args = self._summary_where(flt)
        rows = self._q(f"SELECT {_SUMMARY_COLS} FROM story_summaries{where} ORDER BY {_SORTS.get(sort, _SORTS['reports'])} "
                       "LIMIT ? OFFSET ?", [*args, limit, offset])
        return [_summary(r) for r in rows]

    def count_story_summaries(self, flt: DocumentFilter | None = None) -> int:
        where, args = self._summary_where(flt)
        return self._q(f"SELECT count(*) FROM story_summaries{where}", args)[0][0]

    def story_documents_of(self, story_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Story id -> its document ids in publication order, for these stories only."""
        out: dict[str, list[str]] = {s: [] for s in dict.fromkeys(story_ids)}
        for r in self._in("SELECT sd.story, sd.document FROM story_documents sd JOIN documents d INDEXED BY "
                          f"documents_id_published ON d.id = sd.document WHERE sd.story IN ({{}}) ORDER BY {_DOC_ORDER}", out):
            out[r[0]].append(r[1])
        return {s: tuple(d) for s, d in out.items()}

    def facets(self) -> tuple[list[str], list[str]]:
        """(outlets, languages) present in the store, from their indexes."""
        return sorted(self._distinct("outlet"), key=str.lower), self._distinct("language")

    def _distinct(self, column: str) -> list[str]:
        """The non-empty values of an indexed column of the documents, in index order: one index seek per value
        (a skip scan), not a walk of the whole index (100k reports: 609 pages for one outlet before)."""
        sql = (f"WITH RECURSIVE v(x) AS (SELECT (SELECT min({column}) FROM documents WHERE {column} > '') "
               f"UNION ALL SELECT (SELECT min({column}) FROM documents WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL) "
               "SELECT x FROM v WHERE x IS NOT NULL")
        return [r[0] for r in self._q(sql)]

    # -- one story's rows ------------------------------------------------------------------------
    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        return {r["id"]: _doc(r) for r in self._in(
            f"SELECT {', '.join(_DOC_FIELDS)} FROM documents WHERE id IN ({{}})", doc_ids)}

    def analyses_of(self, doc_ids: Iterable[str]) -> dict[str, Analysis]:
        return {r[0]: codec.loads(Analysis, r[1])
                for r in self._in("SELECT document, data FROM analyses WHERE document IN ({})", doc_ids)}

    def syndication_groups_by_id(self, group_ids: Iterable[str]) -> dict[str, SyndicationGroup]:
        ids = list(dict.fromkeys(group_ids))
        members: dict[str, list[str]] = {}
        evidence: dict[str, list[SyndicationMember]] = {}
        for r in self._in("SELECT document, grp, data FROM syndication_members WHERE grp IN ({}) ORDER BY document", ids):
            members.setdefault(r["grp"], []).append(r["document"])
            if r["data"]:
                evidence.setdefault(r["grp"], []).append(codec.loads(SyndicationMember, r["data"]))
        return {r["id"]: SyndicationGroup(id=r["id"], documents=tuple(members.get(r["id"], ())), origin=r["origin"],
                                          origin_outlet=r["origin_outlet"], members=tuple(evidence.get(r["id"], ())))
                for r in self._in("SELECT id, origin, origin_outlet FROM syndication_groups WHERE id IN ({})", ids)}

    def entity_links_for(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """Document id -> {local entity key: global entity id}, for these documents only."""
        out: dict[str, dict[str, str]] = {}
        for r in self._in("SELECT document, key, entity FROM entity_links WHERE document IN ({})", doc_ids):
            out.setdefault(r[0], {})[r[1]] = r[2]
        return out

    def entities_by_id(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        return {r["id"]: Entity(key=r["id"], id=r["id"], name=r["name"], type=r["type"],
                                aliases=tuple(json.loads(r["aliases"])))
                for r in self._in("SELECT id, name, type, aliases FROM entities WHERE id IN ({})",
                                  [x for x in entity_ids if x])}

    def story_of_document(self, doc_id: str) -> str | None:
        rows = self._q("SELECT story FROM story_documents WHERE document = ?", (doc_id,))
        return rows[0][0] if rows else None

    def story_of_claim(self, claim_id: str) -> str | None:
        rows = self._q("SELECT story FROM claims WHERE id = ?", (claim_id,))
        return rows[0][0] if rows else None

    # -- streamed (flat memory) -------------------------------------------------------------------
    def _stream(self, sql: str, args: tuple | list = (), page: int = 256) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` fetched ``page`` at a time from one cursor (the lock held only while fetching)."""
        with self._lock:
            try:
                cur = self.conn.execute(sql, args)
            except sqlite3.Error as exc:
                from .sqlite import _explain
                from ..errors import StoreError
                raise StoreError(_explain(self.path, exc)) from exc
        try:
            while True:
                with self._lock:
                    rows = cur.fetchmany(page)
                if not rows:
                    return
                yield from rows
        finally:
            cur.close()

    def iter_documents(self) -> Iterator[tuple[Document, str | None, str | None]]:
        """(document, its story, its syndication group) in publication order (undated last), streamed.

        Two index walks (dated by ``published``, then undated by rowid), so SQLite never sorts the table."""
        cols = ", ".join("d." + c for c in _DOC_FIELDS)
        base = (f"SELECT {cols}, sd.story AS _story, sm.grp AS _grp FROM documents d "
                "LEFT JOIN story_documents sd ON sd.document = d.id LEFT JOIN syndication_members sm ON sm.document = d.id")
        for sql in (f"{base} WHERE d.published IS NOT NULL ORDER BY d.published, d.rowid",
                    f"{base} WHERE d.published IS NULL ORDER BY d.rowid"):
            for r in self._stream(sql, page=32):  # full texts: a small page
                yield _doc(r), r["_story"], r["_grp"]

    def iter_stories(self) -> Iterator[Story]:
        """Every story with its documents in publication order, streamed story by story."""
        story: str | None = None
        docs: list[str] = []
        meta: dict[str, Any] = {}
        for r in self._stream("SELECT sd.story, sd.document, st.title, st.summary, st.first_published, "
                              "st.last_published FROM story_documents sd JOIN documents d ON d.id = sd.document "
                              f"LEFT JOIN stories st ON st.id = sd.story ORDER BY sd.story, {_DOC_ORDER}"):
            if r["story"] != story:
                if story is not None:
                    yield Story(id=story, documents=tuple(docs), **meta)
                story, docs = r["story"], []
                meta = {"title": r["title"] or "", "summary": r["summary"] or "",
                        "first_published": r["first_published"], "last_published": r["last_published"]}
            docs.append(r["document"])
        if story is not None:
            yield Story(id=story, documents=tuple(docs), **meta)

    def iter_summaries(self, sort: str = "reports", language: str | None = None) -> Iterator[StorySummary]:
        """Every story summary in the list's order, streamed (``language``: stories with a report in it)."""
        where, args = self._summary_where(DocumentFilter(language=language) if language else None)
        for r in self._stream(f"SELECT {_SUMMARY_COLS} FROM story_summaries{where} "
                              f"ORDER BY {_SORTS.get(sort, _SORTS['reports'])}", args):
            yield _summary(r)

    def iter_entities(self) -> Iterator[Entity]:
        for r in self._stream("SELECT id, name, type, aliases FROM entities ORDER BY name"):
            yield Entity(key=r["id"], id=r["id"], name=r["name"], type=r["type"], aliases=tuple(json.loads(r["aliases"])))

    def iter_findings(self, claims: bool = True) -> Iterator[StoryFindings]:
        """Every story's findings, streamed story by story; with its claims read from their rows (``claims``),
        else with none (the export's timeline and disagreements)."""
        for r in self._stream("SELECT story, data FROM findings ORDER BY story", page=16):
            f = codec.loads(StoryFindings, r[1])
            yield dataclasses.replace(f, claims=self.story_claims(r[0])) if claims else f

    def iter_analyses(self) -> Iterator[Analysis]:
        for r in self._stream("SELECT data FROM analyses ORDER BY document", page=32):
            yield codec.loads(Analysis, r[0])

    def iter_syndication_groups(self) -> Iterator[SyndicationGroup]:
        """Every syndication group with its members' evidence, streamed group by group."""
        current: sqlite3.Row | None = None
        docs: list[str] = []
        members: list[SyndicationMember] = []

        def group() -> SyndicationGroup:
            return SyndicationGroup(id=current["id"], documents=tuple(docs), origin=current["origin"],
                                    origin_outlet=current["origin_outlet"], members=tuple(members))

        for r in self._stream("SELECT g.id, g.origin, g.origin_outlet, m.document, m.data FROM syndication_groups g "
                              "LEFT JOIN syndication_members m ON m.grp = g.id ORDER BY g.id, m.document"):
            if current is None or r["id"] != current["id"]:
                if current is not None:
                    yield group()
                current, docs, members = r, [], []
            if r["document"] is not None:
                docs.append(r["document"])
                if r["data"]:
                    members.append(codec.loads(SyndicationMember, r["data"]))
        if current is not None:
            yield group()
