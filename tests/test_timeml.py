"""TimeML values of times.py/timeml.py against a hand-written set (tests/fixtures/timeml.jsonl: fictional
sentences with their publication dates), and the downstream guards of timevalues.py."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from crosscheck.analyze.times import extract
from crosscheck.model import Analysis, Document, TimeExpr
from crosscheck.timevalues import calendar_key, day_of

_CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "timeml.jsonl").read_text().splitlines()
          if line.strip()]


def _times(case):
    doc = Document(id="t", source="fixture", fmt="txt", text=case["text"], published=case.get("published"),
                   language=case.get("language", "en"))
    return extract(doc, None)


def test_the_set_is_large_and_covers_every_category():
    expressions = [e for c in _CASES for e in c["expect"]] + [a for c in _CASES for a in c.get("absent", [])]
    assert len(expressions) >= 80
    values = [v for c in _CASES for _, v in c["expect"]]
    for shape in ("PRESENT_REF", "PAST_REF", "FUTURE_REF", "-SU", "-WI", "-Q", "TAF", "TMO", "TNI", "-WE", "XXXX"):
        assert any(shape in v for v in values), shape
    assert any(v.isdigit() and len(v) == 3 for v in values)  # a decade
    assert any(v.isdigit() and len(v) == 2 for v in values)  # a century
    assert any(c.get("absent") for c in _CASES)  # durations


@pytest.mark.parametrize("case", _CASES, ids=[c["text"][:40] for c in _CASES])
def test_timeml_value(case):
    found = _times(case)
    got = [(t.text, t.value) for t in found]
    for text, value in case["expect"]:
        assert (text, value) in got, f"{text!r} -> {value!r}; got {got}"
    for absent in case.get("absent", []):
        s = case["text"].index(absent)
        e = s + len(absent)
        assert not [t for t in found if t.start < e and s < t.end], f"{absent!r} is a duration, not a date: {got}"


def test_day_of_reads_only_days():
    assert day_of("2013-03-22") == date(2013, 3, 22)
    assert day_of("2013-03-22TAF") == date(2013, 3, 22)
    for v in ("PRESENT_REF", "2012-SU", "199", "19", "2013-Q1", "2013-W12", "2013-W12-WE", "2013-03", "2013",
              "XXXX-03-22", "2013-02-30", "", None):
        assert day_of(v) is None, v


def test_calendar_key_drops_what_is_not_a_calendar_point():
    assert calendar_key("2013-03-22TMO") == "2013-03-22"
    assert calendar_key("2013-W12-WE") == "2013-W12"
    for v in ("2013-03-22", "2013-03", "2013", "XXXX-03-22", "2013-W12"):
        assert calendar_key(v) == v
    for v in ("PRESENT_REF", "PAST_REF", "2012-SU", "XXXX-WI", "2013-Q1", "199", "19", "2013-03-22TXX", None):
        assert calendar_key(v) is None, v


def test_new_values_never_crash_downstream():
    """Reports whose times are TimeML values that are not dates go through facts, slips, timeline and the
    story and claim features without an error, and no such value becomes a timeline point or a story date."""
    from crosscheck.corroborate.timeline import timeline
    from crosscheck.stories.features import story_features

    text = "On Friday afternoon the dam failed, officials said now. In the 1990s and in summer 2012 it held."
    doc = Document(id="d1", source="fixture", fmt="txt", text=text, published="2013-03-22", language="en")
    times = tuple(extract(doc, None))
    values = {t.value for t in times}
    assert {"2013-03-22TAF", "PRESENT_REF", "199", "2012-SU"} <= values
    analysis = Analysis(document="d1", times=times)
    entries = timeline("s1", ["d1"], {"d1": doc}, {"d1": analysis})
    assert [e.value for e in entries] == ["2013-03-22TAF"]
    feats = story_features(doc, analysis)
    assert set(feats.dates) <= {"2013-03-22", "XXXX-03-22"}
    assert TimeExpr  # the model type the values live in


@pytest.mark.parametrize("text", ["Both candidates toured the state ahead of the final weekend of campaigning.",
                                  "The fair opens on the first weekend of the month, organisers said."])
def test_an_ordinal_weekend_is_no_week_counted_from_publication(text):
    """'the final weekend' read its ordinal (a quarter's word: 'final' = 4) as a count of weeks and crashed
    (TypeError: a string in timedelta), failing the whole report; it has no value relative to publication."""
    found = _times({"text": text, "published": "2016-04-30"})
    assert not [t for t in found if t.value and t.value.endswith("-WE")], [(t.text, t.value) for t in found]


# French, Italian, Portuguese, German and Dutch (data/timeml_words.json tables, data/time_words.json phrases):
# (language, text, expected expression, its TimeML value), published 2026-11-20, a Friday in the fourth quarter
_OTHER_LANGUAGES = [
    # German
    ("de", "Am 3. Mai brannte das Depot. Am Vortag hatte es Warnungen gegeben.", "Am Vortag", "2026-05-02"),
    ("de", "Im dritten Quartal sank der Absatz der Werft.", "dritten Quartal", "2026-Q3"),
    ("de", "Im Sommer 2025 fiel kaum Regen.", "Sommer 2025", "2025-SU"),
    ("de", "Anfang nächsten Monats soll die Brücke öffnen.", "Anfang nächsten Monats", "2026-12"),
    ("de", "Heute Morgen sperrte die Polizei die Straße.", "Heute Morgen", "2026-11-20TMO"),
    ("de", "Derzeit fahren keine Fähren.", "Derzeit", "PRESENT_REF"),
    ("de", "Mitte Dezember wird der Rat neu gewählt.", "Mitte Dezember", "2026-12"),
    ("de", "Am Freitagnachmittag stürzte der Kran um.", "Am Freitagnachmittag", "2026-11-20TAF"),
    # French
    ("fr", "Le 3 mai, le dépôt a brûlé. La veille, des alertes avaient été lancées.", "La veille", "2026-05-02"),
    ("fr", "Le troisième trimestre a été difficile pour le chantier.", "Le troisième trimestre", "2026-Q3"),
    ("fr", "L'été 2025 a été très sec.", "L'été 2025", "2025-SU"),
    ("fr", "Début du mois prochain, le pont rouvrira.", "Début du mois prochain", "2026-12"),
    ("fr", "Ce matin, la police a fermé la route.", "Ce matin", "2026-11-20TMO"),
    ("fr", "Actuellement, aucun ferry ne circule.", "Actuellement", "PRESENT_REF"),
    ("fr", "À la mi-décembre, le conseil sera renouvelé.", "la mi-décembre", "2026-12"),
    ("fr", "Dans les années 1990, le port était fermé.", "les années 1990", "199"),
    # Italian
    ("it", "Il 3 maggio il deposito è bruciato. Il giorno prima erano arrivati avvisi.", "Il giorno prima",
     "2026-05-02"),
    ("it", "Nel terzo trimestre le vendite del cantiere sono calate.", "terzo trimestre", "2026-Q3"),
    ("it", "Nell'estate del 2025 è piovuto poco.", "estate del 2025", "2025-SU"),
    ("it", "Il prossimo mese il ponte riaprirà.", "Il prossimo mese", "2026-12"),
    ("it", "Stamattina la polizia ha chiuso la strada.", "Stamattina", "2026-11-20TMO"),
    ("it", "Attualmente nessun traghetto è in servizio.", "Attualmente", "PRESENT_REF"),
    ("it", "A metà dicembre il consiglio sarà rinnovato.", "metà dicembre", "2026-12"),
    ("it", "Quest'estate il porto è rimasto chiuso.", "Quest'estate", "2026-SU"),
    # Portuguese
    ("pt", "Em 3 de maio, o depósito ardeu. No dia anterior, houve alertas.", "No dia anterior", "2026-05-02"),
    ("pt", "No terceiro trimestre, as vendas do estaleiro caíram.", "terceiro trimestre", "2026-Q3"),
    ("pt", "No verão de 2025 choveu pouco.", "verão de 2025", "2025-SU"),
    ("pt", "O mês que vem a ponte vai reabrir.", "O mês que vem", "2026-12"),
    ("pt", "Hoje de manhã a polícia fechou a estrada.", "Hoje de manhã", "2026-11-20TMO"),
    ("pt", "Atualmente não há balsas em serviço.", "Atualmente", "PRESENT_REF"),
    ("pt", "Em meados de dezembro o conselho será renovado.", "meados de dezembro", "2026-12"),
    ("pt", "No século XX o porto era maior.", "século XX", "19"),
    # Dutch
    ("nl", "Op 3 mei brandde het depot af. De dag ervoor waren er waarschuwingen.", "De dag ervoor", "2026-05-02"),
    ("nl", "In het derde kwartaal daalde de verkoop van de werf.", "het derde kwartaal", "2026-Q3"),
    ("nl", "In de zomer van 2025 viel weinig regen.", "de zomer van 2025", "2025-SU"),
    ("nl", "Komende maand gaat de brug weer open.", "Komende maand", "2026-12"),
    ("nl", "Vanochtend sloot de politie de weg af.", "Vanochtend", "2026-11-20TMO"),
    ("nl", "Momenteel varen er geen veerboten.", "Momenteel", "PRESENT_REF"),
    ("nl", "Medio december wordt de raad opnieuw gekozen.", "Medio december", "2026-12"),
    ("nl", "Op 3 mei brandde het depot af. Twee dagen later was het geblust.", "Twee dagen later", "2026-05-05"),
]


@pytest.mark.parametrize("lang,text,expression,value", _OTHER_LANGUAGES,
                         ids=[f"{c[0]}-{c[2]}" for c in _OTHER_LANGUAGES])
def test_timeml_values_in_other_languages(lang, text, expression, value):
    """The day before, an ordinal quarter, a season with its year, next month, a part of the day, a reference word
    and a period modifier ('Mitte Dezember'), each in the language's own words, get their TimeML value."""
    got = [(t.text, t.value) for t in _times({"text": text, "published": "2026-11-20", "language": lang})]
    assert (expression, value) in got, got
