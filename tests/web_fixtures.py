"""Fixture stores for the web tests, written through the store API (no NLP, fast).

All report text here is fictional and written for these tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosscheck.model import (AlignedClaim, Analysis, Claim, Document, Entity, Mention, Quantity, Retelling, Story,
                              StoryFindings, SyndicationGroup, TimeExpr, TimelineEntry)
from crosscheck.store import open_store


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


@dataclass
class Built:
    path: Path
    story: str
    other_story: str
    docs: tuple[str, ...]
    corroborated: str
    conflicting: tuple[str, str]
    single: str
    mayor: str
    port: str


_TEXTS = {
    "d-herald": ("Port Verity closes its old swing bridge after cracks found",
                 "Port Verity Herald", "2031-03-04", "en", "https://herald.example/bridge",
                 "The swing bridge over the Calder canal in Port Verity closed on Monday, March 3.\n\n"
                 "Mayor Ilse Danvers said that inspectors had found 14 cracks in the main girder. "
                 "The city engineer said the repairs would cost about 2.5 million crowns.\n\n"
                 "Ferries will carry commuters until the bridge reopens."),
    "d-wire1": ("Cracked girder shuts Port Verity bridge", "Coastline Wire", "2031-03-04", "en",
                "https://wire.example/a1",
                "Port Verity's swing bridge was shut on March 3 after cracks appeared, officials said.\n\n"
                "Danvers said that inspectors had found 14 cracks in the main girder. "
                "A harbour union spokesman said the repairs would cost 4 million crowns."),
    "d-wire2": ("Cracked girder shuts Port Verity bridge", "Bay Evening Post", "2031-03-05", "en",
                "https://bayevening.example/news/7",
                "Port Verity's swing bridge was shut on March 3 after cracks appeared, officials said.\n\n"
                "Danvers said that inspectors had found 14 cracks in the main girder. "
                "A harbour union spokesman said the repairs would cost 4 million crowns."),
    "d-gazette": ("Le pont tournant de Port Verity fermé", "Gazette du Littoral", "2031-03-05", "fr", None,
                  "Le pont tournant de Port Verity est fermé depuis le 3 mars.\n\n"
                  "Selon la maire Ilse Danvers, les inspecteurs ont trouvé 14 fissures dans la poutre principale."),
    "d-other": ("Lighthouse keepers vote to strike", "Port Verity Herald", "2031-02-11", "en", None,
                "Keepers of the three lighthouses near Port Verity voted to strike from February 20, "
                "their association said on Tuesday."),
}


def build_store(path: Path) -> Built:
    """A small store: one story of four reports (two syndicated copies, one in French) and one other story."""
    store = open_store(path)
    mayor, port, union = "ent-mayor", "ent-portverity", "ent-union"
    entities = [Entity(key=mayor, id=mayor, name="Ilse Danvers", type="PERSON", aliases=("Ilse Danvers", "Danvers", "the mayor")),
                Entity(key=port, id=port, name="Port Verity", type="GPE", aliases=("Port Verity",)),
                Entity(key=union, id=union, name="Harbour Workers Union", type="ORG", aliases=("harbour union",))]
    links: list[tuple[str, str, str]] = []
    with store.transaction():
        for doc_id, (title, outlet, published, lang, url, text) in _TEXTS.items():
            doc = Document(id=doc_id, source=url or f"/corpus/{doc_id}.txt", fmt="txt", text=text, title=title, url=url,
                           outlet=outlet, published=published, language=lang,
                           captions=("Ferries wait at the Calder quay.",) if doc_id == "d-herald" else (),
                           content_hash=doc_id)
            mentions, claims, quantities, times, ents = [], [], [], [], []
            for name, gid, label in (("Ilse Danvers", mayor, "PERSON"), ("Danvers", mayor, "PERSON"),
                                     ("Port Verity", port, "GPE"), ("harbour union", union, "ORG")):
                if name in text:
                    s, e = _at(text, name)
                    if any(m.start <= s < m.end for m in mentions):
                        continue
                    key = "e" + gid
                    mentions.append(Mention(s, e, name, label, key))
                    if key not in {x.key for x in ents}:
                        ents.append(Entity(key=key, name=name, type=label, aliases=(name,)))
                        links.append((doc_id, key, gid))
            for n, needle in enumerate(("found 14 cracks in the main girder", "ont trouvé 14 fissures",
                                        "would cost about 2.5 million crowns", "would cost 4 million crowns",
                                        "voted to strike from February 20"), 1):
                if needle in text:
                    s, e = _at(text, needle)
                    sent_start = max(text.rfind("\n", 0, s) + 1, text.rfind(". ", 0, s) + 2)
                    dot = text.find(".", e)
                    sent_end = dot + 1 if dot >= 0 else len(text)
                    speaker_text = ("Ilse Danvers" if "Danvers" in text[sent_start:sent_end] and n <= 2
                                    else "a harbour union spokesman" if n == 4 else
                                    "the city engineer" if n == 3 else "their association")
                    want = "e" + mayor if n <= 2 else "e" + union if n == 4 else None
                    speaker = want if want in {x.key for x in ents} else None
                    claims.append(Claim(key=f"c{n}", text=text[sent_start:sent_end].strip(), start=sent_start,
                                        end=sent_end, speaker=speaker, speaker_text=speaker_text, cue="said"))
            for needle, value, of in (("14 cracks", 14, "crack"), ("14 fissures", 14, "fissure"),
                                      ("2.5 million crowns", 2_500_000, None), ("4 million crowns", 4_000_000, None)):
                if needle in text:
                    s, e = _at(text, needle)
                    quantities.append(Quantity(s, e, needle, value, of=of, unit="crowns" if of is None else None))
            for needle, value in (("March 3", "2031-03-03"), ("3 mars", "2031-03-03"), ("February 20", "2031-02-20")):
                if needle in text:
                    s, e = _at(text, needle)
                    times.append(TimeExpr(s, e, needle, value))
            store.put_document(doc, Analysis(document=doc_id, entities=tuple(ents), mentions=tuple(mentions),
                                             quantities=tuple(quantities), times=tuple(times), claims=tuple(claims)))
        story, other = "story-bridge", "story-strike"
        bridge_docs = ("d-herald", "d-wire1", "d-wire2", "d-gazette")
        for d in bridge_docs:
            store.set_story(d, story)
        store.set_story("d-other", other)
        store.put_story(Story(id=story, documents=bridge_docs, title="Port Verity swing bridge closed after cracks found",
                              summary="The city shut the Calder canal bridge; the cost of repairs is disputed.",
                              first_published="2031-03-04", last_published="2031-03-05"))
        store.put_story(Story(id=other, documents=("d-other",), title="Lighthouse keepers vote to strike",
                              first_published="2031-02-11", last_published="2031-02-11"))
        store.set_syndication([SyndicationGroup(id="syn-1", documents=("d-wire1", "d-wire2"), origin="d-wire1",
                                                origin_outlet="Coastline Wire")])
        store.replace_entities(entities, links)
        cracks = AlignedClaim(
            id="ac-cracks", story=story, text="Inspectors found 14 cracks in the main girder.", speaker=mayor,
            speaker_text="Ilse Danvers", documents=bridge_docs, status="corroborated", independent_sources=3,
            retellings=tuple(Retelling(document=d, claim=f"{d}:c{2 if d == 'd-gazette' else 1}", text="14 cracks")
                             for d in bridge_docs),
            drift=("the French report attributes it with 'selon' (according to)",), figures=("14 crack",))
        cost_a = AlignedClaim(
            id="ac-cost-city", story=story, text="The repairs would cost about 2.5 million crowns.", speaker=None,
            speaker_text="the city engineer", documents=("d-herald",), status="conflicting", independent_sources=1,
            retellings=(Retelling(document="d-herald", claim="d-herald:c3", text="about 2.5 million crowns"),),
            conflicts_with=("ac-cost-union",), conflict_notes=("2.5 million vs 4 million crowns for the repairs",),
            figures=("2.5 million crowns",))
        cost_b = AlignedClaim(
            id="ac-cost-union", story=story, text="The repairs would cost 4 million crowns.", speaker=union,
            speaker_text="a harbour union spokesman", documents=("d-wire1", "d-wire2"), status="conflicting",
            independent_sources=1,
            retellings=(Retelling(document="d-wire1", claim="d-wire1:c4", text="4 million crowns"),
                        Retelling(document="d-wire2", claim="d-wire2:c4", text="4 million crowns")),
            conflicts_with=("ac-cost-city",), figures=("4 million crowns",))
        ferries = AlignedClaim(
            id="ac-ferries", story=story, text="Ferries will carry commuters until the bridge reopens.", speaker=None,
            speaker_text=None, documents=("d-herald",), status="single_source", independent_sources=1,
            related=("ac-cracks",))
        store.put_findings(StoryFindings(story=story, claims=(cracks, cost_a, cost_b, ferries), timeline=(
            TimelineEntry(story=story, value="2031-03-03", text="The swing bridge closed on Monday, March 3.",
                          document="d-herald"),)))
        strike = AlignedClaim(
            id="ac-strike", story=other, text="Keepers voted to strike from February 20.", speaker=None,
            speaker_text="their association", documents=("d-other",), status="single_source", independent_sources=1,
            retellings=(Retelling(document="d-other", claim="d-other:c5", text="voted to strike"),))
        store.put_findings(StoryFindings(story=other, claims=(strike,)))
    store.close()
    return Built(path=path, story=story, other_story=other, docs=tuple(_TEXTS), corroborated="ac-cracks",
                 conflicting=("ac-cost-city", "ac-cost-union"), single="ac-ferries", mayor=mayor, port=port)


# -- hostile input ----------------------------------------------------------------------------------
XSS_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
XSS_TEXT = ('Officials said <script>alert(document.cookie)</script> the plan was safe.\n\n'
            '<a href="javascript:alert(2)" onclick="alert(3)">click</a> <svg onload=alert(4)></svg> '
            '"><iframe src="javascript:alert(5)"></iframe>\n\n'
            + "W" * 6000 + "\n\n"
            "\u202eThis line is reversed by a bidi override.\u202c "
            "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u062c\u0633\u0631 \u0645\u063a\u0644\u0642.")
XSS_URL = "javascript:alert('url')"
XSS_CAPTION = '<img src=x onerror="alert(6)"> caption'
XSS_ENTITY = '<b onmouseover="alert(7)">Evil</b>'


@dataclass
class Hostile:
    path: Path
    story: str
    doc: str
    doc2: str
    entity: str
    claim: str


def build_hostile_store(path: Path) -> Hostile:
    """A store whose every text field tries to inject markup or script."""
    store = open_store(path)
    story, doc_id, doc2, ent = "story-<x>", "doc-evil", "doc-evil2", "ent-evil"
    text = XSS_TEXT
    with store.transaction():
        s, e = _at(text, "<script>alert(document.cookie)</script>")
        cs, ce = 0, text.index("\n")
        m1 = _at(text, "<svg onload=alert(4)></svg>")
        analysis = Analysis(
            document=doc_id,
            entities=(Entity(key="e1", name=XSS_ENTITY, type="PERSON", aliases=(XSS_ENTITY,)),),
            mentions=(Mention(s, e, text[s:e], "PERSON", "e1"), Mention(m1[0], m1[1], text[m1[0]:m1[1]], "ORG", "e1"),
                      Mention(-5, 3, "bad", "ORG", "e1"), Mention(10, 10_000_000, "overlong", "ORG", "e1")),
            claims=(Claim(key='c1"><script>alert(8)</script>', text=text[cs:ce], start=cs, end=ce,
                          speaker_text='<i onclick="alert(9)">an official</i>', cue="said"),),
            quantities=(Quantity(s + 2, e + 40, "overlapping", 1),),
            times=(TimeExpr(cs + 3, s + 5, "crossing", "2031-01-01", warning="<script>alert(10)</script>"),))
        store.put_document(Document(id=doc_id, source=XSS_URL, fmt="html", text=text, title=XSS_TITLE, url=XSS_URL,
                                    outlet='<script>alert("outlet")</script>', published="2031-01-02", language="en",
                                    authors=('"><script>alert(11)</script>',), captions=(XSS_CAPTION,),
                                    boilerplate=("<style>body{display:none}</style>",), content_hash="h1"), analysis)
        store.put_document(Document(id=doc2, source="https://ok.example/2", fmt="txt", title="\u202eRTL override title",
                                    text="A" * 20000, url="  JaVaScRiPt:alert(12)", outlet="Plain Outlet",
                                    published="2031-01-03", language="ar", content_hash="h2"), None)
        store.set_story(doc_id, story)
        store.set_story(doc2, story)
        store.put_story(Story(id=story, documents=(doc_id, doc2), title=XSS_TITLE, summary=XSS_TEXT[:200]))
        store.replace_entities([Entity(key=ent, id=ent, name=XSS_ENTITY, type="PERSON",
                                       aliases=(XSS_ENTITY, "javascript:alert(13)"))], [(doc_id, "e1", ent)])
        claim = AlignedClaim(id="ac-evil", story=story, text='<script>alert("claim")</script>', speaker=ent,
                             speaker_text=XSS_ENTITY, documents=(doc_id, doc2), status="conflicting",
                             independent_sources=2,
                             retellings=(Retelling(document=doc_id, claim=f'{doc_id}:c1"><script>alert(8)</script>',
                                                   text='"><script>alert(14)</script>'),),
                             conflicts_with=("ac-evil2",), drift=("<script>alert(15)</script>",),
                             conflict_notes=("<img src=x onerror=alert(16)>",))
        claim2 = AlignedClaim(id="ac-evil2", story=story, text="W" * 3000, speaker=None, speaker_text=None,
                              documents=(doc2,), status="conflicting", independent_sources=1,
                              conflicts_with=("ac-evil",))
        store.put_findings(StoryFindings(story=story, claims=(claim, claim2), timeline=(
            TimelineEntry(story=story, value="2031-01-01", text='<script>alert("timeline")</script>', document=doc_id),)))
    store.close()
    return Hostile(path=path, story=story, doc=doc_id, doc2=doc2, entity=ent, claim="ac-evil")


def readonly_client(path: str):
    """A TestClient on the app over the store at ``path`` opened read only, as `serve` does (a generator
    for module fixtures: yields the client, closes the store after)."""
    from fastapi.testclient import TestClient

    from crosscheck.web.app import create_app

    store = open_store(path, readonly=True)
    yield TestClient(create_app(store))
    store.close()
