"""Report text as safe HTML with claims, entities, quantities and times marked by their offsets.

Every text segment goes through ``markupsafe.escape``; the only markup emitted is the ``<span>``
tags built here, with escaped attribute values. Overlapping spans are closed and reopened so the
output is always well nested.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Analysis

# outer first when two spans start and end together
_RANK = {"claim": 0, "entity": 1, "quantity": 2, "time": 3}


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of the text."""

    start: int
    end: int
    kind: str  # claim | entity | quantity | time
    ref: str = ""  # claim key, global entity id, normalised value
    title: str = ""  # tooltip


def spans_of(analysis: Analysis | None, entity_of: dict[str, str] | None = None,
             entity_names: dict[str, str] | None = None) -> list[Span]:
    """The spans to highlight for one analysed document (entity keys mapped to global ids when known)."""
    if analysis is None:
        return []
    entity_of = entity_of or {}
    entity_names = entity_names or {}
    local = {e.key: e for e in analysis.entities}
    out: list[Span] = []
    for c in analysis.claims:
        if c.in_title:
            continue  # offsets into the headline, not the text
        who = c.speaker_text or "unattributed"
        out.append(Span(c.start, c.end, "claim", c.key, f"claim {c.key}: {who}" + (f" ({c.cue})" if c.cue else "")))
    for m in analysis.mentions:
        gid = entity_of.get(m.entity, "")
        ent = local.get(m.entity)
        name = entity_names.get(gid) or (ent.name if ent else m.text)
        out.append(Span(m.start, m.end, "entity", gid, f"{m.label}: {name}"))
    for q in analysis.quantities:
        what = " ".join(str(x) for x in (q.qualifier, q.value if q.value is not None else f"{q.low}-{q.high}",
                                         q.unit, q.of) if x not in (None, ""))
        out.append(Span(q.start, q.end, "quantity", "", f"quantity: {what}"))
    for t in analysis.times:
        if t.caption is not None:  # found in a caption, not in the body these offsets would point into
            continue
        out.append(Span(t.start, t.end, "time", t.value, f"date: {t.value}" + (f" ({t.warning})" if t.warning else "")))
    return out


def title_spans(analysis: Analysis | None) -> list[Span]:
    """The headline's claims, to highlight in the title (their offsets are the title's)."""
    return [Span(c.start, c.end, "claim", c.key, f"claim {c.key}: {c.speaker_text or 'unattributed'}")
            for c in (analysis.claims if analysis is not None else ()) if c.in_title]


def _order(s: Span) -> tuple:
    return (s.start, -s.end, _RANK.get(s.kind, 9))


def _open(s: Span, first: bool) -> str:
    attrs = [f'class="hl hl-{escape(s.kind)}"']
    if s.kind == "claim" and first:
        attrs.append(f'id="claim-{escape(s.ref)}"')
    if s.ref:
        attrs.append(f'data-ref="{escape(s.ref)}"')
    if s.title:
        attrs.append(f'title="{escape(s.title)}"')
    return "<span " + " ".join(attrs) + ">"


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with each span wrapped in a ``<span class="hl hl-KIND">``."""
    n = len(text)
    spans = [Span(s.start, min(s.end, n), s.kind, s.ref, s.title) for s in spans
             if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < n and s.end > s.start]
    if not spans:
        return Markup(escape(text))
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    bounds = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    active: list[Span] = []
    opened: set[int] = set()
    for a, b in zip(bounds, bounds[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        want = sorted(active, key=_order)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for s in want[keep:]:
            out.append(_open(s, id(s) not in opened))
            opened.add(id(s))
        stack = want
        out.append(str(escape(text[a:b])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))
