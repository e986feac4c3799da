"""Claims as rows (issue 14 part 3, schema 10): each aligned claim's JSON beside its story, status, speaker and
subject, the reports that carry it (``claim_documents``), its retellings (``claim_retellings``: the claim key
in a report, and its language) and the local entities each report's claim sentence names (``claim_mentions``,
written with the analysis). The claim lists and the entity pages are then filtered, sorted and cut by SQL on
indexes, and only the page shown is decoded; who a claim is "about" follows the entity links as they are now.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import AlignedClaim, Analysis, Entity
from . import codec


# a claim that conflicts with or is related to another: the partial index claims_paired (schema 11) holds them
PAIRED = "(json_array_length(data, '$.conflicts_with') > 0 OR json_array_length(data, '$.related') > 0)"
_STATUS_ORDER = {"conflicting": 0, "corroborated": 1, "single_source": 2}
_SUMMARY_COUNTS = {"conflicting": "conflicts", "corroborated": "corroborated", "single_source": "single_source"}


def display_order(claims: Iterable[AlignedClaim]) -> tuple[AlignedClaim, ...]:
    """A story's claims as its page lists them: conflicts first, then the best corroborated, then single-source
    claims (stored as ``claims.rank``, so a claim's page of the story is known without reading the story)."""
    return tuple(sorted(claims, key=lambda c: (_STATUS_ORDER.get(c.status, 3), -c.independent_sources, c.id)))


@dataclass(frozen=True)
class ClaimFilter:
    """Claims matching every given field (None: any)."""

    status: str | None = None
    story: str | None = None
    document: str | None = None  # a report that carries the claim
    entity: str | None = None  # claims by (speaker) or about (subject, or named in a retold sentence) this entity
    query: str | None = None  # words in the claim or its speaker, case-folded substring
    language: str | None = None  # a retelling in this language


def _casefold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else value


def _names_match(name: str, aliases: str | tuple[str, ...], needle: str) -> bool:
    """``needle`` (case-folded) is part of the name or of an alias (``aliases``: a tuple or its stored JSON)."""
    names = json.loads(aliases) if isinstance(aliases, str) else aliases
    return any(needle in n.casefold() for n in (name, *names))


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the claim and entity queries use (per connection)."""
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    conn.create_function("names_match", 3, _names_match, deterministic=True)


# claims by or about :e: the speaker, the subject (when it is an entity), a retold sentence naming it
_ABOUT = """
    SELECT id AS claim, 0 AS how FROM claims WHERE speaker = :e
    UNION ALL SELECT id, 1 FROM claims WHERE subject = :e AND EXISTS (SELECT 1 FROM entities WHERE id = :e)
    UNION ALL SELECT r.claim, 1 FROM entity_links l
        JOIN claim_mentions m ON m.document = l.document AND m.key = l.key
        JOIN claim_retellings r ON r.ref = m.ref
        WHERE l.entity = :e
"""


class ClaimTables:
    """Mixed into SQLiteStore: uses its ``conn``, ``_q`` and ``_in``."""

    conn: sqlite3.Connection

    # -- writes (inside the writer's transaction) ---------------------------------------------------
    def _put_claims(self, story: str, claims: Iterable[AlignedClaim]) -> None:
        """The story's claim rows (the only stored copy of its claims, schema 10): only claims whose JSON changed
        are rewritten, so a re-corroboration that changes nothing marks no entity for a recount (the triggers of
        schema 9); ``seq`` keeps the corroboration's order (the findings' order), ``rank`` the page's."""
        c = self.conn
        claims = tuple(claims)
        seq = {a.id: i for i, a in enumerate(claims)}
        rows = [(a.id, story, a.status, a.speaker, a.subject, a.text, a.speaker_text, codec.dumps(a), i, seq[a.id])
                for i, a in enumerate(display_order(claims))]
        old = {r[0]: (r[1], r[2], r[3]) for r in c.execute("SELECT id, data, rank, seq FROM claims WHERE story = ?",
                                                           (story,))}
        keep = {r[0] for r in rows if old.get(r[0], (None,))[0] == r[7]}
        c.executemany("DELETE FROM claims WHERE id = ?", [(x,) for x in old if x not in keep])  # triggers: its rows
        c.executemany("DELETE FROM claims WHERE id = ?", [(r[0],) for r in rows if r[0] not in old])  # elsewhere
        c.executemany("UPDATE claims SET rank = ?, seq = ? WHERE id = ?",
                      [(r[8], r[9], r[0]) for r in rows if r[0] in keep and old[r[0]][1:] != (r[8], r[9])])
        new = [r for r in rows if r[0] not in keep]
        c.executemany("INSERT INTO claims (id, story, status, speaker, subject, text, speaker_text, data, rank, seq) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?)", new)
        by_id = {a.id: a for a in claims} if new else {}
        c.executemany("INSERT OR IGNORE INTO claim_documents (document, claim) VALUES (?,?)",
                      [(d, r[0]) for r in new for d in by_id[r[0]].documents])
        c.executemany("INSERT OR IGNORE INTO claim_retellings (ref, claim, language) VALUES (?,?,?)",
                      [(x.claim, r[0], x.language) for r in new for x in by_id[r[0]].retellings])

    def _put_claim_mentions(self, doc_id: str, analysis: Analysis | None) -> None:
        """The local entities named inside each claim sentence of one report (its analysis replaced)."""
        c = self.conn
        c.execute("DELETE FROM claim_mentions WHERE document = ?", (doc_id,))
        c.execute("DELETE FROM entity_mentions WHERE document = ?", (doc_id,))
        if analysis is None:
            return
        counts = Counter(m.entity for m in analysis.mentions if m.entity)
        c.executemany("INSERT INTO entity_mentions (document, key, mentions) VALUES (?,?,?)",
                      sorted((doc_id, k, n) for k, n in counts.items()))
        rows = {(doc_id, m.entity, f"{doc_id}:{cl.key}") for cl in analysis.claims if not cl.in_title
                for m in analysis.mentions if m.entity and cl.start <= m.start and m.end <= cl.end}
        c.executemany("INSERT OR IGNORE INTO claim_mentions (document, key, ref) VALUES (?,?,?)", sorted(rows))

    # -- reads ----------------------------------------------------------------------------------------
    def _claim_where(self, flt: ClaimFilter) -> tuple[str, dict]:
        clauses, args = [], {}
        if flt.status is not None:
            clauses.append("c.status = :status")
            args["status"] = flt.status
        if flt.story is not None:
            clauses.append("c.story = :story")
            args["story"] = flt.story
        if flt.document is not None:
            clauses.append("c.id IN (SELECT claim FROM claim_documents WHERE document = :document)")
            args["document"] = flt.document
        if flt.entity is not None:
            rel = "entity_claims WHERE entity = :e" if self._relation_current(flt.entity) is not None else f"({_ABOUT})"
            clauses.append(f"c.id IN (SELECT claim FROM {rel})")
            args["e"] = flt.entity
        if flt.query:
            clauses.append("(instr(casefold(c.text), :q) OR instr(casefold(c.speaker_text), :q))")
            args["q"] = flt.query.casefold()
        if flt.language is not None:
            clauses.append("c.id IN (SELECT claim FROM claim_retellings WHERE language = :language)")
            args["language"] = flt.language
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def claims_page(self, flt: ClaimFilter = ClaimFilter(), limit: int = 50, offset: int = 0) -> list[AlignedClaim]:
        """One page of claims matching ``flt``, in (story, claim id) order: sorted and cut by the database."""
        where, args = self._claim_where(flt)
        rows = self._q(f"SELECT c.data FROM claims c{where} ORDER BY c.story, c.id LIMIT :limit OFFSET :offset",
                       {**args, "limit": limit, "offset": offset})
        return [codec.loads(AlignedClaim, r[0]) for r in rows]

    def count_claims(self, flt: ClaimFilter = ClaimFilter()) -> int:
        if flt == ClaimFilter() or flt == ClaimFilter(status=flt.status) and flt.status in _SUMMARY_COUNTS:
            # every claim, or every claim of one verdict: the stories' summaries hold the counts (no index walk)
            col = _SUMMARY_COUNTS[flt.status] if flt.status else "claims"
            return self._q(f"SELECT coalesce(sum({col}), 0) FROM story_summaries")[0][0]
        where, args = self._claim_where(flt)
        return self._q(f"SELECT count(*) FROM claims c{where}", args)[0][0]

    def story_claims(self, story_id: str) -> tuple[AlignedClaim, ...]:
        """The story's claims in the corroboration's order (its findings' order), from its rows."""
        return tuple(codec.loads(AlignedClaim, r[0])
                     for r in self._q("SELECT data FROM claims WHERE story = ? ORDER BY seq, id", (story_id,)))

    def story_claims_ranked(self, story_id: str, offset: int = 0, limit: int = 100) -> tuple[AlignedClaim, ...]:
        """One page of the story's claims in its page's order (``rank``, the claims_rank index): only they are read
        and decoded."""
        return tuple(codec.loads(AlignedClaim, r[0]) for r in self._q(
            "SELECT data FROM claims WHERE story = ? AND rank >= ? ORDER BY rank LIMIT ?", (story_id, offset, limit)))

    def story_claims_paired(self, story_id: str) -> tuple[AlignedClaim, ...]:
        """The story's claims that conflict with or are related to another (page order): a walk of the partial
        index claims_paired (schema 11), only they are read and decoded."""
        return tuple(codec.loads(AlignedClaim, r[0]) for r in self._q(
            f"SELECT data FROM claims INDEXED BY claims_paired WHERE story = ? AND {PAIRED} ORDER BY rank", (story_id,)))

    def story_actors(self, story_id: str) -> dict[str, tuple[int, int, int]]:
        """Entity id -> (the story's claims it makes, the story's reports that mention it or carry its claims, its
        mentions in them), read from indexes: no analysis or claim decoded. The reports carrying a speaker's claims
        come from each report's claim list (claim_documents by report: one page a report), not from a lookup per
        claim (one page a claim: 875 of the 3,754 pages a page of the 100k bench store's largest story read)."""
        speaker = {r[0]: r[1] for r in self._q("SELECT id, speaker FROM claims INDEXED BY claims_story_speaker "
                                               "WHERE story = ? AND speaker IS NOT NULL", (story_id,))}
        reports: dict[str, set[str]] = {}
        mentions: Counter[str] = Counter()
        for entity, document, n in self._q(  # a link's mentions: its local entity's (schema 16), NULL when none counted
                "SELECT l.entity, l.document, l.mentions FROM story_documents sd"
                " JOIN entity_links l INDEXED BY entity_links_doc_entity ON l.document = sd.document"
                " WHERE sd.story = ? AND l.mentions IS NOT NULL", (story_id,)):
            reports.setdefault(entity, set()).add(document)
            mentions[entity] += n
        for document, claim in self._q("SELECT d.document, d.claim FROM story_documents sd JOIN claim_documents d"
                                       " ON d.document = sd.document WHERE sd.story = ?", (story_id,)):
            if claim in speaker:
                reports.setdefault(speaker[claim], set()).add(document)
        said = Counter(speaker.values())
        return {e: (said[e], len(docs), mentions[e]) for e, docs in reports.items()}

    def iter_claim_json(self) -> Iterator[str]:
        """Every claim's stored JSON in (story, findings order), streamed from one walk of ``claims_seq``."""
        for r in self._stream("SELECT data FROM claims ORDER BY story, seq", page=64):
            yield r[0]

    def claim_by_id(self, claim_id: str) -> AlignedClaim | None:
        rows = self._q("SELECT data FROM claims WHERE id = ?", (claim_id,))
        return codec.loads(AlignedClaim, rows[0][0]) if rows and rows[0][0] else None

    # -- an entity's claims: the stored relation (entity_claims, schema 10) when it is current ---------------
    def _relation_current(self, entity_id: str) -> int | None:
        """How many claims are by or about the entity when its stored relation is current (the entity exists and
        no write touched it since the writer's last recount), else None (the relation is walked now)."""
        rows = self._q("SELECT s.claims FROM entity_stats s WHERE s.entity = ? AND NOT EXISTS "
                       "(SELECT 1 FROM entity_stale x WHERE x.entity = s.entity)", (entity_id,))
        return rows[0][0] if rows else None

    def _relation_now(self, entity_id: str) -> dict[str, tuple[str, int]]:
        """Claim id -> (its story, 0 by / 1 about) of every claim by or about the entity, walked now."""
        return {r[0]: (r[1], r[2]) for r in self._q(
            f"SELECT a.claim, c.story, min(a.how) FROM ({_ABOUT}) a JOIN claims c ON c.id = a.claim GROUP BY a.claim",
            {"e": entity_id})}

    def entity_roles(self, entity_id: str, claim_ids: Iterable[str]) -> dict[str, str]:
        """Claim id -> "by" (the entity speaks) or "about" (the claim names it), for these claims."""
        ids = list(dict.fromkeys(claim_ids))
        if not ids:
            return {}
        if self._relation_current(entity_id) is not None:
            found = {r[0]: r[1] for r in self._in("SELECT claim, how FROM entity_claims WHERE entity = ? "
                                                  "AND claim IN ({})", ids, entity_id)}
        else:  # the entity's whole relation at once (index walks from its links)
            found = {k: how for k, (_, how) in self._relation_now(entity_id).items()}
        return {c: "by" if found[c] == 0 else "about" for c in ids if c in found}

    def entity_claim_rows(self, entity_id: str, limit: int = 50, offset: int = 0
                          ) -> tuple[Iterator[tuple[str, str]], int]:
        """(claim JSON, "by"/"about") of one page of the claims by or about an entity in (story, claim id) order
        (``limit`` < 0: all of them, streamed), and how many there are. A current stored relation is one
        LIMIT/OFFSET walk of ``entity_claims``' primary key; a touched entity's relation is walked now."""
        total = self._relation_current(entity_id)
        if total is not None:
            rows = self._stream("SELECT c.data, e.how FROM entity_claims e JOIN claims c ON c.id = e.claim "
                                "WHERE e.entity = ? ORDER BY e.story, e.claim LIMIT ? OFFSET ?",
                                (entity_id, limit, offset), page=64)
            return ((r[0], "by" if r[1] == 0 else "about") for r in rows), total
        rel = sorted(self._relation_now(entity_id).items(), key=lambda kv: (kv[1][0], kv[0]))
        page = rel[offset:] if limit < 0 else rel[offset:offset + limit]

        def rows_of() -> Iterator[tuple[str, str]]:
            for part in (page[i:i + 256] for i in range(0, len(page), 256)):
                data = {r[0]: r[1] for r in self._in("SELECT id, data FROM claims WHERE id IN ({})",
                                                     [k for k, _ in part])}
                yield from ((data[k], "by" if how == 0 else "about") for k, (_, how) in part if k in data)
        return rows_of(), len(rel)

    def entity_claims(self, entity_id: str, limit: int = 50, offset: int = 0
                      ) -> tuple[list[AlignedClaim], int, dict[str, str]]:
        """One page of the claims by or about an entity in (story, claim id) order, how many there are, and each
        shown claim's role."""
        rows, total = self.entity_claim_rows(entity_id, limit, offset)
        claims, roles = [], {}
        for data, role in rows:
            claims.append(codec.loads(AlignedClaim, data))
            roles[claims[-1].id] = role
        return claims, total, roles

    def claim_ranks(self, claim_ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """Claim id -> (its story, its place in the story page's order)."""
        return {r[0]: (r[1], r[2]) for r in self._in("SELECT id, story, rank FROM claims WHERE id IN ({})",
                                                     [x for x in claim_ids if x])}

    # -- entity lists: stored counts, recounted for the entities a write touched ---------------------
    def _entity_count(self, entity_id: str) -> int:
        return self._q(f"SELECT count(DISTINCT claim) FROM ({_ABOUT})", {"e": entity_id})[0][0]

    def _stale_stats(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, int, Entity]]:
        """Entity id -> (name key, claims, entity) counted now, for those of ``entity_ids`` that exist."""
        ents = self.entities_by_id(entity_ids)
        return {e.id: (e.name.casefold(), self._entity_count(e.id), e) for e in ents.values()}

    def refresh_entity_stats(self) -> int:
        """Recount the entities whose claims, links or names changed since the last refresh (the triggers of
        schema 9 mark them) and rewrite the rows of their relation that changed (entity_claims); the writer runs
        it once per ingest run. Returns the entities recounted."""
        c = self.conn
        stale = [r[0] for r in c.execute("SELECT entity FROM entity_stale")]
        for part in (stale[i:i + 500] for i in range(0, len(stale), 500)):
            ents = self.entities_by_id(part)
            for x in part:
                if x not in ents:
                    c.execute("DELETE FROM entity_stats WHERE entity = ?", (x,))
                    c.execute("DELETE FROM entity_claims WHERE entity = ?", (x,))
                    continue
                # the relation walked without the claims' stories (a lookup in the big claims table each): only
                # the claims new to the entity's list are looked up
                rel = {r[0]: r[1] for r in self._q(f"SELECT claim, min(how) FROM ({_ABOUT}) GROUP BY claim", {"e": x})}
                # a stored row whose claim is no longer in that story (deleted, or its id now in another story) is
                # dropped: checked on the claims_order index (story, id), without reading the claims
                old = {r[0]: (r[1], r[2]) for r in c.execute(
                    "SELECT e.claim, e.story, e.how FROM entity_claims e WHERE e.entity = ? AND EXISTS "
                    "(SELECT 1 FROM claims k INDEXED BY claims_order WHERE k.story = e.story AND k.id = e.claim)",
                    (x,))}
                c.execute("DELETE FROM entity_claims WHERE entity = ? AND NOT EXISTS "
                          "(SELECT 1 FROM claims k INDEXED BY claims_order WHERE k.story = entity_claims.story "
                          "AND k.id = entity_claims.claim)",
                          (x,))
                gone = [(x, v[0], k) for k, v in old.items() if k not in rel]
                added = [k for k in rel if k not in old]
                stories = {r[0]: r[1] for r in self._in("SELECT id, story FROM claims WHERE id IN ({})", added)}
                rows = [(x, stories[k], k, rel[k]) for k in added if k in stories]
                rows += [(x, v[0], k, rel[k]) for k, v in old.items() if k in rel and rel[k] != v[1]]
                c.executemany("DELETE FROM entity_claims WHERE entity = ? AND story = ? AND claim = ?", gone)
                c.executemany("INSERT OR REPLACE INTO entity_claims (entity, story, claim, how) VALUES (?,?,?,?)", rows)
                c.execute("INSERT OR REPLACE INTO entity_stats (entity, name_key, claims) VALUES (?,?,?)",
                          (x, ents[x].name.casefold(), len(rel)))
            c.executemany("DELETE FROM entity_stale WHERE entity = ?", [(x,) for x in part])
        return len(stale)

    def entity_claim_counts(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Entity id -> claims by or about it (stored; counted now for an entity not recounted yet)."""
        ids = [x for x in dict.fromkeys(entity_ids) if x]
        stale = {r[0] for r in self._in("SELECT entity FROM entity_stale WHERE entity IN ({})", ids)}
        out = {r[0]: r[1] for r in self._in("SELECT entity, claims FROM entity_stats WHERE entity IN ({})",
                                              [x for x in ids if x not in stale])}
        out.update({x: n for x, (_, n, _) in self._stale_stats(stale).items()})
        return out

    def entities_page(self, query: str | None = None, type: str | None = None, sort: str = "name",
                      limit: int = 50, offset: int = 0) -> tuple[list[Entity], int]:
        """One page of entities (``query``: a case-folded part of the name or an alias; ``type``: exactly) and
        how many match: by name (``sort="name"``), or most claims first (``"claims"``, then name). Sorted and cut
        by the database on ``entity_stats``; the few entities a write touched since the last recount are
        counted now and merged in."""
        clauses, args = [], {}
        if type is not None:
            clauses.append("e.type = :type")
            args["type"] = type
        if query:
            clauses.append("names_match(e.name, e.aliases, :q)")
            args["q"] = query.casefold()
        where = "".join(f" AND {x}" for x in clauses)
        order = "s.claims DESC, s.name_key, s.entity" if sort == "claims" else "s.name_key, s.entity"
        fresh_sql = "NOT EXISTS (SELECT 1 FROM entity_stale x WHERE x.entity = s.entity)"
        rows = self._q(f"SELECT e.id, e.name, e.type, e.aliases, s.name_key, s.claims FROM entity_stats s "
                       f"JOIN entities e ON e.id = s.entity WHERE {fresh_sql}{where} ORDER BY {order} "
                       "LIMIT :n", {**args, "n": offset + limit})
        total = self._q(f"SELECT count(*) FROM entity_stats s JOIN entities e ON e.id = s.entity WHERE {fresh_sql}"
                        f"{where}", args)[0][0]
        found = [(r[4], r[5], Entity(key=r[0], id=r[0], name=r[1], type=r[2], aliases=tuple(json.loads(r[3]))))
                 for r in rows]
        stale = [r[0] for r in self._q("SELECT entity FROM entity_stale")]
        for key, n, e in self._stale_stats(stale).values():
            if (type is None or e.type == type) and (not query or _names_match(e.name, e.aliases, query.casefold())):
                found.append((key, n, e))
                total += 1
        found.sort(key=(lambda x: (-x[1], x[0], x[2].id)) if sort == "claims" else (lambda x: (x[0], x[2].id)))
        return [e for _, _, e in found[offset:offset + limit]], total
