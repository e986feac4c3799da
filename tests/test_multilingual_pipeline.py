"""The multilingual fixtures through the real stages (clean + analyze + stories), not hand-made
analyses: reports of one event in eight languages must still form one story."""
from __future__ import annotations

from pathlib import Path


from crosscheck.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures" / "multilingual"


def test_events_group_across_languages_through_the_pipeline(store):
    Pipeline(store).ingest([str(FIXTURES)])
    got = {frozenset(Path(store.document(d).source).stem for d in s.documents) for s in store.stories()}
    stems = [p.stem for p in FIXTURES.glob("*.txt")]
    want = {frozenset(s for s in stems if s[0] == event) for event in {s[0] for s in stems}}
    assert got == want
