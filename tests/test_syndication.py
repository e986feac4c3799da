"""Syndicated copies: wire copies, republications with a prefix, a copy with an added paragraph."""
from crosscheck.model import Document
from crosscheck.syndication import SyndicationIndex, fingerprint

WIRE = (
    "MARLOW BAY (AP) — Harbour authorities in the fictional port town of Marlow Bay closed the northern "
    "pier on Tuesday after a storm surge tore loose three fishing trawlers and damaged the old lighthouse. "
    "The harbour master, Edda Quill, said no one was hurt but that repairs would take at least six weeks. "
    "Fishermen gathered at the quay to watch cranes lift the broken boats out of the water, while "
    "engineers inspected cracks in the sea wall that had been repaired only last spring. "
    "The town council will meet on Thursday to decide how to pay for the work, Quill said."
)
EXTRA = (
    "\n\nLocal businesses, many of which depend on summer visitors, said they feared the closure would keep "
    "tourists away during the busiest month of the year, and asked the council for emergency help."
)
OTHER = (
    "The regional orchestra of Vellmar announced a new season of twelve concerts on Monday, opening with a "
    "programme of forgotten symphonies found in a monastery archive. The conductor, Piet Arnaud, said the "
    "scores had been restored by students over two winters, and that tickets would go on sale next week "
    "at the box office and online. The first concert will take place in the cathedral in October."
)


def doc(i, text, outlet=None, published=None):
    return Document(id=f"d{i}", source=f"s{i}", fmt="txt", text=text, outlet=outlet, published=published)


def test_wire_copies_and_republication_share_one_group_and_credit_the_wire():
    idx = SyndicationIndex()
    docs = [
        doc(1, WIRE, outlet="Coast Daily", published="2024-03-05"),
        doc(2, OTHER, outlet="Arts Weekly", published="2024-03-05"),
        doc(3, "(MENAFN - Coast Wire) " + WIRE.replace("MARLOW BAY (AP) — ", ""), outlet="MENAFN", published="2024-03-06"),
        doc(4, WIRE + EXTRA, outlet="Harbour Herald", published="2024-03-04"),
    ]
    groups = [idx.assign(d, fingerprint(d)) for d in docs]
    assert groups[0] is None  # unique so far
    assert groups[1] is None
    assert groups[2] is not None and groups[2] == groups[3]
    assert idx.group_of("d1") == groups[2]  # the singleton it copied joins the group
    assert idx.group_of("d2") is None
    (group,) = idx.groups()
    assert set(group.documents) == {"d1", "d3", "d4"}
    assert group.origin_outlet == "AP"


def test_rewrite_keeping_most_sentences_joins_but_distinct_text_does_not():
    idx = SyndicationIndex()
    rewrite = WIRE.replace("closed the northern pier on Tuesday", "shut the north pier on Tuesday").replace(
        "The town council will meet on Thursday", "Councillors are due to meet on Thursday")
    a, b, c = doc(1, WIRE), doc(2, rewrite), doc(3, OTHER)
    assert idx.assign(a, fingerprint(a)) is None
    assert idx.assign(b, fingerprint(b)) is not None
    assert idx.assign(c, fingerprint(c)) is None


def test_origin_is_earliest_when_no_credit_and_groups_reload():
    plain = WIRE.replace("MARLOW BAY (AP) — ", "")
    docs = [doc(1, plain, "Late Post", "2024-03-07"), doc(2, plain, "Early Times", "2024-03-05")]
    idx = SyndicationIndex()
    for d in docs:
        idx.assign(d, fingerprint(d))
    (group,) = idx.groups()
    assert group.origin == "d2" and group.origin_outlet == "Early Times"
    # a fresh index loads the stored fingerprints and groups, and a third copy joins the same group
    reloaded = SyndicationIndex()
    fps = {d.id: fingerprint(d) for d in docs}
    for d in docs:
        reloaded.add(d, fps[d.id], group.id)
    third = doc(3, plain, "Third", "2024-03-08")
    assert reloaded.assign(third, fingerprint(third)) == group.id


def test_credit_forms():
    for text, want in [
        ("SEOUL, Oct. 3 (Yonhap) -- " + OTHER, "Yonhap"),
        ("(MENAFN - UkrInform) " + OTHER, "Ukrinform"),
        ("LONDON (Reuters) - " + OTHER, "Reuters"),
        ("The ministry confirmed the figure, according to Yonhap. " + OTHER, "Yonhap"),
        (OTHER, None),
    ]:
        assert fingerprint(doc(1, text)).credit == want


def test_fingerprint_is_json_friendly():
    import json

    fp = fingerprint(doc(1, WIRE))
    assert len(fp.hashvalues) == 128 and fp.shingles > 50
    json.dumps(fp.__dict__)


# -- issue 12: wire copies edited, trimmed and re-headlined; translations; credits ------------------
import json as _json
import re
from pathlib import Path as _Path

import pytest

from crosscheck.clean import clean
from crosscheck.config import Settings
from crosscheck.credits import parse_credits
from crosscheck.model import RawReport
from conftest import schema_before

WIRE_FIXTURES = _Path(__file__).parent / "fixtures" / "wire"


def _docs(name):
    out = []
    for line in (WIRE_FIXTURES / name).open(encoding="utf-8"):
        r = _json.loads(line)
        out.append(clean(RawReport(source=r["id"], fmt="jsonl", text=r["text"], title=r.get("title"),
                                   outlet=r.get("outlet"), published=r.get("published"), language=r.get("language"))))
    return out


def _index(docs, order=None):
    idx = SyndicationIndex()
    for d in (order or docs):
        idx.assign(d, fingerprint(d))
    return idx


def test_edited_wire_copies_form_one_group_with_the_wire_as_origin():
    docs = _docs("copies.jsonl")
    idx = _index(docs)
    (group,) = idx.groups()
    assert set(group.documents) == {d.id for d in docs}  # trimmed, reordered, half, with and without credit
    src = {d.id: d.source for d in docs}
    assert group.origin_outlet == "AP" and src[group.origin] == "wire:ap"
    kinds = {src[m.document]: m for m in group.members}
    assert kinds["wire:ap"].kind == "origin"
    assert kinds["wire:valleypost"].kind == "copy"
    assert kinds["wire:northstar"].kind == "copy"  # three paragraphs dropped, the rest verbatim
    for m in group.members:
        assert m.matched in group.documents and m.shared >= 3 and m.passages and m.reason.startswith("shares ")


def test_group_grows_in_any_arrival_order_and_after_a_reload():
    docs = _docs("copies.jsonl")
    for order in (docs[::-1], docs[2:] + docs[:2]):
        idx = _index(docs, order)
        assert len(idx.groups()) == 1 and len(idx.groups()[0].documents) == len(docs)
    # the first two reports in one run, the rest in a later run from the stored state
    first = _index(docs[:2])
    (g,) = first.groups()
    later = SyndicationIndex()
    members = {m.document: m for m in g.members}
    for d in docs[:2]:
        later.add(d.id, fingerprint(d), first.group_of(d.id), members.get(d.id))
    for d in docs[2:]:
        assert later.assign(d, fingerprint(d)) == g.id
    assert {m.document for m in later.groups()[0].members} == {d.id for d in docs}


def test_a_half_copy_is_contained_and_reasons_name_order_and_credit():
    docs = {d.source: d for d in _docs("copies.jsonl")}
    idx = _index([docs["wire:ap"], docs["wire:fallowby"], docs["wire:edmore"]])
    members = {m.document: m for m in idx.groups()[0].members}
    half = members[docs["wire:fallowby"].id]
    # the first half: four narrative sentences (the quote is no evidence) and the site's own paragraph
    assert half.in_order == half.shared == 4 and half.containment == 0.8
    assert "shares 4 sentences (in order)" in half.reason and "both credit AP" in half.reason
    edmore = members[docs["wire:edmore"].id]
    assert edmore.in_order < edmore.shared  # reordered paragraphs: not all in order, still one source
    a0, a1, b0, b1 = half.passages[0]
    assert docs["wire:fallowby"].text[a0:a1] == docs["wire:ap"].text[b0:b1]


def test_independent_reports_of_one_press_conference_are_not_grouped():
    docs = _docs("press_conference.jsonl")
    idx = _index(docs)
    assert idx.groups() == []  # the same quotes and figures, told in each reporter's own words


def test_shared_quotes_alone_are_no_evidence():
    quote = ('"We will have the first ship sailing before the autumn storms arrive and nobody on the islands '
             'will be left behind," Dancey said.')
    a = doc(1, "\n\n".join([quote, "Dancey spoke on the quay at Port Wren beside a model of the new ship for the islands.",
                            quote.replace("Dancey said", "the minister added"), quote]))
    b = doc(2, "\n\n".join([quote, "Reporters gathered in a cold warehouse by the harbour to hear the minister on Monday.",
                            quote.replace("Dancey said", "the minister added"), quote]))
    idx = SyndicationIndex()
    assert idx.assign(a, fingerprint(a)) is None and idx.assign(b, fingerprint(b)) is None


def test_translations_join_one_group_marked_as_translation():
    docs = {d.source: d for d in _docs("translations.jsonl")}
    idx = _index(list(docs.values()))
    (group,) = idx.groups()
    src = {d.id: s for s, d in docs.items()}
    assert {src[d] for d in group.documents} == {"tr:en", "tr:es", "tr:de"}  # not the other Spanish report
    kinds = {src[m.document]: m.kind for m in group.members}
    assert kinds["tr:en"] == "origin" and kinds["tr:es"] == "translation" and kinds["tr:de"] == "translation"


def test_copies_in_different_languages_are_not_sentence_copies():
    docs = {d.source: d for d in _docs("translations.jsonl")}
    en, es = fingerprint(docs["tr:en"]), fingerprint(docs["tr:es"])
    assert not set(h for s in en.sketches for h in s) & set(h for s in es.sketches for h in s)


@pytest.mark.parametrize("text,want", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", ("AP",)),
    ("LONDON, Oct 3 (Reuters) - Shares fell sharply.", ("Reuters",)),
    ("BROWNSVILLE (dpa-AFX) - The company said on Monday.", ("dpa",)),
    ("The talks ended without a deal.\n\n— AFP", ("AFP",)),
    ("SEOUL, Oct. 3 (Yonhap) -- The ministry said.", ("Yonhap",)),
    ("KYIV. Interfax-Ukraine reports that the council met.", ("Interfax-Ukraine",)),
    ("The army advanced near the river, Ukrinform reports.", ("Ukrinform",)),
    ("The plant will close.\n\nThe Associated Press contributed to this report.", ("AP",)),
    ("The plant will close in spring.\n\n(with AFP)", ("AFP",)),
    ("A Reuters/Ipsos poll found that voters were split.", ()),
    ("The apple harvest was poor this year in the valley.", ()),
    # an agency the list does not know, credited by the dateline's form
    ("TARSK, Oct 3 (Northwire) - A ferry sank off the coast.", ("Northwire",)),
    ("LISCA (Balkan Wire) — The court ruled on Tuesday.", ("Balkan Wire",)),
    ("Smith (R-Texas) - said the bill would pass.", ()),
])
def test_credit_lines_and_datelines(text, want):
    assert parse_credits(text) == want


def test_clean_sets_document_credits():
    d = clean(RawReport(source="x", fmt="txt", text="MARLOW BAY (AP) — Harbour authorities closed the northern pier on "
                        "Tuesday after a storm surge tore loose three fishing trawlers."))
    assert d.credits == ("AP",)


def test_seed_pair_is_not_grouped(shared):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    docs = [clean(RawReport(source=str(p), fmt="txt", text=p.read_text(encoding="utf-8"))) for p in seeds]
    assert len(docs) == 2
    assert _index(docs).groups() == []  # two retellings, not copies



def test_pipeline_stores_groups_with_evidence_counts_them_once_and_recluster_agrees(store, tmp_path):
    import io

    from crosscheck.export import write_json
    from crosscheck.pipeline import Pipeline

    lines = (WIRE_FIXTURES / "copies.jsonl").read_text(encoding="utf-8").splitlines()
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    rest.write_text("\n".join(lines[2:]) + "\n", encoding="utf-8")
    pipe = Pipeline(store)
    pipe.ingest([str(first), str(WIRE_FIXTURES / "press_conference.jsonl")])
    pipe.ingest([str(rest)])  # later copies join the stored group
    (group,) = store.syndication_groups()
    assert len(group.documents) == 5 and group.origin_outlet == "AP"
    assert {m.document for m in group.members} == set(group.documents)
    assert all(m.reason for m in group.members if m.kind != "origin")
    assert store.document(group.origin).credits == ("AP",)
    out = io.StringIO()
    write_json(store, out)
    data = _json.loads(out.getvalue())
    wire_claims = [c for c in data["claims"] if set(c["documents"]) <= set(group.documents) and len(c["documents"]) > 1]
    assert wire_claims and all(c["independent_sources"] == 1 for c in wire_claims)
    ferry = [c for c in data["claims"] if "first ship sailing" in c["text"]]
    assert ferry and max(c["independent_sources"] for c in ferry) == 3  # three reporters, one quote
    before = {d: g for d, g in store.syndication_of().items()}
    pipe.recluster()
    assert store.syndication_of() == before


def test_story_page_says_why_reports_are_one_source_and_shows_passages(store, db_path):
    import html

    from crosscheck.pipeline import Pipeline
    from web_fixtures import readonly_client

    Pipeline(store).ingest([str(WIRE_FIXTURES / "copies.jsonl")])
    (group,) = store.syndication_groups()
    story = store.story_of()[group.origin]
    for client in readonly_client(db_path):
        page = html.unescape(re.sub(r"<[^>]+>", "", client.get(f"/stories/{story}").text))
        page = re.sub(r"\s+", " ", page)
        assert "Copies and translations" in page and "One source: AP · 5 reports" in page
        assert re.search(r"shares \d+ sentences \(in order\) with R\d \(AP\)[^<]*; both credit AP", page)
        assert "shared passages (" in page and "side by side with R" in page
        # a passage of the wire as the copy printed it, next to the wire's own
        assert page.count("Engineers broke through the last section of rock beneath the Tarrow hills") >= 2
        (api_group,) = client.get(f"/api/stories/{story}").json()["copies"]
        assert api_group["origin_outlet"] == "AP" and len(api_group["members"]) == 5
        assert all(m["passages"] for m in api_group["members"])


def test_a_store_from_before_credits_migrates_and_recluster_refingerprints(tmp_path):
    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    path = tmp_path / "old.db"
    con = schema_before(path, "ADD COLUMN credits")  # the schema as it was before syndication evidence
    before = con.execute("PRAGMA user_version").fetchone()[0]
    con.execute("INSERT INTO documents (id, source, fmt, text, content_hash) VALUES ('old', 's-old', 'txt', 'x', 'h')")
    con.commit()
    con.close()
    store = open_store(path)
    try:
        assert store.schema_version() > before
        assert store.document("old").credits is None  # never looked for, not "none found"
        # old fingerprints (version 1) are recomputed by a batch recluster
        docs = _docs("copies.jsonl")
        with store.transaction():
            for d in docs:
                store.put_document(d, None)
                old_fp = fingerprint(d)
                store.put_feature(d.id, "fingerprint", _json.dumps({"document": d.id, "hashvalues": list(old_fp.hashvalues),
                                                                    "shingles": old_fp.shingles, "published": d.published}))
        Pipeline(store).recluster()
        (group,) = store.syndication_groups()
        assert set(group.documents) == {d.id for d in docs} and group.origin_outlet == "AP"
    finally:
        store.close()


def test_cli_show_story_lists_why_reports_are_one_source(cli, db_path):
    assert cli("ingest", str(WIRE_FIXTURES / "copies.jsonl"), db=db_path).returncode == 0
    from crosscheck.store import open_store

    s = open_store(db_path, readonly=True)
    try:
        (group,) = s.syndication_groups()
        story = s.story_of()[group.origin]
    finally:
        s.close()
    out = cli("show", story, db=db_path, env={"COLUMNS": "250"})
    assert out.returncode == 0, out.stderr
    assert "copies and translations" in out.stdout and "both credit AP" in out.stdout
    assert re.search(r"shares \d+ sentences \(in order\) with R\d", out.stdout)


def test_version_diff_of_a_rewrite_stops_before_comparing_sentences(monkeypatch):
    """More copies are found now (edited rewrites among them): corroborate's wire-version diff must not
    compare every sentence of a rewrite with every other before deciding it is no version."""
    from crosscheck.corroborate import versions

    calls = []
    real = versions.SequenceMatcher

    class Counting(real):
        def ratio(self):
            calls.append(1)
            return super().ratio()

    monkeypatch.setattr(versions, "SequenceMatcher", Counting)
    docs = {d.source: d for d in _docs("copies.jsonl")}
    rewrite = Document(id="rw", source="rw", fmt="txt", language="en",
                       text="\n\n".join([
                           s.replace("the", "a").replace("was", "had been") for s in docs["wire:ap"].text.split("\n\n")]))
    assert versions._changes(docs["wire:ap"], rewrite) == []
    assert calls == []
    # a true version (one figure changed) is still found
    changed = Document(id="v2", source="v2", fmt="txt", language="en",
                       text=docs["wire:ap"].text.replace("300 lorries", "350 lorries"))
    (kind, _, _), = versions._changes(docs["wire:ap"], changed)
    assert kind == "figure"


def test_a_dateline_credits_a_wire_in_capitals_and_several_wires_at_once():
    """'MADRID, 20 Nov. (EUROPA PRESS) -' and 'Moskau (dpa/AFP) -' credited no wire: aliases were read as listed
    only, and a dateline held one wire."""
    from crosscheck.credits import parse_credits

    assert parse_credits("MADRID, 20 Nov. (EUROPA PRESS) - El Gobierno aprobó el decreto.") == ("Europa Press",)
    assert parse_credits("Moskau (dpa/AFP) - Russland hat die Vorwürfe zurückgewiesen.") == ("dpa", "AFP")
    assert parse_credits("WASHINGTON (AP) — The Senate voted.") == ("AP",)
    assert parse_credits("He said the map (ap) was wrong.") == ()


FIRST_TOLL = (
    "Landslide kills 7 in Orvana hills\n"
    "A landslide buried 7 people in the hill village of Sorvik on Tuesday, the Orvana fire service said.\n"
    "Fire chief Lene Abrand said 14 people were still missing and 60 homes had been evacuated.\n"
    "Governor Mats Ellery promised 20 million kronor for the families.\n"
    "Rescuers worked through the night under floodlights, Abrand said.\n"
    "Schools in the valley will stay shut until Friday."
)
LATER_TOLL_ES = (
    "El deslizamiento de tierra en Orvana deja 11 muertos\n"
    "Un deslizamiento de tierra en la aldea de Sorvik ha dejado 11 muertos, según los bomberos de Orvana.\n"
    "La jefa de bomberos Lene Abrand dijo que 9 personas siguen desaparecidas y que 85 casas fueron evacuadas.\n"
    "El gobernador Mats Ellery anunció 25 millones de coronas para las familias.\n"
    "Los rescatistas trabajaron toda la noche, dijo Abrand.\n"
    "Las escuelas del valle seguirán cerradas hasta el lunes."
)


def test_a_later_retelling_with_new_figures_is_no_translation():
    """Same names, same order, every figure changed: the Spanish report tells a later count, it does not
    translate the first one (a translation keeps its figures)."""
    first = Document(id="d1", source="s1", fmt="txt", text=FIRST_TOLL, outlet="Wire",
                     published="2026-04-07T08:00:00Z", language="en")
    later = Document(id="d2", source="s2", fmt="txt", text=LATER_TOLL_ES, outlet="Diario",
                     published="2026-04-08T10:00:00Z", language="es")
    idx = _index([first, later])
    assert idx.groups() == []
    same = Document(id="d3", source="s3", fmt="txt", outlet="Diario", published="2026-04-08T10:00:00Z",
                    language="es", text=LATER_TOLL_ES.replace("11 muertos", "7 muertos").replace(
                        "9 personas", "14 personas").replace("85 casas", "60 casas").replace("25 millones", "20 millones"))
    (group,) = _index([first, same]).groups()
    assert set(group.documents) == {"d1", "d3"}


FERRY_V1 = ("TARSK, Oct 3 (Northwire) - A passenger ferry sank off the coast of Tarsk early on Saturday, killing at "
            "least nine people, the coast guard said.\n\nThe ferry was carrying 120 passengers and crew when it capsized "
            "in rough seas about 5 km from the port, coast guard spokesman Lev Orlik said.\n\nRescuers had pulled 85 "
            "people from the water, he said.")
FERRY_V2 = ("TARSK, Oct 3 (Northwire) - A passenger ferry sank off the coast of Tarsk early on Saturday, killing at "
            "least 17 people, the coast guard said, as divers searched the wreck for more than a dozen missing.\n\nThe "
            "ferry was carrying 120 passengers and crew when it capsized in rough seas about 5 km from the port, coast "
            "guard spokesman Lev Orlik said.\n\nRescuers had pulled 89 people from the water, he said. Fourteen people "
            "were still missing.")


def test_versions_of_one_wire_story_with_a_new_toll_are_one_group():
    """The wire's first version and its update: both credit the wire, and they share its sentences word for word,
    attributions and all; the attributions weighed half, and the two versions were two sources."""
    v1 = clean(RawReport(source="v1", fmt="jsonl", text=FERRY_V1, outlet="Northwire", published="2026-10-03T06:10:00Z"))
    v2 = clean(RawReport(source="v2", fmt="jsonl", text=FERRY_V2, outlet="Northwire", published="2026-10-03T11:40:00Z"))
    assert v1.credits == v2.credits == ("Northwire",)
    (group,) = _index([v1, v2]).groups()
    assert set(group.documents) == {v1.id, v2.id}

