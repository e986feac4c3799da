"""A drone strike on a port's fuel depot told by a wire and French, Russian and Arabic retellings, the accused country's
own paper with its denial, a local paper with its own count, and drone sightings closing another country's airport
the same day: seven reports the project wrote (tests/fixtures/drone_strike)."""
from __future__ import annotations

from conftest import fixture_stories, story_fixture

exported = story_fixture("drone_strike")


def test_the_denial_joins_the_strike_though_its_arabic_retelling_scores_low(exported):
    """'Ostria rejects Norland's drone accusations' scored 0.60 against the wire but under the link threshold against
    the Arabic retelling: complete linkage kept it out (in a store holding the two countries' border talks it joined
    those), though its pairs of one language were the story's."""
    stories = fixture_stories(exported)
    main = next(s for s in stories if "w" in s)
    assert main == ["ar", "den", "fr", "ru", "w"], stories
