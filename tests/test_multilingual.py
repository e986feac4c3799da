"""Reports of one event in de, es, it, pl, ru, uk, ko and en join one story through shared names,
numbers and dates; a sibling event (another ship aground) stays apart. Fixtures are our own text."""
import random
from pathlib import Path

import pytest

from crosscheck.model import Analysis, Document
from crosscheck.stories import StoryIndex, recluster, story_features
from crosscheck.stories.features import text_dates, text_numbers

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"


def load():
    docs = []
    for path in sorted(FIXTURES.glob("*.txt")):
        title, body = path.read_text(encoding="utf-8").split("\n", 1)
        lang = path.stem.split("_")[1]
        docs.append(Document(id=path.stem, source=path.name, fmt="txt", text=body.strip(), title=title, language=lang))
    return docs


def expected(docs):
    return {frozenset(d.id for d in docs if d.id[0] == event) for event in "abc"}


@pytest.fixture(scope="module")
def features():
    # no analysis at all: names, numbers and dates come from the text, whatever its language
    return [story_features(d, Analysis(document=d.id)) for d in load()]


def clusters_of(pairs):
    out = {}
    for doc, story in pairs:
        out.setdefault(story, set()).add(doc)
    return {frozenset(v) for v in out.values()}


def test_fixtures_cover_the_languages():
    langs = {d.language for d in load()}
    assert {"de", "es", "it", "pl", "ru", "uk", "ko", "en"} <= langs


def test_numbers_and_dates_across_languages(features):
    by_id = {f.document: f for f in features}
    for doc in ("a_en", "a_de", "a_pl", "a_ru", "a_uk", "a_es"):
        assert "2025-03-14" in by_id[doc].dates, doc
        assert "1200" in by_id[doc].numbers and "23" in by_id[doc].numbers, doc
    for doc in ("b_en", "b_ko", "b_it", "b_ru"):
        assert "2025-06-02" in by_id[doc].dates, doc
        assert "5.8" in by_id[doc].numbers and "340" in by_id[doc].numbers, doc
    assert text_numbers("1만 명") == ["10000"]
    assert text_dates("17 октября 2024 года", "ru") == ["2024-10-17"]


def test_names_transliterate_to_shared_keys(features):
    by_id = {f.document: set(f.entities) for f in features}
    assert "gdansk" in by_id["a_en"] & by_id["a_ru"] & by_id["a_uk"] & by_id["a_pl"]
    assert "aalvik" in by_id["a_ru"] & by_id["a_uk"] & by_id["a_de"]
    assert "poland" in by_id["a_ru"] & by_id["a_es"]  # Польша, Polonia -> Poland
    assert "busan" in by_id["b_ko"] & by_id["b_en"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_incremental_then_finalize_groups_events_across_languages(features, seed):
    order = features[:]
    random.Random(seed).shuffle(order)
    idx = StoryIndex()
    for f in order:
        idx.assign(f)
    idx.finalize()
    got = {frozenset(s.documents) for s in idx.stories()}
    assert got == expected(load())


def test_batch_recluster_groups_events_across_languages(features):
    result = recluster(features, {})
    assert clusters_of((a.document, a.story) for a in result.assignments) == expected(load())
