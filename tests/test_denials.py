"""Denials: a source saying its content is not so asserts the opposite of its words (analyze/claim_polarity.py,
data/denial_cues.json), and corroboration reads a denial and the claim it denies as a disagreement."""
from __future__ import annotations

import io
import json

import pytest

from crosscheck.analyze import analyze
from crosscheck.denials import is_denial
from crosscheck.export import write_json
from crosscheck.model import Document
from crosscheck.pipeline import Pipeline
from crosscheck.store import open_store


def _claims(text: str, language: str = "en"):
    doc = Document(id="d", source="d", fmt="txt", text=text, language=language, outlet="Velmar Herald",
                   published="2026-11-29")
    return [c for c in analyze([doc])[0].claims if c.kind != "outlet"]


@pytest.mark.parametrize("text,language,words,negated", [
    ("Harlan Shipping denied that the ferry had been overloaded.", "en", "ferry had been overloaded", True),
    ("The port authority has denied reports that the ferry had been overloaded.", "en", "ferry had been overloaded", True),
    # a rejection is as often of a plan as of a statement: a denial only of a statement
    ("Lawmakers rejected the proposal to merge the two ferry companies.", "en", "proposal", False),
    ("The chief executive dismissed the existence of a safety scandal at the company.", "en", "safety scandal", True),
    ("The port authority rejected claims that the ferry had been overloaded.", "en", "ferry had been overloaded", True),
    # the denial taken back: no denial
    ("Harlan Shipping did not deny that the ferry had been overloaded.", "en", "ferry had been overloaded", False),
    ("Harlan Shipping didn't deny that the ferry had been overloaded.", "en", "ferry had been overloaded", False),
    # a denied negation is an assertion
    ("Harlan Shipping denied that the ferry had not been inspected.", "en", "ferry had not been inspected", False),
    # any other cue keeps the claim's own polarity
    ("Harlan Shipping said that the ferry had been overloaded.", "en", "ferry had been overloaded", False),
    ("La naviera Harlan negó que el ferri estuviera sobrecargado.", "es", "ferri estuviera sobrecargado", True),
    ("La naviera Harlan no negó que el ferri estuviera sobrecargado.", "es", "ferri estuviera sobrecargado", False),
    ("Die Reederei Harlan bestritt, dass die Fähre überladen war.", "de", "fähre überladen", True),
    ("La compagnie Harlan a démenti que le ferry était surchargé.", "fr", "ferry était surchargé", True),
    ("La compagnie Harlan n'a pas démenti que le ferry était surchargé.", "fr", "ferry était surchargé", False),
    ("Rederij Harlan ontkende dat de veerboot overbelast was.", "nl", "veerboot overbelast", True),
    # a thing denied, not a clause (before: no claim outside English)
    ("La compagnie Harlan a démenti toute surcharge du ferry.", "fr", "surcharge du ferry", True),
    ("Die Reederei Harlan bestritt jede Überladung der Fähre.", "de", "überladung der fähre", True),
    ("La naviera Harlan negó cualquier sobrecarga del ferri.", "es", "sobrecarga del ferri", True),
])
def test_a_denial_cue_makes_the_claim_negated(text, language, words, negated):
    hits = [c for c in _claims(text, language) if words in c.text.lower()]
    assert hits or not negated, [(c.cue, c.text) for c in _claims(text, language)]
    assert all(c.negated is negated for c in hits), hits  # 'did not deny that C': no claim, or C as it is


def test_denial_forms_are_read_per_language():
    assert is_denial("denied", "en") and is_denial("negó", "es") and is_denial("a démenti", "fr")
    assert is_denial("dismissed", "en")  # a weak form: the sentence decides (test above)
    assert not is_denial("said", "en") and not is_denial("negó", "en") and not is_denial(None, "en")
    assert not is_denial("denied", "xx")  # a language with no list denies nothing


def test_a_denial_and_the_claim_it_denies_disagree(tmp_path, cli):
    """Failed before: 'X denied that the ferry had been overloaded' was the claim 'the ferry had been overloaded'
    with X as its source, and it stood beside the official's 'the ferry had been overloaded' as two single-source
    claims that agreed: the one disagreement of the two reports went unseen."""
    records = [
        {"id": "a", "title": "Ferry sinks off Tarnholm", "published": "2026-11-29T08:00:00Z", "outlet": "Velmar Herald",
         "language": "en", "text": "A ferry sank off Tarnholm on Saturday night, the coast guard said.\n\n"
                                   "A port official said the ferry had been overloaded with passengers and cargo."},
        {"id": "b", "title": "Tarnholm ferry operator rejects overloading claims", "published": "2026-11-29T12:00:00Z",
         "outlet": "Norrland Post", "language": "en",
         "text": "A ferry sank off Tarnholm on Saturday night, the coast guard said.\n\n"
                 "The operator, Harlan Shipping, denied that the ferry had been overloaded with passengers and cargo."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    try:
        Pipeline(store).ingest([str(path)])
        buf = io.StringIO()
        write_json(store, buf)
    finally:
        store.close()
    claims = [c for c in json.loads(buf.getvalue())["claims"] if "overloaded" in c["text"]]
    assert len(claims) == 2, claims
    a, b = claims
    assert a["status"] == b["status"] == "conflicting", claims
    assert a["conflicts_with"] == [b["id"]] and b["conflicts_with"] == [a["id"]]
    # shown as a denial: the CLI's claims and the story page (its matrix and its conflict pair) say who denies the words
    shown = cli("claims", db=tmp_path / "s.db")
    assert shown.returncode == 0 and "Harlan Shipping denies" in shown.stdout, shown.stdout
    # `show`'s conflict table too (it gave the two sides' words alone, the same words, so no one saw who denied)
    story = cli("show", a["story"], db=tmp_path / "s.db", env={"COLUMNS": "250"})
    pair = story.stdout[story.stdout.index("conflicts with"):]
    assert "Harlan Shipping denies: The ferry had been overloaded" in pair, story.stdout
    from web_fixtures import readonly_client

    for client in readonly_client(str(tmp_path / "s.db")):
        page = client.get(f"/stories/{a['story']}").text
        assert page.count('class="denies"') == 2 and 'Harlan Shipping</a> <span class="denies">denies</span>' in page


@pytest.mark.parametrize("text, inner", [
    ("The finance ministry denied that the government had pressed the bank to act.", "government"),
    ("The port authority denied that the mayor had said the ferry would be scrapped.", "mayor"),
])
def test_an_act_inside_a_denial_is_no_claim_of_its_own(text, inner):
    """'X denied that the government had pressed the bank to act' is X's denial; the government's demand 'the bank to
    act' was read from inside it as the government's own claim (the pressing is what X denies)."""
    found = _claims(text, "en")
    assert [c.cue for c in found] == ["denied"], [(c.speaker_text, c.text) for c in found]
    assert all(inner not in (c.speaker_text or "") for c in found)
