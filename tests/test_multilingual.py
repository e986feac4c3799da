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



SCRIPTS_APART = [
    {"id": "x-en", "outlet": "Meridian Wire", "published": "2026-12-03T12:00:00Z", "language": "en", "title": "Ransomware attack hits 14 hospitals in Lorvania", "text": "A ransomware attack has disrupted computer systems at 14 public hospitals in Lorvania, Health Minister Ilse Varga said on Thursday. The hackers demanded a ransom of 5 million dollars, Varga told reporters. \"We will not pay criminals,\" she said. A spokesman for the Interior Ministry said police had arrested two suspects."},
    {"id": "x-ja", "outlet": "例新聞", "published": "2026-12-03T12:00:00Z", "language": "ja", "title": "ロルバニアの病院14カ所にサイバー攻撃", "text": "ロルバニアの保健相イルゼ・バルガ氏は3日、ランサムウェア攻撃により公立病院14カ所のシステムが停止したと発表した。バルガ氏によると、ハッカーは身代金500万ドルを要求した。同氏は「犯罪者には支払わない」と述べた。内務省の報道官は、警察が容疑者2人を逮捕したと明らかにした。"},
    {"id": "x-ko", "outlet": "예시신문", "published": "2026-12-03T12:00:00Z", "language": "ko", "title": "로르바니아 병원 14곳 사이버 공격", "text": "일제 바르가 로르바니아 보건부 장관은 3일 랜섬웨어 공격으로 공립 병원 14곳의 전산 시스템이 마비됐다고 밝혔다. 바르가 장관은 해커들이 500만 달러의 몸값을 요구했다고 말했다. 그는 \"범죄자들에게 돈을 지불하지 않겠다\"고 말했다. 내무부 대변인은 경찰이 용의자 2명을 체포했다고 밝혔다."},
    {"id": "x-sv", "outlet": "Tidningen Exempel", "published": "2026-12-03T12:00:00Z", "language": "sv", "title": "Cyberattack slår ut 14 sjukhus i Lorvanien", "text": "En cyberattack har slagit ut datorsystemen på 14 offentliga sjukhus i Lorvanien, sade hälsominister Ilse Varga på torsdagen. Hackarna krävde en lösensumma på 5 miljoner dollar, sade Varga till journalister. ”Vi kommer inte att betala brottslingar”, sade ministern."},
]


def test_one_event_in_scripts_the_names_and_the_embedder_cannot_bridge_is_one_story(tmp_path):
    """A Swedish report (a language the embedder was not trained on) and Korean and Japanese ones share no name key
    ('varg' / 'baleug' / 'barug'): their similarity fell under the complete linkage's least pair (0.04), and the
    Korean and Japanese reports were a story of their own. The names' consonant skeletons (Varga, 바르가, バルガ: plk)
    now meet across scripts."""
    import json as _json

    from crosscheck.pipeline import Pipeline
    from crosscheck.store import open_store

    src = tmp_path / "reports.jsonl"
    src.write_text("".join(_json.dumps(r, ensure_ascii=False) + "\n" for r in SCRIPTS_APART), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    Pipeline(store).ingest([str(src)])
    assert len(store.stories()) == 1, [s.documents for s in store.stories()]
    store.close()
