"""The stored-object codec: every model type the store keeps survives a round trip, the JSON text is the
one the store has always written, and older rows (fewer fields, unknown keys) still decode."""
from __future__ import annotations

import dataclasses
import json

import pytest

from crosscheck.model import (AlignedClaim, Analysis, Claim, ClaimVectors, Disagreement, Entity, Fingerprint, LeadOrganisation,
                              Mention, Quantity, Retelling, SourceState, StoryFeatures, StoryFindings,
                              SyndicationMember, TimeExpr, TimelineEntry)
from crosscheck.store import codec

ENTITY = Entity(key="e1", name="Mara Lenz", type="PERSON", aliases=("Lenz", "Ms Lenz"), id="ent-0123456789ab")
ANALYSIS = Analysis(
    document="doc-1",
    entities=(ENTITY, Entity(key="e2", name="Tarnholm", type="GPE")),
    mentions=(Mention(start=0, end=9, text="Mara Lenz", label="PERSON", entity="e1"),),
    quantities=(Quantity(start=20, end=31, text="about 1,200", value=1200, low=1100.5, high=1300, qualifier="about",
                         of="worker", unit="%", kind="percent"),
                Quantity(start=40, end=44, text="2.5m", value=2.5)),
    times=(TimeExpr(start=50, end=60, text="on Tuesday", value="2031-03-04", anchor="2031-03-05",
                    inferred_year=True, warning="weekday does not match", caption=1),),
    claims=(Claim(key="c1", text="Lenz said the bridge would close.", start=0, end=33, speaker="e1",
                  speaker_text="Mara Lenz", cue="said", kind="quote", hedges=("probably",),
                  chain=("council engineers",), via=("Radio Norvik",), negated=True, subject="bridge", in_title=True),),
    lemmas=("bridge", "close"),
    notes=("text analysed up to character 10",),
    title_quantities=(Quantity(start=3, end=8, text="4,75%", value=4.75, kind="percent"),),
)
FEATURES = StoryFeatures(document="doc-1", published="2031-03-05", language="en", terms=(("bridge", 2), ("close", 1)),
                         entities=("per:lenz",), dates=("2031-03-04",), numbers=("1200",), title="Bridge to close",
                         embedding="AAEC", lead_dates=("2031-03-04",),
                         lead_org=LeadOrganisation(name="Harbour Council", kind="council", proper="harbour",
                                                   keys=("n:harbour council",)),
                         actors=("n:harbour council", "p:lenz"), events=("collapse",), places=("harbou",),
                         lead_places=("harbou",), lead_people=("lenz",),
                         lead_speaker=LeadOrganisation(name="Mira Lenz", kind="mayor", proper="lenz mira",
                                                       keys=("p:lenz",)))
FINGERPRINT = Fingerprint(document="doc-1", hashvalues=(1, 2**63 + 5, 7), shingles=40, published="2031-03-05",
                          outlet="Harbour Herald", credit="AP", credits=("AP",), language="en", spans=((0, 33), (34, 60)),
                          sketches=((11, 12), ()), anchors=(("1200", "lenz"), ()), said=(0,), version=2)
VECTORS = ClaimVectors(document="doc-1", model="usem3", vectors=(("c1", "AQID"),), content_hash="h1")
MEMBER = SyndicationMember(document="doc-2", kind="rewrite", matched="doc-1", shared=6, in_order=5, containment=0.75,
                           credit="AP", reason="shares 6 sentences in order with doc-1", passages=((0, 10, 5, 15),))
FINDINGS = StoryFindings(
    story="story-1",
    claims=(AlignedClaim(
        id="claim-1", story="story-1", text="The bridge will close.", speaker="ent-0123456789ab",
        speaker_text="Mara Lenz", documents=("doc-1", "doc-2"), status="conflicting", independent_sources=2,
        retellings=(Retelling(document="doc-1", claim="doc-1:c1", text="The bridge will close.", cue="said",
                              hedges=("probably",), speaker_text="Lenz", modality="future",
                              figures=("1,200 worker",), negated=True, language="en"),),
        conflicts_with=("claim-2",), related=("claim-3",), drift=("doc-2 drops the hedge",), chain=("engineers",),
        kind="quote", subject="ent-0123456789ab", predicate="close", modality="future",
        figures=("1,200 worker",), conflict_notes=("1,200 vs 900",)),),
    timeline=(TimelineEntry(story="story-1", value="2031-03-04", text="On Tuesday...", document="doc-1",
                            inferred_year=True),),
    disagreements=(Disagreement(kind="figure", subject="injured", values=("12", "15"), documents=("doc-1", "doc-2"),
                                passages=("12 were hurt", "15 were hurt"), explanation="12 vs 15 injured",
                                severity="precision", independent=False, published=("2031-03-05", "2031-03-06"),
                                spans=((3, 5), (7, 9)), claims=("claim-1",)),),
    independent_sources=2,
)
SOURCE = SourceState(url="https://example.org/feed", kind="feed", feed_url="https://example.org/rss", etag="W/1",
                     last_modified="Tue", seen=(("https://example.org/a", "f1"),), last_item="https://example.org/a",
                     last_checked="2031-03-05T10:00:00Z", last_ok="2031-03-05T10:00:00Z",
                     next_due="2031-03-05T11:00:00Z", failures=2, last_error="timeout", items_ingested=3,
                     health="failing")

STORED = [ENTITY, ANALYSIS, FEATURES, FINGERPRINT, VECTORS, MEMBER, FINDINGS, SOURCE]


def _walk(obj):
    """Every dataclass instance inside obj (itself included)."""
    if dataclasses.is_dataclass(obj):
        yield obj
        for f in dataclasses.fields(obj):
            yield from _walk(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for x in obj:
            yield from _walk(x)


def test_samples_set_every_field_of_every_stored_type():
    """So the round trip below covers each field: every field of every stored type is set in some sample."""
    set_fields: dict[type, set[str]] = {}
    for obj in STORED:
        for inner in _walk(obj):
            for f in dataclasses.fields(inner):
                if f.default is dataclasses.MISSING or getattr(inner, f.name) != f.default:
                    set_fields.setdefault(type(inner), set()).add(f.name)
    for cls, names in set_fields.items():
        assert names == {f.name for f in dataclasses.fields(cls)}, cls.__name__
    assert {cls.__name__ for cls in set_fields} >= {
        "Entity", "Mention", "Quantity", "TimeExpr", "Claim", "Analysis", "StoryFeatures", "Fingerprint",
        "ClaimVectors", "SyndicationMember", "StoryFindings", "AlignedClaim", "Retelling", "TimelineEntry",
        "Disagreement", "SourceState", "LeadOrganisation"}


@pytest.mark.parametrize("obj", STORED, ids=lambda o: type(o).__name__)
def test_round_trip_and_unchanged_text(obj):
    text = codec.dumps(obj)
    back = codec.loads(type(obj), text)
    assert back == obj
    assert isinstance(back, type(obj))
    # the JSON the store has always written: compact, non-ASCII as is, fields in order, tuples as lists
    assert text == json.dumps(codec.to_data(obj), ensure_ascii=False, separators=(",", ":"))
    assert codec.from_data(type(obj), json.loads(text)) == obj


def test_tuples_come_back_as_tuples_and_nested_dataclasses_as_dataclasses():
    back = codec.loads(Fingerprint, codec.dumps(FINGERPRINT))
    assert back.spans == ((0, 33), (34, 60)) and isinstance(back.spans[0], tuple)
    assert back.sketches[1] == ()
    a = codec.loads(Analysis, codec.dumps(ANALYSIS))
    assert isinstance(a.claims[0], Claim) and a.claims[0].hedges == ("probably",)
    assert a.quantities[0].low == 1100.5 and a.quantities[1].value == 2.5


def test_non_ascii_text_is_stored_as_is():
    e = Entity(key="e1", name="Володимир Зеленський", type="PERSON", aliases=("젤렌스키",))
    assert "Зеленський" in codec.dumps(e) and codec.loads(Entity, codec.dumps(e)) == e


def test_older_rows_missing_fields_get_defaults_and_unknown_keys_are_ignored():
    old = '{"document":"doc-9","hashvalues":[3,4],"shingles":2,"retired":true}'
    fp = codec.loads(Fingerprint, old)
    assert fp == Fingerprint(document="doc-9", hashvalues=(3, 4), shingles=2)
    assert fp.version == 1 and fp.spans == ()
    c = codec.loads(Claim, '{"key":"c1","text":"x","start":0,"end":1,"hedges":null}')
    assert c.hedges is None and c.kind == "reported"


def test_a_row_missing_a_required_field_raises():
    with pytest.raises(TypeError):
        codec.loads(Entity, '{"key":"e1","name":"x"}')
