"""The narrow interface every store implements. Only the pipeline writes; CLI, web and export read."""
from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from ..model import (AlignedClaim, Analysis, Document, Entity, FetchRecord, SourceState, Story, StoryAggregate,
                     StoryFindings, StoryIndexChanges, StorySummary, SyndicationGroup, SyndicationIndexChanges,
                     SyndicationMember)

if TYPE_CHECKING:
    from .claims import ClaimFilter


@dataclass(frozen=True)
class DocState:
    """What the store knows of a source: enough to decide new / duplicate / revised."""

    id: str
    content_hash: str
    revision: int


@dataclass(frozen=True)
class DocumentFilter:
    outlet: str | None = None
    language: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    story: str | None = None
    query: str | None = None  # full-text query: words (see sqlite.fts_query) unless ``advanced``
    advanced: bool = False  # ``query`` is FTS5 syntax as written
    limit: int | None = None
    offset: int = 0


class Store(ABC):
    """Writes happen inside ``transaction()``; a crash never leaves half a batch."""

    path: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def close(self) -> None: ...

    # documents and their analyses
    @abstractmethod
    def document_state(self, source: str) -> DocState | None: ...

    def document_state_by_content(self, content_hash: str) -> DocState | None:
        """A stored report with this content hash (reports without url or id are identified by content)."""
        return None

    @abstractmethod
    def put_document(self, doc: Document, analysis: Analysis | None) -> None: ...

    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def analysis(self, doc_id: str) -> Analysis | None: ...

    @abstractmethod
    def documents(self, flt: DocumentFilter = DocumentFilter()) -> Iterator[Document]: ...

    @abstractmethod
    def count_documents(self, flt: DocumentFilter = DocumentFilter()) -> int: ...

    @abstractmethod
    def analyses(self) -> Iterator[Analysis]: ...

    @abstractmethod
    def revisions(self, doc_id: str) -> list[dict]: ...

    # per-document features that later stages rebuild their indexes from
    @abstractmethod
    def put_feature(self, doc_id: str, kind: str, data: str) -> None: ...

    @abstractmethod
    def features(self, kind: str) -> Iterator[tuple[str, str]]: ...

    @abstractmethod
    def features_of(self, kind: str, documents: Iterable[str]) -> dict[str, str]: ...

    # stories
    @abstractmethod
    def set_story(self, doc_id: str, story_id: str) -> None: ...

    @abstractmethod
    def story_of(self) -> dict[str, str]: ...

    @abstractmethod
    def put_story(self, story: Story) -> None: ...

    @abstractmethod
    def story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def stories(self) -> list[Story]: ...

    @abstractmethod
    def mark_dirty(self, story_ids: set[str]) -> None: ...

    @abstractmethod
    def dirty_stories(self) -> set[str]: ...

    # syndication
    @abstractmethod
    def set_syndication(self, groups: list[SyndicationGroup]) -> None: ...

    @abstractmethod
    def syndication_of(self) -> dict[str, str]: ...

    @abstractmethod
    def syndication_groups(self) -> list[SyndicationGroup]: ...

    # the rows a run touches, and the persistent candidate indexes (store/indexes.py has the SQL)
    @abstractmethod
    def stories_of(self, documents: Iterable[str]) -> dict[str, str]: ...

    @abstractmethod
    def story_members(self, stories: Iterable[str]) -> dict[str, list[str]]: ...

    @abstractmethod
    def syndication_of_documents(self, documents: Iterable[str]) -> dict[str, str]: ...

    @abstractmethod
    def index_meta(self, name: str) -> str | None: ...

    @abstractmethod
    def set_index_meta(self, name: str, value: str | None) -> None: ...

    @abstractmethod
    def indexes_stale(self) -> bool: ...

    @abstractmethod
    def clear_indexes(self) -> None: ...

    @abstractmethod
    def story_index_reports(self) -> int: ...

    @abstractmethod
    def story_df(self, keys: Iterable[str]) -> dict[str, int]: ...

    @abstractmethod
    def story_postings(self, keys: Iterable[str]) -> dict[str, list[str]]: ...

    @abstractmethod
    def story_aggregates(self, stories: Iterable[str]) -> dict[str, StoryAggregate]: ...

    @abstractmethod
    def recent_story_embeddings(self, limit: int) -> list[tuple[str, bytes]]: ...

    @abstractmethod
    def put_story_index(self, changes: StoryIndexChanges) -> None: ...

    @abstractmethod
    def synd_postings(self, keys: Iterable[str]) -> dict[str, list[tuple[str, int]]]: ...

    @abstractmethod
    def put_synd_index(self, changes: SyndicationIndexChanges) -> None: ...

    @abstractmethod
    def syndication_members_of(self, groups: Iterable[str]) -> dict[str, list[tuple[str, SyndicationMember | None]]]:
        ...

    @abstractmethod
    def update_syndication(self, groups: list[SyndicationGroup], removed: Iterable[str] = ()) -> None: ...

    # entities across reports (analyze.aliases: alias keys, a neighbourhood, link)
    @abstractmethod
    def local_entities(self) -> Iterator[tuple[str, Entity]]: ...

    @abstractmethod
    def local_entities_of(self, documents: Iterable[str]) -> list[tuple[str, Entity]]: ...

    @abstractmethod
    def linked_by_keys(self, keys: Iterable[str]) -> list[tuple[str, Entity]]:
        """The local entities linked to any cross-report entity with one of these alias keys."""

    @abstractmethod
    def alias_keys_of(self, entity_ids: Iterable[str]) -> set[str]: ...

    @abstractmethod
    def entities_pending(self) -> list[str]:
        """Reports whose local entities changed since they were last linked (put_document marks them)."""

    @abstractmethod
    def replace_entities(self, entities: list[Entity], links: list[tuple[str, str, str]],
                         keys: Mapping[str, Iterable[str]] | None = None) -> None: ...

    @abstractmethod
    def update_entities(self, entities: list[Entity], links: list[tuple[str, str, str]],
                        keys: Mapping[str, Iterable[str]], members: Iterable[tuple[str, str]],
                        documents: Iterable[str]) -> int: ...

    @abstractmethod
    def entities(self) -> list[Entity]: ...

    @abstractmethod
    def entity_links(self, documents: Iterable[str] | None = None) -> dict[tuple[str, str], str]: ...

    # corroboration
    @abstractmethod
    def put_findings(self, findings: StoryFindings) -> None: ...

    @abstractmethod
    def findings(self, story_id: str, claims: bool = True) -> StoryFindings | None:
        """The story's findings (``claims=False``: without its claims, which are read a page at a time with
        story_claims_ranked)."""

    @abstractmethod
    def story_claims_ranked(self, story_id: str, offset: int = 0, limit: int = 100) -> tuple[AlignedClaim, ...]: ...

    @abstractmethod
    def story_claims_paired(self, story_id: str) -> tuple[AlignedClaim, ...]: ...

    @abstractmethod
    def story_actors(self, story_id: str) -> dict[str, tuple[int, int, int]]: ...

    @abstractmethod
    def all_findings(self) -> Iterator[StoryFindings]: ...

    # reads at scale (store/reads.py): summaries written with the findings, pages cut by the database,
    # one story's rows, streamed iteration in flat memory
    @abstractmethod
    def refresh_story_summary(self, story_id: str) -> None:
        """Rewrite one story's summary from its rows (put_findings does it; also for a story whose
        corroboration failed or that lost its documents)."""

    @abstractmethod
    def story_summary(self, story_id: str) -> StorySummary | None: ...

    @abstractmethod
    def story_version(self, story_id: str) -> int | None: ...

    @abstractmethod
    def story_summaries(self, flt: DocumentFilter | None = None, sort: str = "reports", limit: int = 50,
                        offset: int = 0) -> list[StorySummary]: ...

    @abstractmethod
    def count_story_summaries(self, flt: DocumentFilter | None = None) -> int: ...

    @abstractmethod
    def story_documents_of(self, story_ids: Iterable[str]) -> dict[str, tuple[str, ...]]: ...

    @abstractmethod
    def facets(self) -> tuple[list[str], list[str]]: ...

    @abstractmethod
    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]: ...

    @abstractmethod
    def analyses_of(self, doc_ids: Iterable[str]) -> dict[str, Analysis]: ...

    @abstractmethod
    def syndication_groups_by_id(self, group_ids: Iterable[str]) -> dict[str, SyndicationGroup]: ...

    @abstractmethod
    def entity_links_for(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]: ...

    @abstractmethod
    def entities_by_id(self, entity_ids: Iterable[str]) -> dict[str, Entity]: ...

    @abstractmethod
    def story_of_document(self, doc_id: str) -> str | None: ...

    @abstractmethod
    def story_of_claim(self, claim_id: str) -> str | None: ...

    # claims and entities as rows (store/claims.py): lists filtered, sorted and cut by the store
    @abstractmethod
    def claims_page(self, flt: "ClaimFilter", limit: int = 50, offset: int = 0) -> list[AlignedClaim]: ...

    @abstractmethod
    def count_claims(self, flt: "ClaimFilter") -> int: ...

    @abstractmethod
    def claim_by_id(self, claim_id: str) -> AlignedClaim | None: ...

    @abstractmethod
    def entity_roles(self, entity_id: str, claim_ids: Iterable[str]) -> dict[str, str]: ...

    @abstractmethod
    def entity_claims(self, entity_id: str, limit: int = 50, offset: int = 0
                      ) -> tuple[list[AlignedClaim], int, dict[str, str]]: ...

    @abstractmethod
    def entity_claim_rows(self, entity_id: str, limit: int = 50, offset: int = 0
                          ) -> tuple[Iterator[tuple[str, str]], int]:
        """(stored claim JSON, "by"/"about") of a page of an entity's claims (limit < 0: all, streamed), and
        how many there are."""

    @abstractmethod
    def entities_page(self, query: str | None = None, type: str | None = None, sort: str = "name",
                      limit: int = 50, offset: int = 0) -> tuple[list[Entity], int]: ...

    @abstractmethod
    def entity_claim_counts(self, entity_ids: Iterable[str]) -> dict[str, int]: ...

    def refresh_entity_stats(self) -> int:
        """Recount the stored per-entity figures a write made stale (a writer, once per run)."""
        return 0

    @abstractmethod
    def iter_documents(self) -> Iterator[tuple[Document, str | None, str | None]]: ...

    @abstractmethod
    def iter_stories(self) -> Iterator[Story]: ...

    @abstractmethod
    def iter_summaries(self, sort: str = "reports", language: str | None = None) -> Iterator[StorySummary]: ...

    @abstractmethod
    def iter_entities(self) -> Iterator[Entity]: ...

    @abstractmethod
    def iter_findings(self, claims: bool = True) -> Iterator[StoryFindings]:
        """Every story's findings (``claims``: with its claims; without, they are left empty)."""

    @abstractmethod
    def iter_claim_json(self) -> Iterator[str]:
        """Every aligned claim's stored JSON, story by story in the findings' order, streamed."""

    @abstractmethod
    def iter_analyses(self) -> Iterator[Analysis]: ...

    @abstractmethod
    def iter_syndication_groups(self) -> Iterator[SyndicationGroup]: ...

    # live sources (crosscheck watch / fetch): state per watched source, how fetched reports came in
    @abstractmethod
    def put_source(self, state: SourceState) -> None: ...

    @abstractmethod
    def source(self, url: str) -> SourceState | None: ...

    @abstractmethod
    def sources(self) -> list[SourceState]: ...

    @abstractmethod
    def put_fetch(self, record: FetchRecord) -> None: ...

    @abstractmethod
    def fetch_record(self, source: str) -> FetchRecord | None: ...
