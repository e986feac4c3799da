"""Floods in a Polish district told in Polish, English, Czech and Ukrainian ('1,2 mld zł', '1.2 billion zlotys',
'1,2 miliardy zlotých', '1,2 млрд злотих'): four reports the project wrote (tests/fixtures/mlawiec_floods)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("mlawiec_floods")


def test_one_story_in_four_languages(exported):
    assert fixture_stories(exported) == [["cs", "en", "pl", "uk"]]


def test_the_ukrainian_report_joins_by_its_named_speakers(exported):
    """'Адам Кірш', 'Ян Вольський' (Ukrainian for Adam Kirsz, Jan Wolski): no transliteration folds the Polish sz, so
    the Ukrainian claims stood alone (the embedder was not trained on Ukrainian)."""
    name = fixture_names(exported)
    told = [{name[d] for d in c["documents"]} for c in exported["claims"] if c["speaker_text"] in ("Adam Kirsz", "Jan Wolski")]
    assert told and all({"pl", "en", "uk"} <= docs for docs in told), told
