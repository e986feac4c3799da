"""What the pages and the API show, read from the store a story at a time and cached per story.

The store is only read. A story's view (and its rendered page) is built from that story's rows alone
(documents, analyses, findings, entity links and syndication groups of its reports) and cached with
the story's summary version (``story_summaries.version``, raised whenever its findings are stored):
when the database file changes (a concurrent ``crosscheck ingest``), a cached story is kept if its
version did not move, so an ingest into one story never rebuilds the others. List pages are a page of
``story_summaries`` sorted and cut by SQL; claim lists and entity pages are pages of the store's claim and
entity rows (store/claims.py), filtered, sorted and cut by SQL: no whole-store index is built here.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..export import summary_counts
from ..model import AlignedClaim, Disagreement, Document, Entity, Story, StoryFindings, StorySummary, TimelineEntry
from ..store.base import DocumentFilter, Store
from ..store.claims import ClaimFilter, display_order


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
    documents: tuple[Document, ...]  # every report (story_view), or the page's window of them (story_page)
    labels: dict[str, str]  # document id -> "R1", of every report
    syndication: dict[str, str]  # document id -> group id
    counts: dict[str, int]  # reports, independent_sources, conflicts, claims (the whole story's)
    claims: tuple[AlignedClaim, ...]  # every claim (story_view) or the page's (story_page), in the page's order
    cells: dict[tuple[str, str], str]  # (claim id, document id) -> the retelling's claim key (anchor), "" if none
    retold: dict[tuple[str, str], str]  # (claim id, document id) -> how that report words it
    conflicts: tuple[ConflictPair, ...]
    related: tuple[tuple[AlignedClaim, AlignedClaim], ...]
    timeline: tuple[TimelineEntry, ...]
    actors: tuple[Actor, ...]
    names: dict[str, str] = field(default_factory=dict)  # entity id -> name
    disagreements: tuple[Disagreement, ...] = ()  # conflicts on facts, date slips, wire versions (strongest first)
    copies: tuple[CopyGroup, ...] = ()  # syndication groups among the story's reports, with their evidence
    languages: tuple[str, ...] = ()  # of every report


@dataclass(frozen=True)
class StoryRow:
    story: Story
    counts: dict[str, int]


@dataclass(frozen=True)
class StoryPage:
    """One page of the story list and how many stories the whole list holds."""

    rows: list[StoryRow]
    total: int


@dataclass
class _Entry:
    gen: int  # the database version it was last known good at
    story: str | None  # the story it shows: kept across database versions while its summary version holds
    version: int | None
    value: Any


MISSING = object()
PAGE_ACTORS = 30  # actors a story page lists


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
        self._gen = 0  # bumped whenever the database file changes
        self._memo: dict[str, Any] = {}  # small answers per database version (facets, document count)
        self._lru: OrderedDict[tuple, _Entry] = OrderedDict()  # story views, pages, lists
        self._cache_size = cache_size

    # -- cache -------------------------------------------------------------------------------
    def _check(self) -> None:
        stamp = _stamp(self.store.path)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._memo = {}
                    self._gen += 1
                    # entries of one story stay (checked against its version when next asked); the rest go
                    self._lru = OrderedDict((k, e) for k, e in self._lru.items() if e.story is not None)
                    self._stamp = stamp

    def _valid(self, e: _Entry) -> bool:
        if e.gen == self._gen:
            return True
        if e.story is not None and self.store.story_version(e.story) == e.version:
            e.gen = self._gen
            return True
        return False

    def _get(self, key: str, build: Callable[[], Any]) -> Any:
        self._check()
        memo = self._memo
        if key not in memo:
            memo[key] = build()
        return memo[key]

    def cached(self, key: tuple, build: Callable[[], Any], story: str | None = None) -> Any:
        """``build()`` memoised under ``key`` (least recently used evicted): with ``story``, until that story's
        summary version changes; without, until the database file changes."""
        self._check()
        with self._lock:
            e = self._lru.get(key)
        if e is not None and self._valid(e):
            with self._lock:
                if key in self._lru:
                    self._lru.move_to_end(key)
            return e.value
        gen = self._gen
        version = self.store.story_version(story) if story is not None else None  # read before: never newer
        value = build()
        with self._lock:
            self._lru[key] = _Entry(gen, story, version, value)
            self._lru.move_to_end(key)
            while len(self._lru) > self._cache_size:
                self._lru.popitem(last=False)
        return value

    def peek(self, key: tuple) -> Any:
        """The cached value under ``key``, or ``MISSING`` (cheap: at most one indexed lookup; safe on the event loop)."""
        self._check()
        with self._lock:
            e = self._lru.get(key)
        if e is None or not self._valid(e):
            return MISSING
        return e.value

    # -- per database version ---------------------------------------------------------------------
    def facets(self) -> dict[str, list[str]]:
        """Outlets and languages present, for the filter menus (an index seek a value, per database version)."""
        def build() -> dict[str, list[str]]:
            outlets, langs = self.store.facets()
            return {"outlets": outlets, "languages": langs}
        return self._get("facets", build)

    def document_count(self) -> int:
        return self._get("documents", self.store.count_documents)

    def story_titles(self, story_ids) -> dict[str, str]:
        out = {}
        for sid in dict.fromkeys(story_ids):
            s = self.store.story_summary(sid)
            if s is not None:
                out[sid] = s.title
        return out

    # -- lists -------------------------------------------------------------------------------
    def story_rows(self, flt: DocumentFilter | None = None, sort: str = "reports", limit: int = 50,
                   offset: int = 0, documents: bool = True) -> StoryPage:
        """One page of stories (those with a report matching ``flt`` when given), biggest or most recent
        first: sorted, cut and counted by the database from the stored summaries. ``documents``: with each story's
        report ids in publication order (the API's list; the web's shows counts: the 50 biggest stories of the 100k
        bench store have 2,889 pages of them)."""
        sort = "recent" if sort == "recent" else "reports"
        key = ("rows", flt, sort, limit, offset, documents)

        def build() -> StoryPage:
            summaries = self.store.story_summaries(flt, sort, limit, offset)
            docs = self.store.story_documents_of(s.story for s in summaries) if documents else {}
            rows = [StoryRow(_story(s, docs.get(s.story, ())), summary_counts(s)) for s in summaries]
            total = self.store.count_story_summaries(flt)
            return StoryPage(rows, total)
        return self.cached(key, build)

    # -- one story and its reports --------------------------------------------------------------
    def story_of(self, doc_id: str) -> str | None:
        return self.store.story_of_document(doc_id)

    def claims_for_document(self, doc_id: str, story_id: str | None = None) -> dict[str, AlignedClaim]:
        """Claim key in this document -> the aligned claim of its story carrying it (the rows of the claims the
        report carries: the rest of the story's claims are not read)."""
        story_id = story_id or self.story_of(doc_id)
        if not story_id:
            return {}
        out: dict[str, AlignedClaim] = {}
        for c in self.store.claims_page(ClaimFilter(story=story_id, document=doc_id), -1):
            for r in c.retellings:
                d, key = split_claim_ref(r.claim)
                if d == doc_id:
                    out[key] = c
        return out

    def story_view(self, story_id: str) -> StoryView | None:
        """Everything about the story: all its claims and actors (the API's story)."""
        return self.cached(("story", story_id), lambda: self._build_story(story_id), story=story_id)

    def story_page(self, story_id: str, offset: int = 0, limit: int = 100, reports: int = 0,
                   report_limit: int | None = None) -> StoryView | None:
        """What one page of the story shows: ``limit`` of its claims from ``offset`` in the page's order (``claims``)
        with their cells, every conflicting and related pair, the ``PAGE_ACTORS`` leading actors, the counts from
        the story's summary; with ``report_limit``, the reports from ``reports`` on (``documents``; every report's
        label). Only those claims and reports are read, so a story of thousands of claims and hundreds of reports
        reads like a small one."""
        window = None if report_limit is None else (reports, report_limit)
        return self.cached(("story-page", story_id, offset, limit, window),
                           lambda: self._build_story(story_id, (offset, limit), window), story=story_id)

    def _build_story(self, story_id: str, page: tuple[int, int] | None = None,
                     window: tuple[int, int] | None = None) -> StoryView | None:
        story = self.store.story(story_id)
        if story is None:
            return None
        shown = story.documents if window is None else story.documents[window[0] : window[0] + window[1]]
        found = self.store.documents_by_id(shown)
        docs = tuple(found[x] for x in shown if x in found)
        labels = {d: f"R{i}" for i, d in enumerate(story.documents, 1)}
        synd = self.store.syndication_of_documents(story.documents)
        findings = self.store.findings(story_id, claims=page is None) or StoryFindings(story=story_id)
        independent = findings.independent_sources  # wire credits counted; stored before: syndication groups
        if independent is None:
            independent = len({synd.get(d, d) for d in story.documents})
        if page is None:
            claims = paired = display_order(findings.claims)
            counts = {"reports": len(story.documents), "independent_sources": independent,
                      "conflicts": sum(1 for c in claims if c.status == "conflicting"), "claims": len(claims)}
        else:
            claims = self.store.story_claims_ranked(story_id, *page)
            paired = self.store.story_claims_paired(story_id)
            summary = self.store.story_summary(story_id)  # written with the findings; counted now if missing
            languages = summary.languages if summary else ()
            counts = summary_counts(summary) if summary else {
                "reports": len(story.documents), "independent_sources": independent,
                "conflicts": self.store.count_claims(ClaimFilter(story=story_id, status="conflicting")),
                "claims": self.store.count_claims(ClaimFilter(story=story_id))}
        cells: dict[tuple[str, str], str] = {}
        retold: dict[tuple[str, str], str] = {}
        for c in claims:
            for d in c.documents:
                cells[(c.id, d)] = ""
            for r in c.retellings:
                cells[(c.id, r.document)] = split_claim_ref(r.claim)[1]
                retold[(c.id, r.document)] = r.text
        if page is not None:  # a partner a claim names whose own lists are empty (none expected): read by id
            ids = {c.id for c in paired}
            more = (self.store.claim_by_id(x) for c in paired for x in (*c.conflicts_with, *c.related) if x not in ids)
            paired += tuple(c for c in more if c is not None and c.story == story_id)
        conflicts, related = _pairs(paired)
        # (entity, claims it makes, reports, mentions), counted by SQL; most claims first (names break ties once read)
        ranked = sorted(((k, *v) for k, v in self.store.story_actors(story_id).items()),
                        key=lambda k: (-k[1], -k[2], -k[3]))
        wanted = {x for c in (*claims, *paired) for x in (c.speaker, c.subject) if x}
        if page is None:
            ents = self.store.entities_by_id(wanted | {k[0] for k in ranked})
        else:  # the page's actors only: the others are neither read nor named
            ents, cut = self.store.entities_by_id(wanted), 0
            while cut < len(ranked) and sum(k[0] in ents for k in ranked[:cut]) < PAGE_ACTORS:
                end = cut + PAGE_ACTORS
                while 0 < end < len(ranked) and ranked[end][1:] == ranked[end - 1][1:]:  # ties: names decide
                    end += 1
                ents.update(self.store.entities_by_id(k[0] for k in ranked[cut:end]))
                cut = end
            ranked = ranked[:cut]
        names = {k: e.name for k, e in ents.items()}
        actors = _actors(ranked, names, ents)
        if page is None or summary is None:  # (every report's: those read, or all of them when a window was read)
            every = docs if window is None else self.store.documents_by_id(story.documents).values()
            languages = tuple(sorted({d.language for d in every if d.language}))
        return StoryView(story=story, documents=docs, labels=labels, syndication={d.id: synd[d.id] for d in docs if d.id in synd},
                         counts=counts, claims=claims, cells=cells, retold=retold,
                         conflicts=conflicts, related=related,
                         timeline=tuple(sorted(findings.timeline, key=lambda e: (e.value, e.document))),
                         actors=actors if page is None else actors[:PAGE_ACTORS], names=names,
                         disagreements=tuple(sorted(findings.disagreements,
                                                    key=lambda x: _SEVERITY_ORDER.get(x.severity, 9))),
                         copies=self._copies(docs, labels, synd), languages=languages)

    def _copies(self, docs: tuple[Document, ...], labels: dict[str, str], synd: dict[str, str]) -> tuple[CopyGroup, ...]:
        """The story's syndication groups (of every report: ``labels``): each member's kind, the reason, the shared
        passages (the members outside ``docs``, the reports read, are read here)."""
        groups = self.store.syndication_groups_by_id(synd.values())
        by_id = {d.id: d for d in docs}
        order = [groups[gid] for gid in dict.fromkeys(synd[d] for d in labels if d in synd) if gid in groups]
        # the members outside the story (an origin) and the reports their passages were matched in: one read
        outside = {m.document for g in order for m in g.members if m.document in g.documents}
        outside |= {m.matched for g in order for m in g.members if m.matched}
        by_id.update(self.store.documents_by_id(outside - set(by_id)))
        out = []
        for g in order:
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
                reason = m.reason.replace(m.matched, name(m.matched)) if m.matched else m.reason
                passages = tuple((d.text[a0:a1], other.text[b0:b1]) for a0, a1, b0, b1 in m.passages
                                 if other is not None and a1 <= len(d.text) and b1 <= len(other.text))
                members.append(CopyMember(document=m.document, label=labels.get(m.document, ""),
                                          outlet=d.outlet or "unknown outlet", kind=m.kind, reason=reason,
                                          passages=passages, matched_label=name(m.matched) if m.matched else ""))
            if members:
                out.append(CopyGroup(id=g.id, origin_outlet=g.origin_outlet, members=tuple(members)))
        return tuple(out)


def _story(s: StorySummary, documents: tuple[str, ...]) -> Story:
    return Story(id=s.story, documents=documents, title=s.title, summary=s.summary,
                 first_published=s.first_published, last_published=s.last_published)


def _pairs(claims: tuple[AlignedClaim, ...]) -> tuple[tuple[ConflictPair, ...], tuple[tuple[AlignedClaim, AlignedClaim], ...]]:
    """The conflicting pairs (with both sides' notes) and the related pairs among ``claims``, each pair once."""
    by_id = {c.id: c for c in claims}
    conflicts, related, seen = [], [], set()
    for c in claims:
        for other in c.conflicts_with:
            pair = ("c", *sorted((c.id, other)))
            if other in by_id and pair not in seen:
                seen.add(pair)
                notes = tuple(dict.fromkeys(c.conflict_notes + by_id[other].conflict_notes))
                conflicts.append(ConflictPair(c, by_id[other], notes))
    for c in claims:
        for other in c.related:
            pair = ("r", *sorted((c.id, other)))
            if other in by_id and pair not in seen:
                seen.add(pair)
                related.append((c, by_id[other]))
    return tuple(conflicts), tuple(related)


def _actors(keys: list[tuple[str, int, int, int]], names: dict[str, str], ents: dict[str, Entity]) -> tuple[Actor, ...]:
    """The story's entities (those that exist) in order: most claims, reports, mentions, then by name."""
    actors = [Actor(id=gid, name=names.get(gid, gid), type=ents[gid].type, reports=reports, mentions=mentions,
                    claims=said) for gid, said, reports, mentions in keys if gid in ents]
    actors.sort(key=lambda a: (-a.claims, -a.reports, -a.mentions, a.name.lower()))
    return tuple(actors)


_SEVERITY_ORDER = {"conflict": 0, "version": 1, "slip": 2, "precision": 3, "explained": 4}
