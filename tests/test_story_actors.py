"""Two events of one kind by two actors of one kind (stories.actors): the Bank of Norland's rate decision and
the Bank of Ostria's, the same afternoon, share nearly every word, date and figure; their leads name two banks."""
import json

from crosscheck.config import Settings
from crosscheck.model import Analysis, Entity, LeadOrganisation, Mention, StoryFeatures
from crosscheck.stories.actors import actors_apart, lead_organisation

NORLAND = [
    ("Bank of Norland raises rates to 4.5%",
     "The Bank of Norland raised its main interest rate by a quarter point to 4.5% on Thursday, its third "
     "increase this year, as inflation stayed above target. Governor Ilse Marten told reporters that inflation "
     "would return to the 2% target by the end of 2027. The bank said two of the nine board members had voted "
     "to keep rates on hold."),
    ("Norland's central bank lifts borrowing costs again",
     "The Bank of Norland lifted its benchmark rate by 25 basis points to 4.5% on Thursday, saying inflation "
     "remained too high. Governor Ilse Marten said the bank was not yet done. Seven of the nine board members "
     "backed the increase, the bank said."),
]
OSTRIA = ("Bank of Ostria keeps rates on hold at 3%",
          "The Bank of Ostria kept its main interest rate unchanged at 3% on Thursday, hours after neighbouring "
          "Norland raised borrowing costs. Governor Paul Reiner said inflation had fallen to 2.3% and would reach "
          "the 2% target next year. All seven board members voted for the hold, the bank said.")


def _ingest(tmp_path, store, reports, settings=None):
    from crosscheck.pipeline import Pipeline

    path = tmp_path / "banks.jsonl"
    outlets = ("Harbour Times", "Coast Wire", "Valley Courier")
    path.write_text("\n".join(json.dumps({"id": f"r{i}", "title": title, "text": text, "outlet": outlets[i],
                                          "published": "2026-11-19T15:00:00Z", "language": "en"})
                              for i, (title, text) in enumerate(reports)))
    return Pipeline(store, settings=settings).ingest([str(path)])


def test_two_central_banks_deciding_the_same_day_are_two_stories(tmp_path, store):
    result = _ingest(tmp_path, store, NORLAND + [OSTRIA])
    stories = sorted(sorted(s.documents) for s in store.stories())
    assert len(stories) == 2, stories
    assert sorted(len(s) for s in stories) == [1, 2]
    assert len(result.new) == 3


def test_without_the_rule_the_two_banks_share_a_story(tmp_path, store):
    """The rule is what parts them: the words, dates and figures alone join them (so the test above can fail)."""
    import dataclasses

    settings = dataclasses.replace(Settings(), story_actors_apart_factor=1.0)
    _ingest(tmp_path, store, NORLAND + [OSTRIA], settings)
    assert len(store.stories()) == 1


def _analysis(name: str, lead_at: int = 4) -> Analysis:
    ent = Entity(key="e1", name=name, type="ORG", aliases=(name,))
    return Analysis(document="d", entities=(ent,), mentions=(Mention(lead_at, lead_at + len(name), name, "ORG", "e1"),))


def test_a_lead_organisation_is_split_into_its_kind_and_its_proper_words():
    text = "The Bank of Norland raised its rate. The bank said more rises may follow."
    org = lead_organisation(_analysis("Bank of Norland"), text, lead_end=36)
    assert (org.name, org.kind, org.proper) == ("Bank of Norland", "bank", "norland")
    # a name the lead does not hold, or a report never writing the kind in lowercase, gives no kind
    assert lead_organisation(_analysis("Bank of Norland", lead_at=40), text, lead_end=36) is None
    assert lead_organisation(_analysis("Bank of Norland"), "The Bank of Norland raised its rate.", 36).kind == ""


def _features(doc: str, kind: str, proper: str, keys: tuple[str, ...], actors: tuple[str, ...], language="en"):
    return StoryFeatures(document=doc, language=language, actors=actors,
                         lead_org=LeadOrganisation(name=proper, kind=kind, proper=proper, keys=keys))


def test_actors_apart_needs_one_kind_two_names_and_one_name_the_other_never_gives():
    norland = _features("a", "bank", "norland", ("n:bank of norland",), ("n:bank of norland", "p:marten"))
    ostria = _features("b", "bank", "ostria", ("n:bank of ostria",), ("n:bank of ostria", "p:reiner"))
    assert actors_apart([norland, ostria])[0, 1]
    both = _features("c", "bank", "ostria", ("n:bank of ostria",), ("n:bank of ostria", "n:bank of norland"))
    # one naming the other's bank is not enough: the Norland report never names the Bank of Ostria
    assert actors_apart([norland, both])[0, 1]
    # two reports each naming both banks: no clash
    both_ways = _features("d", "bank", "norland", ("n:bank of norland",), ("n:bank of norland", "n:bank of ostria"))
    assert not actors_apart([both_ways, both])[0, 1]
    # another kind of organisation, a shared proper word, another language: no clash
    police = _features("e", "police", "ostria", ("n:ostria police",), ("n:ostria police",))
    assert not actors_apart([norland, police]).any()
    assert not actors_apart([norland, _features("f", "bank", "norland", ("n:norland bank",), ("n:norland bank",))]).any()
    assert not actors_apart([norland, _features("g", "bank", "ostria", ("n:bank of ostria",), (), "de")]).any()


def test_the_outlet_and_its_credited_wire_are_no_evidence_of_the_event():
    """'Local mayor Frida Lund told the Morning Herald ...': the outlet's own name in its text made the report
    like every other report of that outlet and unlike the other outlets' reports of the same landslide."""
    from crosscheck.analyze import analyze
    from crosscheck.model import Document
    from crosscheck.stories import story_features

    text = ("A landslide buried dozens of homes in Oberkessel on Thursday. Local mayor Frida Lund told the Morning "
            "Herald that at least 15 people were missing. Reporting by Norland Wire.")
    doc = Document(id="h", source="h", fmt="txt", text=text, outlet="Morning Herald", credits=("Norland Wire",),
                   language="en", published="2026-11-26")
    keys = set(story_features(doc, analyze([doc])[0]).entities)
    assert {"lund", "oberk"} <= keys and not keys & {"mornin", "herald", "norlan"}, keys


def test_two_holders_of_one_office_leading_two_reports_are_two_events():
    """'Velmar plans to train 10,000 reservists, Defence Minister Tomas Holub said' and, the same morning, 'Dorvia will
    hold exercises of 15,000 troops near its border with Velmar, Dorvian Defence Minister Ana Rusk said': one country,
    one border, one day, one kind of minister, two ministers; the small model read 'Dorvian Defence' as a name."""
    from crosscheck.model import LeadOrganisation, StoryFeatures
    from crosscheck.stories.actors import actors_apart

    def f(doc, name, kind, keys, actors):
        return StoryFeatures(document=doc, language="en", actors=actors, lead_speaker=LeadOrganisation(
            name=name, kind=kind, proper=" ".join(sorted(name.lower().split())), keys=keys))

    holub = f("a", "Tomas Holub", "defence minister", ("p:holub",), ("p:holub", "p:velmar"))
    rusk = f("b", "Ana Rusk", "defence dorvian minister", ("p:rusk",), ("p:rusk", "p:velmar"))
    again = f("c", "Tomas Holub", "defence minister", ("p:holub",), ("p:holub",))
    other = f("d", "Lena Osk", "minister", ("p:osk",), ("p:osk",))  # a minister of another portfolio, perhaps
    ap = actors_apart([holub, rusk, again, other])
    assert ap[0, 1] and ap[1, 2] and not ap[0, 2] and not ap[0, 3]
