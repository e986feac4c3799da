"""A fire at a Czech chemical plant told by a wire in English, a Czech and a Polish paper. The embedder reads no
Czech. Three reports the project wrote (tests/fixtures/kralice_fire)."""
from __future__ import annotations

import pytest
from conftest import fixture_names, story_fixture

from crosscheck.analyze import analyze
from crosscheck.model import Document

exported = story_fixture("kralice_fire")


def test_a_czech_sentence_read_as_one_claim_carries_both_english_halves(exported):
    """'zabil dva zaměstnance a 14 dalších zranil' is one claim; the English 'killed two workers and injured 14' two.
    Czech 'dva' was no number, and nothing but a vector could say that the Czech sentence translates the English one:
    the Czech lead stayed a claim of its own. Its sentence's figures (two and 14) now tell it."""
    name = fixture_names(exported)
    for words in ("killed two workers", "injured 14"):
        claim = next(c for c in exported["claims"] if words in c["text"])
        assert {name[d] for d in claim["documents"]} == {"c", "p", "w"}, words


@pytest.mark.parametrize("lang,text,value", [
    ("cs", "Požár zabil dva zaměstnance.", 2),
    ("sk", "Požiar zabil dvoch zamestnancov.", 2),
    ("el", "Πέντε άνθρωποι σκοτώθηκαν.", 5),
    ("sv", "Fem personer dog i branden.", 5),
    ("tr", "Kazada iki kişi öldü.", 2),
    ("ro", "Trei persoane au murit.", 3),
    ("uk", "Унаслідок удару загинули четверо людей.", 4),  # a collective numeral, as news counts people
    ("ru", "В результате удара погибли четверо человек.", 4),
])
def test_number_words_of_more_languages(lang, text, value):
    doc = Document(id="x", source="x", fmt="txt", text=text, language=lang)
    assert value in [q.value for q in analyze([doc])[0].quantities]
