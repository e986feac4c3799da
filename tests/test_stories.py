"""Story features, incremental assignment, candidate lookup, stable ids, recluster, describe."""
import dataclasses
import json

from crosscheck.config import Settings
from crosscheck.model import Analysis, Document, Entity, Quantity, Story, StoryFeatures, TimeExpr
from crosscheck.stories import StoryIndex, describe, recluster, story_features, story_id
from crosscheck.stories.features import name_tokens


def feat(doc, terms, ents=(), nums=(), dates=(), published=None):
    return StoryFeatures(document=doc, published=published, terms=tuple((t, 1) for t in terms),
                         entities=tuple(ents), numbers=tuple(nums), dates=tuple(dates))


FIRE = ["warehouse", "fire", "blaze", "firefighter", "smoke", "evacuate", "harbour", "district"]
VOTE = ["council", "vote", "budget", "mayor", "tax", "school", "approve", "plan"]


def test_story_features_from_document_and_analysis():
    doc = Document(id="d1", source="s", fmt="txt", title="Blaze at Tessaly warehouse",
                   text="A fire destroyed a warehouse in Tessaly on 3 May 2024. 40 firefighters came.",
                   published="2024-05-03T10:00:00", language="en")
    ana = Analysis(document="d1", lemmas=("fire", "destroy", "warehouse", "tessaly", "firefighter"),
                   entities=(Entity(key="e1", name="Tessaly", type="GPE"),),
                   quantities=(Quantity(start=0, end=1, text="40 firefighters", value=40),),
                   times=(TimeExpr(start=0, end=1, text="3 May 2024", value="2024-05-03"),))
    f = story_features(doc, ana)
    assert f.published == "2024-05-03" and f.language == "en"
    assert dict(f.terms)["warehouse"] >= 1 and "tessal" in f.entities
    assert "40" in f.numbers and "2024-05-03" in f.dates and "XXXX-05-03" in f.dates
    json.dumps(dataclasses.asdict(f))  # persisted as JSON by the pipeline


def test_name_tokens_drop_function_words_and_fold_scripts():
    assert name_tokens("the Bank of England") == ["bank", "englan"]
    assert name_tokens("Зеленского") == name_tokens("Zełenskiego") == ["zelens"]


def test_assign_groups_events_and_reload_keeps_ids():
    idx = StoryIndex()
    a = [idx.assign(feat(f"f{i}", FIRE[i % 3:] + ["tessaly"], ["tessal"], ["40"])) for i in range(4)]
    b = [idx.assign(feat(f"v{i}", VOTE[i % 3:] + ["brovik"], ["brovik"])) for i in range(4)]
    assert len(set(a)) == 1 and len(set(b)) == 1 and a[0] != b[0]
    assert a[0] == story_id("f0")
    assert idx.changed() == {a[0], b[0]}
    # a new index loads the stored assignments; a new report joins the right story
    again = StoryIndex()
    for s in idx.stories():
        for d in s.documents:
            again.add(next(f for f in [feat(f"f{i}", FIRE[i % 3:] + ["tessaly"], ["tessal"], ["40"]) for i in range(4)]
                           + [feat(f"v{i}", VOTE[i % 3:] + ["brovik"], ["brovik"]) for i in range(4)]
                           if f.document == d), s.id)
    assert again.changed() == set()
    assert again.assign(feat("f9", FIRE + ["tessaly"], ["tessal"])) == a[0]
    assert again.changed() == {a[0]}


def test_candidates_come_from_the_index_not_a_scan():
    idx = StoryIndex()
    for i in range(300):
        idx.assign(feat(f"x{i}", [f"topic{i}a", f"topic{i}b", f"place{i}"], [f"name{i}"]))
    calls = []
    original = idx._score
    idx._score = lambda *args: calls.append(1) or original(*args)
    idx.assign(feat("y", ["topic7a", "topic7b", "place7"], ["name7"]))
    assert len(calls) <= Settings().story_candidates and len(calls) < 10


def test_publication_dates_far_apart_weigh_against_but_do_not_veto():
    from crosscheck.stories.vectors import date_factor, day_number, feature_keys, vector

    idx = StoryIndex()
    s1 = idx.assign(feat("p1", FIRE, ["tessal"], published="2024-01-10"))
    s2 = idx.assign(feat("p2", FIRE, ["tessal"], published="2024-01-11"))
    assert s1 == s2
    late = feat("p3", FIRE[:4] + ["quay", "crane"], ["tessal"], published="2025-06-01")
    keys = feature_keys(late)
    vec = vector(keys, idx.vocab, idx.settings)
    close = idx._score(vec, day_number("2024-01-12"), idx._stories[s1])
    far = idx._score(vec, day_number(late.published), idx._stories[s1])
    assert far < close and date_factor(3, idx.settings) == 1.0 < 1 / date_factor(500, idx.settings)
    # a follow-up told in the same words a year and a half later still belongs to the event
    assert idx.assign(late) == s1


def test_recluster_reports_merges_and_splits_with_stable_ids():
    fs = [feat(f"f{i}", FIRE + ["tessaly"], ["tessal"]) for i in range(3)] + \
         [feat(f"v{i}", VOTE + ["brovik"], ["brovik"]) for i in range(3)]
    current = {"f0": "story-a", "f1": "story-a", "f2": "story-b",  # one event split over two ids
               "v0": "story-c", "v1": "story-c", "v2": "story-c"}
    res = recluster(fs, current)
    got = {a.document: a.story for a in res.assignments}
    assert got["f0"] == got["f1"] == got["f2"] == "story-a"  # the larger overlap keeps its id
    assert got["v0"] == got["v1"] == got["v2"] == "story-c"
    assert res.merges == ("story-a <- story-b",) and res.splits == ()
    # everything in one old story: it splits, the larger part keeps the id
    res = recluster(fs, {f.document: "story-x" for f in fs})
    assert len({a.story for a in res.assignments}) == 2 and "story-x" in {a.story for a in res.assignments}
    assert len(res.splits) == 1 and res.splits[0].startswith("story-x -> ")


def test_finalize_merges_reports_that_arrived_apart():
    idx = StoryIndex(dataclasses.replace(Settings(), story_threshold=0.5))
    base = FIRE + ["tessaly"]
    idx.assign(feat("f0", base[:5], ["tessal"]))
    idx.assign(feat("f1", base[3:], ["tessal"]))  # too little overlap with f0 alone to join
    idx.assign(feat("f2", base, ["tessal"]))
    idx.finalize()
    assert len(idx.stories()) == 1


def test_describe_uses_the_most_central_report():
    docs = {
        "d1": Document(id="d1", source="1", fmt="txt", title="Odd angle", text="Background only. More."),
        "d2": Document(id="d2", source="2", fmt="txt", title="Warehouse fire in Tessaly",
                       text="A fire destroyed a warehouse in Tessaly on Friday. Firefighters came.",
                       published="2024-05-03"),
        "d3": Document(id="d3", source="3", fmt="txt", title="Tessaly blaze", text="Fire in Tessaly.",
                       published="2024-05-04"),
    }
    fs = [feat("d1", ["angle", "background"]), feat("d2", FIRE + ["tessaly"], ["tessal"]),
          feat("d3", FIRE[:5] + ["tessaly"], ["tessal"])]
    story = describe(Story(id="s", documents=("d1", "d2", "d3")), docs, fs)
    assert story.title == "Warehouse fire in Tessaly"
    assert story.summary.startswith("A fire destroyed a warehouse")
    assert (story.first_published, story.last_published) == ("2024-05-03", "2024-05-04")


def test_complete_link_keeps_bridged_events_apart():
    # two events and one round-up report that mentions both: under complete link the round-up may join
    # one of them, but the two events never become one story through it
    fire = [feat(f"f{i}", FIRE + ["tessaly"], ["tessal"]) for i in range(3)]
    vote = [feat(f"v{i}", VOTE + ["brovik"], ["brovik"]) for i in range(3)]
    bridge = [feat("b", FIRE[:4] + VOTE[:4] + ["tessaly", "brovik"], ["tessal", "brovik"])]
    result = recluster(fire + bridge + vote, {})
    story = {a.document: a.story for a in result.assignments}
    assert story["f0"] != story["v0"]
    assert len({story[f"f{i}"] for i in range(3)}) == 1 and len({story[f"v{i}"] for i in range(3)}) == 1


def _vectors_and_days(features, settings):
    """The reports' vectors under a vocabulary of their own, and their publication day numbers."""
    from crosscheck.stories.vectors import Vocabulary, day_number, feature_keys, vector

    vocab = Vocabulary()
    for f in features:
        vocab.add(feature_keys(f))
    return [vector(feature_keys(f), vocab, settings) for f in features], [day_number(f.published) for f in features]


def test_reports_a_year_apart_are_one_event_only_where_the_later_dates_the_earlier():
    """The same company's launches a year apart share their words and names (meantime-dev: 'Apple unveils
    iPod nano' 2005 / 'Apple announces new iPod range' 2007 were one story). Reports published more than
    story_date_far_days apart are scaled by story_date_far_factor, unless the later one states a date in the
    earlier's time (the 2012 trial report dating 'the shooting of September 2010')."""
    from crosscheck.stories.cluster import cluster, similarity_matrix

    launch = ["launch", "unveil", "player", "music", "model", "price", "store", "colour"]
    first = [feat(f"a{i}", launch[i % 2:] + ["nano"], ["orbis"], published=f"2024-09-0{i + 1}") for i in range(3)]
    later = [feat(f"b{i}", launch[(i + 1) % 2:] + ["range"], ["orbis"], published=f"2025-09-0{i + 1}") for i in range(3)]
    settings = Settings()
    groups = cluster(first + later, settings)
    assert sorted(len(g) for g in groups) == [3, 3]
    dated = [dataclasses.replace(f, dates=("2024-09-02",)) for f in later]
    assert [len(g) for g in cluster(first + dated, settings)] == [6]
    # the pairwise similarity: halved across the year, whole where the later report dates the earlier
    vecs, days = _vectors_and_days(first[:1] + later[:1], settings)
    plain = similarity_matrix(vecs, days, settings)[0, 1]
    assert similarity_matrix(vecs, days, settings, stated=[(), ()])[0, 1] == plain * settings.story_date_far_factor
    assert similarity_matrix(vecs, days, settings, stated=[(), ("2024-09",)])[0, 1] == plain
    assert similarity_matrix(vecs, days, settings, stated=[("2025-09-01",), ()])[0, 1] < plain  # the earlier dating itself


def test_reports_whose_leads_date_their_events_apart_are_two_events():
    """A quake and a second one in the same province eight days later share their words, names and officials;
    what tells them apart is the day each lead gives its event. Leads dated over story_lead_apart_days apart, in
    reports published that far apart too, scale the similarity by story_lead_apart_factor; a lead that names the
    first event's day, a report without a dated lead, or a translation published the same day (which resolved
    a weekday to another week) keep the plain similarity."""
    from crosscheck.stories.cluster import similarity_matrix
    from crosscheck.stories.vectors import day_number

    settings = Settings()
    pair = [feat("q1", FIRE, ["arvena"], published="2026-11-20"), feat("q2", FIRE, ["arvena"], published="2026-11-28")]
    vecs, days = _vectors_and_days(pair, settings)
    plain = similarity_matrix(vecs, days, settings)[0, 1]
    factor = settings.story_lead_apart_factor
    for leads, scale in (((("2026-11-20",), ("2026-11-28",)), factor),
                         ((("2026-11-20",), ("2026-11-20", "2026-11-28")), 1.0),  # 'Friday's quake' in the lead
                         ((("2026-11-20",), ("2026-11-23",)), 1.0),  # three days: a follow-up's day
                         ((("2026-11-20",), ()), 1.0)):
        assert abs(similarity_matrix(vecs, days, settings, leads=leads)[0, 1] - plain * scale) < 1e-12, leads
    same_day = [day_number("2026-11-20")] * 2
    assert similarity_matrix(vecs, same_day, settings, leads=[("2026-11-20",), ("2026-11-13",)])[0, 1] == \
        similarity_matrix(vecs, same_day, settings)[0, 1]


QUAKE_ONE = [
    ("Strong quake kills seven in Ostrava Vale",
     "A magnitude 6.0 earthquake struck the Ostrava Vale region on Tuesday, killing seven people and damaging "
     "dozens of houses, the regional emergency office said. The quake hit at dawn near the village of Kernow. "
     "Regional governor Ilse Marten said rescue crews were searching the rubble."),
    ("Seven dead as earthquake hits Ostrava Vale",
     "Seven people were killed when an earthquake of magnitude 6.0 shook the Ostrava Vale region on Tuesday, "
     "officials said. The emergency office said 80 houses had been damaged near Kernow. Governor Ilse Marten "
     "said rescue crews were working through the night."),
]
QUAKE_TWO = [
    ("New quake shakes Ostrava Vale",
     "A magnitude 5.2 earthquake shook the Ostrava Vale region on Thursday, nine days after a stronger quake "
     "killed seven people there, the regional emergency office said. The new quake struck near the town of "
     "Brisk. Governor Ilse Marten said schools in Brisk would be inspected."),
    ("Aftershock rattles Ostrava Vale, no casualties",
     "An earthquake of magnitude 5.2 hit the Brisk area of the Ostrava Vale region on Thursday, the emergency "
     "office said. There were no reports of casualties. Governor Ilse Marten said schools in Brisk would be "
     "inspected."),
]


def test_a_second_quake_in_the_same_region_a_week_later_is_another_story(tmp_path, store):
    """Ingested in two runs, the second quake's reports first join the first quake's story by their words and
    names; the run's re-clustering of that story then tells the two events apart by their leads' days."""
    from crosscheck.pipeline import Pipeline

    def run(name, reports, published, outlets=("Vale Courier", "Coast Wire")):
        path = tmp_path / name
        path.write_text("\n".join(json.dumps({"id": f"{name}-{i}", "title": title, "text": text,
                                              "published": published, "outlet": outlet, "language": "en"})
                                  for i, ((title, text), outlet) in enumerate(zip(reports, outlets))))
        return Pipeline(store).ingest([str(path)])

    first = run("one.jsonl", QUAKE_ONE, "2026-03-03T10:00:00Z")
    second = run("two.jsonl", QUAKE_TWO, "2026-03-12T10:00:00Z")
    stories = sorted(sorted(s.documents) for s in store.stories())
    assert stories == sorted([sorted(first.new), sorted(second.new)])


def test_the_incremental_index_applies_the_same_far_date_rule():
    from crosscheck.stories.vectors import day_number, feature_keys, vector

    idx = StoryIndex()
    sid = idx.assign(feat("p1", FIRE, ["tessal"], published="2024-01-10"))
    for dates, whole in (((), False), (("2024-01",), True)):
        late = feat("p2", FIRE, ["tessal"], dates=dates, published="2025-03-01")
        vec = vector(feature_keys(late), idx.vocab, idx.settings)
        story = idx._stories[sid]
        near = idx._score(vec, day_number("2024-01-12"), story, late.dates)
        far = idx._score(vec, day_number(late.published), story, late.dates)
        ratio = far / near / idx.settings.story_date_floor
        assert abs(ratio - (1.0 if whole else idx.settings.story_date_far_factor)) < 1e-9, (dates, ratio)


def test_a_cluster_splits_where_the_global_measure_sees_two_events_the_local_words_do_not():
    """Two events each told in four languages: the cluster-local words see only each language's pair across
    the events (0.5), the global measure (embeddings across languages) sees them 0.2 apart against 0.8 within.
    Before, only the local measure could split (meantime-dev: Boeing's and Airbus's orders in one story)."""
    import numpy as np

    from crosscheck.stories.cluster import _bisect

    settings = Settings()
    n = 8
    local = np.full((n, n), 0.2)
    glob = np.full((n, n), 0.2)
    for block in (range(4), range(4, 8)):
        for i in block:
            for j in block:
                local[i, j], glob[i, j] = 0.7, 0.8
    for i in range(4):
        local[i, i + 4] = local[i + 4, i] = 0.5  # the same language across the two events
    np.fill_diagonal(local, 1.0)
    np.fill_diagonal(glob, 1.0)
    assert sorted(map(sorted, _bisect(local, glob, list(range(n)), settings))) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    close = np.where(glob == 0.2, 0.5, glob)  # the global measure unsure too: one story
    assert _bisect(local, close, list(range(n)), settings) == [list(range(n))]


def test_an_english_report_s_names_the_model_missed_are_name_evidence():
    """'Typhoon Haru hit Port Lena': the small model found only the mayor, so the storm's and the port's names were no
    evidence that the report told the wire's typhoon. Capitalised words of the body outside every entity and time
    found count as names (not the title's, whose every word is capitalised; not the days)."""
    from crosscheck.analyze import analyze

    doc = Document(id="t", source="t", fmt="txt", language="en", published="2026-10-14", outlet="Port Lena Tribune",
                   title="Eleven Dead As Haru Batters Port",
                   text="At least 11 people were killed when Typhoon Haru hit the port on Wednesday, the city's mayor, "
                        "Irma Kovac, said.")
    (analysis,) = analyze([doc])
    names = set(story_features(doc, analysis).entities)
    assert {"haru", "irma", "kovac"} <= names and not names & {"eleven", "dead", "batters", "wednesday"}, names


def test_a_word_naming_a_body_by_its_kind_is_no_key_of_its_story():
    """'la Banque de Norvanie' and 'la Banque nationale de Lorvanie', two central banks' decisions the same day, met on
    'banque' (and 'The Bank of Norvania' on 'the'): the word says what kind of body it is, not which (data/
    institutions.json 'kind_words' and 'heads')."""
    from crosscheck.analyze import analyze

    def names(text, language):
        doc = Document(id=language + text[:8], source="t", fmt="txt", language=language, published="2026-12-03",
                       text=text)
        (analysis,) = analyze([doc])
        return set(story_features(doc, analysis).entities)

    north = names("La Banque de Norvanie a relevé mercredi son taux directeur de 25 points de base.", "fr")
    south = names("La Banque nationale de Lorvanie a abaissé mercredi son taux directeur à 3,25 %.", "fr")
    assert "norvan" in north and "lorvan" in south and not north & south, (north, south)
    english = names("The Bank of Norvania raised its key rate on Wednesday, Governor Elsa Brandvik said.", "en")
    assert "norvan" in english and not english & {"the", "bank"}, english


def test_a_crash_and_a_strike_are_named_in_nordic_and_central_european_languages():
    """A Danish bus in a ditch and a Czech dock strike named no kind of event, so nothing told them from a train
    derailment or a rail strike the same day (data/disagreements.json 'events')."""
    from crosscheck.stories.features import lead_events

    cases = [("da", "Otte personer blev såret i en ulykke, da en bus kørte i grøften nær byen Brekka.", "crash"),
             ("sv", "Tre personer dödades när ett passagerartåg spårade ur nära Ostvik.", "crash"),
             ("fi", "Matkustajajuna suistui kiskoilta Ostvikin lähellä, ja neljä ihmistä kuoli.", "crash"),
             ("cs", "Asi 3000 přístavních dělníků v pondělí vstoupilo do stávky v přístavu Kessen.", "strike"),
             ("ro", "Aproximativ 3.000 de docheri au intrat luni în grevă în portul Kessen.", "strike"),
             ("hu", "Hétfőn sztrájkba léptek a vasutasok Dornau és a főváros között.", "strike")]
    for language, text, kind in cases:
        assert kind in lead_events("", text, language), (language, lead_events("", text, language))
