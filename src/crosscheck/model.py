"""The typed data model every stage speaks. Data only, no behaviour.

Flow: readers -> RawReport -> clean -> Document -> analyze -> Analysis
(Mention, Entity, Quantity, TimeExpr, Claim) -> stories/syndication -> Story,
SyndicationGroup -> corroborate -> AlignedClaim, Conflict, Drift, TimelineEntry.

All offsets are character offsets into ``Document.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawReport:
    """One report as a reader found it, before cleaning."""

    source: str  # CONTRACT: url, else the caller's id, else the file path (``PATH#LINE`` for jsonl)
    fmt: str  # "txt" | "html" | "jsonl" | "warc" | "feed" | "stdin"
    text: str | None = None
    html: str | None = None
    url: str | None = None
    ext_id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given
    outlet: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read: the input's name and a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class Document:
    """A clean report: main text apart from boilerplate and captions."""

    id: str  # stable: derived from ``source``
    source: str
    fmt: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    language: str | None = None  # ISO 639-1
    authors: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()  # lines removed from the body, kept for inspection
    content_hash: str = ""  # hash of title + text; equal hash = same report
    revision: int = 1  # bumped each time the same source arrives with changed text
    identity: str = ""  # what makes a revision: the url or the caller's id; "" = identified by content only
    notes: tuple[str, ...] = ()  # what cleaning changed or refused (an implausible date); kept in Analysis.notes
    credits: tuple[str, ...] | None = None  # wires the report credits ("AP", "Reuters"): datelines, sign-offs,
    # credit lines (crosscheck.credits); None when not looked for


@dataclass(frozen=True)
class Mention:
    """One span of text naming an actor, place or organisation."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | TITLE | PRON ...
    entity: str  # local entity key within the document (see Entity.key)


@dataclass(frozen=True)
class Entity:
    """An actor. Within an Analysis, ``key`` is local; across the store, ``id`` is global."""

    key: str  # local key inside one document, e.g. "e3"
    name: str  # canonical, longest proper form ("Volodymyr Zelenskyy")
    type: str  # PERSON | ORG | GPE | LOC | NORP
    aliases: tuple[str, ...] = ()  # every surface form seen ("Zelenskyy", "the President")
    id: str | None = None  # global entity id once aliases are resolved across reports


@dataclass(frozen=True)
class Quantity:
    """A number in the text and what it counts."""

    start: int
    end: int
    text: str  # "about 150 new workers"
    value: float | int | None  # point value (None for pure ranges)
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str | None = None  # about | more than | at least | up to | some | fewer than ...
    of: str | None = None  # lemma of the counted thing: "soldier"
    unit: str | None = None  # "%", "USD", "km"; of a percent, "pp" / "bp": a move (crosscheck.points)
    kind: str = "count"  # count | percent | money | measure | range


@dataclass(frozen=True)
class TimeExpr:
    """A date or period in the text, normalised to an ISO value."""

    start: int
    end: int
    text: str
    value: str  # TimeML: "2024-10-17", "2024-10", "2024", "XXXX-10-17", "2024-W42", "2013-03-22TAF", "2012-SU",
    # "2013-Q1", "2013-W12-WE", "199" (decade), "19" (century), "PRESENT_REF"; read dates with timevalues.day_of
    anchor: str | None = None  # the date it was resolved against
    inferred_year: bool = False  # the year came from the text, not from publication date
    warning: str | None = None  # e.g. weekday does not match the date
    caption: int | None = None  # index into Document.captions when found in a caption (offsets are then into it)


@dataclass(frozen=True)
class Claim:
    """An attributed assertion in one report."""

    key: str  # unique inside the document, e.g. "c4"
    text: str  # the claim as one readable sentence
    start: int  # offsets of the sentence(s) carrying it
    end: int
    speaker: str | None = None  # local entity key, or None (anonymous / unresolved)
    speaker_text: str | None = None  # how the report names the source
    cue: str | None = None  # said | stated | according to | ...
    kind: str = "reported"  # quote | reported | according_to | outlet | belief | intention | knowledge
    hedges: tuple[str, ...] = ()  # reportedly | probably | may | allegedly ...
    chain: tuple[str, ...] = ()  # sources behind the speaker, nearest first ("intelligence reports")
    via: tuple[str, ...] = ()  # outlets the speaker's words went through to this report ("told the Harbor Times")
    negated: bool = False
    # head word of the content's grammatical subject (a proper noun as written, else its lemma): "" where the
    # parse found none a reader could compare (a pronoun); None where it was not read (other languages)
    subject: str | None = None
    in_title: bool = False  # a claim of the headline: start and end are offsets into Document.title, not its text


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis stage found in one document."""

    document: str  # Document.id
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    lemmas: tuple[str, ...] = ()  # content-word lemmas, for story features
    notes: tuple[str, ...] = ()  # limits met on this report: text cut for analysis, a refused date ...
    title_quantities: tuple[Quantity, ...] = ()  # amounts in the headline its claims were read from (offsets into
    #                                             Document.title, as those claims' offsets)


@dataclass(frozen=True)
class EntityLink:
    """Where one document's local entity went: its global entity id."""

    document: str  # Document.id
    key: str  # local Entity.key in that document's Analysis
    entity: str  # global Entity.id


@dataclass(frozen=True)
class EntityLinking:
    """Entities resolved across reports: one global entity per real-world actor."""

    entities: tuple[Entity, ...] = ()  # global entities, ``id`` set, aliases = union of surface forms
    links: tuple[EntityLink, ...] = ()


@dataclass(frozen=True)
class SyndicationMember:
    """One report of a syndication group: how it derives from the member it was matched with, and why."""

    document: str
    kind: str = "copy"  # origin | copy | rewrite | translation
    matched: str | None = None  # the member whose text it shares
    shared: int = 0  # narrative sentences shared (copies) or sentences aligned one to one (translations)
    in_order: int = 0  # longest chain of shared sentences in the same order
    containment: float = 0.0  # share of the shorter report's sentences found in the other
    credit: str | None = None  # a wire both reports credit
    reason: str = ""  # human-readable: "shares 6 sentences in order with d3; both credit AP"
    passages: tuple[tuple[int, int, int, int], ...] = ()  # shared passages: (start, end) here, (start, end) in matched


@dataclass(frozen=True)
class SyndicationGroup:
    id: str
    documents: tuple[str, ...]
    origin: str | None = None  # document id of the likely origin
    origin_outlet: str | None = None  # outlet credited in the text ("AP", "Reuters") or the earliest one
    members: tuple[SyndicationMember, ...] = ()  # per document: kind and evidence (same order as documents)


@dataclass(frozen=True)
class Story:
    """One real event and the reports of it."""

    id: str
    documents: tuple[str, ...]
    title: str = ""
    summary: str = ""
    first_published: str | None = None
    last_published: str | None = None


@dataclass(frozen=True)
class LeadOrganisation:
    """The first organisation a report's lead names (stories.actors): who the lead says acted."""

    name: str
    kind: str  # its capitalised words the report also writes in lowercase ("bank"), sorted, space-joined
    proper: str  # its other capitalised words ("norland")
    keys: tuple[str, ...] = ()  # its alias keys (analyze.aliases.alias_keys)


@dataclass(frozen=True)
class StoryFeatures:
    """Per-document evidence for story clustering; JSON-friendly so old reports need no re-analysis."""

    document: str  # Document.id
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    language: str | None = None
    terms: tuple[tuple[str, int], ...] = ()  # (content lemma, count) pairs, headline terms counted twice
    entities: tuple[str, ...] = ()  # normalised, transliterated entity keys ("per:teixeira", "gpe:ukraine")
    dates: tuple[str, ...] = ()  # ISO values of dates stated in the text ("2024-10-17", "2024-10")
    numbers: tuple[str, ...] = ()  # normalised numeric values stated in the text ("10000", "5.6")
    title: str = ""  # headline, for story titles
    embedding: str = ""  # title + lead sentence embedding, int8 base64 (crosscheck.embed.pack); "" when off
    lead_dates: tuple[str, ...] = ()  # days ("2024-10-17") the lead's time expressions name: when its event happened
    lead_org: LeadOrganisation | None = None  # the first organisation the lead names
    actors: tuple[str, ...] = ()  # alias keys of the people and organisations the report names
    events: tuple[str, ...] = ()  # kinds of event the headline and lead name ('earthquake', 'strike'): stories.features
    places: tuple[str, ...] = ()  # name keys of the places the report names
    lead_places: tuple[str, ...] = ()  # ... of those its lead sentence names
    lead_people: tuple[str, ...] = ()  # name keys of the people its lead sentence names
    lead_speaker: LeadOrganisation | None = None  # the office holder the lead's first claim is credited to


@dataclass(frozen=True)
class ClaimVectors:
    """Sentence embeddings of one report's claims, computed once, when its story first holds two languages."""

    document: str  # Document.id
    model: str  # embedder name (crosscheck.embed)
    vectors: tuple[tuple[str, str], ...] = ()  # (claim key, int8 base64 vector)
    content_hash: str = ""  # Document.content_hash they were computed from (a revision recomputes them)


@dataclass(frozen=True)
class StoryAssignment:
    """One document's story."""

    document: str
    story: str


@dataclass(frozen=True)
class StoryAggregate:
    """A story as the candidate index scores it (kept in the store, updated by each run): how many reports,
    the sum of their weighted vectors (the heaviest features), publication days, languages, lead embeddings."""

    story: str
    count: int = 0
    centroid: tuple[tuple[str, float], ...] = ()
    first: int | None = None  # proleptic ordinal day of the earliest publication date
    last: int | None = None
    languages: tuple[str, ...] = ()
    embedding: bytes | None = None  # float32 sum of the reports' title + lead embeddings
    seq: int = 0  # reports indexed when the story was (re)formed: the newest stories are compared by embedding


@dataclass(frozen=True)
class StoryIndexChanges:
    """What a run changed in the story candidate index: the store applies exactly this."""

    reports: int = 0  # reports counted in the document frequencies
    df: tuple[tuple[str, int], ...] = ()  # (feature key, document frequency) of the keys that changed
    postings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (feature key, its stories, oldest first)
    stories: tuple[StoryAggregate, ...] = ()  # aggregates written
    retired: tuple[str, ...] = ()  # story ids gone from the index


@dataclass(frozen=True)
class SyndicationIndexChanges:
    """Candidate postings a run changed: band, sentence sketch and anchor keys -> (document, sentence or 0)."""

    postings: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()


@dataclass(frozen=True)
class ReclusterResult:
    """What a batch re-clustering decided: every document's story, and the merges and splits it made."""

    assignments: tuple[StoryAssignment, ...] = ()
    merges: tuple[str, ...] = ()  # human-readable: "story-ab12 <- story-cd34, story-ef56"
    splits: tuple[str, ...] = ()  # human-readable: "story-ab12 -> story-ab12, story-9f3e"


@dataclass(frozen=True)
class Fingerprint:
    """MinHash of a document's word shingles, for finding syndicated copies (JSON-friendly)."""

    document: str  # Document.id
    hashvalues: tuple[int, ...] = ()  # MinHash signature
    shingles: int = 0  # number of distinct shingles (for containment estimates)
    published: str | None = None
    outlet: str | None = None
    credit: str | None = None  # outlet credited in the text ("AP", "Reuters", "UkrInform")
    credits: tuple[str, ...] = ()  # every wire the report credits (Document.credits)
    language: str | None = None
    spans: tuple[tuple[int, int], ...] = ()  # every sentence's (start, end) in the text
    sketches: tuple[tuple[int, ...], ...] = ()  # per sentence: bottom-k shingle hashes of a narrative sentence, or ()
    anchors: tuple[tuple[str, ...], ...] = ()  # per sentence: numbers and transliterated name stems
    said: tuple[int, ...] = ()  # narrative sentences reporting what someone said (half evidence: close to a quote)
    version: int = 1  # 2: sentence evidence present


@dataclass(frozen=True)
class Retelling:
    """How one report words an aligned claim."""

    document: str
    claim: str  # "<doc id>:<claim key>"
    text: str
    cue: str | None = None
    hedges: tuple[str, ...] = ()
    speaker_text: str | None = None  # how this report names the source
    modality: str | None = None  # actual | plan | future | possible (corroborate's reading)
    figures: tuple[str, ...] = ()  # figures as this report states them ("about 10,000 soldier")
    negated: bool = False
    language: str | None = None  # ISO 639-1 of the report this retelling is in


@dataclass(frozen=True)
class AlignedClaim:
    """A claim as carried by one or more reports of a story, with its verdict."""

    id: str
    story: str
    text: str
    speaker: str | None  # global entity id
    speaker_text: str | None
    documents: tuple[str, ...]
    status: str  # corroborated | single_source | conflicting
    independent_sources: int
    retellings: tuple[Retelling, ...] = ()
    conflicts_with: tuple[str, ...] = ()  # AlignedClaim ids
    related: tuple[str, ...] = ()  # compatible figures on the same subject
    drift: tuple[str, ...] = ()  # human-readable drift notes
    chain: tuple[str, ...] = ()  # speaker's sources, nearest first
    kind: str | None = None  # quote | reported | according_to | outlet | belief | intention | knowledge (of the retelling whose speaker the claim names)
    subject: str | None = None  # entity id or word the claim is about
    predicate: str | None = None  # predicate class ("train", "send", ...) or None
    modality: str | None = None  # actual | plan | future | possible
    figures: tuple[str, ...] = ()  # figures the claim states ("10,000 soldier")
    conflict_notes: tuple[str, ...] = ()  # why each conflict was flagged, human-readable


@dataclass(frozen=True)
class TimelineEntry:
    story: str
    value: str  # ISO date
    text: str  # the sentence stating it
    document: str
    inferred_year: bool = False


@dataclass(frozen=True)
class IngestResult:
    """What one ingest run did."""

    new: tuple[str, ...] = ()
    duplicate: tuple[str, ...] = ()
    revised: tuple[str, ...] = ()
    failed: tuple[ReadFailure, ...] = ()
    stories_changed: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Disagreement:
    """Where reports (or one report with itself, or versions of one wire text) disagree on a fact.

    ``severity``: conflict (incompatible values) | precision (compatible, one is vaguer: shown, weaker
    than a conflict) | explained (a time zone or a cumulative count accounts for it) | slip (a date
    error inside one report) | version (a wire copy changed between versions: not independent sources).
    """

    kind: str  # figure | date | weekday | place | relative_day | after_publication | wire_version
    subject: str  # what the values are about ("injured", "event:earthquake", "percent:turnout")
    values: tuple[str, ...]  # the values as each side states them, one per side
    documents: tuple[str, ...]  # Document.id of each side (one entry for a slip inside one report)
    passages: tuple[str, ...] = ()  # the sentence carrying the value, one per side
    explanation: str = ""  # one line a reader understands
    severity: str = "conflict"
    independent: bool = True  # the sides are independent sources (not one syndication group)
    published: tuple[str, ...] = ()  # publication time of each side, as stored
    spans: tuple[tuple[int, int], ...] = ()  # offsets of each value in its document's text
    claims: tuple[str, ...] = ()  # AlignedClaim ids whose sentences carry the values


@dataclass(frozen=True)
class StoryFindings:
    """What corroboration found in one story: aligned claims with verdicts, and the timeline."""

    story: str
    claims: tuple[AlignedClaim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()  # conflicts, date slips and wire versions (corroborate)
    # the story's reports as independent sources: a syndication group once, reports crediting one wire once with
    # each other and with the wire's own report (corroborate.verdicts.independent_sources); None: stored before
    independent_sources: int | None = None


@dataclass(frozen=True)
class StorySummary:
    """What a list of stories and a story's header show, kept in the store beside the findings.

    ``version`` goes up each time the story's summary is rewritten (its findings stored again), so a
    reader can tell that its cached view of this story, and only this story, is stale.
    """

    story: str
    title: str = ""
    summary: str = ""
    first_published: str | None = None
    last_published: str | None = None
    reports: int = 0
    independent_sources: int = 0  # a syndication group counts once
    claims: int = 0
    conflicts: int = 0  # claims whose verdict is conflicting
    corroborated: int = 0
    single_source: int = 0
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    version: int = 0


# ---------------------------------------------------------------- live sources (crosscheck.fetch)
@dataclass(frozen=True)
class SourceState:
    """A watched source (feed, news sitemap, home page) and what the watcher knows of it."""

    url: str  # as listed in the sources file (normalised)
    kind: str = "unknown"  # feed | sitemap | page | unknown (until first fetched)
    feed_url: str | None = None  # the feed a home page points to (<link rel="alternate">), when discovered
    etag: str | None = None
    last_modified: str | None = None
    seen: tuple[tuple[str, str], ...] = ()  # (item url, item fingerprint), newest first, bounded
    last_item: str | None = None  # url of the newest item seen
    last_checked: str | None = None  # ISO datetime (UTC) of the last attempt
    last_ok: str | None = None  # ... of the last success
    next_due: str | None = None  # ... when the next poll is due
    failures: int = 0  # consecutive failed polls
    last_error: str | None = None
    items_ingested: int = 0  # items this source brought in (new or revised reports)
    health: str = "new"  # new | ok | failing | unhealthy


@dataclass(frozen=True)
class FetchRecord:
    """How a report came in over HTTP: requested, final and canonical URL, and when."""

    source: str  # the document's source: its canonical URL
    requested_url: str
    final_url: str
    fetched_at: str  # ISO datetime (UTC)
    status: int = 200
