"""Corroboration of one story: verdicts, syndicated copies, conflicts, related figures, drift,
source chains, timeline, claim ids. Reports and analyses are built by hand (fictional text)."""
from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

import pytest

from crosscheck.corroborate import corroborate, independent_sources
from crosscheck.model import StoryFindings
from test_alignment import make_report, run_story

KESSLER = "Anna Kessler"


def C(text, speaker=KESSLER, **kw):
    return dict(text=text, speaker=speaker, speaker_text=kw.pop("speaker_text", speaker), **kw)


def by_docs(findings: StoryFindings, *docs: str):
    return [c for c in findings.claims if set(c.documents) == set(docs)]


def test_corroborated_and_single_source():
    f = run_story([
        make_report("a", [C("Ruritania plans to train 8,000 soldiers from several military branches."),
                          C("Ruritania struggles with mobilisation and heavy losses.")]),
        make_report("b", [C("There is an intention to train 8,000 soldiers from different branches.")]),
    ])
    assert isinstance(f, StoryFindings) and f.story == "story-1"
    (train,) = by_docs(f, "a", "b")
    assert train.status == "corroborated" and train.independent_sources == 2
    assert train.speaker == "ent-anna-kessler"
    (mob,) = [c for c in f.claims if "mobilisation" in c.text]
    assert mob.status == "single_source" and mob.documents == ("a",) and mob.independent_sources == 1
    assert len(f.claims) == 2


def test_syndicated_copies_count_once():
    claim = C("The dam on the Oster river will be closed for repairs in May.", speaker="Mayor Ivo Petek")
    reports = [make_report(d, [claim]) for d in ("wire", "copy1", "copy2")]
    f = run_story(reports, syndication={"wire": "syn-1", "copy1": "syn-1", "copy2": "syn-1"})
    (c,) = f.claims
    assert set(c.documents) == {"wire", "copy1", "copy2"}
    assert c.independent_sources == 1 and c.status == "single_source"
    f2 = run_story(reports + [make_report("own", [claim])],
                   syndication={"wire": "syn-1", "copy1": "syn-1", "copy2": "syn-1", "own": None})
    assert f2.claims[0].independent_sources == 2 and f2.claims[0].status == "corroborated"
    assert independent_sources(["x", "y", "z"], {"x": "g", "y": "g"}) == 2


def test_conflict_on_figure_outside_range_links_both():
    f = run_story([
        make_report("a", [C("At least 40 people were killed in the flooding in Tarn.", speaker=None,
                            speaker_text="the regional governor")]),
        make_report("b", [C("The flooding in Tarn killed 12 people.", speaker=None,
                            speaker_text="rescue services")]),
    ])
    assert len(f.claims) == 2
    a, b = f.claims
    assert a.status == b.status == "conflicting"
    assert a.conflicts_with == (b.id,) and b.conflicts_with == (a.id,)
    assert any("figure" in n for n in a.conflict_notes)


def test_conflict_on_date_and_on_negation():
    f = run_story([
        make_report("a", [C("The summit will be held on May 3 in Velka.", speaker=None, speaker_text="organisers",
                            times=[["May 3", "2025-05-03"]])]),
        make_report("b", [C("The summit will be held on June 10 in Velka.", speaker=None,
                            speaker_text="a diplomat", times=[["June 10", "2025-06-10"]])]),
    ])
    assert [c.status for c in f.claims] == ["conflicting", "conflicting"]
    f = run_story([
        make_report("a", [C("The ministry has closed the border crossing at Tarn.", speaker=None,
                            speaker_text="state television")]),
        make_report("b", [C("The ministry has not closed the border crossing at Tarn.", speaker=None,
                            speaker_text="the ministry", negated=True)]),
    ])
    assert [c.status for c in f.claims] == ["conflicting", "conflicting"]
    assert f.claims[0].conflicts_with == (f.claims[1].id,)


def test_compatible_figures_under_other_predicate_or_modality_are_related_not_conflicting():
    f = run_story([
        make_report("a", [C("Ruritania plans to train 10,000 Borovian soldiers.")]),
        make_report("b", [C("Several thousand Borovian soldiers are currently undergoing training in Ruritania.",
                            speaker=None, speaker_text="an anonymous intelligence official")]),
    ])
    assert len(f.claims) == 2
    a, b = f.claims
    assert a.status == b.status == "single_source"
    assert a.related == (b.id,) and b.related == (a.id,)
    assert not a.conflicts_with


def test_different_speakers_same_words_are_two_claims():
    f = run_story([
        make_report("a", [C("The bridge will reopen next week.", speaker="Mayor Ivo Petek")]),
        make_report("b", [C("The bridge will reopen next week.", speaker="Colonel Dara Finch")]),
    ])
    assert len(f.claims) == 2 and all(c.status == "single_source" for c in f.claims)


def test_drift_of_modality_figure_and_predicate_is_recorded():
    f = run_story([
        make_report("a", [C("About 2,000 volunteers may be sent to the flooded region.", speaker=None,
                            speaker_text="the ministry", hedges=("may",))], outlet="Morning Post",
                    published="2025-03-01"),
        make_report("b", [C("2,000 volunteers were sent to the flooded region.", speaker=None,
                            speaker_text="the ministry")], outlet="Evening Star", published="2025-03-02"),
    ])
    (c,) = f.claims
    assert c.status == "corroborated"
    assert [r.document for r in c.retellings] == ["a", "b"]
    assert c.retellings[0].modality == "possible" and c.retellings[1].modality == "actual"
    notes = " | ".join(c.drift)
    assert "modality" in notes and "Morning Post" in notes and "Evening Star" in notes
    assert "figure: 'About 2,000' (Morning Post) -> '2,000' (Evening Star)" in notes
    f = run_story([
        make_report("a", [C("Ruritania plans to train 8,000 Borovian soldiers.")]),
        make_report("b", [C("Ruritania will deploy 8,000 Borovian soldiers.")]),
    ])
    (c,) = f.claims
    assert any(n.startswith("predicate: train") for n in c.drift)
    assert any(n.startswith("modality: a plan") for n in c.drift)


def test_no_drift_when_retellings_agree():
    claim = C("The dam on the Oster river will be closed for repairs in May.", speaker="Mayor Ivo Petek")
    f = run_story([make_report("a", [claim]), make_report("b", [claim])])
    assert f.claims[0].drift == ()


def test_source_chain_speaker_then_sources():
    f = run_story([
        make_report("a", [C("Borovian troops are already in the border districts.", speaker="Lorentz Radio",
                            chain=("Kesh Courier", "anonymous military intelligence sources"))]),
        make_report("b", [C("Borovian troops are already present in the border districts.",
                            speaker="Lorentz Radio", chain=("Kesh Courier",))]),
    ])
    (c,) = f.claims
    assert c.chain == ("Lorentz Radio", "Kesh Courier", "anonymous military intelligence sources")


def test_generic_source_joins_named_speaker_and_lands_in_chain():
    f = run_story([
        make_report("a", [C("These officers are training local militias in the border districts.", speaker=None,
                            speaker_text="intelligence reports", kind="according_to")]),
        make_report("b", [C("The officers are in the border districts and are training local militias.",
                            speaker="Petro Hrynko")]),
    ])
    (c,) = f.claims
    assert c.speaker == "ent-petro-hrynko" and c.status == "corroborated"
    assert c.chain == ("Petro Hrynko", "intelligence reports")


def test_compound_claim_supports_two_claims_of_another_report():
    f = run_story([
        make_report("a", [C("Borovian officers are already present in the occupied districts of Kelmar."),
                          C("These officers are training local militias.")]),
        make_report("b", [C("Borovian officers are already in the occupied districts of Kelmar and are "
                            "training local militias.")]),
    ])
    present = [c for c in f.claims if "present" in c.text]
    training = [c for c in f.claims if c.text.startswith("These officers")]
    assert len(present) == 1 and len(training) == 1
    assert set(present[0].documents) == {"a", "b"} and set(training[0].documents) == {"a", "b"}


def test_a_quote_of_two_sentences_retells_each_half_another_report_carries():
    # report a quotes two sentences as one claim; b carries the first half, c the second: each half is
    # corroborated, and a's claim is a retelling of both
    quote = ("The Ostrava ferry will resume its crossings to Lindholm next Monday. "
             "We thank the island's residents for their patience during the repairs.")
    f = run_story([
        make_report("a", [C(quote, kind="quote")]),
        make_report("b", [C("The Ostrava ferry will resume its crossings to Lindholm on Monday.")]),
        make_report("c", [C("We thank the island's residents for their patience during the repairs.", kind="quote")]),
    ])
    ferry = [c for c in f.claims if "b" in c.documents]
    thanks = [c for c in f.claims if "c" in c.documents]
    assert len(ferry) == 1 and len(thanks) == 1 and ferry[0] is not thanks[0]
    assert set(ferry[0].documents) == {"a", "b"} and set(thanks[0].documents) == {"a", "c"}
    assert ferry[0].status == thanks[0].status == "corroborated"
    # a's retelling of each is the one claim a reads (its key), worded by the sentence that says it
    assert {r.claim for r in ferry[0].retellings if r.document == "a"} == {"a:c0"}
    assert {r.claim for r in thanks[0].retellings if r.document == "a"} == {"a:c0"}
    assert [r.text for r in ferry[0].retellings if r.document == "a"] == [quote.split(". ")[0] + "."]
    # the two halves are not a conflict of one report with itself
    assert not ferry[0].conflicts_with and not thanks[0].conflicts_with


def test_two_groups_of_one_assertion_merge_when_a_later_retelling_bridges_them():
    # b's wording does not meet a's, so b founds a group of its own; c and d retell both: one claim of four
    def outlet(text):
        return C(text, speaker=None, speaker_text=None, kind="outlet")

    f = run_story([
        make_report("a", [outlet("The Velmar coast guard detained fourteen smugglers near Port Istra.")],
                    published="2025-01-01"),
        make_report("b", [outlet("A patrol boat stopped the smugglers' vessel off Istra at dawn, holding its crew "
                                 "of fourteen.")], published="2025-01-02"),
        make_report("c", [outlet("The Velmar coast guard detained fourteen smugglers near Port Istra after a patrol "
                                 "boat stopped their vessel at dawn.")], published="2025-01-03"),
        make_report("d", [outlet("A patrol boat stopped the smugglers' vessel off Istra at dawn and the coast guard "
                                 "detained its crew of fourteen.")], published="2025-01-04"),
    ])
    assert [set(c.documents) for c in f.claims] == [{"a", "b", "c", "d"}]


def test_one_report_gives_at_most_one_claim_to_a_group_unless_duplicate():
    f = run_story([
        make_report("a", [C("Ruritania plans to train 8,000 Borovian soldiers."),
                          C("Ruritania intends to train 8,000 Borovian soldiers.")]),
        make_report("b", [C("Ruritania plans to train 8,000 Borovian soldiers.")]),
    ])
    # report a repeats itself: one claim, both of a's retellings kept, b joins it
    assert len(f.claims) == 1 and len(f.claims[0].retellings) == 3
    f = run_story([
        make_report("a", [C("Ruritania plans to train Borovian soldiers."),
                          C("Ruritania plans to arm Borovian soldiers with new rifles.")]),
        make_report("b", [C("Ruritania plans to train Borovian soldiers.")]),
    ])
    assert sum(1 for c in f.claims if "b" in c.documents) == 1


def test_two_statements_of_one_report_on_one_topic_are_not_a_repeat():
    """'I trust you.' and 'She really does trust us.' share their one content word, so their terms read as one
    claim (score >= the duplicate threshold); the report says two things, and each has its own attribution.
    Failed before a repeat had to reuse half of the words (PolNeAR dev: 'I love you' / 'He really does love
    us', two attributions of one speaker, were one claim whose text matched one of them)."""
    f = run_story([make_report("a", [C("I trust you."), C("She really does trust us.")]),
                   make_report("b", [C("The weather in Tarn stays dry this week.")])])
    assert sorted(len(c.retellings) for c in f.claims) == [1, 1, 1]
    f = run_story([make_report("a", [C("Ruritania plans to train 8,000 Borovian soldiers."),
                                     C("Ruritania intends to train 8,000 Borovian soldiers.")])])
    assert [len(c.retellings) for c in f.claims] == [2]


def test_ids_are_stable_when_a_later_report_joins():
    a = make_report("a", [C("Ruritania plans to train 8,000 Borovian soldiers.")], published="2025-01-01")
    b = make_report("b", [C("Ruritania intends to train 8,000 Borovian soldiers.")], published="2025-01-02")
    first = run_story([a]).claims[0].id
    second = run_story([a, b]).claims[0]
    assert second.id == first and second.status == "corroborated"
    assert second.id.startswith("claim-")


def test_timeline_is_ordered_with_sentence_document_and_inferred_year():
    a = make_report("a", [C("The talks began on March 3 in Velka.", times=[["March 3", "2025-03-03", True]]),
                          C("A first round was held on January 20, 2025.", times=[["January 20, 2025", "2025-01-20"]])])
    b = make_report("b", [C("Observers said the previous round ended in 2024.", speaker=None,
                            speaker_text="observers", times=[["2024", "2024"]])])
    f = run_story([a, b])
    assert [t.value for t in f.timeline] == ["2024", "2025-01-20", "2025-03-03"]
    first, _, last = f.timeline
    assert first.document == "b" and first.text == "Observers said the previous round ended in 2024."
    assert last.inferred_year and last.text == "The talks began on March 3 in Velka."
    assert all(t.story == "story-1" for t in f.timeline)


def test_empty_story():
    f = run_story([make_report("a", [])])
    assert f.claims == () and f.timeline == ()


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def seed_findings():
    """The seed pair through the real readers, clean and analysis stages, as one story."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "seed_pair.json").is_file():
        pytest.skip("shared seeds not available")
    analyze = pytest.importorskip("crosscheck.analyze")
    aliases = pytest.importorskip("crosscheck.analyze.aliases")
    from crosscheck.clean import clean
    from crosscheck.model import RawReport, Story
    from crosscheck.readers import read_sources

    docs = [clean(r) for r in read_sources([str(SHARED / "seeds")]) if isinstance(r, RawReport)]
    analyses = analyze.analyze(docs)
    linking = aliases.link([(a.document, e) for a in analyses for e in a.entities])
    ids = {(ln.document, ln.key): ln.entity for ln in linking.links}
    story = Story(id="seed", documents=tuple(d.id for d in docs))
    findings = corroborate(story, {d.id: d for d in docs}, {a.document: a for a in analyses}, {}, ids)
    return docs, linking, findings


def test_seed_claims_align_as_gold_expects(seed_findings):
    """claim_recall and claim_status of the shared scorer, on corroborate's output alone."""
    docs, linking, findings = seed_findings
    spec = importlib.util.spec_from_file_location("crosscheck_score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    export = {
        "documents": [{"id": d.id, "source": d.source, "text": d.text} for d in docs],
        "entities": [{"id": e.id, "name": e.name, "aliases": list(e.aliases)} for e in linking.entities],
        "claims": [{"id": c.id, "speaker": c.speaker, "speaker_text": c.speaker_text, "text": c.text,
                    "documents": list(c.documents), "status": c.status} for c in findings.claims],
    }
    gold = json.loads((SHARED / "gold" / "seed_pair.json").read_text())
    gold = {"documents": gold["documents"], "claims": gold["claims"]}
    result, misses = scorer.score(export, gold)
    assert result["claim_recall"] >= 0.9, misses["claim_recall"]
    assert result["claim_status"] >= 0.9, misses["claim_status"]


def test_seed_timeline_is_ordered_and_points_at_sentences(seed_findings):
    docs, _, findings = seed_findings
    texts = {d.id: " ".join(d.text.split()) for d in docs}
    assert findings.timeline
    values = [t.value for t in findings.timeline]
    assert values == sorted(values)
    assert all(t.text in texts[t.document] for t in findings.timeline)


def test_figure_followed_by_of_and_an_adverb_does_not_crash():
    """Regression (found by pyflakes): 'of' then an -ly word read a name never assigned."""
    from crosscheck.corroborate.figures import _counted

    assert _counted("5,000 of newly trained reservists", 5) is None


def test_the_entity_link_map_is_looked_up_never_copied():
    """Corroboration reads (doc, key) -> entity id with .get only: the pipeline gives it the story's links,
    and a whole-store map given by another caller is never copied per claim (dict(entity_ids) iterated it)."""
    from collections.abc import Mapping

    from crosscheck.model import Story

    class LookupOnly(Mapping):
        def __init__(self, data):
            self.data, self.gets = data, 0

        def __getitem__(self, key):
            self.gets += 1
            return self.data[key]

        def __iter__(self):
            raise AssertionError("the entity map was iterated (copied)")

        def __len__(self):
            raise AssertionError("the entity map was measured (copied)")

    reports = [make_report("a", [C("Ruritania plans to train 8,000 soldiers from several military branches.")]),
               make_report("b", [C("There is an intention to train 8,000 soldiers from different branches.")])]
    ids = LookupOnly({k: v for _, _, m in reports for k, v in m.items()})
    docs = {d.id: d for d, _, _ in reports}
    f = corroborate(Story(id="story-1", documents=tuple(docs)), docs, {a.document: a for _, a, _ in reports}, {}, ids)
    (train,) = by_docs(f, "a", "b")
    assert train.speaker == "ent-anna-kessler" and ids.gets > 0


def test_claims_are_embedded_by_one_rule_for_the_pipeline_and_spark():
    """The pipeline and the Spark job ask one function whether a story's claims are compared by meaning (the
    Spark job kept the old two-languages rule after alignment embedded every story, and its verdicts drifted)."""
    from crosscheck.config import Settings
    from crosscheck.corroborate import wants_claim_vectors

    on, off = Settings(), Settings(align_embed_same_language=False)
    assert not wants_claim_vectors(["en"], on)
    assert wants_claim_vectors(["en", "en"], on)
    assert not wants_claim_vectors(["en", "en", None], off)
    assert wants_claim_vectors(["en", "de-AT"], off)


def _many_topics_story():
    """Eight reports, each retelling three of six fictional statements (one compound, one conflicting figure)."""
    said = [C("Ruritania plans to train 8,000 Borovian soldiers at the Kelmar range."),
            C("The Kelmar bridge was closed after the flood damaged its pillars."),
            C("Borovian officers are training local militias near Vask."),
            C("The harvest in Ostrava fell by a third this autumn.", speaker="Piet Dural"),
            C("The Ostrava mill will reopen in March with 300 workers.", speaker="Piet Dural"),
            C("Customs at Vask seized 40 crates of rifles.", speaker="Mara Tolk")]
    other = [C("Ruritania plans to train 9,500 Borovian soldiers at the Kelmar range."),
             C("Borovian officers are training local militias near Vask and the Kelmar bridge was closed after "
               "the flood damaged its pillars.")]
    reports = []
    for i in range(8):
        picks = [said[(i + k) % len(said)] for k in range(3)] + [other[i % 2]]
        reports.append(make_report(f"r{i}", picks, published=f"2031-04-{1 + i:02d}"))
    return reports


def test_groups_looked_up_by_their_terms_align_as_every_group_tested(monkeypatch):
    """In one language, align, the compound pass and relate look the candidate groups up by their distinctive
    terms (align.Postings) instead of testing every group: the same findings, and no group is tested with
    may_match (the test that cost ~20% of a story's corroboration at 100+ claims)."""
    import importlib

    align_mod = importlib.import_module("crosscheck.corroborate.align")
    verdicts_mod = importlib.import_module("crosscheck.corroborate.verdicts")
    reports = _many_topics_story()
    calls = {"may_match": 0}
    may_match = align_mod.Group.may_match

    def counting(self, view, weight):
        calls["may_match"] += 1
        return may_match(self, view, weight)

    monkeypatch.setattr(align_mod.Group, "may_match", counting)
    looked_up = run_story(reports)
    assert calls["may_match"] == 0
    monkeypatch.setattr(align_mod, "one_language", lambda views: False)
    monkeypatch.setattr(verdicts_mod, "one_language", lambda views: False)
    tested = run_story(reports)
    assert calls["may_match"] > 50
    assert looked_up == tested
    assert any(c.status == "conflicting" for c in tested.claims)
    assert any(len(c.documents) >= 4 for c in tested.claims)


@pytest.mark.parametrize("speaker", [KESSLER, None])
def test_kind_is_that_of_the_report_whose_speaker_the_claim_names(speaker):
    """An earlier report states a claim as its own (kind 'outlet'), a later one attributes it: the aligned claim
    names the later report's speaker, so its kind and text are the later report's, not 'outlet' and the outlet's
    sentence (they were the first report's: a claim said by Kessler read as the outlet's own statement, and
    attributed-only exports dropped it)."""
    f = run_story([
        make_report("a", [C("The Oster dam will be closed for repairs in May.", speaker=None, speaker_text="Daily Post",
                            kind="outlet", cue=None)], published="2026-05-01"),
        make_report("b", [C("The Oster dam will be closed for urgent repairs in May.", speaker=speaker,
                            speaker_text="a city engineer" if speaker is None else speaker, kind="reported")],
                    published="2026-05-02"),
    ])
    (c,) = f.claims
    assert set(c.documents) == {"a", "b"} and c.kind == "reported" and "urgent" in c.text  # in b's words
    assert c.speaker_text == (KESSLER if speaker else "a city engineer")
    (own,) = run_story([make_report("a", [C("The Oster dam will be closed for repairs in May.", speaker=None,
                                            speaker_text="Daily Post", kind="outlet", cue=None)])]).claims
    assert own.kind == "outlet" and own.speaker_text == "Daily Post"


def test_an_attribution_chained_to_an_outlet_is_not_hidden_behind_that_outlet_s_own_statement():
    """Report a states a claim as its own; report b attributes it to a city engineer who told report a's outlet.
    The attribution does not 'retell' an outlet's own statement (a report's own statement credits no one):
    failed before, the claim read as the Daily Post's own ('outlet'), and attributed-only exports dropped it."""
    f = run_story([
        make_report("a", [C("The Oster dam will be closed for repairs in May.", speaker=None, speaker_text="Daily Post",
                            kind="outlet", cue=None)], published="2026-05-01"),
        make_report("b", [C("The Oster dam will be closed for urgent repairs in May.", speaker=None,
                            speaker_text="a city engineer", kind="reported", chain=("Daily Post",))],
                    published="2026-05-02"),
    ])
    (c,) = f.claims
    assert c.kind == "reported" and c.speaker_text == "a city engineer" and "urgent" in c.text


def test_a_report_crediting_another_carrying_report_s_outlet_is_no_independent_source():
    """'According to a report in the Velmar Herald, C' beside the Velmar Herald's own report of C: one source.
    Failed before: two independent sources, 'corroborated'."""
    text = "The cabinet is considering raising the retirement age only to 66."
    f = run_story([
        make_report("a", [C(text, speaker=None, speaker_text="two senior officials", chain=("Velmar Herald",))],
                    outlet="Velmar Herald"),
        make_report("b", [C(text, speaker=None, speaker_text="the Velmar Herald")], outlet="Norrland Post"),
    ])
    (c,) = by_docs(f, "a", "b")
    assert c.independent_sources == 1 and c.status == "single_source", c
    # a third outlet that credits no one of them is a second source
    f = run_story([
        make_report("a", [C(text, speaker=None, speaker_text="two senior officials")], outlet="Velmar Herald"),
        make_report("b", [C(text, speaker=None, speaker_text="the Velmar Herald")], outlet="Norrland Post"),
        make_report("c", [C(text, speaker=None, speaker_text="two senior officials")], outlet="Tarn Courier"),
    ])
    (c,) = by_docs(f, "a", "b", "c")
    assert c.independent_sources == 2 and c.status == "corroborated", c


def test_independent_sources_counts_credited_outlets_with_their_reports():
    syn = {"a": None, "b": None, "c": "g1", "d": "g1"}
    outlets = {"a": "The Velmar Herald", "b": "Norrland Post", "c": "Tarn Courier", "d": "Tarn Courier"}
    assert independent_sources(["a", "b", "c", "d"], syn) == 3
    assert independent_sources(["a", "b", "c", "d"], syn, {"b": ["Velmar Herald"]}, outlets) == 2
    assert independent_sources(["a", "b", "c", "d"], syn, {"b": ["Velmar Herald"], "a": ["the Tarn Courier"]}, outlets) == 1
    # the outlet's name among lowercase descriptors is the outlet ('сообщило агентство Northwire' beside Northwire's
    # own report counted as a second source); a reporter of the outlet speaks for it; a bare 'the agency' names none
    assert independent_sources(["a", "b"], syn, {"b": ["a Velmar Herald reporter"]}, outlets) == 1
    assert independent_sources(["a", "b"], syn, {"b": ["агентство Velmar Herald"]}, outlets) == 1
    assert independent_sources(["a", "b"], syn, {"b": ["the agency"]}, outlets) == 2
    assert independent_sources(["a", "b"], syn, {"b": ["the Velmar Herald Tribune"]}, outlets) == 2  # another name


def test_irregular_forms_share_their_stem():
    from crosscheck.corroborate.lexicon import stem

    assert stem("withdrawn") == stem("withdrew") == stem("withdraw")  # data/irregular_forms_en.json
    assert stem("spoke") == stem("spoken") == stem("speak") and stem("fled") == stem("flee")
    # a hand-listed irregular form ends where its lemma's own stem does
    assert stem("struck") == stem("strike") and stem("forces") == stem("force") and stem("left") == stem("leave")


def test_a_passive_retelling_with_an_irregular_participle_is_one_claim():
    """'would not withdraw the plan' / 'the plan would not be withdrawn': in a story where 'plan' is in most claims,
    'withdraw' / 'withdrawn' is the only distinctive word the two share. Failed before: the stemmer left
    'withdrawn' apart from 'withdraw', so the groups were never compared."""
    holt = "Sana Holt"
    f = run_story([
        make_report("a", [C("The government would not withdraw the plan.", speaker=holt),
                          C("The pension plan raises the retirement age to 67.", speaker=holt),
                          C("Unions oppose the plan and will strike.", speaker=None, speaker_text="union leaders"),
                          C("The plan will be debated in parliament next week.", speaker=holt),
                          C("Thousands marched against the plan on Sunday.", speaker=None, speaker_text="police"),
                          C("The cabinet approved the plan in October.", speaker=holt)]),
        make_report("b", [C("The plan would not be withdrawn.", speaker=holt),
                          C("Talks on the plan's timetable could start soon.", speaker=holt),
                          C("The union called the plan unfair.", speaker=None, speaker_text="the union"),
                          C("Police estimated the crowd at 18,000.", speaker=None, speaker_text="police"),
                          C("Union leaders met the minister on Friday.", speaker=None, speaker_text="the union"),
                          C("Parliament votes on the plan in January.", speaker=holt)]),
    ])
    assert by_docs(f, "a", "b") and any("withdrawn" in r.text for c in by_docs(f, "a", "b") for r in c.retellings), \
        [(c.documents, c.text) for c in f.claims]


def test_a_retelling_of_one_sentence_of_a_longer_quote_drops_no_hedge_of_the_rest():
    """'"We are not yet done. Further tightening may be needed"' against '"We are not yet done"': the second
    retelling leaves the hedged sentence out; it did not drop the hedge ('may') nor state it as fact."""
    quote = dict(speaker="Governor Ilse Marten", kind="quote")
    long_ = C("We are not yet done. Further tightening may be needed if prices keep rising.", hedges=("may",), **quote)
    short = C("We are not yet done.", **quote)
    f = run_story([make_report("a", [long_], outlet="Harbour Times"), make_report("b", [short], outlet="Coast Wire")])
    together = [c for c in f.claims if set(c.documents) == {"a", "b"}]
    assert together, [(c.text, c.documents) for c in f.claims]
    assert not [n for c in f.claims for n in c.drift if n.startswith(("hedge", "modality"))], [c.drift for c in f.claims]
    # a retelling of the whole that drops the hedge still says so
    whole = C("We are not yet done. Further tightening will be needed if prices keep rising.", **quote)
    f = run_story([make_report("a", [long_], outlet="Harbour Times"), make_report("b", [whole], outlet="Coast Wire")])
    assert any(n.startswith("hedge dropped: may") for c in f.claims for n in c.drift)


def test_drift_notes_no_hedge_a_partial_retelling_leaves_out():
    """Across languages whole claims are grouped (no parts): the drift between a two-sentence quote and a
    retelling of its first sentence alone notes no hedge or modality of the sentence left out."""
    from crosscheck.corroborate.drift import drift_notes
    from crosscheck.corroborate.features import build_view

    quote = dict(speaker="Governor Ilse Marten", kind="quote")
    reports = [make_report("a", [C("We are not yet done. Further tightening may be needed if prices keep rising.",
                                   hedges=("may",), **quote)], outlet="Harbour Times"),
               make_report("b", [C("We are not yet done, the governor said.", **quote)], outlet="Coast Wire"),
               make_report("c", [C("We are not yet done, and further tightening will be needed if prices rise.",
                                   **quote)], outlet="Valley Courier")]
    views = [build_view(a.claims[0], d, a, i, ids) for i, (d, a, ids) in enumerate(reports)]
    docs = {d.id: d for d, _, _ in reports}
    assert not [n for n in drift_notes(views[:2], docs) if n.startswith(("hedge", "modality"))]
    assert any(n.startswith("hedge dropped: may") for n in drift_notes([views[0], views[2]], docs))


def test_a_length_of_time_is_a_counted_figure():
    """'seven years in prison' / 'nine years in prison', 'a nine-year term': years, days and hours were stop
    words, so such figures counted nothing and two sentences of the same verdict never clashed."""
    f = run_story([
        make_report("a", [C("The court sentenced the former mayor Dario Venn to seven years in prison.", speaker=None,
                            speaker_text="the court")]),
        make_report("b", [C("The court sentenced the former mayor Dario Venn to nine years in prison.", speaker=None,
                            speaker_text="the court")]),
    ])
    assert [c.status for c in f.claims] == ["conflicting", "conflicting"], [(c.text, c.status) for c in f.claims]
    from crosscheck.corroborate.figures import figures_in

    assert [(x.low, x.of) for x in figures_in("sought a nine-year term")] == [(9, "year")]
    assert [(x.low, x.of) for x in figures_in("the strike lasted three days")] == [(3, "day")]
    # a place in time or an age counts nothing
    for text in ("two years ago", "three days later", "a 25-year-old man"):
        assert [x.of for x in figures_in(text)] == [None], text


def test_a_subject_named_by_its_relation_to_a_person_is_no_other_subject():
    """'His client would appeal' / 'Venn would appeal the ruling': 'his client' names someone by a relation,
    not another participant; it cost the pair the penalty of subjects apart (ECB+ pairs F1 0.552 -> 0.557)."""
    from crosscheck.corroborate.features import build_view

    d, a, ids = make_report("a", [C("His client would appeal the ruling on Monday.", speaker="Tomas Ek")])
    assert build_view(a.claims[0], d, a, 0, ids).subject is None
    d, a, ids = make_report("b", [C("The client would appeal the ruling on Monday.", speaker="Tomas Ek")])
    assert build_view(a.claims[0], d, a, 0, ids).subject == "client"


def test_two_hedges_of_one_kind_on_one_figure_are_no_drift():
    """'About 300 residents' / 'Around 300 residents': the same hedged figure (drift said 'About 300' ->
    'Around 300'); 'at least 300' against 'about 300' still is drift."""
    spk = dict(speaker=None, speaker_text="the civil protection agency")
    f = run_story([make_report("a", [C("About 300 residents were evacuated by helicopter.", **spk)], outlet="Norland Wire"),
                   make_report("b", [C("Around 300 residents were evacuated by helicopter.", **spk)],
                               outlet="Valley Courier")])
    assert not [n for c in f.claims for n in c.drift if n.startswith("figure")], [c.drift for c in f.claims]
    f = run_story([make_report("a", [C("About 300 residents were evacuated by helicopter.", **spk)], outlet="Norland Wire"),
                   make_report("b", [C("At least 300 residents were evacuated by helicopter.", **spk)],
                               outlet="Valley Courier")])
    assert [n for c in f.claims for n in c.drift if n.startswith("figure")]


def test_a_vague_amount_of_an_unknown_thing_is_no_drift_of_a_count():
    """'clashed with thousands of protesting farmers' / 'At least 23 people were injured when ... farmers
    clashed': drift said 'thousands' -> 'At least 23'."""
    from crosscheck.corroborate.drift import drift_notes
    from crosscheck.corroborate.features import build_view

    spk = dict(speaker=None, speaker_text="the outlet", kind="outlet")
    reports = [make_report("a", [C("Police clashed with thousands of protesting farmers in Tarvik.", **spk)], outlet="A"),
               make_report("b", [C("At least 23 people were hurt when police and farmers clashed in Tarvik.", **spk)],
                           outlet="B"),
               make_report("c", [C("Police clashed with 3,000 protesting farmers in Tarvik.", **spk)], outlet="C"),
               make_report("d", [C("Police clashed with 2,000 protesting farmers in Tarvik.", **spk)], outlet="D")]
    views = [build_view(a.claims[0], d, a, i, ids) for i, (d, a, ids) in enumerate(reports)]
    docs = {d.id: d for d, _, _ in reports}
    assert not [n for n in drift_notes(views[:2], docs) if n.startswith("figure")]
    assert [n for n in drift_notes(views[2:], docs) if n.startswith("figure")]  # two counts still drift


def test_reports_crediting_one_wire_count_once_however_reworded_or_translated():
    """'KESSEL (Reuters) -' over a reworded copy and over a German translation, beside Reuters' own report: no
    sentence is shared closely enough for a syndication group, yet it is one source's text (each of its claims
    was 'corroborated' by three)."""
    syn = {"a": None, "b": None, "c": None, "d": None}
    outlets = {"a": "Reuters", "b": "Valley Courier", "c": "Kurier Nord", "d": "Morning Herald"}
    wires = {"a": ["Reuters"], "b": ["Reuters"], "c": ["Reuters"]}
    assert independent_sources(["a", "b", "c", "d"], syn, {}, outlets, wires) == 2
    assert independent_sources(["b", "c"], syn, {}, outlets, wires) == 1  # two copies without the wire's own
    assert independent_sources(["b", "d"], syn, {}, outlets, wires) == 2
    assert independent_sources(["a", "b", "c", "d"], syn, {}, outlets) == 4


def test_a_modal_in_a_clause_of_comparison_hedges_nothing():
    """'demand was stronger than the company could build': 'could' measures the demand; drift said the claim
    turned from fact to possibility and a hedge was added."""
    from crosscheck.analyze import analyze
    from crosscheck.corroborate.features import modality_of
    from crosscheck.model import Document

    assert modality_of("Demand was stronger than the company could build.") == "actual"
    assert modality_of("They ran as fast as they could.") == "actual"
    assert modality_of("The plant could close next year.") == "possible"
    assert modality_of("Residents left as the storm could hit the coast.") == "possible"  # an 'as' of reason
    text = "Holt said demand for electric vans was stronger than the company could build. Holt said the plant could close."
    claims = analyze([Document(id="m", source="m", fmt="txt", text=text, language="en", published="2026-10-29")])[0].claims
    assert [c.hedges for c in claims] == [(), ("could",)]


def test_a_headline_figure_takes_the_body_s_bound_and_other_languages_read_their_qualifiers():
    """'Strong earthquake kills 12' over 'killing at least 12 people', against 'Séisme : au moins 14 morts' hours
    later: the headline's bare 12 was an exact count, and 'au moins' was no bound outside English, so the two
    headlines conflicted while the bodies' 'at least 12' / 'au moins 14' were explained as a later count."""
    from crosscheck.analyze import analyze
    from crosscheck.corroborate.features import build_view
    from crosscheck.corroborate.values import is_floor
    from crosscheck.model import Document

    en = Document(id="en", source="en", fmt="txt", language="en", published="2026-11-20T09:00:00Z",
                  title="Strong earthquake kills 12 in mountain town",
                  text="A strong earthquake struck the town of Tarvel on Friday, killing at least 12 people, the "
                       "civil protection agency said.")
    fr = Document(id="fr", source="fr", fmt="txt", language="fr", published="2026-11-20T15:00:00Z",
                  title="Séisme à Tarvel : au moins 14 morts",
                  text="Au moins 14 personnes ont été tuées vendredi par un séisme à Tarvel, a annoncé le maire.")
    views = []
    for doc in (en, fr):
        an = analyze([doc])[0]
        views += [build_view(c, doc, an, 0, {}) for c in an.claims]
    title = next(v for v in views if v.document == "en" and v.claim.in_title)
    assert [(f.low, is_floor(f)) for f in title.figures] == [(12, True)]
    body_fr = next(v for v in views if v.document == "fr" and not v.claim.in_title)
    assert [(f.low, is_floor(f)) for f in body_fr.figures if f.low == 14] == [(14, True)]
    bare = Document(id="b", source="b", fmt="txt", language="en", published="2026-11-20", title="Quake kills 12",
                    text="Twelve people were killed when the quake struck, officials said.")
    an = analyze([bare])[0]
    assert not any(is_floor(f) for c in an.claims if c.in_title for f in build_view(c, bare, an, 0, {}).figures)


def test_a_denied_event_to_come_conflicts_with_a_plan_of_it():
    """'The ministry denied that it would send 2,000 soldiers to the border' against 'Norland plans to send up to
    2,000 soldiers to the border': a future and a plan differed in modality, so the flip of negation was no
    conflict (only a translation, whose modality is not compared, conflicted)."""
    f = run_story([
        make_report("a", [C("Norland plans to send up to 2,000 soldiers to its border with Ostria.", speaker=None,
                            speaker_text="two senior defence officials")]),
        make_report("b", [C("Norland would send 2,000 soldiers to its border with Ostria.", speaker=None,
                            speaker_text="the defence ministry", negated=True, cue="denied")]),
    ])
    assert [c.status for c in f.claims] == ["conflicting", "conflicting"], [(c.text, c.status) for c in f.claims]
    # a plan and an event to come with other figures drift; they are no conflict of figures
    f = run_story([
        make_report("a", [C("Norland plans to send up to 2,000 soldiers to its border with Ostria.", speaker=None,
                            speaker_text="two senior defence officials")]),
        make_report("b", [C("Norland will send 3,000 soldiers to its border with Ostria.", speaker=None,
                            speaker_text="two senior defence officials")]),
    ])
    assert "conflicting" not in {c.status for c in f.claims}, [(c.text, c.status) for c in f.claims]


def test_a_later_claim_telling_its_count_changed_is_no_figure_conflict():
    """'officials: 12 people died' in the morning, 'officials: the death toll rose to 19' the next day: the later
    claim says the count changed, so the two claims are an update, not a conflict; an hour apart, or without the
    update words, they still conflict (verdicts._later_count; before: a conflict either way)."""
    from crosscheck.analyze import analyze
    from crosscheck.corroborate.features import build_view
    from crosscheck.corroborate.verdicts import _later_count
    from crosscheck.model import Document

    def view(text, published):
        doc = Document(id=published, source=published, fmt="txt", language="en", published=published, text=text)
        an = analyze([doc])[0]
        return build_view(an.claims[0], doc, an, 0, {})

    first = view("Twelve people died in the floods in Sorvik, officials said.", "2026-03-14T08:00:00Z")
    rose = view("The number of people who died in the floods in Sorvik rose to 19 people, officials said.",
                "2026-03-15T10:00:00Z")
    other = view("Nineteen people died in the floods in Sorvik, officials said.", "2026-03-15T10:00:00Z")
    soon = view("The number of people who died in the floods in Sorvik rose to 19 people, officials said.",
                "2026-03-14T08:30:00Z")
    assert _later_count(first, rose) and _later_count(rose, first)
    assert not _later_count(first, other) and not _later_count(first, soon)


def test_a_denial_in_the_passive_voice_conflicts_with_the_active_claim():
    """'Tarvel and Ostria agree 30-day truce' against 'the ministry denied that a truce had been agreed with Ostria':
    the passive claim's subject is the truce, which the active claim names only as its object, so the subjects were
    apart and the denial was no conflict (verdicts._same_subject)."""
    from crosscheck.analyze import analyze
    from crosscheck.analyze.aliases import link
    from crosscheck.config import Settings
    from crosscheck.corroborate.align import Weights
    from crosscheck.corroborate.features import build_view
    from crosscheck.corroborate.verdicts import _pair, agentless_passive
    from crosscheck.model import Document

    docs = [Document(id="a", source="a", fmt="txt", language="en", published="2026-05-12T09:00:00Z",
                     text="Tarvel and Ostria agreed to a 30-day truce on their border, two diplomats said."),
            Document(id="b", source="b", fmt="txt", language="en", published="2026-05-12T15:00:00Z",
                     text="Tarvel's foreign ministry denied that a truce had been agreed with Ostria.")]
    ans = analyze(docs)
    ids = {(ln.document, ln.key): ln.entity for ln in link([(a.document, e) for a in ans for e in a.entities]).links}
    views = [build_view(c, d, a, i, ids) for i, (d, a) in enumerate(zip(docs, ans)) for c in a.claims]
    (agreed,) = [v for v in views if v.document == "a"]
    (denial,) = [v for v in views if v.document == "b"]
    assert denial.negated and agentless_passive(denial) and not agentless_passive(agreed)
    assert _pair(agreed, denial, Weights(views), Settings())[0] == "conflict"


def test_a_report_whose_lead_retells_another_outlet_s_report_counts_with_it():
    """'Стороны договорились о перемирии, сообщило агентство Northwire': the Russian report follows Northwire's; its
    retelling of Northwire's own narration ('fighting has killed 300') was a second independent source. A report
    whose lead is its own (or another source's) stays independent."""
    scoop = C("Negotiators agreed to a 30-day truce on the border.", speaker=None, speaker_text="two diplomats")
    fighting = C("Fighting along the border has killed more than 300 people since March.", speaker=None,
                 speaker_text="Northwire", kind="outlet")
    follow = C("Negotiators agreed to a 30-day truce on the border.", speaker=None, speaker_text="агентство Northwire")
    own = C("Fighting along the border has killed more than 300 people since March.", speaker=None,
            speaker_text="Novosti Primer", kind="outlet")
    f = run_story([
        make_report("a", [scoop, fighting], outlet="Northwire"),
        make_report("b", [follow, own], outlet="Novosti Primer"),
        make_report("c", [C("The ministry said the truce was not agreed.", speaker=None, speaker_text="the ministry"),
                          {**own, "speaker_text": "Daily Courier"}], outlet="Daily Courier"),
    ])
    (c,) = [c for c in f.claims if "Fighting" in c.text]
    assert set(c.documents) == {"a", "b", "c"} and c.independent_sources == 2, c
    assert f.independent_sources == 2


def test_a_number_word_counts_the_word_after_it_and_units_meet_across_languages():
    """'zu sieben Jahren Haft' against 'to eight years in jail': the number word was read as its own counted noun,
    and 'Jahren' / 'years' were two words no concept knew, so the figures never clashed across languages."""
    from crosscheck.corroborate.features import _noun_after
    from crosscheck.corroborate.values import Figure, figure_relation

    assert _noun_after("sieben", " Jahren Haft verurteilt") == "jahren"
    assert _noun_after("22", " edificios") == "edificios"
    seven = Figure(text="sieben", low=7, high=7, qualifier=None, of="jahren")
    eight = Figure(text="eight years", low=8, high=8, qualifier=None, of="year")
    months = Figure(text="18 Monaten", low=18, high=18, qualifier=None, of="monaten")
    assert figure_relation((seven,), (eight,), cross=True) == "clash"
    assert figure_relation((months,), (eight,), cross=True) == "none"  # months and years are not one scale


def test_two_floors_apart_clash_across_languages_as_in_one():
    """'al menos 19 muertos' / 'At least 25 people have died': two floors put the count's edge in two places. In one
    language that is a clash; across languages the intervals overlapped, so the mayor's 25 joined the officials' 19
    as one claim and the disagreement marked no claim conflicting."""
    from crosscheck.corroborate.values import Figure, figure_relation

    floor19 = Figure(text="al menos 19 muertos", low=19, high=190, qualifier="at least", of="muertos")
    floor25 = Figure(text="At least 25", low=25, high=250, qualifier="at least", of="people")
    same19 = Figure(text="at least 19 people", low=19, high=190, qualifier="at least", of="people")
    assert figure_relation((floor19,), (floor25,), cross=True) == "clash"
    assert figure_relation((floor19,), (same19,), cross=True) == "same"
    assert figure_relation((same19,), (floor25,), cross=False) == "clash"


def test_one_count_of_people_each_clashes_across_languages_beside_agreeing_counts():
    """'unas 3.000 personas de cuatro pueblos' / 'cerca de 4.500 pessoas de quatro aldeias': the fours agreed, so the
    two leads were one claim and the evacuee counts never clashed."""
    from crosscheck.corroborate.values import Figure, figure_relation

    es = (Figure(text="unas 3.000 personas", low=2550, high=3450, qualifier="about", of="personas"),
          Figure(text="cuatro", low=4, high=4, qualifier=None, of="pueblos"))
    pt = (Figure(text="cerca de 4.500 pessoas", low=3825, high=5175, qualifier="about", of="pessoas"),
          Figure(text="quatro", low=4, high=4, qualifier=None, of="aldeias"))
    same = (Figure(text="cerca de 3.000 pessoas", low=2550, high=3450, qualifier="about", of="pessoas"), pt[1])
    assert figure_relation(es, pt, cross=True) == "clash"
    assert figure_relation(es, same, cross=True) == "same"


def test_the_same_figures_under_other_nouns_do_not_clash_across_languages():
    """'a blaze killed 15 people ... the evacuation of 1,500 residents' / '15 muertos ... evacuar a 1.500 vecinos':
    the English nouns are stemmed ('resident', not a word for people), so '15 people' was the one count of people
    on its side and clashed with '1.500 vecinos'; a value the other side gives under another noun is no clash."""
    from crosscheck.corroborate.values import Figure, figure_relation

    en = (Figure(text="15 people", low=15, high=15, qualifier=None, of="people"),
          Figure(text="1,500 residents", low=1500, high=1500, qualifier=None, of="resident"),
          Figure(text="two villages", low=2, high=2, qualifier=None, of="villag"))
    es = (Figure(text="15 muertos", low=15, high=15, qualifier=None, of="muertos"),
          Figure(text="1.500 vecinos", low=1500, high=1500, qualifier=None, of="vecinos"),
          Figure(text="dos pueblos", low=2, high=2, qualifier=None, of="pueblos"))
    assert figure_relation(en, es, cross=True) == "same"
    assert figure_relation(en[:1], es[1:2], cross=True) == "clash"  # one count each of people: 15 / 1.500


def test_a_stemmed_noun_is_the_nearest_concepts_stem():
    """'40 homes had been destroyed' (English nouns are stemmed: 'home') / 'Unas 60 viviendas quedaron destruidas':
    'home' was read as the stem of 'homeless' (the evacuated), so the two counts were of two things and one claim."""
    from crosscheck.corroborate.values import Figure, _noun_class, figure_relation

    assert _noun_class("home") == _noun_class("viviendas") == "homes"
    assert _noun_class("homeless") == "evacuated" and _noun_class("fatal") == "dead"
    en = (Figure(text="40", low=40, high=40, qualifier=None, of="home"),)
    es = (Figure(text="Unas 60 viviendas", low=51, high=69, qualifier="about", of="viviendas"),)
    assert figure_relation(en, es, cross=True) == "clash"


def test_a_part_of_an_agreeing_whole_clashes_when_each_claim_gives_both():
    """'Five of the seven board members voted for the cut' / 'Four of the seven board members backed the decision':
    the sevens agreed, so the two claims were one and the vote was CORROBORATED. Each figure of a thing must meet its
    own figure of the other claim when both give as many."""
    from crosscheck.corroborate.values import Figure, figure_relation

    def fig(n, of):
        return Figure(text=str(n), low=n, high=n, qualifier=None, of=of)

    five, four = (fig(5, "member"), fig(7, "member")), (fig(4, "member"), fig(7, "member"))
    assert figure_relation(five, four) == "clash"
    assert figure_relation(five, (fig(7, "member"), fig(5, "member"))) == "same"  # the order does not matter
    assert figure_relation(five, (fig(7, "member"),)) == "same"  # one side gives the whole only
    # across languages several figures each never clash: translations convert units ('9.3 millimetres (0.37
    # inches)'), round and drop figures (meantime-dev: aligned recall fell 0.915 -> 0.908 when they did)
    cinq = (fig(5, "membres"), fig(7, "membres"))
    assert figure_relation(cinq, four, cross=True) == "same"


@pytest.mark.parametrize("language, text, modality", [
    ("es", "Las autoridades prevén evacuar a 20.000 vecinos de Orla.", "plan"),
    ("de", "Die Behörden wollen 20.000 Bewohner in Sicherheit bringen.", "plan"),
    ("de", "Der Plan sieht 20.000 Plätze in Notunterkünften vor.", "actual"),  # a plan named, not intended
    ("ru", "Власти планируют эвакуировать 20 тысяч жителей.", "plan"),
    ("tr", "Yetkililer 20 bin kişiyi tahliye etmeyi planlıyor.", "plan"),
    ("it", "La diga potrebbe cedere entro domenica.", "possible"),
    ("fr", "Les autorités vont évacuer 20 000 habitants.", "future"),  # future tense (time_words.json)
    ("es", "Las autoridades evacuarán a 20.000 vecinos.", "future"),
    ("pl", "Władze ewakuowały 20 tys. mieszkańców.", "actual"),
    ("xx", "Gli abitanti potrebbero tornare.", "actual"),  # a language no file lists
])
def test_modality_is_read_in_each_languages_words(language, text, modality):
    """data/modality_words.json: a plan or possibility in other languages' words. Before, only English words
    were read ('wollen', 'prevén', 'планируют' read as deeds done; German 'will' as the future)."""
    from crosscheck.corroborate.features import modality_of

    assert modality_of(text, language) == modality


def test_modality_drift_is_read_against_a_retelling_in_the_same_language():
    """The first retelling of a group is in Italian: 'plan to evacuate' -> 'have been evacuated' in two English
    reports is still noted (compared with the first English retelling, not across languages); a translation's
    other modal is not ('could carry' / 'podía transportar')."""
    from crosscheck.corroborate.drift import drift_notes
    from crosscheck.corroborate.features import build_view

    reports = [make_report("a", [C("Le autorità intendono evacuare 20.000 residenti di Orla.")], outlet="Giornale"),
               make_report("b", [C("Authorities plan to evacuate 20,000 residents of Orla.")], outlet="Wire"),
               make_report("c", [C("Some 20,000 residents of Orla have been evacuated.")], outlet="Post"),
               make_report("d", [C("El avión podía transportar 20.000 litros.")], outlet="Diario"),
               make_report("e", [C("The plane could carry 20,000 litres.")], outlet="Courier")]
    langs = {"a": "it", "b": "en", "c": "en", "d": "es", "e": "en"}
    reports = [(replace(d, language=langs[d.id]), a, ids) for d, a, ids in reports]
    views = [build_view(a.claims[0], d, a, i, ids) for i, (d, a, ids) in enumerate(reports)]
    docs = {d.id: d for d, _, _ in reports}
    notes = drift_notes(views[:3], docs)
    assert "modality: a plan or intention (Wire) -> stated as fact (Post)" in notes, notes
    assert not [n for n in drift_notes(views[3:], docs) if n.startswith("modality")]
