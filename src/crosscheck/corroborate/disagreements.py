"""Where the reports of one story disagree, as ``Disagreement`` records.

    find(order, documents, analyses, syndication) -> list[Disagreement]

1. every report's subject-attached figures and dates (facts.py), narration included;
2. each pair of reports compares the facts they share a subject on (compat.py): a conflict only
   when no value of one side agrees with a value of the other (a report giving "30 injured" and
   "12 of them children" agrees with another's "30 injured");
3. date slips inside each report (slips.py);
4. changes between versions of one wire text (versions.py); facts that differ between copies of
   one syndication group are version changes, never independent sources disagreeing.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..model import AlignedClaim, Analysis, Disagreement, Document
from . import compat
from .facts import Fact, facts_of
from .slips import slips
from .versions import wire_versions

_RANK = {"conflict": 3, "precision": 2, "explained": 1}
MAX_DISTINCT = 200  # distinct values per subject and report compared (the earliest): bounds a long report


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One fact per distinct reading (value, bounds, marks, places), earliest first."""
    seen: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.value, f.low, f.high, f.bound, f.increment, f.part, f.update, f.provisional, f.intent, f.era, f.places,
               f.actors, f.time_cue, f.relative)
        seen.setdefault(key, f)
        if len(seen) >= MAX_DISTINCT:
            break
    return list(seen.values())


def _compare(a: Fact, b: Fact, a_first: bool, hours: float | None = None) -> compat.Verdict:
    return compat.figures(a, b, a_first, hours) if a.kind == "figure" else compat.dates(a, b)



def _kind(a: Fact, b: Fact) -> str:
    if a.kind == "figure":
        return "figure"
    return "weekday" if a.weekday or b.weekday else "date"


def _pair(fa: list[Fact], fb: list[Fact], documents: Mapping[str, Document], same_group: bool) -> list[Disagreement]:
    by_subject: dict[tuple[str, str], tuple[list[Fact], list[Fact]]] = {}
    for f in fa:
        by_subject.setdefault((f.kind, f.subject), ([], []))[0].append(f)
    for f in fb:
        by_subject.setdefault((f.kind, f.subject), ([], []))[1].append(f)
    out = []
    pa = (documents[fa[0].document].published or "") if fa else ""
    pb = (documents[fb[0].document].published or "") if fb else ""
    a_first = not (pa and pb and pb < pa)
    hours = compat.hours_apart(pa, pb)
    for (_, subject), (xs, ys) in sorted(by_subject.items()):
        if not xs or not ys:
            continue
        if xs[0].kind == "place":
            xs_, ys_ = [x for x in xs if not x.era], [y for y in ys if not y.era]
            v = compat.places(xs_, ys_) if xs_ and ys_ else compat.Verdict("agree", "")
            if v.severity == "conflict":
                x, y = xs_[0], ys_[0]
                out.append(_record("place", subject, x, y, v, documents, same_group))
            continue
        worst, agreed = None, False
        for x in _distinct(xs):
            for y in _distinct(ys):
                if not compat.same_subject(x, y):
                    continue
                v = _compare(x, y, a_first, hours)
                if v.severity == "agree":
                    agreed = True
                elif worst is None or _RANK[v.severity] > _RANK[worst[0].severity]:
                    worst = (v, x, y)
        if worst is None or (agreed and worst[0].severity != "explained"):
            continue
        v, x, y = worst
        out.append(_record(_kind(x, y), subject, x, y, v, documents, same_group))
    return out


def _record(kind: str, subject: str, x: Fact, y: Fact, v: compat.Verdict, documents: Mapping[str, Document],
            same_group: bool) -> Disagreement:
    da, db = documents[x.document], documents[y.document]
    severity, note = v.severity, v.explanation
    if same_group and severity in ("conflict", "precision"):
        severity, note = "version", f"copies of one wire text differ: {note}"
    return Disagreement(
        kind=kind, subject=subject, values=(x.text, y.text), documents=(x.document, y.document),
        passages=(x.sentence, y.sentence), explanation=note, severity=severity, independent=not same_group,
        published=(da.published or "", db.published or ""), spans=((x.start, x.end), (y.start, y.end)))


def find(order: list[str], documents: Mapping[str, Document], analyses: Mapping[str, Analysis],
         syndication: Mapping[str, str | None]) -> list[Disagreement]:
    """Conflicts between reports, date slips inside them and wire version changes, in story order."""
    docs = [d for d in order if d in documents and d in analyses]
    facts = {d: facts_of(documents[d], analyses[d]) for d in docs}
    out: list[Disagreement] = []
    for d in docs:
        out.extend(slips(documents[d], analyses[d], facts[d]))
    versions = wire_versions(docs, documents, syndication)
    seen: set[tuple] = set()
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            ga, gb = syndication.get(a), syndication.get(b)
            same_group = bool(ga and ga == gb)
            for x in _pair(facts[a], facts[b], documents, same_group):
                if same_group and any(v.documents == x.documents and _inside(x, v) for v in versions):
                    continue  # the version diff already shows that sentence
                if x.severity == "conflict" and not same_group and x.kind != "place":  # (a place's sides are lists)
                    x = _superseded(x, docs, documents, facts, syndication)
                key = (x.kind, x.subject, frozenset(_norm(v) for v in x.values), x.severity)
                if key in seen:
                    continue
                seen.add(key)
                out.append(x)
    out.extend(versions)
    return out


def _superseded(d: Disagreement, docs: list[str], documents: Mapping[str, Document], facts: Mapping[str, list[Fact]],
                syndication: Mapping[str, str | None]) -> Disagreement:
    """A conflict whose one side a later version of its own wire text replaced by a figure agreeing with the other side
    ('killed one person' at 8:00, 'killed two people' in the wire's update at 11:00 and in a local paper at 15:00): the
    earlier version was superseded, explained."""
    for k, (doc, value) in enumerate(zip(d.documents, d.values)):
        other_doc, other_value = d.documents[1 - k], d.values[1 - k]
        group, when = syndication.get(doc), documents[doc].published or ""
        if not group:
            continue
        other = next((f for f in facts[other_doc] if f.subject == d.subject and _norm(f.text) == _norm(other_value)),
                     None)
        later = [f for m in docs if m != doc and syndication.get(m) == group and (documents[m].published or "") > when
                 for f in facts[m] if f.subject == d.subject]
        if other is not None and any(compat.same_subject(f, other) and _compare(f, other, True).severity == "agree"
                                     for f in later):
            return dataclasses.replace(d, severity="explained", explanation=(
                f"'{value}' was the count of an earlier version of the wire text; its later version gives "
                f"'{other_value}' too"))
    return d


def _inside(fact_d: Disagreement, version: Disagreement) -> bool:
    (s0, _), (s1, _) = fact_d.spans
    (a0, a1), (b0, b1) = version.spans
    return a0 <= s0 <= a1 and b0 <= s1 <= b1


def _norm(value: str) -> str:
    return " ".join(value.lower().split())


def attach(claims: Sequence[AlignedClaim], spans: Mapping[str, list[tuple[str, int, int]]],
           found: list[Disagreement]) -> tuple[list[AlignedClaim], list[Disagreement]]:
    """Name the aligned claims whose sentences carry each side of a disagreement; a conflict between
    independent reports makes the claims carrying its sides conflicting (a side stated in a report's
    own narration, outside any claim, is named in the note).

    ``spans``: claim id -> (document, start, end) of each retelling's sentences."""
    where: dict[str, list[tuple[int, int, str]]] = {}
    for cid, places in spans.items():
        for doc, s, e in places:
            where.setdefault(doc, []).append((s, e, cid))

    def claim_at(doc: str, pos: int) -> str:
        return next((cid for s, e, cid in where.get(doc, ()) if s <= pos < e), "")

    by_id = {c.id: c for c in claims}
    extra_conf: dict[str, set[str]] = {}
    notes: dict[str, list[str]] = {}
    out = []
    for d in found:
        ids = tuple(claim_at(doc, span[0]) for doc, span in zip(d.documents * (2 if len(d.documents) == 1 else 1),
                                                                 d.spans))
        d = dataclasses.replace(d, claims=ids)
        out.append(d)
        if d.severity != "conflict" or not d.independent or len(ids) != 2:
            continue
        a, b = ids
        note = f"{d.kind}: '{d.values[0]}' vs '{d.values[1]}' ({d.explanation})"
        if a == b:  # one claim carries both sides (two of its retellings disagree), or neither side sits in a claim
            if a in by_id and d.documents[0] != d.documents[-1]:
                extra_conf.setdefault(a, set())
                notes.setdefault(a, []).append(f"{note} — two retellings of this claim")
            continue
        for mine, other, doc in ((a, b, d.documents[1]), (b, a, d.documents[0])):
            if mine not in by_id:
                continue
            extra_conf.setdefault(mine, set())
            if other in by_id:
                extra_conf[mine].add(other)
                notes.setdefault(mine, []).append(note)
            else:  # the other side is a report's own narration: name the report
                notes.setdefault(mine, []).append(f"{note} — the report {doc} states it outside any claim")
    updated = []
    for c in claims:
        if c.id in extra_conf:
            new = tuple(sorted(set(c.conflicts_with) | extra_conf[c.id]))
            added = tuple(n for n in notes[c.id] if n not in c.conflict_notes)
            c = dataclasses.replace(c, status="conflicting", conflicts_with=new,
                                    related=tuple(r for r in c.related if r not in new),
                                    conflict_notes=c.conflict_notes + added)
        updated.append(c)
    return updated, out


def versions_not_conflicts(claims: Sequence[AlignedClaim],
                           syndication: Mapping[str, str | None]) -> list[AlignedClaim]:
    """Two claims carried only by copies of one wire text do not conflict as sources: the wire changed
    between versions. Their conflict link becomes a note; a claim left with no conflict gets its
    status back from its independent sources."""
    by_id = {c.id: c for c in claims}

    def group(c: AlignedClaim) -> set[str | None]:
        return {syndication.get(d) for d in c.documents}

    out = []
    for c in claims:
        keep, notes = [], []
        for other in c.conflicts_with:
            o = by_id.get(other)
            g = group(c) | group(o) if o is not None else {None}
            if o is not None and len(g) == 1 and None not in g:
                notes.append(f"the wire changed between versions: '{c.text}' vs '{o.text}' (copies of one text, "
                             f"not independent sources)")
            else:
                keep.append(other)
        if notes:
            status = "conflicting" if keep else "corroborated" if c.independent_sources >= 2 else "single_source"
            c = dataclasses.replace(c, conflicts_with=tuple(keep), status=status,
                                    conflict_notes=c.conflict_notes + tuple(notes))
        out.append(c)
    return out
