"""Verdicts about reports, not about truth: how many independent reports carry a
claim, and which claims of the story disagree on the same subject and predicate.

* independent sources: distinct reports, a syndication group counted once, a report that credits the claim
  to another carrying report's outlet counted with that report, reports crediting one wire counted once;
* conflicting: same subject and predicate, same modality, incompatible value
  (a figure outside the other's range, a different date, or a negation);
* related: the same counted thing with a compatible figure, or under a
  different predicate, modality or time: shown side by side, not a conflict.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..config import Settings
from .align import Group, Weights, near_across, one_language, topic
from .repeats import told_in
from .subjects import mentions
from .clauses import changed_from, concepts_named, marker_in
from .compat import counted_later, hours_apart
from .values import content_meets, dates_between, figure_relation, is_floor, negation_shared, same_thing
from .features import ClaimView
from ..credits import outlet_key, wire_name
from .names import proper_part
from .lexicon import IRREGULAR


def independent_sources(documents: set[str] | list[str], syndication: Mapping[str, str | None],
                        credits: Mapping[str, Iterable[str]] | None = None,
                        outlets: Mapping[str, str | None] | None = None,
                        wires: Mapping[str, Iterable[str]] | None = None, relays: Iterable[str | None] = ()) -> int:
    """Reports carrying a claim, counting each syndication group once, and a report that credits the claim to the
    outlet of another carrying report ('according to a report in the Valdor Times', beside the Valdor Times' own
    report; 'сообщило агентство Northwire': the wording's capitalised words are the name; ``credits``: each report's
    source wordings, ``outlets``: each report's outlet) with that report.
    ``wires``: the wires each report credits for its text (Document.credits: 'KESSEL (Reuters) -'): reports
    crediting one wire count once with each other and with the wire's own report, however they reworded or
    translated it. ``relays``: names known as outlets (the story's, beside the wires of data/wires.json): reports
    crediting the claim to one of them ('secondo fonti citate dall'agenzia X', 'according to X') count once with each
    other, whether or not that outlet's own report carries the claim."""
    root = {d: syndication.get(d) or d for d in documents}
    if wires:
        credits = {d: {*(credits or {}).get(d, ()), *wires.get(d, ())} for d in documents}
        outlets = dict(outlets or {})
    if credits and outlets is not None:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        by_outlet: dict[str, list[str]] = {}
        for d in documents:
            key = outlet_key(outlets.get(d))
            if key:
                by_outlet.setdefault(key, []).append(d)
        for d in documents:
            for said in credits.get(d, ()):
                for e in {*by_outlet.get(outlet_key(said), ()), *by_outlet.get(outlet_key(proper_part(said)), ())}:
                    if e != d:
                        parent[find(root[d])] = find(root[e])
        known = {outlet_key(r) for r in relays if r and outlet_key(r)}
        relayed: dict[str, str] = {}
        for d in documents:
            own = outlet_key(outlets.get(d))
            for said in credits.get(d, ()):
                names = {wire_name(said) or said, wire_name(proper_part(said)) or proper_part(said)}
                for key in {outlet_key(n) for n in names if n} - {own, ""}:
                    if key in known or any(wire_name(n) for n in names if n):
                        first = relayed.setdefault(key, d)
                        if first != d:
                            parent[find(root[d])] = find(root[first])
        credited: dict[str, str] = {}
        for d in documents:
            for wire in (wires or {}).get(d, ()):
                first = credited.setdefault(outlet_key(wire), d)
                if first != d:
                    parent[find(root[d])] = find(root[first])
        return len({find(r) for r in root.values()})
    return len(set(root.values()))


def shared_relays(members: Iterable[ClaimView]) -> set[str]:
    """The names that the chains of two or more reports' retellings of a claim give ('QNA' of 'said, according to the
    state news agency QNA' and of "a déclaré le porte-parole, cité par l'agence officielle QNA"): a relay both had the
    claim from, as a known outlet is (independent_sources' ``relays``). Names only: 'two senior officials' names none,
    nor does one word of a script without capitals ('الوكالة', the agency)."""
    names: dict[str, str] = {}
    docs: dict[str, set[str]] = {}
    for m in members:
        for link in m.claim.chain:
            name = proper_part(link)
            key = outlet_key(name) if name and (name != name.lower() or len(name.split()) > 1) else ""
            if key:
                names.setdefault(key, name)
                docs.setdefault(key, set()).add(m.document)
    return {names[key] for key, seen in docs.items() if len(seen) >= 2}


def lead_credits(order: Iterable[str], documents: Mapping, analyses: Mapping) -> dict[str, tuple[str, ...]]:
    """Each report's credit for its whole text by its lead: the first sentence of its body reports what another
    report of the story's outlet reported ('C, сообщило агентство Northwire со ссылкой на двух дипломатов', 'Northwire
    reported that C'): a follow of that report, counted with it as Document.credits' wires are. () otherwise."""
    here = [d for d in order if documents.get(d) is not None]
    outlets = {outlet_key(documents[d].outlet): documents[d].outlet for d in here if documents[d].outlet}
    out: dict[str, tuple[str, ...]] = {}
    for d in here:
        out[d] = ()
        analysis = analyses.get(d)
        body = [c for c in (analysis.claims if analysis is not None else ()) if not c.in_title]
        if not body or body[0].kind not in ("reported", "according_to") or not body[0].speaker_text:
            continue
        first = body[0]
        text = documents[d].text or ""
        if text[:first.start].strip() and "\n" in text[:first.start].strip():
            continue  # not the report's first paragraph
        said = first.speaker_text
        own = outlet_key(documents[d].outlet)
        for key in (outlet_key(said), outlet_key(proper_part(said))):
            if key and key != own and key in outlets:
                out[d] = (outlets[key],)
                break
    return out


@dataclass
class Relations:
    """Conflicts and related pairs between the groups of one story, by group index."""

    conflicts: dict[int, set[int]] = field(default_factory=dict)
    related: dict[int, set[int]] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)

    def link(self, table: dict[int, set[int]], i: int, j: int) -> None:
        table.setdefault(i, set()).add(j)
        table.setdefault(j, set()).add(i)


def _same_subject(a: ClaimView, b: ClaimView) -> bool:
    """Each claim's subject is named in the other (or one has none, or is an agentless passive's)."""
    if not (a.subject and b.subject):
        return True
    if a.cross(b) and not (a.subject[0] == b.subject[0] == "@"):
        return True  # words of two languages: only names can show a different subject
    a_in_b = mentions(b, a.subject) or a.subject in b.speaker_words
    b_in_a = mentions(a, b.subject) or b.subject in a.speaker_words
    # an agentless passive's subject is what the active claim acts on ('negotiators agreed to a ceasefire' / 'a
    # ceasefire had been agreed'): the active claim naming it is enough
    return a_in_b and b_in_a or b_in_a and agentless_passive(b) or a_in_b and agentless_passive(a)


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?([a-z]+)\b")


def agentless_passive(v: ClaimView) -> bool:
    """The English claim is a passive clause without its agent ('a ceasefire had been agreed')."""
    if v.language not in ("en", None):
        return False
    m = _PASSIVE.search(v.claim.text)
    if m is None or re.search(r"\bby\b", v.claim.text[m.end():]):
        return False
    word = m.group(1)
    return word.endswith(("ed", "en")) or word in IRREGULAR


def _describe(v: ClaimView, speaker: str | None) -> str:
    who = speaker or v.claim.speaker_text or v.document
    return f"{who}: {v.claim.text}"


_GROWING = frozenset({"kill", "injure", "arrest", "evacuate", "rescue"})  # predicates whose counts grow as they are made


def _later_count(a: ClaimView, b: ClaimView) -> bool:
    """Claims hours apart (compat.counted_later) on one count, the later telling it changed ('rose to 19'); or
    counting the dead, injured, arrested, evacuated or rescued, the earlier report giving each count as a floor
    and the later one's no lower: a count made later, not another count ('at least 14 died' in the morning,
    'mindestens 17 Tote' in the evening); or the earlier claim's count was provisional and the later one's is not."""
    early, late = (a, b) if (a.published or "") <= (b.published or "") else (b, a)
    if early.published != late.published and _provisional(early) and not _provisional(late):
        return True  # 'leading with 51.8%, with 88% of ballots counted' in the night; 'won with 52.3%' the next day
    if not counted_later(hours_apart(a.published, b.published)):
        return False
    pairs = [(x, y) for x in early.figures for y in late.figures if x.of and y.of and same_thing(x.of, y.of)]
    if pairs and _tells_a_change(late):
        return True  # 'the toll rose to 19', '22 remain missing, down from 30': the later report says it changed
    if not (a.predicates & b.predicates & _GROWING):
        return False
    return bool(pairs) and all(is_floor(x) and y.low >= x.low for x, y in pairs)


def _provisional(v: ClaimView) -> bool:
    """The claim's sentence, which holds its words, or the source it is credited to marks its count as not final
    ('with 88% of ballots counted', 'according to preliminary results'; 'según el recuento oficial con el 97 % de las
    mesas escrutadas', which the claim's words leave out with its source): ClaimView.provisional."""
    return v.provisional


def _tells_a_change(v: ClaimView) -> bool:
    """The claim gives a count's new value (data/disagreements.json 'update' before it, 'previous' after it)."""
    text = v.claim.text
    return marker_in("update", text, 0, len(text), v.language) or any(
        changed_from(text, m.end(), v.language) for m in _DIGITS.finditer(text))


_DIGITS = re.compile(r"\d[\d.,]*")


def _dates_an_update(v: ClaimView) -> bool:
    """The claim tells a count changing ('the toll rose to 17 on Sunday'): its date is the update's, not the
    event's (data/disagreements.json 'update', as the disagreement finder reads it)."""
    return marker_in("update", v.claim.text, 0, len(v.claim.text), v.language)


def _counts_apart(a: ClaimView, b: ClaimView) -> bool:
    """The two claims count different things: each names concepts of data/disagreements.json, none in common ('41
    personas fueron rescatadas' / 'eight people were still missing': the rescued and the missing)."""
    ca, cb = concepts_named(a.claim.text, a.language), concepts_named(b.claim.text, b.language)
    return bool(ca and cb and not ca & cb)


def _pair(a: ClaimView, b: ClaimView, weight: Weights, settings: Settings) -> tuple[str, str] | None:
    """('conflict'|'related', reason) for two claims of different groups, or None."""
    cross = a.cross(b)
    if not (a.predicates and b.predicates and a.predicates & b.predicates):
        # across languages a side without predicate classes (the lexicon is English) cannot differ
        same_pred = not a.predicates and not b.predicates or cross and not (a.predicates and b.predicates)
    else:
        same_pred = True
    same_modality = a.modality == b.modality or cross
    if not _same_subject(a, b):
        return None
    lexical, _ = topic(a, b, weight, settings)
    figures = figure_relation(a.figures, b.figures, a.cross(b))
    # across languages only dates written with a number are compared
    dates = dates_between(a, b, cross)
    # a plan and a future are one event ahead for a flip of negation: 'denied that it would send 2,000 soldiers'
    # against 'plans to send up to 2,000 soldiers'
    ahead = {a.modality, b.modality} <= {"plan", "future"}
    # a side whose verbs the lexicon has no class for ('postponed') cannot differ on a count of one thing: 'forced 14
    # hospitals to postpone operations' / 'Twelve hospitals postponed surgery'
    count_clash = figures == "clash" and not (a.predicates and b.predicates)
    if (same_pred or count_clash) and (same_modality or ahead) and lexical >= settings.conflict_topic_threshold:
        # (figures and dates of a plan and of a fact to come may differ as plans change: drift, not a conflict)
        if same_modality and figures == "clash" and not _later_count(a, b) and not _counts_apart(a, b):
            fa = ", ".join(f.label() for f in a.figures)
            fb = ", ".join(f.label() for f in b.figures)
            return "conflict", f"figure: {fa} vs {fb}"
        if same_modality and dates == "clash" and not (_dates_an_update(a) or _dates_an_update(b)):
            return "conflict", f"date: {', '.join(a.dates)} vs {', '.join(b.dates)}"
        # across languages negation words are unreliable evidence of disagreement (Russian "пока не" is
        # "until"; a Korean negative verb ending is not a word): they keep claims apart, never conflicting
        # (a denial of another thing the same parties did is no contrary: values.content_meets)
        negation_differs = a.negated != b.negated and not cross and negation_shared(a, b) and content_meets(a, b)
        if negation_differs and lexical >= settings.conflict_topic_threshold + 0.15:
            return "conflict", "negation: one report says it did not happen"
    if figures in ("clash", "same") and lexical >= settings.related_topic_threshold:
        return "related", ""
    return None


def _source(v: ClaimView) -> str | None:
    """Who a claim's words are: its speaker, or None for the report's own narration (or an unnamed source)."""
    if v.claim.kind == "outlet":
        return None
    return v.speaker_id or " ".join(sorted(v.speaker_words)) or None


def _one_source(gi: Group, gj: Group) -> bool:
    """Two groups of one report hold one source's words: some member of each has the same speaker, or one is
    the report's own narration. Police putting a crowd at 18,000 and organisers at 95,000 in one report are two
    sources disagreeing; one official giving 40 and then 55 is the report's business."""
    si, sj = {_source(m) for m in gi.members}, {_source(m) for m in gj.members}
    return None in si or None in sj or bool(si & sj)


def _same_report_source(a: ClaimView, b: ClaimView) -> bool:
    """Two claims of one report by one source (or narration), or one told inside the other ('Dunst said the ruling
    showed that nobody is above the law' and the ruling's 'Nobody is above the law'): never a disagreement
    between sources."""
    if a.document != b.document:
        return False
    sa, sb = _source(a), _source(b)
    return sa is None or sb is None or sa == sb or told_in(a, b)


def _stated_elsewhere(v: ClaimView, other: ClaimView, by_doc: Mapping[str, list[ClaimView]], weight: Weights,
                      settings: Settings) -> bool:
    """v's report gives the other side's figures in another claim, on another subject than v's: the two values are
    two quantities of the story (the bribes and the fine, both in euros), not two reports disagreeing on one. A
    court report giving 4.2 million euros of bribes and a fine of 2 million does not contradict another report's
    '4.2 million euros'. Only one source's values are so read (one speaker, the report's own, or speakers sharing a
    word of their names: 'a Dorvan court' and 'the press office of the court'): the police's 18,000 and the
    organisers' 95,000 marchers in one report are two sources disagreeing, and one subject."""
    return bool(other.figures) and any(
        w.claim_ref not in (v.claim_ref, other.claim_ref)
        and (_same_report_source(v, w) or bool(v.speaker_words & w.speaker_words))
        and figure_relation(w.figures, other.figures, w.cross(other)) == "same"
        and topic(v, w, weight, settings)[0] < settings.conflict_topic_threshold
        for w in by_doc.get(v.document, ()))


def relate(groups: list[Group], weight: Weights, settings: Settings) -> Relations:
    """Find conflicting and related groups (any speakers: disagreement is across sources)."""
    rel = Relations()
    by_doc: dict[str, list[ClaimView]] = {}
    for g in groups:
        for m in g.members:
            by_doc.setdefault(m.document, []).append(m)
    # in one language only groups sharing a distinctive word are compared: looked up, not tested pair by pair
    by_word: dict[str, list[int]] | None = None
    # a claim of the story's own words only ('The depot had been hit by drones', where every report speaks of the
    # depot and the drones) has no distinctive word: it is compared with every claim sharing two of its words
    plain = {i for i, g in enumerate(groups) if not any(weight.distinctive(t) for t in g.words)}
    if one_language([m for g in groups for m in g.members]):
        by_word = {}
        for i, g in enumerate(groups):
            for t in g.words:
                if weight.distinctive(t):
                    by_word.setdefault(t, []).append(i)
    for i, gi in enumerate(groups):
        if by_word is None or i in plain:
            later = range(i + 1, len(groups))
        else:
            later = sorted({j for t in gi.words for j in by_word.get(t, ())} | plain)
            later = [j for j in later if j > i]
        for j in later:
            gj = groups[j]
            if len(gi.docs) == 1 and gi.docs == gj.docs and _one_source(gi, gj):
                continue  # disagreement is between sources, not two sentences of one source in one report
            if {m.claim_ref for m in gi.members} & {m.claim_ref for m in gj.members}:
                continue  # parts of one compound claim, or sentences of one claim
            shared = gi.words & gj.words
            if not any(weight.distinctive(t) for t in shared) and not (
                    (i in plain or j in plain) and len(shared) >= 2) and \
                    not any(near_across(a, gj.members, settings) for a in gi.members):
                continue  # nothing in common, in words or (across languages) in meaning
            found = None
            for a in gi.members:
                for b in gj.members:
                    if _same_report_source(a, b):
                        continue  # a group's retelling from another report lets it meet this report's own
                    res = _pair(a, b, weight, settings)
                    if res and res[1].startswith("figure:") and any(
                            _stated_elsewhere(x, y, by_doc, weight, settings) for x, y in ((a, b), (b, a))):
                        res = ("related", "")
                    if res and (found is None or res[0] == "conflict"):
                        found = (res, a, b)
                if found and found[0][0] == "conflict":
                    break
            if not found:
                continue
            (kind, reason), a, b = found
            if kind == "conflict":
                rel.link(rel.conflicts, i, j)
                rel.notes.setdefault(i, []).append(f"{reason} — {_describe(b, None)}")
                rel.notes.setdefault(j, []).append(f"{reason} — {_describe(a, None)}")
            else:
                rel.link(rel.related, i, j)
    return rel
