"""What the pages and the API show, read from the store and cached until the database file changes.

The store is only read. Whole-store indexes (story counts, entity names, which claims concern which
entity) are built once per database version: the version is the size and mtime of the database
file and its WAL, so a concurrent ``crosscheck ingest`` is picked up on the next request.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..export import story_counts
from ..model import AlignedClaim, Disagreement, Document, Entity, Story, StoryFindings, SyndicationGroup, TimelineEntry
from ..store.base import DocumentFilter, Store


@dataclass(frozen=True)
class Actor:
    """An entity as it appears in one story."""

    id: str
    name: str
    type: str
    reports: int
    mentions: int
    claims: int  # claims it makes in the story


@dataclass(frozen=True)
class ConflictPair:
    a: AlignedClaim
    b: AlignedClaim
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopyMember:
    """One report of a syndication group as the story page shows it: why it was judged one source."""

    document: str
    label: str  # "R3", or the outlet when the report is in another story
    outlet: str
    kind: str  # origin | copy | rewrite | translation
    reason: str  # "shares 6 sentences (in order) with R1 (AP); both credit AP"
    passages: tuple[tuple[str, str], ...] = ()  # (this report's sentence, the matched report's), side by side
    matched_label: str = ""


@dataclass(frozen=True)
class CopyGroup:
    id: str
    origin_outlet: str | None
    members: tuple[CopyMember, ...]


@dataclass(frozen=True)
class StoryView:
    """Everything the story page shows."""

    story: Story
    documents: tuple[Document, ...]
    labels: dict[str, str]  # document id -> "R1"
    syndication: dict[str, str]  # document id -> group id
    counts: dict[str, int]
    claims: tuple[AlignedClaim, ...]
    cells: dict[tuple[str, str], str]  # (claim id, document id) -> the retelling's claim key (anchor), "" if none
    retold: dict[tuple[str, str], str]  # (claim id, document id) -> how that report words it
    conflicts: tuple[ConflictPair, ...]
    related: tuple[tuple[AlignedClaim, AlignedClaim], ...]
    timeline: tuple[TimelineEntry, ...]
    actors: tuple[Actor, ...]
    names: dict[str, str] = field(default_factory=dict)  # entity id -> name
    disagreements: tuple[Disagreement, ...] = ()  # conflicts on facts, date slips, wire versions (strongest first)
    copies: tuple[CopyGroup, ...] = ()  # syndication groups among the story's reports, with their evidence


@dataclass(frozen=True)
class StoryRow:
    story: Story
    counts: dict[str, int]


MISSING = object()


def _stamp(path: str) -> tuple:
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def clean_query(text: str | None) -> str | None:
    """A user's search words without control characters (SQLite stops reading a query at NUL), at most
    ``MAX_QUERY`` characters: a longer one is cut at the last word boundary before, never inside a word."""
    if text is None:
        return None
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    if len(text) > MAX_QUERY:
        cut = text[:MAX_QUERY + 1]
        # one word longer than the limit matches nothing whole or cut; keep it (an empty query would match all)
        text = cut.rsplit(None, 1)[0] if " " in cut.strip() else cut[:MAX_QUERY]
    return text.strip() or None


MAX_QUERY = 500


def split_claim_ref(ref: str) -> tuple[str, str]:
    """``"<doc id>:<claim key>"`` -> (doc id, claim key)."""
    doc, _, key = ref.rpartition(":")
    return doc, key


class ReadModel:
    """Cached read access to one store."""

    def __init__(self, store: Store, cache_size: int = 512):
        self.store = store
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._memo: dict[str, Any] = {}
        self._lru: OrderedDict[tuple, Any] = OrderedDict()  # story views and rendered pages
        self._cache_size = cache_size

    # -- cache -------------------------------------------------------------------------------
    def _check(self) -> None:
        stamp = _stamp(self.store.path)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._memo = {}
                    self._lru = OrderedDict()
                    self._stamp = stamp

    def _get(self, key: str, build: Callable[[], Any]) -> Any:
        self._check()
        memo = self._memo
        if key not in memo:
            memo[key] = build()
        return memo[key]

    # -- whole-store indexes -----------------------------------------------------------------
    def counts(self) -> dict[str, dict[str, int]]:
        return self._get("counts", lambda: story_counts(self.store))

    def syndication(self) -> dict[str, str]:
        return self._get("synd", self.store.syndication_of)

    def syndication_groups(self) -> dict[str, SyndicationGroup]:
        return self._get("synd_groups", lambda: {g.id: g for g in self.store.syndication_groups()})

    def story_of(self) -> dict[str, str]:
        return self._get("story_of", self.store.story_of)

    def stories(self) -> list[Story]:
        return self._get("stories", self.store.stories)

    def entities(self) -> dict[str, Entity]:
        return self._get("entities", lambda: {e.id: e for e in self.store.entities() if e.id})

    def entity_names(self) -> dict[str, str]:
        return self._get("names", lambda: {k: e.name for k, e in self.entities().items()})

    def claims(self) -> dict[str, AlignedClaim]:
        return self._get("claims", lambda: {c.id: c for f in self.store.all_findings() for c in f.claims})

    def facets(self) -> dict[str, list[str]]:
        """Outlets and languages present, for the filter menus."""
        def build() -> dict[str, list[str]]:
            outlets, langs = set(), set()
            for d in self.store.documents():
                if d.outlet:
                    outlets.add(d.outlet)
                if d.language:
                    langs.add(d.language)
            return {"outlets": sorted(outlets, key=str.lower), "languages": sorted(langs)}
        return self._get("facets", build)

    def entity_claims(self) -> dict[str, dict[str, str]]:
        """Entity id -> {claim id: "by" | "about"}: claims it makes, and claims whose sentence names it."""
        def build() -> dict[str, dict[str, str]]:
            claims = self.claims()
            by_ref: dict[str, str] = {}
            for c in claims.values():
                for r in c.retellings:
                    by_ref[r.claim] = c.id
            out: dict[str, dict[str, str]] = {}
            for c in claims.values():
                if c.speaker:
                    out.setdefault(c.speaker, {})[c.id] = "by"
                if c.subject and c.subject in self.entities():
                    out.setdefault(c.subject, {}).setdefault(c.id, "about")
            links = self.entity_links()
            for a in self.store.analyses():
                local = links.get(a.document, {})
                for cl in a.claims:
                    cid = by_ref.get(f"{a.document}:{cl.key}")
                    if cid is None:
                        continue
                    for m in a.mentions:
                        gid = local.get(m.entity)
                        if gid and cl.start <= m.start and m.end <= cl.end:
                            out.setdefault(gid, {}).setdefault(cid, "about")
            return out
        return self._get("entity_claims", build)

    # -- lists -------------------------------------------------------------------------------
    def story_rows(self, flt: DocumentFilter | None = None, sort: str = "reports") -> list[StoryRow]:
        """Stories (those with a report matching ``flt`` when given), biggest or most recent first."""
        counts = self.counts()
        stories = self.stories()
        if flt is not None and any((flt.query, flt.outlet, flt.language, flt.since, flt.until)):
            keep = self.cached(("match", flt.query, flt.advanced, flt.outlet, flt.language, flt.since, flt.until),
                               lambda: self._matching_stories(flt))
            stories = [s for s in stories if s.id in keep]
        if sort == "recent":
            stories = sorted(stories, key=lambda s: (s.last_published or "", s.id), reverse=True)
        else:
            stories = sorted(stories, key=lambda s: (-len(s.documents), -(counts.get(s.id, {}).get("claims", 0)), s.id))
        return [StoryRow(s, counts.get(s.id, {})) for s in stories]

    def _matching_stories(self, flt: DocumentFilter) -> frozenset[str]:
        story_of = self.story_of()
        docs = self.store.documents(DocumentFilter(outlet=flt.outlet, language=flt.language, since=flt.since,
                                                   until=flt.until, query=flt.query, advanced=flt.advanced))
        return frozenset(story_of[d.id] for d in docs if d.id in story_of)

    def entity_links(self) -> dict[str, dict[str, str]]:
        """Document id -> {local entity key: global entity id}."""
        def build() -> dict[str, dict[str, str]]:
            out: dict[str, dict[str, str]] = {}
            for (doc, key), gid in self.store.entity_links().items():
                out.setdefault(doc, {})[key] = gid
            return out
        return self._get("links", build)

    def claims_for_document(self, doc_id: str) -> dict[str, AlignedClaim]:
        """Claim key in this document -> the aligned claim carrying it."""
        def build() -> dict[str, dict[str, AlignedClaim]]:
            out: dict[str, dict[str, AlignedClaim]] = {}
            for c in self.claims().values():
                for r in c.retellings:
                    d, key = split_claim_ref(r.claim)
                    out.setdefault(d, {})[key] = c
            return out
        return self._get("by_doc", build).get(doc_id, {})

    # -- one story ---------------------------------------------------------------------------
    def cached(self, key: tuple, build: Callable[[], Any]) -> Any:
        """``build()`` memoised under ``key`` until the database changes (least recently used evicted)."""
        self._check()
        with self._lock:
            if key in self._lru:
                self._lru.move_to_end(key)
                return self._lru[key]
        value = build()
        with self._lock:
            self._lru[key] = value
            while len(self._lru) > self._cache_size:
                self._lru.popitem(last=False)
        return value

    def peek(self, key: tuple) -> Any:
        """The cached value under ``key``, or ``MISSING`` (cheap: safe to call on the event loop)."""
        self._check()
        with self._lock:
            return self._lru.get(key, MISSING)

    def story_view(self, story_id: str) -> StoryView | None:
        return self.cached(("story", story_id), lambda: self._build_story(story_id))

    def _build_story(self, story_id: str) -> StoryView | None:
        story = self.store.story(story_id)
        if story is None:
            return None
        docs = tuple(d for d in (self.store.document(x) for x in story.documents) if d is not None)
        labels = {d.id: f"R{i}" for i, d in enumerate(docs, 1)}
        synd = self.syndication()
        findings = self.store.findings(story_id) or StoryFindings(story=story_id)
        claims = _order_claims(findings.claims)
        cells: dict[tuple[str, str], str] = {}
        retold: dict[tuple[str, str], str] = {}
        for c in claims:
            for d in c.documents:
                cells[(c.id, d)] = ""
            for r in c.retellings:
                cells[(c.id, r.document)] = split_claim_ref(r.claim)[1]
                retold[(c.id, r.document)] = r.text
        by_id = {c.id: c for c in claims}
        conflicts, seen = [], set()
        for c in claims:
            for other in c.conflicts_with:
                pair = tuple(sorted((c.id, other)))
                if other in by_id and pair not in seen:
                    seen.add(pair)
                    notes = tuple(dict.fromkeys(c.conflict_notes + by_id[other].conflict_notes))
                    conflicts.append(ConflictPair(c, by_id[other], notes))
        related, seen = [], set()
        for c in claims:
            for other in c.related:
                pair = tuple(sorted((c.id, other)))
                if other in by_id and pair not in seen:
                    seen.add(pair)
                    related.append((c, by_id[other]))
        names = self.entity_names()
        return StoryView(story=story, documents=docs, labels=labels, syndication={d.id: synd[d.id] for d in docs if d.id in synd},
                         counts=self.counts().get(story_id, {}), claims=claims, cells=cells, retold=retold,
                         conflicts=tuple(conflicts), related=tuple(related),
                         timeline=tuple(sorted(findings.timeline, key=lambda e: (e.value, e.document))),
                         actors=self._actors(docs, claims, names), names=names,
                         disagreements=tuple(sorted(findings.disagreements,
                                                    key=lambda x: _SEVERITY_ORDER.get(x.severity, 9))),
                         copies=self._copies(docs, labels))

    def _copies(self, docs: tuple[Document, ...], labels: dict[str, str]) -> tuple[CopyGroup, ...]:
        """The story's syndication groups: each member's kind, the reason, the shared passages."""
        synd = self.syndication()
        groups = self.syndication_groups()
        by_id = {d.id: d for d in docs}
        out = []
        for gid in dict.fromkeys(synd[d.id] for d in docs if d.id in synd):
            g = groups.get(gid)
            if g is None:
                continue
            for m in g.members:
                if m.document not in by_id and m.document in g.documents:
                    doc = self.store.document(m.document)
                    if doc is not None:
                        by_id[m.document] = doc

            def name(doc_id: str) -> str:
                d = by_id.get(doc_id)
                outlet = (d.outlet if d else None) or "unknown outlet"
                return f"{labels[doc_id]} ({outlet})" if doc_id in labels else outlet

            members = []
            for m in sorted(g.members, key=lambda m: (m.kind != "origin", labels.get(m.document, "~"))):
                d = by_id.get(m.document)
                if d is None or (m.document not in labels and m.kind != "origin"):
                    continue
                other = by_id.get(m.matched or "")
                if other is None and m.matched:
                    other = self.store.document(m.matched)
                    if other is not None:
                        by_id[other.id] = other
                reason = m.reason.replace(m.matched, name(m.matched)) if m.matched else m.reason
                passages = tuple((d.text[a0:a1], other.text[b0:b1]) for a0, a1, b0, b1 in m.passages
                                 if other is not None and a1 <= len(d.text) and b1 <= len(other.text))
                members.append(CopyMember(document=m.document, label=labels.get(m.document, ""),
                                          outlet=d.outlet or "unknown outlet", kind=m.kind, reason=reason,
                                          passages=passages, matched_label=name(m.matched) if m.matched else ""))
            if members:
                out.append(CopyGroup(id=g.id, origin_outlet=g.origin_outlet, members=tuple(members)))
        return tuple(out)

    def _actors(self, docs: tuple[Document, ...], claims: tuple[AlignedClaim, ...],
                names: dict[str, str]) -> tuple[Actor, ...]:
        links = self.entity_links()
        ents = self.entities()
        reports: dict[str, set[str]] = {}
        mentions: dict[str, int] = {}
        for d in docs:
            a = self.store.analysis(d.id)
            if a is None:
                continue
            for m in a.mentions:
                gid = links.get(d.id, {}).get(m.entity)
                if gid in ents:
                    reports.setdefault(gid, set()).add(d.id)
                    mentions[gid] = mentions.get(gid, 0) + 1
        spoke: dict[str, int] = {}
        for c in claims:
            if c.speaker in ents:
                spoke[c.speaker] = spoke.get(c.speaker, 0) + 1
                reports.setdefault(c.speaker, set()).update(c.documents)
        actors = [Actor(id=gid, name=names.get(gid, gid), type=ents[gid].type, reports=len(docset),
                        mentions=mentions.get(gid, 0), claims=spoke.get(gid, 0)) for gid, docset in reports.items()]
        actors.sort(key=lambda a: (-a.claims, -a.reports, -a.mentions, a.name.lower()))
        return tuple(actors)


_SEVERITY_ORDER = {"conflict": 0, "version": 1, "slip": 2, "precision": 3, "explained": 4}
_STATUS_ORDER = {"conflicting": 0, "corroborated": 1, "single_source": 2}


def _order_claims(claims: tuple[AlignedClaim, ...]) -> tuple[AlignedClaim, ...]:
    """Conflicts first, then the best corroborated, then single-source claims."""
    return tuple(sorted(claims, key=lambda c: (_STATUS_ORDER.get(c.status, 3), -c.independent_sources, c.id)))
