"""A bus in a gorge told by an Indian wire, a paper running its copy, a Hindi paper and a later report with a higher
toll. Four reports the project wrote (tests/fixtures/kalsi_bus)."""
from __future__ import annotations

from conftest import fixture_names, story_fixture

exported = story_fixture("kalsi_bus")


def test_the_hindi_lead_is_the_officials_claim_the_wire_carries(exported):
    """The Hindi lead closes with 'अधिकारियों ने यह जानकारी दी।' (officials gave this information): it was no claim
    at all (a sentence ending with the danda was not even the outlet's), and the embedder reads no Hindi; its three
    figures now agree with the wire's lead."""
    name = fixture_names(exported)
    lead = next(c for c in exported["claims"] if c["text"].startswith("At least 18 people were killed"))
    assert {name[d] for d in lead["documents"]} == {"c", "h", "p"}
    assert lead["independent_sources"] == 2  # the paper runs the wire's copy


def test_a_later_toll_is_explained_and_counts_the_dead(exported):
    """'rose to 21 on Friday after three of the injured died': the 21 was a count of the injured."""
    name = fixture_names(exported)
    toll = [(d["subject"], sorted(name[x] for x in d["documents"])) for d in exported["disagreements"]]
    assert ("dead", ["p", "t"]) in toll and not any(subject == "injured" for subject, _ in toll)
