"""crosscheck on Spark (local[2]) against the single-machine pipeline on the same input: the same stories,
syndication groups and verdicts; the tables load into a store that export opens."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from crosscheck import open_store
from crosscheck.pipeline import Pipeline
from crosscheck.stories.quality import bcubed_f1

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("no java on this machine (Spark needs a JVM)", allow_module_level=True)

ECBPLUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "ecbplus-dev"
ECB_TOPICS = {"2", "3", "6"}  # dev topics (1-25), three of them to keep the test near a minute

WIRE = ("The harbour crane at Velmora's east quay collapsed on Tuesday morning, injuring five dock workers, "
        "the port authority said. The crane, which had been in service since the early nineties, buckled while "
        "lifting a container onto the freighter Morning Tern. Rescue teams reached the quay within ten minutes and "
        "took the injured workers to the city hospital. The port authority closed the east quay for the rest of "
        "the week while engineers inspect the remaining cranes. A spokeswoman for the dock workers' union said the "
        "crane had failed an inspection last spring and demanded an independent inquiry into the collapse.")
OWN = ("Four dock workers were hurt when a crane fell at Velmora harbour on Tuesday, according to the city's fire "
       "brigade. Witnesses described a loud crack before the crane tipped over the quay. The fire brigade said "
       "four workers were injured, one of them seriously. The union has asked for an inquiry and the port will stay "
       "partly closed while engineers check the other cranes on the east quay.")
FAIR = ("The orchard festival in Tamsk opened on Saturday with a record crowd of 12,000 visitors, the organisers "
        "said. Growers from nine villages brought apples, pears and plums to the market square, and the mayor "
        "opened the festival by pressing the first cider of the year. The festival runs until Monday evening.")
FAIR2 = ("Tamsk's orchard festival drew about 12,000 people on its opening day, organisers said on Saturday. "
         "Growers from the surrounding villages sold apples and pears on the market square while the mayor pressed "
         "the first cider of the season. Organisers said the festival would close on Monday evening.")


def _fictional(folder: Path) -> Path:
    """Six fictional records in two files: a wire report and its republication (a copy), an independent report
    of the same crane collapse with another injury count, two reports of a festival, a revision and a duplicate."""
    folder.mkdir()
    rows = [
        {"id": "coastline-1", "title": "Crane collapse injures five at Velmora harbour", "text": WIRE,
         "outlet": "Coastline Wire", "published": "2031-05-06"},
        {"id": "daily-7", "title": "Five hurt as crane collapses at east quay", "outlet": "Velmora Daily",
         "published": "2031-05-06", "text": WIRE + " (Coastline Wire)"},
        {"id": "post-3", "title": "Crane falls at Velmora harbour, four workers hurt", "text": OWN,
         "outlet": "Northgate Post", "published": "2031-05-06"},
        {"id": "fair-1", "title": "Record crowd opens Tamsk orchard festival", "text": FAIR,
         "outlet": "Tamsk Courier", "published": "2031-09-13"},
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    later = [
        {"id": "fair-2", "title": "Orchard festival draws 12,000", "text": FAIR2, "outlet": "Valley Times",
         "published": "2031-09-13"},
        {"id": "fair-1", "title": "Record crowd opens Tamsk orchard festival", "text": FAIR,  # the same again
         "outlet": "Tamsk Courier", "published": "2031-09-13"},
        {"id": "fair-2", "title": "Orchard festival draws 12,000", "outlet": "Valley Times", "published": "2031-09-13",
         "text": FAIR2 + " Entry to the market square is free."},  # a revision: the later text wins
    ]
    (folder / "b.jsonl").write_text("\n".join(json.dumps(r) for r in later) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def both(tmp_path_factory, spark_session):
    """One Spark job (local[2], the session's SparkSession of conftest) and one single-machine ingest over the same
    inputs: the fictional reports and, when ../shared has it, an ECB+ dev slice (one run of each keeps the JVM and
    model loads to one)."""
    from crosscheck.spark import load, run

    tmp = tmp_path_factory.mktemp("spark")
    inputs = [str(_fictional(tmp / "in"))]
    ecb: list[str] = []
    if (ECBPLUS / "articles.jsonl").exists():
        ecb = [ln for ln in (ECBPLUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
               if ln.strip() and json.loads(ln)["id"].split(":")[1].split("_")[0] in ECB_TOPICS]
        (tmp / "ecb").mkdir()
        (tmp / "ecb" / "slice.jsonl").write_text("\n".join(ecb) + "\n", encoding="utf-8")
        inputs.append(str(tmp / "ecb"))
    stats = run(spark_session, inputs, str(tmp / "tables"), progress=print)
    on_spark = open_store(tmp / "spark.db")
    load(tmp / "tables", on_spark)
    single = open_store(tmp / "single.db")
    Pipeline(single).ingest(inputs)
    return {"stats": stats, "spark": on_spark, "single": single, "tmp": tmp, "ecb": ecb}


def _only(parts: set[frozenset[str]], ids: set[str]) -> set[frozenset[str]]:
    return {p for p in parts if p & ids}


def _ids(store, ecb: bool) -> set[str]:
    return {d.id for d in store.documents() if d.source.startswith("ecbplus:") == ecb}


def _partition(store) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in store.stories()}


def _groups(store) -> set[frozenset[str]]:
    return {frozenset(g.documents) for g in store.syndication_groups()}


def _verdicts(store) -> Counter:
    """(story's reports, claim text, status, independent sources) of every claim."""
    docs = {s.id: frozenset(s.documents) for s in store.stories()}
    return Counter((docs[f.story], c.text, c.status, c.independent_sources)
                   for f in store.all_findings() for c in f.claims if f.story in docs)


def test_fictional_reports_match_the_single_machine_pipeline(both):
    stats, on_spark, single, tmp = both["stats"], both["spark"], both["single"], both["tmp"]
    assert stats["reports"] == 5 + len(both["ecb"]) and stats["duplicates"] == 1 and stats["revisions"] == 1, stats
    assert not stats["failures"]
    mine = _ids(single, ecb=False)
    assert len(mine) == 5 and _ids(on_spark, ecb=False) == mine
    stories = _only(_partition(on_spark), mine)
    assert stories == _only(_partition(single), mine) and len(stories) == 2
    groups = _only(_groups(on_spark), mine)
    assert groups == _only(_groups(single), mine)
    assert len(groups) == 1 and len(next(iter(groups))) == 2  # the wire report and its republication
    verdicts = Counter({k: n for k, n in _verdicts(on_spark).items() if k[0] & mine})
    assert verdicts == Counter({k: n for k, n in _verdicts(single).items() if k[0] & mine})
    assert {s for (_, _, s, _) in verdicts} >= {"conflicting"}  # five injured against four
    revised = next(d for d in on_spark.documents() if d.source == "fair-2")
    assert revised.revision == 2 and revised.text.endswith("free.")
    # the loaded store is what `export` reads: every table filled
    from crosscheck.export import write_json
    import io

    buf = io.StringIO()
    write_json(open_store(tmp / "spark.db", readonly=True), buf)
    exported = json.loads(buf.getvalue())
    docs = [d for d in exported["documents"] if d["id"] in mine]
    assert len(docs) == 5 and sum(1 for d in docs if d["syndication_group"]) == 2
    assert len([s for s in exported["stories"] if set(s["documents"]) & mine]) == 2
    assert [c for c in exported["claims"] if set(c["documents"]) & mine] and exported["entities"]
    from crosscheck.analyze import aliases

    if hasattr(aliases, "keys_by_entity"):  # a store that indexes entities by alias keys gets them from the tables
        assert on_spark.alias_keys_of({e.id for e in on_spark.entities()})
    # the module entry spark-submit runs loads the same tables; a store holding reports is refused
    from crosscheck.spark.__main__ import main

    assert main(["load", str(tmp / "tables"), "--db", str(tmp / "m.db")]) == 0
    assert open_store(tmp / "m.db", readonly=True).count_documents() == 5 + len(both["ecb"])
    assert main(["load", str(tmp / "tables"), "--db", str(tmp / "m.db")]) == 1


@pytest.mark.skipif(not (ECBPLUS / "articles.jsonl").exists(), reason="../shared/datasets/ecbplus-dev is absent")
def test_ecbplus_slice_same_stories_groups_and_verdicts(both):
    on_spark, single = both["spark"], both["single"]
    gold_stories = json.loads((ECBPLUS / "gold.json").read_text(encoding="utf-8"))["stories"]
    gold = {d: i for i, story in enumerate(gold_stories) for d in story}
    ext = {d.id: d.source for d in single.documents()}
    ecb = _ids(single, ecb=True)
    assert len(ecb) == len(both["ecb"]) and _ids(on_spark, ecb=True) == ecb

    def f1(store):
        return bcubed_f1({ext[d]: s for d, s in store.story_of().items() if d in ecb}, gold)

    f_spark, f_single = f1(on_spark), f1(single)
    print(f"ECB+ topics {sorted(ECB_TOPICS)}: BCubed F1 spark {f_spark:.3f}, single machine {f_single:.3f}")
    assert abs(f_spark - f_single) <= 0.01
    assert _only(_groups(on_spark), ecb) == _only(_groups(single), ecb)
    same = _only(_partition(on_spark), ecb) & _only(_partition(single), ecb)
    spark_v = Counter({k: n for k, n in _verdicts(on_spark).items() if k[0] in same})
    single_v = Counter({k: n for k, n in _verdicts(single).items() if k[0] in same})
    assert spark_v == single_v and sum(spark_v.values()) > 0


def test_cli_spark_errors_are_one_line(tmp_path):
    env_path = str(Path(__file__).resolve().parents[1] / "src")
    run = lambda *args: subprocess.run([sys.executable, "-m", "crosscheck.cli", *args], capture_output=True,
                                       text=True, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    missing = run("spark", "ingest", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out"))
    assert missing.returncode != 0 and "nope.jsonl" in missing.stderr and "no such file" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    (tmp_path / "empty").mkdir()
    bad = run("spark", "load", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"))
    assert bad.returncode != 0 and "not the output of `crosscheck spark ingest`" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    for table in ("documents", "stories", "claims", "syndication_groups", "entities", "entity_links", "failures"):
        (tmp_path / "empty" / table).mkdir()
    (tmp_path / "empty" / "documents" / "part-0.parquet").write_bytes(b"not parquet")
    junk = run("spark", "load", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"))
    assert junk.returncode != 0 and "part-0.parquet: unreadable table (documents)" in junk.stderr
    assert len(junk.stderr.strip().splitlines()) == 1
