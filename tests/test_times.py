"""Times: explicit dates, year inference, relative expressions, other languages, weekday warnings, negatives."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.analyze import times
from crosscheck.model import Document, TimeExpr

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def t(nlp):
    def run(text: str, published: str | None = None, language: str | None = None, **kw) -> list[TimeExpr]:
        doc = Document(id="t", source="t", fmt="txt", text=text, published=published, language=language, **kw)
        return times.extract(doc, nlp(text))
    return run


def value_of(found: list[TimeExpr], text: str) -> TimeExpr:
    hits = [x for x in found if x.text == text]
    assert hits, f"no time {text!r} in {found}"
    return hits[0]


@pytest.mark.parametrize("sentence, span, value", [
    ("The envoy spoke in Lisbon on October 17.", "October 17", "2024-10-17"),
    ("The summit opened June 19, 2024, in Oslo.", "June 19, 2024", "2024-06-19"),
    ("The summit opened on 19 June 2024.", "19 June 2024", "2024-06-19"),
    ("Records go back to the 3rd of March 2021.", "3rd of March 2021", "2021-03-03"),
    ("Back in 2022, the mill closed.", "2022", "2022"),
    ("Sales peaked in October 2023.", "October 2023", "2023-10"),
    ("The ferry sank on Oct. 9.", "Oct. 9", "2024-10-09"),
    ("The ruling is dated 2024-09-30.", "2024-09-30", "2024-09-30"),
    ("The ruling is dated 30.09.2024.", "30.09.2024", "2024-09-30"),
    ("The ruling is dated 09/30/2024.", "09/30/2024", "2024-09-30"),
    ("The strike began in October.", "October", "2024-10"),
])
def test_explicit_dates_against_publication(t, sentence, span, value):
    x = value_of(t(sentence, published="2024-10-18"), span)
    assert x.value == value and x.inferred_year is False


def test_year_chosen_nearest_publication_and_in_the_past(t):
    # published in early January: "December 28" is last year's
    assert value_of(t("Protests began on December 28.", published="2025-01-03"), "December 28").value == "2024-12-28"
    # two days ahead still beats a year back, even in the past tense (datetime publication accepted)
    assert value_of(t("Talks collapsed on October 20.", published="2024-10-18T09:00:00Z"), "October 20").value == "2024-10-20"
    # but past tense prefers a month back over a month ahead... and so does nearness
    assert value_of(t("Talks collapsed on September 18.", published="2024-10-18"), "September 18").value == "2024-09-18"
    # for a date ~5 months either way, the tense decides
    assert value_of(t("Talks collapsed on March 20.", published="2024-10-18"), "March 20").value == "2024-03-20"
    assert value_of(t("Talks will resume on April 20.", published="2024-10-18"), "April 20").value == "2025-04-20"
    assert value_of(t("Talks collapsed on October 16.", published="2024-10-18"), "October 16").value == "2024-10-16"
    # future tense looks ahead across the new year
    assert value_of(t("Ministers will meet on January 9.", published="2024-12-20"), "January 9").value == "2025-01-09"


def test_year_inferred_from_the_latest_full_date_in_text(t):
    text = "A photo taken June 19, 2024, shows the pier. Divers returned on October 17."
    x = value_of(t(text), "October 17")
    assert (x.value, x.inferred_year, x.anchor) == ("2024-10-17", True, "2024-06-19")


def test_year_inferred_from_captions(t):
    text = "Divers returned on October 17."
    x = value_of(t(text, captions=("Boats at the pier, 2 September 2023.",)), "October 17")
    assert x.value == "2023-10-17" and x.inferred_year


def test_no_anchor_gives_x_year(t):
    found = t("Divers returned on October 17 and left two days later.")
    assert value_of(found, "October 17").value == "XXXX-10-17"
    assert value_of(found, "two days later").value == "XXXX-10-19"


@pytest.mark.parametrize("sentence, span, value", [
    ("The mayor resigned yesterday.", "yesterday", "2024-10-17"),
    ("The mayor resigns today.", "today", "2024-10-18"),
    ("Results are due tomorrow.", "tomorrow", "2024-10-19"),
    ("Shelling resumed on Thursday.", "Thursday", "2024-10-17"),
    ("The council will vote on Tuesday.", "Tuesday", "2024-10-22"),
    ("Rain fell last Friday.", "last Friday", "2024-10-11"),
    ("Turnout fell last year.", "last year", "2023"),
    ("Prices rose last month.", "last month", "2024-09"),
    ("Two bridges reopened earlier this month.", "earlier this month", "2024-10"),
    ("The depot is busy this week.", "this week", "2024-W42"),
    ("The team travels next week.", "next week", "2024-W43"),
    ("They hope to finish by the end of the year.", "by the end of the year", "2024"),
    ("Voting starts in two weeks.", "in two weeks", "2024-W44"),
    ("The dam burst three days ago.", "three days ago", "2024-10-15"),
])
def test_relative_expressions_against_publication(t, sentence, span, value):
    x = value_of(t(sentence, published="2024-10-18"), span)  # a Friday
    assert x.value == value and x.anchor == "2024-10-18"


def test_text_relative_follows_the_last_date(t):
    found = t("The raid happened on October 3. The previous day, sirens sounded.", published="2024-10-18")
    assert value_of(found, "The previous day").value == "2024-10-02"


def test_relative_without_publication_is_not_invented(t):
    found = t("A photo taken June 19, 2024. The mayor resigned yesterday and will leave by the end of the year.")
    assert [x.text for x in found] == ["June 19, 2024"]


def test_weekday_mismatch_is_flagged(t):
    x = value_of(t("Fighting stopped on Friday, 3 October.", published="2024-10-18"), "Friday, 3 October")
    assert x.value == "2024-10-03" and "Thursday" in (x.warning or "")
    ok = value_of(t("Fighting stopped on Thursday, 3 October.", published="2024-10-18"), "Thursday, 3 October")
    assert ok.warning is None


@pytest.mark.parametrize("sentence, language, value", [
    ("Die Wahl fand am 17. Oktober statt.", "de", "2024-10-17"),
    ("La cumbre fue el 17 de octubre de 2023.", "es", "2023-10-17"),
    ("Il vertice si è tenuto il 17 ottobre.", "it", "2024-10-17"),
    ("Szczyt odbył się 17 października 2024 r.", "pl", "2024-10-17"),
    ("Саммит прошёл 17 октября.", "ru", "2024-10-17"),
    ("Саміт відбувся 17 жовтня 2024 року.", "uk", "2024-10-17"),
    ("정상회담은 10월 17일 열렸다.", "ko", "2024-10-17"),
    ("Le sommet a eu lieu le 1er octobre.", "fr", "2024-10-01"),
])
def test_other_languages(t, sentence, language, value):
    assert [x.value for x in t(sentence, published="2024-10-18", language=language)] == [value]


def test_foreign_relative_words(t):
    assert [x.value for x in t("Der Minister trat gestern zurück.", published="2024-10-18", language="de")] == ["2024-10-17"]


@pytest.mark.parametrize("sentence, language, value", [
    # the future verb is in the clause the verb of saying introduces, not the weekday's (published Saturday)
    ("La cooperativa anunció el viernes que abrirá dos molinos nuevos.", "es", "2025-06-13"),
    ("La coopérative a annoncé vendredi qu'elle ouvrira deux moulins.", "fr", "2025-06-13"),
    ("Die Genossenschaft teilte am Freitag mit, dass sie zwei Mühlen eröffnen wird.", "de", "2025-06-13"),
    # ... and a weekday inside that clause takes its future verb
    ("La cooperativa dijo que el viernes abrirá dos molinos nuevos.", "es", "2025-06-20"),
])
def test_foreign_weekday_tense_is_its_own_clause(t, sentence, language, value):
    found = [x for x in t(sentence, published="2025-06-14", language=language) if x.value.startswith("2025-06")]
    assert [x.value for x in found] == [value]


@pytest.mark.parametrize("sentence, language", [
    ("El tren descarriló el lunes por la mañana cerca de Ribera Alta.", "es"),  # in the morning, not tomorrow
    ("Der Zug entgleiste am Morgen bei Kellfurt.", "de"),
])
def test_a_time_of_day_is_not_tomorrow(t, sentence, language):
    found = t(sentence, published="2024-10-18", language=language)
    assert not [x for x in found if x.value == "2024-10-19"], found


@pytest.mark.parametrize("sentence", [
    "The convoy of 2024 trucks arrived.",  # a count, not a year
    "Resolution 2231 was cited.",
    "The ceasefire lasted two years and three days.",  # durations
    "Officials may attend the march.",  # modal verb and common noun, not months
    "Score: 2022 points after 17 rounds.",
    "The F-16 took off at 10:30.",
])
def test_not_times(t, sentence):
    assert t(sentence, published="2024-10-18") == []


def test_overlaps_resolved_longest_first_and_offsets_exact(t):
    text = "On Thursday, October 17, 2024, and again in 2025, the board met."
    found = t(text, published="2024-10-18")
    assert [x.text for x in found] == ["Thursday, October 17, 2024", "2025"]
    for x in found:
        assert text[x.start:x.end] == x.text


def test_junk_and_missing_parse_never_crash(nlp):
    for text in ["", "31 February 2024 and 99/99/2024", "October", "Mai 2024", "2024-13-45", "x" * 1000]:
        doc = Document(id="t", source="t", fmt="txt", text=text, published="not a date")
        times.extract(doc, nlp(text))
    doc = Document(id="t", source="t", fmt="txt", text="Talks on October 17.", published="2024-10-18")
    assert [x.value for x in times.extract(doc, None)] == ["2024-10-17"]


@pytest.mark.skipif(not (SHARED / "gold" / "seed_pair.json").exists(), reason="shared/ not present")
def test_seed_gold_times(t):
    gold = json.loads((SHARED / "gold" / "seed_pair.json").read_text())
    for g in gold["times"]:
        found = t((SHARED / "seeds" / g["document"]).read_text())
        values = {g["value"], g.get("or")}
        assert any(g["text"].lower() in x.text.lower() and x.value in values for x in found), g


def test_year_before_a_plural_noun_after_a_determiner_stays_a_year(t):
    assert [x.value for x in t("Observers watched the 2022 elections closely.", published="2024-10-18")] == ["2022"]


def test_month_with_relative_year(t):
    found = t("Pirates struck in September this year and on November 2 last year.", published="2011-06-15")
    assert [(x.text, x.value) for x in found] == [("September this year", "2011-09"), ("November 2 last year", "2010-11-02")]
    assert [x.value for x in t("He left in last October.", published="2024-12-10")] == ["2024-10"]


@pytest.mark.parametrize("published", ["Updated : November 11, 2011 20 : 09 IST", "Fri, 11 Nov 2011 09:56:00 GMT",
                                       "2011-11-11T09:56:00+01:00"])
def test_non_iso_publication_dates_still_anchor(t, published):
    assert [x.value for x in t("The ship was freed on Thursday.", published=published)] == ["2011-11-10"]


def test_dates_in_captions_are_found_and_marked_as_such():
    from crosscheck.analyze.times import extract_captions
    from crosscheck.model import Document

    doc = Document(id="d", source="s", fmt="txt", text="The ferry sank on Tuesday.",
                   captions=("Divers at the pier on May 4, 2025. (Photo: Example)",))
    found = extract_captions(doc)
    assert [(t.text, t.value, t.caption) for t in found] == [("May 4, 2025", "2025-05-04", 0)]
    assert doc.captions[0][found[0].start:found[0].end] == "May 4, 2025"


def test_caption_times_are_not_highlighted_in_the_body():
    from crosscheck.model import Analysis, TimeExpr
    from crosscheck.web.highlight import spans_of

    analysis = Analysis(document="d", times=(TimeExpr(start=0, end=3, text="May", value="2025-05", caption=0),
                                            TimeExpr(start=4, end=8, text="2024", value="2024")))
    spans = spans_of(analysis, {}, {})
    assert [(s.start, s.end) for s in spans if s.kind == "time"] == [(4, 8)]


@pytest.mark.parametrize("text,lang,span", [
    ("Le vote s'est tenu le samedi 14 juin, selon la commission.", "fr", "samedi 14 juin"),
    ("Die Abstimmung fand am Samstag, den 14. Juni statt.", "de", "Samstag, den 14. Juni"),
    ("La votación se celebró el sábado 14 de junio.", "es", "sábado 14 de junio"),
])
def test_a_weekday_before_a_date_is_one_expression_checked_against_the_calendar(text, lang, span):
    # 14 June 2026 is a Sunday: one expression with a weekday warning, not a relative day and a date
    doc = Document(id="d", source="d", fmt="txt", text=text, language=lang, published="2026-06-15")
    found = times.extract(doc, None)
    assert len(found) == 1 and span in found[0].text, found
    assert found[0].value == "2026-06-14" and "Saturday" in (found[0].warning or "")


# published Wednesday 2024-10-16
@pytest.mark.parametrize("sentence, span, value", [
    # a present modal with a verb's base form speaks of a time not yet past
    ("The father may come to the capital as early as Tuesday.", "Tuesday", "2024-10-22"),
    ("He may have left the capital on Tuesday.", "Tuesday", "2024-10-15"),
    # 'would' on the date's own verb: the future of a reported statement ('said ... would open ... on Monday')
    ("The minister said the government would open an inquiry on Monday.", "Monday", "2024-10-21"),
    ("He said they would have left the port on Monday.", "Monday", "2024-10-14"),
    # 'could' is the past of ability in news: 'could not be reached Tuesday' is yesterday
    ("The minister could not be reached Tuesday for comment.", "Tuesday", "2024-10-15"),
    # be + to-infinitive: an arrangement
    ("The stock is to resume trading in Paris on Friday.", "Friday", "2024-10-18"),
    # 'as soon as' / 'as early as' right before the day put it ahead, whatever the verb
    ("The group would be ready to leave for the capital as soon as Tuesday, he said.", "Tuesday", "2024-10-22"),
    ("The ferry could sail as early as Monday.", "Monday", "2024-10-21"),
    # the date's own verb is a participle: past, whatever future verb governs it
    ("They will appeal the decision, announced Monday by the commissioner.", "Monday", "2024-10-14"),
    ("The shares issued July 1 will receive only part of the dividend.", "July 1", "2024-07-01"),
    # 'this' with a month is the month of this year, past or coming, and belongs to the expression
    ("The party hopes to win its first seats this September.", "this September", "2024-09"),
    ("The party hopes to win its first seats this December.", "this December", "2024-12"),
    ("Sales fell last March.", "last March", "2024-03"),
    # 'this coming Sunday' is the next one
    ("Women's Day is this coming Sunday.", "this coming Sunday", "2024-10-20"),
    # a clock time right before its day is one expression with it (TimeML extent), valued on that day
    ("He was kidnapped from his store at 10 p.m. Monday, police said.", "10 p.m. Monday", "2024-10-14T22:00"),
    ("The office closes at 5 p.m., Oct. 18 this year.", "5 p.m., Oct. 18 this year", "2024-10-18T17:00"),
    ("Talks broke off at noon Tuesday.", "noon Tuesday", "2024-10-15T12:00"),
    ("The ultimatum expired at midnight Monday.", "midnight Monday", "2024-10-14T24:00"),
    # the hour alone with its a.m. / p.m. is a clock time
    ("The blast came at 9 a.m. and shook the port.", "9 a.m.", "2024-10-16T09:00"),
])
def test_tense_modifiers_and_clock_times_pick_the_day(t, sentence, span, value):
    assert value_of(t(sentence, published="2024-10-16"), span).value == value


# published Friday 2026-11-20: a month without its year, two months off either way
@pytest.mark.parametrize("sentence, language, span, value", [
    # 'since' opens a span reaching to now: its start lies before the publication date
    ("The stock has lost half its value since January.", "en", "January", "2026-01"),
    ("Prices have risen ever since December 3.", "en", "December 3", "2025-12-03"),
    ("Die Aktie hat seit Januar die Hälfte ihres Wertes verloren.", "de", "Januar", "2026-01"),
    ("La acción ha perdido la mitad de su valor desde enero.", "es", "enero", "2026-01"),
    ("L'action a perdu la moitié de sa valeur depuis janvier.", "fr", "janvier", "2026-01"),
    ("Het aandeel is sinds januari de helft van zijn waarde kwijt.", "nl", "januari", "2026-01"),
    # a month right on a past verb dates a past event
    ("Sales rose in January.", "en", "January", "2026-01"),
    ("The plant was closed in January.", "en", "January", "2026-01"),
    # ... not a span's end after it, nor a month in the present or the future
    ("The regulator gave the firm until mid-January to reply.", "en", "mid-January", "2027-01"),
    ("The law takes effect in January.", "en", "January", "2027-01"),
    ("The company will report results in January.", "en", "January", "2027-01"),
])
def test_a_month_since_which_or_on_a_past_verb_is_not_ahead(t, sentence, language, value, span):
    assert value_of(t(sentence, published="2026-11-20", language=language), span).value == value


@pytest.mark.parametrize("sentence, span, value", [
    ("The lenders have extended the brewer's credit line through January.", "January", "2027-01"),
    ("The sale is part of a plan to pay down the bridge loan by February.", "February", "2027-02"),
    ("Sales rose in January.", "January", "2026-01"),  # a month right on a past verb stays behind
])
def test_a_month_ending_a_span_is_the_nearest_whatever_the_verb_s_tense(t, sentence, span, value):
    """'has extended the loans through January' (written in October): the extension is past, its end ahead; the
    perfect read as past put January in the year gone (TBAQ: 'through January', 'by February')."""
    assert value_of(t(sentence, published="2026-10-01"), span).value == value


def test_a_clock_time_before_on_and_a_day_stays_two_expressions(t):
    found = t("The quake struck at 6:40 p.m. on October 14.", published="2024-10-16")
    assert value_of(found, "6:40 p.m.").value == "2024-10-14T18:40"
    assert value_of(found, "October 14").value == "2024-10-14"


# published Wednesday 2024-10-16: a count of units before or after it, in the report's language
@pytest.mark.parametrize("sentence, language, span, value", [
    ("La fábrica cerró hace dos semanas.", "es", "hace dos semanas", "2024-W40"),
    ("La ley entrará en vigor dentro de un mes.", "es", "dentro de un mes", "2024-11"),
    ("L'usine a fermé il y a trois jours.", "fr", "il y a trois jours", "2024-10-13"),
    ("Die Fabrik schloss vor einem Jahr.", "de", "vor einem Jahr", "2023"),
    ("La fabbrica ha chiuso 2 settimane fa.", "it", "2 settimane fa", "2024-W40"),
    ("De fabriek sloot twee maanden geleden.", "nl", "twee maanden geleden", "2024-08"),
    ("A fábrica fechou há cinco dias.", "pt", "há cinco dias", "2024-10-11"),
    ("Завод закрылся неделю назад.", "ru", "неделю назад", "2024-W41"),
    ("Завод закрили три дні тому.", "uk", "три дні тому", "2024-10-13"),
    ("Fabrykę zamknięto 5 lat temu.", "pl", "5 lat temu", "2019"),
    # a month with the modifiers its language puts before or after it
    ("Le sommet aura lieu en septembre prochain.", "fr", "septembre prochain", "2025-09"),
    ("Il est parti en mars dernier.", "fr", "mars dernier", "2024-03"),
    ("La cumbre será el próximo septiembre.", "es", "el próximo septiembre", "2025-09"),
    ("È partito a marzo scorso.", "it", "marzo scorso", "2024-03"),
    # short irregular futures tell a coming weekday
    ("Le sommet aura lieu mardi.", "fr", "mardi", "2024-10-22"),
    ("Il vertice sarà martedì.", "it", "martedì", "2024-10-22"),
    ("La cumbre será el martes.", "es", "el martes", "2024-10-22"),
    # '14h30' where the language writes clock times so, joined to its day
    ("La séance a commencé à 14h30 mardi.", "fr", "14h30 mardi", "2024-10-15T14:30"),
])
def test_dates_in_other_languages(t, sentence, language, span, value):
    assert value_of(t(sentence, published="2024-10-16", language=language), span).value == value


def test_many_years_ago_is_no_count_of_one(t):
    assert t("Завод закрылся много лет назад.", published="2024-10-16", language="ru") == []


def test_an_h_between_numbers_is_no_clock_in_english(t):
    assert [x.text for x in t("He ran the course in 2h30 on Monday.", published="2024-10-16")] == ["Monday"]


@pytest.mark.parametrize("text,published,language,value", [
    ("Ocurrió el 7/8/07 cerca del puerto.", "2007-07-09", "es", "2007-07-08"),  # a translation kept its source's order
    ("La reunión será el 7/8/07 en el puerto.", "2007-07-01", "es", "2007-08-07"),  # ahead of the report: as written
    ("Ocurrió el 7/8/07 cerca del puerto.", "2007-08-09", "es", "2007-08-07"),
    ("It happened on 7/8/07 near the port.", "2007-08-09", "en", "2007-07-08"),
    ("It happened on 8/7/07 near the port.", "2007-08-09", "en", "2007-08-07"),  # swapped: the day before publication
    ("Es geschah am 7.8.2007 am Hafen.", "2007-07-09", "de", "2007-08-07"),  # a dotted date reads one way only
])
def test_a_slash_date_that_reads_both_ways_takes_the_order_that_is_not_weeks_ahead_of_the_report(
        t, text, published, language, value):
    """'7/8/07' in a Spanish report of 9 July 2007 (meantime-dev: a translation of an English report): the
    day-month order gives 7 August, weeks after publication; the other order, 8 July, the day before."""
    (found,) = [x for x in t(text, published, language) if "7" in x.text]
    assert found.value == value


@pytest.mark.parametrize("text, language, span", [
    ("カズマ自動車は2日、2030年までに日本と米国の電池工場に投資すると発表した。", "ja", "2030年"),
    ("日本和马汽车公司周三表示，将在2030年前建设三座电池工厂。", "zh", "2030年"),
    ("카즈마자동차는 2일 2030년까지 투자한다고 밝혔다.", "ko", "2030년"),
])
def test_a_year_alone_in_cjk_script(t, text, language, span):
    """'2030年までに' gave no time (the year pattern needs a word boundary, and 年 is a word character), so the claim's
    only date was the announcement day and clashed with 'by 2030' in English."""
    assert value_of(t(text, "2026-12-02", language), span).value == "2030"
