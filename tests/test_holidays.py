"""Holidays as days (analyze/holidays.py, data/holidays.json): fixed days, Easter's feasts, n-th weekdays."""
from __future__ import annotations

from datetime import date

import pytest

from crosscheck.analyze import holidays
from crosscheck.analyze.times import extract
from crosscheck.model import Document


@pytest.mark.parametrize("year, easter", [(2013, date(2013, 3, 31)), (2019, date(2019, 4, 21)),
                                          (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                          (2038, date(2038, 4, 25))])
def test_easter_dates(year, easter):
    assert holidays.easter(year) == easter


@pytest.mark.parametrize("rule, year, day", [
    ("12-25", 2024, date(2024, 12, 25)),
    ("easter-2", 2025, date(2025, 4, 18)),     # Good Friday
    ("11-thu-4", 2024, date(2024, 11, 28)),    # Thanksgiving
    ("11-thu-4", 2025, date(2025, 11, 27)),
    ("05-mon--1", 2024, date(2024, 5, 27)),    # Memorial Day: the last Monday of May
    ("01-mon-3", 2025, date(2025, 1, 20)),     # Martin Luther King Day
    ("02-29", 2025, None),
])
def test_holiday_rules(rule, year, day):
    assert holidays.holiday_date(rule, year) == day


@pytest.fixture(scope="module")
def times_of(nlp):
    def run(text, published="2024-10-16", language="en"):
        doc = Document(id="h", source="h", fmt="txt", text=text, published=published, language=language)
        return [(t.text, t.value) for t in extract(doc, nlp(text) if language == "en" else None)]
    return run


@pytest.mark.parametrize("text, language, expected", [
    # past tense: the last one; a year given: that one
    ("The boy was found at sea on Thanksgiving Day.", "en", ("Thanksgiving Day", "2023-11-23")),
    ("She died on Christmas Eve 2009 in Porto.", "en", ("Christmas Eve 2009", "2009-12-24")),
    # future tense: the coming one
    ("The mayor will step down on New Year's Day.", "en", ("New Year's Day", "2025-01-01")),
    ("Last Easter, the bridge was closed.", "en", ("Last Easter", "2024-03-31")),
    ("La tienda abrirá en Nochebuena.", "es", ("Nochebuena", "2024-12-24")),
])
def test_holidays_in_reports(times_of, text, language, expected):
    assert expected in times_of(text, published="2024-01-10" if "Thanksgiving" in text else "2024-10-16",
                                language=language)


def test_attributive_names_are_no_days_and_unknown_years_stay_unknown(times_of):
    assert times_of("Shops sold every Christmas tree by noon.") == []
    assert ("Christmas", "XXXX-12-25") in times_of("They met again at Christmas.", published=None)
