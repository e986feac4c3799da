"""Two central banks' decisions the same afternoon, told in several languages (tests/fixtures/two_rate_decisions:
Lorvania's cut; tests/fixtures/norvania_rates: Norvania's rise). Across languages the reports share the kind of
event, the day and even figures ('five of the seven members'); only their names tell them apart
(stories.actors.names_apart)."""
from __future__ import annotations

import json
from pathlib import Path

from crosscheck.model import StoryFeatures
from crosscheck.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
LORVANIA = FIXTURES / "two_rate_decisions" / "reports.jsonl"
NORVANIA = FIXTURES / "norvania_rates" / "reports.jsonl"


def test_two_banks_decisions_in_several_languages_are_two_stories(store):
    """The French, German and Spanish reports of Lorvania's cut and the English, German and Italian ones of
    Norvania's rise were one story: the embedder reads one event in any two of them, and their numbers (5, 7)
    tied them. Their people (Anika Straal, Elsa Brandvik) and places (Lorvanie, Norvania) never meet."""
    ids = {}
    for path in (LORVANIA, NORVANIA):
        ids.update({r["url"]: r["id"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())})
    Pipeline(store).ingest([str(LORVANIA), str(NORVANIA)])
    story = {ids[store.document(d).source]: s.id for s in store.stories() for d in s.documents}
    norvania = {"nw1", "nc1", "ne2", "nd1", "ni1"}
    assert len({story[i] for i in norvania}) == 1, story
    lorvania = {"b3", "b4", "b5"}  # French, German, Spanish
    assert len({story[i] for i in lorvania}) == 1, story
    assert story["nw1"] != story["b4"], story


def _report(doc, language, entities, actors):
    return StoryFeatures(document=doc, language=language, entities=tuple(entities), actors=tuple(actors))


def test_names_apart_needs_people_on_both_sides_in_one_script_and_no_name_in_common():
    from crosscheck.stories.actors import names_apart

    reports = [
        _report("en", "en", ["norvan", "brandv"], ["p:brantvik", "n:bank of norvania"]),
        _report("fr", "fr", ["lorvan", "straal"], ["p:stral"]),
        _report("de", "de", ["norvan", "brandv"], ["p:brantvik"]),  # Norvania again: names meet
        _report("es", "es", ["lorvan"], []),  # names no person: nothing concluded
        _report("ru", "ru", ["брандв"], ["p:брандвик"]),  # another script: a transliteration may miss every key
        _report("it", "it", ["vatic", "leone"], ["p:leone"]),  # 'Leone' / 'Leo': one person, spelt apart
        _report("en2", "en", ["vatican", "leo"], ["p:leo"]),
    ]
    apart = names_apart(reports)
    assert apart[0, 1] and apart[1, 0] and apart[1, 2]
    assert not apart[0, 2] and not apart[0, 3] and not apart[1, 3] and not apart[0, 4]
    assert not apart[5, 6]
    assert not apart[0, 6]  # one language: the words decide (actors_apart, places_apart)
