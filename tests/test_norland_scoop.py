"""One anonymous official's words carried by three reports through one newspaper (tests/fixtures/norland_scoop): they
count once; a paper's own sources and the ministry's confirmation count apart."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import exported_fixture

REPORTS = Path(__file__).parent / "fixtures" / "norland_scoop" / "reports.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return exported_fixture(tmp_path_factory.mktemp("scoop"), REPORTS)


def test_a_scoop_relayed_through_its_newspaper_counts_once(exported):
    """'a senior defence official told the Harbor Times' and 'selon un haut responsable de la défense cité par le
    Harbor Times' named no relay (the French source was cut to 'Un haut'): five independent sources for three."""
    ids = {r["url"]: r["id"] for r in map(json.loads, REPORTS.read_text(encoding="utf-8").splitlines())}
    name = {d["id"]: ids[d["source"]] for d in exported["documents"]}
    claim = next(c for c in exported["claims"] if {"a", "b", "c"} <= {name[d] for d in c["documents"]})
    assert claim["independent_sources"] == len({name[d] for d in claim["documents"]} - {"b", "c"}), claim
