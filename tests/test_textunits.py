"""textunits: the one sentence splitter every stage without a parse uses (syndication sentences, the sentences
of facts, story summaries, timeline sentences, the story lead), and where the stages it replaced differed.
Every text here is fictional."""
from __future__ import annotations

from crosscheck.textunits import ends_with_stop, sentence_at, sentence_spans


def _split(text: str) -> list[str]:
    spans = sentence_spans(text)
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)  # trimmed
    return [text[a:b] for a, b in spans]


def test_abbreviations_initials_and_dotted_capitals_do_not_end_a_sentence():
    text = ("Gen. Ortiz and Sen. Vale met J. Marsh in the U.S. capital on Mar. 4. The talks ended at 9 p.m. "
            "Police closed the road. No. 7 was the last bus.")
    assert _split(text) == ["Gen. Ortiz and Sen. Vale met J. Marsh in the U.S. capital on Mar. 4.",
                            "The talks ended at 9 p.m.", "Police closed the road.", "No. 7 was the last bus."]


def test_a_capitalised_entry_matches_only_as_written():
    # 'Mar.' is March; Spanish 'mar.' (sea) ends its sentence (story summaries matched the list case-blind)
    assert _split("Cayó al mar. Luego llegó la lancha.") == ["Cayó al mar.", "Luego llegó la lancha."]


def test_closing_quotes_stay_with_their_sentence():
    # facts, syndication and timeline sentences ended before the closing quote; summaries did not split at all
    assert _split('"We will rebuild." Then she left. „Wir bauen.“ Dann ging sie.') == [
        '"We will rebuild."', "Then she left.", "„Wir bauen.“", "Dann ging sie."]


def test_any_script_capital_or_digit_starts_a_sentence_and_a_lower_case_letter_never_does():
    # facts split only before Latin capitals (a Russian report was one sentence a line); syndication split
    # before lower-case Cyrillic; summaries never before a digit
    assert _split("Мост закрыли. Ремонт займёт месяц. и ещё. 12 рабочих") == [
        "Мост закрыли.", "Ремонт займёт месяц. и ещё.", "12 рабочих"]
    assert _split("The toll rose. 12 were hurt. approx. five hours") == [
        "The toll rose.", "12 were hurt. approx. five hours"]


def test_chinese_stops_need_no_space_and_keep_their_closing_bracket():
    assert _split("他说。「桥已关闭。」工人们离开了。") == ["他说。", "「桥已关闭。」", "工人们离开了。"]


def test_lines_are_sentences_and_other_scripts_stops_count():
    assert _split("Ferry resumes\n\nThe ferry sails again… Crews cheered! Why? Nobody knew") == [
        "Ferry resumes", "The ferry sails again…", "Crews cheered!", "Why?", "Nobody knew"]
    assert _split("पुल बंद हुआ। मरम्मत जारी है।") == ["पुल बंद हुआ।", "मरम्मत जारी है।"]


def test_sentence_at_finds_the_span_holding_an_offset():
    text = "One here. Two there."
    spans = sentence_spans(text)
    assert sentence_at(spans, text.index("Two")) == spans[1] and sentence_at(spans, 0) == spans[0]
    assert sentence_at(spans, text.index(" Two")) == (9, 9)  # between sentences


def test_ends_with_stop_allows_closing_quotes():
    assert ends_with_stop('She said "no."') and ends_with_stop("完了。」") and ends_with_stop("बंद हुआ।")
    assert not ends_with_stop("Ferry resumes") and not ends_with_stop("")


def test_the_stages_read_sentences_by_the_shared_rule():
    from crosscheck.corroborate.timeline import timeline
    from crosscheck.model import Analysis, Document, TimeExpr
    from crosscheck.stories.describe import _first_sentence
    from crosscheck.stories.features import _lead_end

    # a summary keeps an abbreviation and ends after a closing quote (it ran on to the next sentence)
    assert _first_sentence('Gen. Ortiz said "the dam holds." Crews stayed.') == 'Gen. Ortiz said "the dam holds."'
    # the lead: a headline line without a stop stays in it, 'U.S.' does not cut it (it ended at 'The U.S.')
    text = "Dam holds\nThe U.S. Army said the dam held on Tuesday. Crews stayed."
    assert text[:_lead_end(text)] == "Dam holds\nThe U.S. Army said the dam held on Tuesday."
    # a timeline sentence does not stop at an abbreviation ('Gen.' cut it to 'Ortiz inspected ...')
    body = "Gen. Ortiz inspected the dam on 4 March 2031. Crews stayed."
    doc = Document(id="d1", source="s", fmt="text", text=body, published="2031-03-05", language="en")
    start = body.index("4 March 2031")
    analysis = Analysis(document="d1", times=(TimeExpr(start=start, end=start + 12, text="4 March 2031",
                                                       value="2031-03-04"),))
    [entry] = timeline("st", ["d1"], {"d1": doc}, {"d1": analysis})
    assert entry.text == "Gen. Ortiz inspected the dam on 4 March 2031."


def test_a_word_keeps_its_vowel_signs():
    """Python's \\w holds no combining mark: 'प्रांतीय गवर्नर मार्टा केल' (four words) counted eleven, and a Hindi subject
    was too long to be one."""
    from crosscheck.textunits import word_count

    assert word_count("प्रांतीय गवर्नर मार्टा केल") == 4
    assert word_count("وَزِيرُ الصِّحَّةِ") == 2
