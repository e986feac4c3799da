"""Rich renderables of what the store holds, for the CLI. Reads only."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .denials import denied
from .export import story_counts, summary_counts
from .model import AlignedClaim, Document, StoryFindings
from .store import DocumentFilter
from .store.base import Store

BADGE = {"corroborated": "[bold green]CORROBORATED[/]", "single_source": "[yellow]SINGLE SOURCE[/]",
         "conflicting": "[bold red]CONFLICTING[/]"}


# C0 and C1 control characters (ESC starts terminal escape sequences; CR and backspace overwrite what is
# shown; a newline in a one-line field forges another line) and the bidirectional overrides/isolates
# (they reorder what is shown). Tab and newline stay in multi-line text.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_BLOCK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(value: Any, multiline: bool = False) -> str:
    """``value`` as text safe to print on a terminal: every control character shown as an escape (``\\x1b``)."""
    text = "" if value is None else str(value)
    return (_CONTROL_BLOCK if multiline else _CONTROL_LINE).sub(_escape, text)


def _escape(m: re.Match) -> str:
    n = ord(m.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(n) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


MAX_LIMIT = 1_000_000  # rows a list prints at most (SQLite takes 64-bit integers; a terminal far fewer)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(name: str, value: str | None) -> str | None:
    """A --since/--until value checked: YYYY, YYYY-MM or YYYY-MM-DD, a real date; else an InputError."""
    if value is None:
        return None
    from datetime import date

    from .errors import InputError

    m = _DATE.match(value.strip())
    try:
        if m:
            date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            return value.strip()
    except ValueError:
        pass
    raise InputError(name, f"{printable(value)!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")


def _short(text: str | None, n: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _columns(table: Table, *names: str) -> Table:
    """Add columns; ids and short codes never wrap, so they can be copied into the next command."""
    for name in names:
        if name in ("id", "entity"):
            table.add_column(name, no_wrap=True, min_width=18)
        elif name in ("", "status", "sources", "lang", "independent", "claims", "conflicts", "published", "type",
                      "kind", "value", "date", "dates"):
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, ratio=1, overflow="fold")
    return table


def _t(text: Any, multiline: bool = False) -> Text:
    """Untrusted text as a literal: never parsed as rich markup, control characters escaped."""
    return Text(printable(text, multiline))


def documents_table(store: Store, flt: DocumentFilter) -> Table:
    table = Table(title=f"documents ({store.count_documents(DocumentFilter(outlet=flt.outlet, language=flt.language, since=flt.since, until=flt.until))})")
    _columns(table, *("id", "published", "outlet", "lang", "title"))
    for d in store.documents(flt):
        table.add_row(_t(d.id), _t((d.published or "")[:10]), _t(d.outlet), _t(d.language), _t(_short(d.title, 70)))
    return table


def search_table(store: Store, query: str, limit: int, advanced: bool = False) -> Table:
    table = Table(title=_t(f"search: {query}"))
    _columns(table, *("id", "outlet", "title", "snippet"))
    for d, snip in store.search(query, limit, advanced):
        table.add_row(_t(d.id), _t(d.outlet), _t(_short(d.title, 50)), _t(_short(snip, 90)))
    return table


def stories_table(store: Store, limit: int, language: str | None = None) -> Table:
    """The biggest stories first, read from the stored summaries: a page sorted and cut by the database."""
    table = Table(title="stories" + (f" with reports in {language}" if language else ""))
    _columns(table, *("id", "dates", "reports", "independent", "claims", "conflicts", "title"))
    flt = DocumentFilter(language=language) if language else None
    for s in store.story_summaries(flt, "reports", limit=limit):
        span = " … ".join(x[:10] for x in dict.fromkeys([s.first_published, s.last_published]) if x) or "-"
        table.add_row(_t(s.story), _t(span), str(s.reports), str(s.independent_sources), str(s.claims),
                      str(s.conflicts), _t(_short(s.title, 60)))
    return table


def entities_table(store: Store, query: str | None, limit: int) -> Table:
    table = Table(title="entities")
    _columns(table, *("id", "type", "name", "aliases"))
    shown = 0
    for e in store.entities():
        names = [e.name, *e.aliases]
        if query and not any(query.lower() in n.lower() for n in names):
            continue
        table.add_row(_t(e.id), _t(e.type), _t(e.name), _t(", ".join(a for a in e.aliases if a != e.name)))
        shown += 1
        if shown >= limit:
            break
    return table


def _entity_names(store: Store) -> dict[str, str]:
    return {e.id: e.name for e in store.entities() if e.id}


def _who(c: AlignedClaim, names: dict[str, str], unknown: str) -> str:
    """The claim's speaker as shown: the entity's name, else the report's wording; 'denies' after it for a denial."""
    return names.get(c.speaker or "", c.speaker_text or unknown) + (" denies" if denied(c) else "")


def claims_table(store: Store, status: str | None = None, document: str | None = None, story: str | None = None,
                 limit: int = 100, language: str | None = None) -> Table:
    names = _entity_names(store)
    table = Table(title="claims" + (f" ({status})" if status else "") + (f" retold in {language}" if language else ""))
    _columns(table, *("id", "status", "sources", "speaker", "claim", "languages", "reports"))
    shown = 0
    for f in store.all_findings():
        if story and f.story != story:
            continue
        for c in f.claims:
            if status and c.status != status:
                continue
            if document and document not in c.documents:
                continue
            langs = list(dict.fromkeys(r.language for r in c.retellings if r.language))
            if language and language not in langs:
                continue
            table.add_row(_t(c.id), BADGE.get(c.status, c.status), str(c.independent_sources),
                          _t(_who(c, names, "-")), _t(_short(c.text, 70)),
                          _t(", ".join(langs) or "-"), _t(", ".join(c.documents)))
            shown += 1
            if shown >= limit:
                return table
    return table


def show(store: Store, item: str) -> Iterator[Any]:
    doc = store.document(item)
    if doc is not None:
        yield from show_document(store, doc)
        return
    story = store.story(item)
    if story is not None:
        yield from show_story(store, story.id)
        return
    from .errors import InputError

    raise InputError(item, "no document or story with that id (see `crosscheck documents` / `crosscheck stories`)")


def show_document(store: Store, doc: Document) -> Iterator[Any]:
    meta = Table.grid(padding=(0, 2))
    story_of = store.story_of()
    synd = store.syndication_of()
    for key, value in (("id", doc.id), ("source", doc.source), ("url", doc.url), ("outlet", doc.outlet),
                       ("published", doc.published), ("language", doc.language), ("authors", ", ".join(doc.authors)),
                       ("story", story_of.get(doc.id)), ("syndication group", synd.get(doc.id)),
                       ("revision", doc.revision)):
        if value:
            meta.add_row(key, _t(value))
    yield Panel(meta, title=_t(doc.title or "(no title)"))
    yield Panel(_t(doc.text, multiline=True), title="text")
    if doc.captions:
        yield Panel(_t("\n".join(map(printable, doc.captions)), multiline=True), title="captions")
    analysis = store.analysis(doc.id)
    if analysis is None:
        return
    links = store.entity_links()
    if analysis.entities:
        t = Table(title="entities")
        _columns(t, *("entity", "type", "name", "mentions as"))
        for e in analysis.entities:
            t.add_row(_t(links.get((doc.id, e.key), e.key)), _t(e.type), _t(e.name), _t(", ".join(e.aliases)))
        yield t
    if analysis.claims:
        t = Table(title="claims")
        _columns(t, *("kind", "speaker", "cue", "claim", "hedges"))
        for c in analysis.claims:
            t.add_row(_t(c.kind), _t(c.speaker_text), _t(c.cue), _t(_short(c.text, 90)), _t(", ".join(c.hedges)))
        yield t
    if analysis.quantities:
        t = Table(title="quantities")
        _columns(t, *("text", "value", "qualifier", "of"))
        for q in analysis.quantities:
            value = q.value if q.value is not None else f"{q.low}–{q.high}"
            t.add_row(_t(q.text), _t(value), _t(q.qualifier), _t(q.of or q.unit))
        yield t
    if analysis.times:
        t = Table(title="times")
        _columns(t, *("text", "value", "note"))
        for x in analysis.times:
            note = "; ".join(n for n in ("year inferred" if x.inferred_year else "", x.warning or "") if n)
            t.add_row(_t(x.text), _t(x.value), _t(note))
        yield t


def claims_matrix(store: Store, findings: StoryFindings, docs: list[Document],
                  names: dict[str, str] | None = None) -> Table:
    names = _entity_names(store) if names is None else names
    t = Table(title="claims × reports", show_lines=True)
    t.add_column("claim")
    t.add_column("verdict")
    for i, d in enumerate(docs, 1):
        t.add_column(f"R{i}" + (f" {d.language}" if d.language else ""), justify="center")
    for c in findings.claims:
        row = [_t(f"{_who(c, names, '?')}: " + _short(c.text, 70)), Text.from_markup(BADGE.get(c.status, c.status) +
                                                                           f" ({c.independent_sources})")]
        row += ["●" if d.id in c.documents else "" for d in docs]
        t.add_row(*row)
    return t


def show_story(store: Store, story_id: str) -> Iterator[Any]:
    story = store.story(story_id)
    synd = store.syndication_of()
    docs = [store.document(d) for d in story.documents]
    docs = [d for d in docs if d is not None]
    summary = store.story_summary(story_id)
    counts = summary_counts(summary) if summary is not None else {}
    yield Panel(Group(_t(story.summary, multiline=True)), title=_t(story.title or story.id),
                subtitle=f"{counts.get('reports', 0)} reports, {counts.get('independent_sources', 0)} independent")
    t = Table(title="reports")
    _columns(t, *("", "id", "outlet", "published", "lang", "syndication", "title"))
    for i, d in enumerate(sorted(docs, key=lambda d: (synd.get(d.id) or "~", d.published or "")), 1):
        t.add_row(f"R{docs.index(d) + 1}", _t(d.id), _t(d.outlet), _t((d.published or "")[:10]), _t(d.language),
                  _t(synd.get(d.id) or "-"), _t(_short(d.title, 50)))
    yield t
    yield from _copies(store, docs, synd)
    findings = store.findings(story_id)
    if findings is None:
        return
    names = _entity_names(store)
    if findings.claims:
        yield claims_matrix(store, findings, docs, names)
    yield from _conflicts_and_drift(findings.claims, names)
    if findings.disagreements:
        yield disagreements_table(store, story=story_id, labels={d.id: f"R{i}" for i, d in enumerate(docs, 1)})
    if findings.timeline:
        tl = Table(title="timeline")
        _columns(tl, *("date", "report", "sentence"))
        for e in findings.timeline:
            tl.add_row(_t(e.value + (" (year inferred)" if e.inferred_year else "")), _t(e.document), _t(_short(e.text, 90)))
        yield tl


def _copies(store: Store, docs: list[Document], synd: dict[str, str]) -> Iterator[Any]:
    """Why reports of the story were judged one source (kind and evidence per syndication member)."""
    groups = {synd[d.id] for d in docs if d.id in synd}
    if not groups:
        return
    label = {d.id: f"R{i}" for i, d in enumerate(docs, 1)}
    t = Table(title="copies and translations (one source each)")
    _columns(t, *("group", "report", "kind", "why"))
    for g in store.syndication_groups():
        if g.id not in groups:
            continue
        for m in g.members:
            if m.document in label:
                reason = m.reason.replace(m.matched, label.get(m.matched, m.matched)) if m.matched else m.reason
                t.add_row(_t(f"{g.id} ({g.origin_outlet or '?'})"), _t(label[m.document]), _t(m.kind), _t(reason))
    yield t


_SEVERITY = {"conflict": "[red]conflict[/]", "version": "[yellow]wire changed between versions[/]",
             "slip": "[yellow]date slip[/]", "precision": "differs in precision", "explained": "[dim]explained[/]"}
_SEVERITY_ORDER = {"conflict": 0, "version": 1, "slip": 2, "precision": 3, "explained": 4}


def disagreements_table(store: Store, story: str | None = None, document: str | None = None,
                        labels: dict[str, str] | None = None, limit: int = 100) -> Table:
    """Where reports disagree on figures and dates, date slips inside a report, wire version changes:
    kind, verdict, each side's value and report, and the one-line explanation."""
    table = Table(title="where the reports disagree", show_lines=True)
    _columns(table, *("kind", "verdict", "subject", "one side", "other side", "why"))
    rows = []
    for f in store.all_findings():
        if story and f.story != story:
            continue
        for x in f.disagreements:
            if document and document not in x.documents:
                continue
            rows.append(x)
    rows.sort(key=lambda x: _SEVERITY_ORDER.get(x.severity, 9))
    for x in rows[:limit]:
        sides = []
        for i, doc in enumerate(x.documents):
            name = (labels or {}).get(doc, doc)
            when = f" {x.published[i][:16]}" if i < len(x.published) and x.published[i] else ""
            value = x.values[i] if i < len(x.values) else ""
            sides.append(Text(f"{_short(value, 70)}\n").append(f"{name}{when}", style="dim"))
        if len(x.documents) == 1 and len(x.values) > 1:
            sides.append(Text(_short(x.values[1], 70)))
        while len(sides) < 2:
            sides.append(Text(""))
        verdict = Text.from_markup(_SEVERITY.get(x.severity, x.severity))
        if not x.independent:
            verdict.append("\nnot independent", style="dim")
        table.add_row(x.kind.replace("_", " "), verdict, _t(x.subject), sides[0], sides[1], _t(_short(x.explanation, 120)))
    return table


def _conflicts_and_drift(claims: tuple[AlignedClaim, ...], names: dict[str, str] | None = None) -> Iterator[Any]:
    by_id = {c.id: c for c in claims}
    conflicts = Table(title="conflicts")
    conflicts.add_column("claim")
    conflicts.add_column("conflicts with")
    seen = set()
    for c in claims:
        for other in c.conflicts_with:
            pair = tuple(sorted((c.id, other)))
            if pair in seen or other not in by_id:
                continue
            seen.add(pair)
            # who says each side, and whether it denies it ('X denies: the depot was hit' against 'Y: drones hit it')
            conflicts.add_row(*(_t(_short(f"{_who(x, names or {}, 'unattributed')}: {x.text}", 80))
                                for x in (c, by_id[other])))
    if seen:
        yield conflicts
    drift = Table(title="drift")
    drift.add_column("claim")
    drift.add_column("how the retellings changed it")
    n = 0
    for c in claims:
        if c.drift:
            drift.add_row(_t(_short(c.text, 60)), _t("\n".join(map(printable, c.drift)), multiline=True))
            n += 1
    if n:
        yield drift


def demo_report(store: Store) -> Iterator[Any]:
    counts = story_counts(store)
    n_docs = store.count_documents()
    outlets = {d.outlet for d in store.documents() if d.outlet}
    yield _t(f"The store {store.path} holds {n_docs} reports from {len(outlets)} outlets in "
               f"{len(counts)} stories, {len(store.entities())} entities, "
               f"{len(store.syndication_groups())} syndication groups.")
    yield documents_table(store, DocumentFilter(limit=50))
    yield stories_table(store, 20)

    def richness(sid: str) -> tuple:
        f = store.findings(sid)
        statuses = {c.status for c in f.claims} if f else set()
        drift = any(c.drift for c in f.claims) if f else False
        return (len(statuses), drift, counts[sid]["reports"])

    if counts:
        best = max(counts, key=richness)
        yield from show_story(store, best)
        languages = {d.id: d.language for d in store.documents() if d.language}
        told_in = {s.id: {languages[d] for d in s.documents if d in languages} for s in store.stories()}
        widest = max(told_in, key=lambda sid: (len(told_in[sid]), sid), default=None)
        if widest is not None and widest != best and len(told_in[widest]) >= 3:
            yield Text.assemble("\n", _t(f"One event told in {len(told_in[widest])} languages "
                                          f"({', '.join(sorted(told_in[widest]))}), claims aligned across them:"))
            yield from show_story(store, widest)
        if any(f.disagreements for f in store.all_findings() if f.story != best):
            yield disagreements_table(store)
    yield Text.assemble("\n", _t(f"Open the web UI:  .venv/bin/crosscheck --db {store.path} serve   then visit http://127.0.0.1:8000/"))


HEALTH = {"ok": "[green]ok[/]", "new": "new", "failing": "[yellow]failing[/]", "unhealthy": "[bold red]unhealthy[/]"}


def sources_table(store: Store) -> Table:
    """Watched sources with their health (crosscheck watch keeps it in the store)."""
    table = _columns(Table(title="sources", title_justify="left"), "source", "kind", "health", "items", "last ok",
                     "failures", "next poll", "last error")
    for st in store.sources():
        feed = f" → {st.feed_url}" if st.feed_url else ""
        table.add_row(_t(st.url + feed), _t(st.kind), HEALTH.get(st.health, _t(st.health)), str(st.items_ingested),
                      _t((st.last_ok or "")[:19]), str(st.failures), _t((st.next_due or "")[:19]),
                      _t(_short(st.last_error, 60)))
    if not table.rows:
        table.caption = "no sources yet: run `crosscheck watch SOURCES_FILE`"
    return table
