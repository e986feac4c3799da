"""How an aligned claim changes from report to report (drift), and the chain of
sources behind it as far as the reports state it."""
from __future__ import annotations

from collections.abc import Mapping

from ..model import Document, Retelling
from ..textunits import sentence_spans, word_count
from .values import scale_apart, same_thing
from .features import ClaimView
from .figures import APPROX_QUALIFIERS, Figure

PART_SHARE = 0.6  # a retelling under this share of the other's words, which has several sentences, retells a part


def _retells_part(a: ClaimView, b: ClaimView) -> bool:
    """One retelling holds only a part of the other: the other has several sentences and the one has under
    PART_SHARE of its words ('"We are not yet done"' of '"We are not yet done. Further tightening may be
    needed"'): a hedge or modality of the part it leaves out changed nothing."""
    (short, long_) = sorted((a.claim.text, b.claim.text), key=word_count)
    return len(sentence_spans(long_)) > 1 and word_count(short) < PART_SHARE * word_count(long_)


_MODALITY_WORDS = {"actual": "stated as fact", "plan": "a plan or intention", "future": "will happen",
                   "possible": "may happen"}


def retelling(v: ClaimView) -> Retelling:
    c = v.claim
    return Retelling(document=v.document, claim=v.claim_ref, text=c.text, cue=c.cue, hedges=tuple(c.hedges),
                     speaker_text=c.speaker_text, modality=v.modality,
                     figures=tuple(f.label() for f in v.figures), negated=v.negated, language=v.language)


def _outlet(doc_id: str, documents: Mapping[str, Document]) -> str:
    """A short name for a report in notes: its outlet, else its source's last part, else its id."""
    doc = documents.get(doc_id)
    if doc is None:
        return doc_id
    if doc.outlet:
        return doc.outlet
    tail = doc.source.rstrip("/").rsplit("/", 1)[-1] if doc.source else ""
    return tail[:40] or doc_id


def _figure_drift_across(a: ClaimView, b: ClaimView, src: str, dst: str) -> list[str]:
    """Across languages: a retelling's single figure changed in value (not a scale word read or missed)."""
    if len(a.figures) != 1 or len(b.figures) != 1:
        return []
    fa, fb = a.figures[0], b.figures[0]
    if (fa.low <= fb.high and fb.low <= fa.high) or scale_apart(fa, fb):
        return []
    return [f"figure: '{fa.text}' ({src}) -> '{fb.text}' ({dst})"]


def _same_figure(fa: Figure, fb: Figure) -> bool:
    """The same figure, hedged alike: 'About 300' / 'Around 300' are one figure."""
    return (fa.low, fa.high, _hedge(fa.qualifier)) == (fb.low, fb.high, _hedge(fb.qualifier)) or \
        fa.text.lower() == fb.text.lower()


def _vague(f: Figure) -> bool:
    """'thousands', 'dozens': a word for a span of values; of an unknown thing it is no retelling of a count."""
    return f.low != f.high and not any(ch.isdigit() for ch in f.text)


def _hedge(qualifier: str | None) -> str | None:
    q = (qualifier or "").lower() or None
    return "approx" if q in APPROX_QUALIFIERS else q


def drift_notes(members: list[ClaimView], documents: Mapping[str, Document]) -> tuple[str, ...]:
    """Human-readable notes where a retelling changes predicate, modality, figure or hedging."""
    if len(members) < 2:
        return ()
    first = members[0]
    src = _outlet(first.document, documents)
    notes: list[str] = []
    for v in members[1:]:
        if v.document == first.document:
            continue
        dst = _outlet(v.document, documents)
        if first.cross(v):
            notes += _figure_drift_across(first, v, src, dst)
        elif first.predicates - v.predicates and v.predicates - first.predicates:  # predicate classes: English
            notes.append(f"predicate: {'/'.join(sorted(first.predicates))} ({src}) -> "
                         f"{'/'.join(sorted(v.predicates))} ({dst})")
        # modality against the first retelling in the same language (data/modality_words.json: each language's
        # words; a translation's 'could carry' / 'podía transportar' is no drift), so that 'plan to evacuate' ->
        # 'have been evacuated' shows also when a report in another language came first
        same = next(m for m in members if not m.cross(v))
        if same.document != v.document and same.modality != v.modality and not _retells_part(same, v):
            notes.append(f"modality: {_MODALITY_WORDS[same.modality]} ({_outlet(same.document, documents)}) -> "
                         f"{_MODALITY_WORDS[v.modality]} ({dst})")
        single = len(first.figures) == 1 and len(v.figures) == 1
        # a figure the other retelling states too is no drift ('4.2 million tonnes, down from 6.3 million
        # tonnes' in both: neither changed into the other)
        only_a = [fa for fa in first.figures if not any(_same_figure(fa, fb) for fb in v.figures)]
        only_b = [fb for fb in v.figures if not any(_same_figure(fa, fb) for fa in first.figures)]
        for fa in only_a:
            for fb in only_b:
                if first.cross(v):
                    continue  # compared by value above: counted things are words of two languages
                if not (same_thing(fa.of, fb.of) or single and not (fa.of and fb.of) and not (_vague(fa) or _vague(fb))):
                    continue  # figures of different things
                notes.append(f"figure: '{fa.text}' ({src}) -> '{fb.text}' ({dst})")
        ha, hb = (set(), set()) if _retells_part(first, v) else (set(first.claim.hedges), set(v.claim.hedges))
        if ha - hb:
            notes.append(f"hedge dropped: {', '.join(sorted(ha - hb))} ({src}) -> none ({dst})")
        if hb - ha:
            notes.append(f"hedge added: {', '.join(sorted(hb - ha))} ({dst})")
    return tuple(dict.fromkeys(notes))


def chain(speaker: str | None, members: list[ClaimView], speaker_id: str | None = None) -> tuple[str, ...]:
    """The speaker, then the sources behind, nearest first, merged over the retellings."""
    out: list[str] = []
    seen: set[str] = set()

    def add(name: str | None) -> None:
        if name and name.strip() and name.strip().lower() not in seen:
            seen.add(name.strip().lower())
            out.append(name.strip())

    add(speaker)
    for v in members:
        c = v.claim
        if not v.named or (speaker_id and v.speaker_id != speaker_id):
            add(c.speaker_text or v.speaker_name)  # an unresolved source behind the named speaker
        for link in c.chain:
            add(link)
    return tuple(out)
