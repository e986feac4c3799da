"""Issue 10 floors on meantime-dev (English Wikinews articles with Spanish, Italian and Dutch
translations): claims found in every language and aligned across them, translations counted as one source,
times resolved in English and Spanish. Measured
through the real CLI with ../shared/eval/crosslingual.py and score.py; skipped when ../shared is absent."""
import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "datasets" / "meantime-dev"
CLAIMS_PER_LANGUAGE_FLOOR = 0.8  # each of es/it/nl: claims per English claim
TIME_RECALL_FLOOR = 0.85


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    if not (DATA / "articles.jsonl").exists() or not (SHARED / "eval" / "crosslingual.py").exists():
        pytest.skip("../shared/datasets/meantime-dev is absent")
    tmp = tmp_path_factory.mktemp("meantime")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cli = [sys.executable, "-m", "crosscheck.cli", "--db", str(tmp / "gate.db")]
    subprocess.run(cli + ["ingest", str(DATA / "articles.jsonl")], check=True, capture_output=True, timeout=1800, env=env)
    out = tmp / "export.json"
    subprocess.run(cli + ["export", "--format", "json", "-o", str(out)], check=True, capture_output=True, timeout=600, env=env)
    return out


@functools.lru_cache(maxsize=None)
def _metrics(script: str, export: Path, gold: Path) -> dict:
    """The scorer's metrics of the module's one export (each scorer runs once: three tests read crosslingual.py)."""
    done = subprocess.run([sys.executable, str(SHARED / "eval" / script), str(export), str(gold), "--json"],
                          capture_output=True, text=True, timeout=600, check=True)
    data = json.loads(done.stdout)
    return data.get("metrics", data)


@pytest.mark.slow
def test_claims_are_found_in_every_translation(export):
    result = _metrics("crosslingual.py", export, DATA / "parallel.json")
    per_language = {k: round(v, 3) for k, v in result.items() if k.startswith("claims_per_language_")}
    print("meantime-dev claims per language:", per_language)
    assert set(per_language) == {"claims_per_language_es", "claims_per_language_it", "claims_per_language_nl"}
    assert all(v >= CLAIMS_PER_LANGUAGE_FLOOR for v in per_language.values()), per_language


@pytest.mark.slow
def test_times_are_resolved_in_english_and_spanish(export):
    result = _metrics("score.py", export, DATA / "gold.json")
    print("meantime-dev time recall:", round(result["time_recall"], 3))
    assert result["time_recall"] >= TIME_RECALL_FLOOR


STORY_F1_FLOOR = 0.96  # one story per article and its translations (measured .974 in session 33, after leads
# dating their events days apart kept reports published days apart in two stories; .957 in session 29; .846 before
# reports published over story_date_far_days apart needed the later to date the earlier's time, .919 after,
# before sibling splits read the global measure too)


@pytest.mark.slow
def test_stories_keep_one_company_s_events_apart(export):
    """meantime-dev's 60 articles are 60 events, many of one company (Apple, Airbus, Boeing) months or years
    apart; each gold story is an article with its translations."""
    result = _metrics("score.py", export, DATA / "gold.json")
    print("meantime-dev story BCubed F1:", round(result["story_bcubed_f1"], 3))
    assert result["story_bcubed_f1"] >= STORY_F1_FLOOR


ALIGNED_RECALL_FLOOR = 0.90  # English claims whose translations' claims join them (measured .913 through the CLI in session 31 with headlines read, .909 in session 29, .895 in session 28; issue 10's target was 0.85)


@pytest.mark.slow
def test_claims_align_across_languages(export):
    result = _metrics("crosslingual.py", export, DATA / "parallel.json")
    print("meantime-dev aligned recall:", round(result["aligned_recall"], 3), "of", result["aligned_pairs"])
    assert result["aligned_recall"] >= ALIGNED_RECALL_FLOOR


INDEPENDENT_OK_FLOOR = 0.95  # claims carried by a report and its translations count one source (measured .997; issue 10)


@pytest.mark.slow
def test_a_translation_is_no_independent_source(export):
    result = _metrics("crosslingual.py", export, DATA / "parallel.json")
    print("meantime-dev independent_ok:", round(result["independent_ok"], 3), "of", result["independent_checked"])
    assert result["independent_checked"] >= 100 and result["independent_ok"] >= INDEPENDENT_OK_FLOOR
