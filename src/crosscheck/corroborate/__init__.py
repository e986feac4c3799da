"""Corroboration: align a story's claims across its reports, give each aligned
claim a verdict about the reports that carry it, and find conflicts, drift,
source chains and the story's timeline.

    corroborate(story, documents, analyses, syndication, entity_ids) -> StoryFindings

1. read every claim for comparison (features.build_view);
2. align them into groups, one per asserted thing (align.align);
3. count independent sources, find conflicting and related groups (verdicts);
4. record retellings, drift and source chains (drift); 5. build the timeline;
6. find disagreements on figures and dates anywhere in the reports, date slips and wire version
   changes (disagreements), and mark the claims carrying the two sides of a conflict.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping

from ..config import Settings
from ..model import AlignedClaim, Analysis, Document, Story, StoryFindings
from . import disagreements as _disagreements
from .align import Group, Weights, align
from .repeats import told_by
from .names import unify_names
from .drift import chain, drift_notes, retelling
from .features import ClaimView, build_view
from .timeline import timeline
from .verdicts import independent_sources, lead_credits, relate, shared_relays

__all__ = ["corroborate", "independent_sources"]


def wants_claim_vectors(languages: list[str | None], settings: Settings) -> bool:
    """Are a story's claims compared by meaning, so embedded first? ``languages``: one per report. A story of
    two or more reports with ``Settings.align_embed_same_language``; without it, one told in two languages."""
    if len(languages) < 2:
        return False
    return settings.align_embed_same_language or len({(lang or "")[:2] for lang in languages} - {""}) >= 2

def _doc_order(story: Story, documents: Mapping[str, Document]) -> list[str]:
    def key(doc_id: str) -> tuple[str, str]:
        doc = documents.get(doc_id)
        return ((doc.published if doc and doc.published else "9999"), doc_id)

    return sorted(dict.fromkeys(story.documents), key=key)


def _claim_id(story: str, founder: ClaimView) -> str:
    return "claim-" + hashlib.sha1(f"{story}|{founder.ref}".encode()).hexdigest()[:12]


def _speaker(group: Group) -> tuple[str | None, str | None, str | None, ClaimView]:
    """(global entity id or None, speaker_text, display name, voice) for a group: the speaker most of its reports
    name, else the first report that attributes it (a report's own statement, kind "outlet", only when no report
    attributes the claim); the voice is that report's claim, whose kind the aligned claim takes, so its kind and
    speaker tell one reading."""
    # a member whose chain holds another member's source retells that source: in its report ('the official said
    # the prime minister had asked him to step down': the official reports the asking) or across reports ('Capital
    # Daily reported, citing two government officials' beside the officials' own words to Capital Daily)
    # (never a report's own statement as the source told: it attributes nothing, and an attribution goes before it)
    told = {m.ref for m in group.members if any(n is not m and n.claim.kind != "outlet" and told_by(m, n) for n in group.members)}
    members = [m for m in group.members if m.ref not in told] or group.members
    primary = [m for m in members if m.ref not in group.secondary] or members
    named = Counter(m.speaker_id for m in primary if m.named)
    if not named:
        named = Counter(m.speaker_id for m in members if m.named)
    if named:
        sid = named.most_common(1)[0][0]
        member = next(m for m in members if m.speaker_id == sid)
        display = member.speaker_name or member.claim.speaker_text
        return (None if sid.startswith("name:") else sid), member.claim.speaker_text or display, display, member
    voice = next((m for m in members if m.claim.kind != "outlet"), members[0])
    return None, voice.claim.speaker_text, voice.claim.speaker_text, voice


def corroborate(story: Story, documents: Mapping[str, Document], analyses: Mapping[str, Analysis],
                syndication: Mapping[str, str | None], entity_ids: Mapping[tuple[str, str], str],
                settings: Settings | None = None, claim_vectors: Mapping[str, str] | None = None) -> StoryFindings:
    """Aligned claims with verdicts, conflicts, drift and chains, and the timeline of one story.

    ``entity_ids``: (doc id, local entity key) -> global entity id, at least for this story's reports
    (read, never copied). ``claim_vectors``: {"<doc id>:<claim key>": packed embedding} computed at ingest (crosscheck.embed);
    with them, claims in different languages are compared by meaning."""
    from ..embed import unpack

    settings = settings or Settings()
    claim_vectors = claim_vectors or {}
    order = _doc_order(story, documents)
    views: list[ClaimView] = []
    for i, doc_id in enumerate(order):
        doc, analysis = documents.get(doc_id), analyses.get(doc_id)
        if doc is None or analysis is None:
            continue
        for claim in analysis.claims:
            views.append(build_view(claim, doc, analysis, i, entity_ids,
                                    unpack(claim_vectors.get(f"{doc_id}:{claim.key}"))))

    views = unify_names(views)
    wires = {d: (*(documents[d].credits or ()), *credit) for d, credit in lead_credits(order, documents, analyses).items()}
    groups = align(views, settings)
    groups.sort(key=lambda g: (g.members[0].order, g.members[0].claim.in_title, g.members[0].claim.start,
                               g.members[0].ref))
    weight = Weights(views)
    relations = relate(groups, weight, settings)
    ids = [_claim_id(story.id, g.members[0]) for g in groups]

    story_outlets = {documents[d].outlet for d in order if documents.get(d) is not None}
    claims = []
    for i, g in enumerate(groups):
        members = sorted(g.members, key=lambda m: (m.order, m.claim.in_title, m.claim.start))
        # two sentences of one claim in one group (a report repeating itself): one retelling of the claim
        seen: set[str] = set()
        members = [m for m in members if not (m.claim_ref in seen or seen.add(m.claim_ref))]
        founder = g.members[0]
        docs = tuple(dict.fromkeys(m.document for m in members))
        credits: dict[str, set[str]] = {}
        for m in members:  # the source wordings of each report's retelling, its chain included
            credits.setdefault(m.document, set()).update(w for w in (m.claim.speaker_text, *m.claim.chain, *m.claim.via)
                                                         if w)
        n = independent_sources(docs, syndication, credits,
                                {d: documents[d].outlet for d in docs if documents.get(d) is not None},
                                {d: wires[d] for d in docs if d in wires}, story_outlets | shared_relays(members))
        conflicts = tuple(sorted(ids[j] for j in relations.conflicts.get(i, ())))
        status = "conflicting" if conflicts else "corroborated" if n >= 2 else "single_source"
        speaker, speaker_text, display, voice = _speaker(g)
        # the claim in the words of its first report, unless that report states it as its own and another attributes
        # it, or attributes it to another source than the one shown (the agency's '12 killed' under the mayor's name)
        said = voice if founder.claim.kind == "outlet" or founder.speaker_id != voice.speaker_id else founder
        claims.append(AlignedClaim(
            id=ids[i], story=story.id, text=said.claim.text, speaker=speaker, speaker_text=speaker_text,
            documents=docs, status=status, independent_sources=n,
            retellings=tuple(retelling(m) for m in members),
            conflicts_with=conflicts,
            related=tuple(sorted(ids[j] for j in relations.related.get(i, ()) if ids[j] not in conflicts)),
            drift=drift_notes(members, documents),
            chain=chain(display, members, speaker),
            kind=voice.claim.kind,
            subject=founder.subject,
            predicate=min(founder.predicates) if founder.predicates else None,
            modality=founder.modality,
            figures=tuple(f.label() for f in founder.figures),
            conflict_notes=tuple(relations.notes.get(i, ())),
        ))
    # where reports disagree on figures and dates anywhere in their text, slips, wire versions
    found = _disagreements.find(order, documents, analyses, syndication)
    spans = {ids[i]: [(m.document, m.claim.start, m.claim.end) for m in g.members if not m.claim.in_title]
             for i, g in enumerate(groups)}
    claims, found = _disagreements.attach(_disagreements.versions_not_conflicts(claims, syndication), spans, found)
    here = [d for d in order if documents.get(d) is not None]
    sources = independent_sources(order, syndication, None, {d: documents[d].outlet for d in here},
                                  {d: wires[d] for d in here})
    return StoryFindings(story=story.id, claims=tuple(claims),
                         timeline=timeline(story.id, order, documents, analyses), disagreements=tuple(found),
                         independent_sources=sources)
