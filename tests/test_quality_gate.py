"""Quality floors measured through the real CLI: ingest, export, score with ../shared/eval/score.py.

Add a floor with one more test calling ``ingest_export_score(inputs, gold)``."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = ROOT / ".venv" / "bin" / "crosscheck"


def ingest_export_score(tmp_path: Path, inputs: list[Path], gold: Path, batches: list[list[Path]] | None = None) -> dict:
    """Ingest ``inputs`` (or each batch of ``batches`` in its own ingest call), export JSON, score it."""
    if not (SHARED / "eval" / "score.py").exists() or not gold.exists():
        pytest.skip("../shared (evaluation data) is absent")
    if not CLI.exists():
        pytest.skip(".venv/bin/crosscheck is not installed")
    db = tmp_path / "gate.db"
    for batch in batches or [inputs]:
        subprocess.run([str(CLI), "--db", str(db), "ingest", *map(str, batch)], check=True,
                       capture_output=True, timeout=3600)
    export = tmp_path / "export.json"
    out = subprocess.run([str(CLI), "--db", str(db), "export", "--format", "json"], check=True,
                         capture_output=True, timeout=600)
    export.write_bytes(out.stdout)
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(export), str(gold), "--json"],
                            capture_output=True, text=True, timeout=600)
    return json.loads(scored.stdout)["metrics"]


@pytest.mark.slow
def test_ecbplus_story_clustering_floor(tmp_path):
    data = SHARED / "datasets" / "ecbplus-dev"
    result = ingest_export_score(tmp_path, [data / "articles.jsonl"], data / "gold.json")
    print("ECB+ stories:", {k: round(v, 3) for k, v in result.items() if k.startswith("story_")})
    assert result["story_bcubed_f1"] >= ECBPLUS_STORY_F1_FLOOR


# measured through the CLI (file order, one ingest, default settings): P .890 R .922 F1 .906.
# The target is 0.93; this floor only guards against regressions below what we reach.
ECBPLUS_STORY_F1_FLOOR = 0.895
