"""The persistent candidate indexes (schema 6): story postings, document frequencies and aggregates,
syndication postings; and reads of the few rows a run touches (memberships, features, groups by id).

Every read takes the keys, stories or reports asked and answers for them only (IN lists in chunks),
so an incremental run never scans a table. ``index_meta`` holds the count of reports the document
frequencies cover and the ``rebuild`` flag (set by migration 7 on a store with reports, and after a
whole-store ``recluster``): the pipeline then refills the tables from the stored features once.
"""
from __future__ import annotations

import json
from typing import Iterable

from ..model import StoryAggregate, StoryIndexChanges, SyndicationGroup, SyndicationIndexChanges, SyndicationMember
from . import codec
from .chunks import chunks as _chunks



class IndexTables:
    """Mixed into SQLiteStore: needs ``self._q`` (read) and ``self.conn`` (write inside a transaction)."""

    def _in(self, sql: str, items: Iterable[str], *args) -> list:
        """Rows of ``sql`` whose ``{in}`` is an IN list of ``items`` (one query per chunk)."""
        rows: list = []
        for part in _chunks(items):
            rows += self._q(sql.format(",".join("?" * len(part))), (*args, *part))
        return rows

    # -- state ----------------------------------------------------------------------------------
    def index_meta(self, name: str) -> str | None:
        rows = self._q("SELECT value FROM index_meta WHERE name = ?", (name,))
        return rows[0]["value"] if rows else None

    def set_index_meta(self, name: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM index_meta WHERE name = ?", (name,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO index_meta (name, value) VALUES (?, ?)", (name, value))

    def indexes_stale(self) -> bool:
        """The candidate indexes need a refill: flagged (migration 7, recluster), or a store holding features
        that no run has indexed (written by another loader)."""
        if self.index_meta("rebuild"):
            return True
        return self.index_meta("story_reports") is None and bool(self._q("SELECT 1 FROM features LIMIT 1"))

    def clear_indexes(self) -> None:
        """Empty every candidate index table (before a refill from the stored features)."""
        for table in ("story_df", "story_postings", "story_aggregates", "synd_postings"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("DELETE FROM index_meta WHERE name = 'story_reports'")

    # -- the rows a run touches -------------------------------------------------------------------
    def features_of(self, kind: str, documents: Iterable[str]) -> dict[str, str]:
        """{document: data} of the reports asked that have a feature of this kind."""
        return {r["document"]: r["data"] for r in self._in(
            "SELECT document, data FROM features WHERE kind = ? AND document IN ({})", documents, kind)}

    def stories_of(self, documents: Iterable[str]) -> dict[str, str]:
        """{document: story} of the reports asked that have one."""
        return {r["document"]: r["story"] for r in self._in(
            "SELECT document, story FROM story_documents WHERE document IN ({})", documents)}

    def story_members(self, stories: Iterable[str]) -> dict[str, list[str]]:
        """{story: its reports in ingest order} of the stories asked."""
        out: dict[str, list[str]] = {}
        for r in self._in("SELECT sd.story, sd.document FROM story_documents sd JOIN documents d INDEXED BY "
                          "documents_id_published ON d.id = sd.document WHERE sd.story IN ({}) ORDER BY d.rowid", stories):
            out.setdefault(r["story"], []).append(r["document"])
        return out

    def syndication_of_documents(self, documents: Iterable[str]) -> dict[str, str]:
        """{document: syndication group} of the reports asked that are in one."""
        return {r["document"]: r["grp"] for r in self._in(
            "SELECT document, grp FROM syndication_members WHERE document IN ({})", documents)}

    # -- story candidate index ----------------------------------------------------------------------
    def story_index_reports(self) -> int:
        value = self.index_meta("story_reports")
        return int(value) if value else 0

    def story_df(self, keys: Iterable[str]) -> dict[str, int]:
        return {r["key"]: r["df"] for r in self._in("SELECT key, df FROM story_df WHERE key IN ({})", keys)}

    def story_postings(self, keys: Iterable[str]) -> dict[str, list[str]]:
        return {r["key"]: r["stories"].split() for r in self._in(
            "SELECT key, stories FROM story_postings WHERE key IN ({})", keys)}

    def story_aggregates(self, stories: Iterable[str]) -> dict[str, StoryAggregate]:
        out = {}
        for r in self._in("SELECT * FROM story_aggregates WHERE story IN ({})", stories):
            out[r["story"]] = StoryAggregate(
                story=r["story"], count=r["docs"], centroid=tuple(json.loads(r["centroid"]).items()),
                first=r["first"], last=r["last"], languages=tuple(json.loads(r["languages"])),
                embedding=r["embedding"], seq=r["seq"])
        return out

    def recent_story_embeddings(self, limit: int) -> list[tuple[str, bytes]]:
        """(story, float32 embedding sum) of the ``limit`` newest stories that have one, oldest first."""
        rows = self._q("SELECT story, embedding FROM story_aggregates WHERE embedding IS NOT NULL "
                       "ORDER BY seq DESC, story DESC LIMIT ?", (limit,))
        return [(r["story"], r["embedding"]) for r in reversed(rows)]

    def put_story_index(self, changes: StoryIndexChanges) -> None:
        c = self.conn
        c.execute("INSERT OR REPLACE INTO index_meta (name, value) VALUES ('story_reports', ?)",
                  (str(changes.reports),))
        c.executemany("INSERT OR REPLACE INTO story_df (key, df) VALUES (?, ?)", changes.df)
        c.executemany("INSERT OR REPLACE INTO story_postings (key, stories) VALUES (?, ?)",
                      [(k, " ".join(v)) for k, v in changes.postings])
        c.executemany("DELETE FROM story_aggregates WHERE story = ?", [(s,) for s in changes.retired])
        c.executemany("INSERT OR REPLACE INTO story_aggregates (story, seq, docs, first, last, languages, centroid, "
                      "embedding) VALUES (?,?,?,?,?,?,?,?)",
                      [(a.story, a.seq, a.count, a.first, a.last, json.dumps(list(a.languages)),
                        json.dumps(dict(a.centroid), ensure_ascii=False, separators=(",", ":")), a.embedding)
                       for a in changes.stories])

    # -- syndication candidate index --------------------------------------------------------------
    def synd_postings(self, keys: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        return {r["key"]: [tuple(e) for e in json.loads(r["entries"])] for r in self._in(
            "SELECT key, entries FROM synd_postings WHERE key IN ({})", keys)}

    def put_synd_index(self, changes: SyndicationIndexChanges) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO synd_postings (key, entries) VALUES (?, ?)",
                              [(k, json.dumps([list(e) for e in v], ensure_ascii=False, separators=(",", ":")))
                               for k, v in changes.postings])

    def syndication_members_of(self, groups: Iterable[str]) -> dict[str, list[tuple[str, SyndicationMember | None]]]:
        """{group: [(document, its evidence)] in ingest order} of the groups asked."""
        out: dict[str, list[tuple[str, SyndicationMember | None]]] = {}
        for r in self._in("SELECT m.grp, m.document, m.data FROM syndication_members m JOIN documents d "
                          "ON d.id = m.document WHERE m.grp IN ({}) ORDER BY d.rowid", groups):
            member = codec.loads(SyndicationMember, r["data"]) if r["data"] else None
            out.setdefault(r["grp"], []).append((r["document"], member))
        return out

    def update_syndication(self, groups: list[SyndicationGroup], removed: Iterable[str] = ()) -> None:
        """Write these groups (members and evidence) and drop the ids in ``removed`` that are not among them;
        every other group stays as stored."""
        c = self.conn
        keep = {g.id for g in groups}
        gone = [(g,) for g in removed if g not in keep]
        c.executemany("DELETE FROM syndication_members WHERE grp = ?", gone)
        c.executemany("DELETE FROM syndication_groups WHERE id = ?", gone)
        for g in groups:
            c.execute("INSERT INTO syndication_groups (id, origin, origin_outlet) VALUES (?,?,?) ON CONFLICT(id) DO "
                      "UPDATE SET origin = excluded.origin, origin_outlet = excluded.origin_outlet",
                      (g.id, g.origin, g.origin_outlet))
            c.execute("DELETE FROM syndication_members WHERE grp = ?", (g.id,))
            data = {m.document: codec.dumps(m) for m in g.members}
            c.executemany("INSERT OR REPLACE INTO syndication_members (document, grp, data) VALUES (?,?,?)",
                          [(d, g.id, data.get(d)) for d in g.documents])
