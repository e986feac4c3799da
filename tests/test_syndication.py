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
