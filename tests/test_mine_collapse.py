"""A coal mine's collapse told by a wire, a copy, Turkish, Indonesian, Chinese, Vietnamese and Hindi retellings, a local
paper with its own count, the next day's toll, and another country's mine flood the same Friday: ten reports the
project wrote (tests/fixtures/mine_collapse)."""
from __future__ import annotations

from conftest import fixture_names, fixture_stories, story_fixture

exported = story_fixture("mine_collapse")


def retold(exported, doc: str):
    name = fixture_names(exported)
    return {(r["speaker_text"], r["text"]) for c in exported["claims"] for r in c["retellings"]
            if name[r["document"]] == doc}


def test_the_chinese_and_hindi_reports_join_the_collapse_and_the_flood_stays_apart(exported):
    """The Hindi report (no names read, no embedder for Hindi) scored 0.29 against every English report of that
    Friday on its dates alone, so it and the Chinese one formed a story with the local paper and the flood; a
    Chinese-Hindi cluster shares no language with the collapse's, and such clusters never joined."""
    stories = fixture_stories(exported)
    main = next(s for s in stories if "w" in s)
    assert {"w", "c1", "tr", "id", "zh", "vi", "hi", "next"} <= set(main), stories
    assert "other" not in main, stories


def test_speakers_in_chinese_hindi_turkish_and_vietnamese(exported):
    assert any(who == "玛尔塔·凯尔" for who, _ in retold(exported, "zh"))
    assert any(who == "煤矿运营商凯尔多矿业公司" for who, _ in retold(exported, "zh"))
    assert any(who == "मार्टा केल" and text.startswith("हादसा") for who, text in retold(exported, "hi"))
    assert any(who == "अधिकारियों" for who, _ in retold(exported, "hi"))
    tr = {who for who, _ in retold(exported, "tr")}
    assert {"Marta Kell", "Keldor Mining", "Bir enerji bakanlığı yetkilisi"} <= tr, tr
    assert "Các quan chức" in {who for who, _ in retold(exported, "vi")}
