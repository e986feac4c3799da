"""Entity tables of the SQLite store: local entities, cross-report entities, their links, alias keys.

``entity_keys`` maps an alias key (``analyze.aliases.alias_keys``) to the cross-report entities having a
member of that key, so linking the entities of new reports reads only the entities they can join
(``linked_by_keys``), and ``update_entities`` writes only the rows that changed. ``entities_pending`` holds
the reports whose local entities changed since they were last linked (``put_document`` marks them).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping

from ..model import Entity
from . import codec
from .chunks import chunks as _chunks



def form(e: Entity) -> str:
    """What makes local entities alike for linking (aliases.link reads name, type and aliases), hashed."""
    raw = json.dumps([e.name, e.type, list(e.aliases)], ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _row(e: Entity) -> tuple[str, str, str, str]:
    return (e.id, e.name, e.type, json.dumps(list(e.aliases), ensure_ascii=False))


class EntityTables:
    """Mixed into SQLiteStore (which gives ``conn`` and ``_q``)."""

    # -- local entities (written with each document by put_document) ------------------------
    def local_entities(self, page: int = 5000) -> Iterator[tuple[str, Entity]]:
        """Every report's local entities, in (document, key) order, streamed a page at a time."""
        last: tuple[str, str] = ("", "")
        while True:
            rows = self._q("SELECT document, key, data FROM doc_entities WHERE (document, key) > (?, ?) "
                           "ORDER BY document, key LIMIT ?", (*last, page))
            for r in rows:
                yield r["document"], codec.loads(Entity, r["data"])
            if len(rows) < page:
                return
            last = (rows[-1]["document"], rows[-1]["key"])

    def local_entities_of(self, documents: Iterable[str]) -> list[tuple[str, Entity]]:
        """The local entities of these reports, in (document, key) order."""
        out = []
        for part in _chunks(sorted(set(documents))):
            marks = ",".join("?" * len(part))
            out += [(r["document"], codec.loads(Entity, r["data"]))
                    for r in self._q(f"SELECT document, data FROM doc_entities WHERE document IN ({marks})", part)]
        return sorted(out, key=lambda x: (x[0], x[1].key))

    def linked_by_keys(self, keys: Iterable[str]) -> list[tuple[str, Entity, int]]:
        """The local entities linked to any cross-report entity with one of these alias keys, reports waiting
        to be linked left out: one (document, Entity, n) per cross-report entity and ``form`` (name, type,
        aliases), at the first (document, key) of the n alike local entities, counted on an index, so a
        country named in most reports is read as a few rows (aliases.neighbourhood, link's weights)."""
        firsts: dict[tuple[str, str], int] = {}
        for part in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(part))
            for r in self._q("SELECT min(l.document || char(0) || l.key) AS first, count(*) AS n FROM entity_links l "
                             f"WHERE l.entity IN (SELECT entity FROM entity_keys WHERE key IN ({marks})) "
                             "AND l.document NOT IN (SELECT document FROM entities_pending) "
                             "GROUP BY l.entity, coalesce(l.form, l.document || char(0) || l.key)", part):
                doc_id, key = r["first"].split("\0", 1)
                firsts.setdefault((doc_id, key), r["n"])
        out = []
        for d, k in sorted(firsts):
            row = self._q("SELECT data FROM doc_entities WHERE document = ? AND key = ?", (d, k))
            if row:
                out.append((d, codec.loads(Entity, row[0]["data"]), firsts[(d, k)]))
        return out

    def _forms(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """form() of these stored local entities."""
        out: dict[tuple[str, str], str] = {}
        docs = sorted({d for d, _ in pairs})
        for part in _chunks(docs):
            marks = ",".join("?" * len(part))
            for r in self._q(f"SELECT document, key, data FROM doc_entities WHERE document IN ({marks})", part):
                out[(r["document"], r["key"])] = form(codec.loads(Entity, r["data"]))
        return out

    def alias_keys_of(self, entity_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(sorted(set(entity_ids))):
            marks = ",".join("?" * len(part))
            out |= {r["key"] for r in self._q(f"SELECT key FROM entity_keys WHERE entity IN ({marks})", part)}
        return out

    def entities_pending(self) -> list[str]:
        """Reports whose local entities changed since they were last linked."""
        return [r["document"] for r in self._q("SELECT document FROM entities_pending ORDER BY document")]

    # -- cross-report entities -------------------------------------------------------------
    def replace_entities(self, entities: list[Entity], links: list[tuple[str, str, str]],
                         keys: Mapping[str, Iterable[str]] | None = None) -> None:
        """The whole-store linking: every entity, link and alias key rewritten; nothing left pending."""
        c = self.conn
        c.execute("DELETE FROM entity_links")
        c.execute("DELETE FROM entities")
        c.execute("DELETE FROM entity_keys")
        c.executemany("INSERT OR REPLACE INTO entities (id, name, type, aliases) VALUES (?,?,?,?)",
                      [_row(e) for e in entities])
        forms = self._forms((d, k) for d, k, _ in links)
        c.executemany("INSERT OR REPLACE INTO entity_links (document, key, entity, form) VALUES (?,?,?,?)",
                      [(d, k, gid, forms.get((d, k))) for d, k, gid in links])
        c.executemany("INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?,?)",
                      [(k, gid) for gid, ks in (keys or {}).items() for k in ks])
        c.execute("DELETE FROM entities_pending")

    def update_entities(self, entities: list[Entity], links: list[tuple[str, str, str]],
                        keys: Mapping[str, Iterable[str]], members: Iterable[tuple[str, str]],
                        documents: Iterable[str]) -> int:
        """Write one neighbourhood's linking, only the rows that change. ``documents``: the pending reports
        linked (their links replaced, pending marks cleared); ``members``: the other (document, local key)
        pairs linked, each standing for the stored local entities of its cross-report entity with the same
        data (``linked_by_keys``): when its entity id changes, theirs change with it. Returns the rows
        written or deleted."""
        c = self.conn
        documents = sorted(set(documents))
        pending = set(documents)
        new_links = {(d, k): gid for d, k, gid in links}
        old_links: dict[tuple[str, str], str] = {}
        old_forms: dict[tuple[str, str], str | None] = {}
        for part in _chunks(documents):
            marks = ",".join("?" * len(part))
            for r in self._q(f"SELECT * FROM entity_links WHERE document IN ({marks})", part):
                old_links[(r["document"], r["key"])] = r["entity"]
                old_forms[(r["document"], r["key"])] = r["form"]
        forms = self._forms((d, k) for d, k, _ in links if d in pending)
        reps: dict[tuple[str, str], tuple[str, str | None]] = {}  # stored representative -> (entity id, form)
        for d, k in sorted(set(members)):
            if d not in pending:
                row = self._q("SELECT entity, form FROM entity_links WHERE document = ? AND key = ?", (d, k))
                if row:
                    reps[(d, k)] = (row[0]["entity"], row[0]["form"])
        ids = set(old_links.values()) | {x for x, _ in reps.values()} | {e.id for e in entities}
        old_ents: dict[str, tuple] = {}
        old_keys: set[tuple[str, str]] = set()
        for part in _chunks(sorted(ids)):
            marks = ",".join("?" * len(part))
            old_ents.update((r["id"], tuple(r)) for r in
                            self._q(f"SELECT id, name, type, aliases FROM entities WHERE id IN ({marks})", part))
            old_keys |= {(r["key"], r["entity"]) for r in
                         self._q(f"SELECT key, entity FROM entity_keys WHERE entity IN ({marks})", part)}
        new_keys = {(k, gid) for gid, ks in keys.items() for k in ks}
        rows = [_row(e) for e in entities if old_ents.get(e.id) != _row(e)]
        gone = sorted(old_ents.keys() - {e.id for e in entities})
        mine = {(d, k): gid for (d, k), gid in new_links.items() if d in pending}
        link_rows = [(d, k, gid, forms.get((d, k))) for (d, k), gid in mine.items()
                     if old_links.get((d, k)) != gid or old_forms.get((d, k)) != forms.get((d, k))]
        unlinked = sorted(old_links.keys() - mine.keys())
        changed = 0
        c.executemany("DELETE FROM entity_links WHERE document = ? AND key = ?", unlinked)
        c.executemany("INSERT OR REPLACE INTO entity_links (document, key, entity, form) VALUES (?,?,?,?)", link_rows)
        for (d, k), (old, frm) in reps.items():
            new = new_links.get((d, k))
            if new is None or new == old:
                continue
            if frm is None:  # not formed yet (stored before forms): it stood for itself
                changed += c.execute("UPDATE entity_links SET entity = ? WHERE document = ? AND key = ?",
                                     (new, d, k)).rowcount
            else:  # every alike stored member of ``old`` moves with it
                changed += c.execute("UPDATE entity_links SET entity = ? WHERE entity = ? AND form = ? "
                                     "AND document NOT IN (SELECT document FROM entities_pending)",
                                     (new, old, frm)).rowcount
        c.executemany("DELETE FROM entities WHERE id = ?", [(g,) for g in gone])
        c.executemany("INSERT OR REPLACE INTO entities (id, name, type, aliases) VALUES (?,?,?,?)", rows)
        c.executemany("DELETE FROM entity_keys WHERE key = ? AND entity = ?", sorted(old_keys - new_keys))
        c.executemany("INSERT INTO entity_keys (key, entity) VALUES (?,?)", sorted(new_keys - old_keys))
        c.executemany("DELETE FROM entities_pending WHERE document = ?", [(d,) for d in documents])
        return len(rows) + len(gone) + len(link_rows) + len(unlinked) + changed + len(old_keys ^ new_keys)

    def entities(self) -> list[Entity]:
        return [Entity(key=r["id"], id=r["id"], name=r["name"], type=r["type"], aliases=tuple(json.loads(r["aliases"])))
                for r in self._q("SELECT * FROM entities ORDER BY name")]

    def entity_links(self, documents: Iterable[str] | None = None) -> dict[tuple[str, str], str]:
        """(document, local key) -> cross-report entity id: of these reports, or of every report."""
        if documents is None:
            return {(r["document"], r["key"]): r["entity"] for r in self._q("SELECT * FROM entity_links")}
        out: dict[tuple[str, str], str] = {}
        for part in _chunks(sorted(set(documents))):
            marks = ",".join("?" * len(part))
            out.update(((r["document"], r["key"]), r["entity"]) for r in
                       self._q(f"SELECT * FROM entity_links WHERE document IN ({marks})", part))
        return out
