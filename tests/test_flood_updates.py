"""One flood told over two days (tests/fixtures/valmora_floods, fictional): a wire on the first morning, an
English report of the next day with the new toll, its French and Spanish retellings, and a mayor disputing the
official toll. Each assertion failed before the fix it names (session 36)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ingested_fixture

FLOODS = Path(__file__).parent / "fixtures" / "valmora_floods" / "reports.jsonl"


@pytest.fixture(scope="module")
def floods(tmp_path_factory):
    store, src = ingested_fixture(tmp_path_factory.mktemp("floods"), FLOODS)
    (story,) = store.stories()
    yield store, src, store.findings(story.id)
    store.close()


def test_the_first_report_with_an_older_toll_is_the_same_story(floods):
    """The wire's lead place 'VALMORA' is named by the next day's report as 'Valmora's', which the parse read as a
    person: places_apart made them two stories."""
    store, src, _ = floods
    (story,) = store.stories()
    assert len(story.documents) == 5


def test_a_retelling_with_the_new_toll_is_no_translation_of_the_first_wire(floods):
    """The French and Spanish reports tell the next day's figures: the first wire (30 missing, 12 dead) is not
    their origin (a translation keeps its figures)."""
    store, src, _ = floods
    for group in store.syndication_groups():
        assert "floods-valmora-1" not in {src[d] for d in group.documents}


def test_counts_that_changed_over_a_day_are_not_conflicts(floods):
    """'30 missing' on Saturday morning and '22 remain missing, down from 30' the next day; 'at least 12 dead'
    then 'the toll rose to 19': later counts, explained. The mayor's 'at least 25' against the official 19 on
    the same afternoon is a conflict."""
    _, src, found = floods
    conflicts = [(d.subject, d.values) for d in found.disagreements if d.severity == "conflict"]
    assert not [c for c in conflicts if c[0] == "missing"], conflicts
    assert any(c[0] == "dead" and "25" in " ".join(c[1]) for c in conflicts), conflicts
    assert not [d for d in found.disagreements if d.kind == "weekday" and d.severity == "conflict"]
    (missing,) = [c for c in found.claims if c.text.startswith("30 people")]
    assert missing.status != "conflicting"


def test_the_mourning_is_not_carried_by_reports_that_only_give_the_aid(floods):
    _, src, found = floods
    (mourning,) = [c for c in found.claims if "mourning" in c.text]
    assert [src[d] for d in mourning.documents] == ["floods-valmora-1"]


def test_speakers_named_after_the_cue_or_before_it(floods):
    """'At least 25 people have died ..., the mayor of Cardel, Petra Vilk, said'; 'The civil protection agency
    said it stood by its figure' (no news agency); '« ... », a-t-elle déclaré lors d'une visite à Cardel'."""
    _, _, found = floods
    by_text = {c.text: c for c in found.claims}
    toll = next(c for t, c in by_text.items() if "stood by its figure" in t)
    assert "agency" in (toll.speaker_text or "").lower()
    quote = next(c for t, c in by_text.items() if t.startswith("Aucune famille") or t.startswith("No family"))
    assert "Marrand" in (quote.speaker_text or "")
