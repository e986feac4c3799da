"""The Spark job: inputs -> Parquet tables (see ``tables``), the whole single-machine analysis.

Per partition (executors): read, clean; per identity (one shuffle): duplicates and revisions settled;
per partition: analyse, embed, story features, fingerprints. Globally: stories (``spark.stories``),
syndication groups (``spark.syndication``), entity linking (``analyze.aliases.link`` on the driver over
every report's local entities: a list of short names). Per story (executors): describe, corroborate.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..config import Settings
from ..errors import CrosscheckError, InputError
from . import stories as story_stage
from . import syndication as synd_stage
from . import tables
from .corroborate import corroborate_story
from .partition import Analysed, analyse_partition, read_and_clean, settle

FAILED = "!failed"


def session(master: str | None = None, partitions: int | None = None, app: str = "crosscheck",
            conf: dict[str, str] | None = None):
    """A SparkSession: ``master`` None keeps what spark-submit configured (else local[*]); ``conf``: more Spark
    settings (the tests' short local jobs: no UI, a JVM tuned to start fast)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise CrosscheckError("pyspark is not installed: pip install 'crosscheck[spark]'") from exc

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this Python (local mode)
    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions)).config(
            "spark.default.parallelism", str(partitions))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no java, a master that does not answer ...
        detail = (str(exc).splitlines() or [""])[0][:160]
        raise CrosscheckError(f"cannot start Spark (master {master or 'from spark-submit'}): {detail}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _check_inputs(inputs: list[str]) -> list[str]:
    out = []
    for src in inputs:
        if "://" in src and not src.startswith("file://"):
            out.append(src)  # hdfs://, s3a://, gs://: Spark reads them
            continue
        path = Path(src[len("file://"):] if src.startswith("file://") else src).expanduser()
        if not path.exists():
            raise InputError(src, "no such file or folder")
        if path.is_dir() and not any(p.is_file() and not p.name.startswith((".", "_")) for p in path.rglob("*")):
            raise InputError(src, "folder holds no files")
        out.append(path.resolve().as_uri())
    return out


def check(inputs: list[str], out: str) -> list[str]:
    """Input URIs for Spark; an InputError naming a missing input or an output folder in use."""
    uris = _check_inputs(inputs)
    _check_out(out)
    return uris


def _check_out(out: str) -> None:
    if "://" in out and not out.startswith("file://"):
        return
    path = Path(out[len("file://"):] if out.startswith("file://") else out)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError(out, "output exists and is not an empty folder")


class _Clock:
    def __init__(self, progress=None) -> None:
        import time

        self._time = time.perf_counter
        self._last = self._time()
        self._progress = progress
        self.phases: dict[str, float] = {}

    def __call__(self, phase: str) -> None:
        now = self._time()
        self.phases[phase] = round(now - self._last, 2)
        self._last = now
        if self._progress is not None:
            self._progress(f"{phase}: {self.phases[phase]:.1f} s")


def _alias_keys(linking, members) -> dict[str, list[str]]:
    """Entity id -> the alias keys a store indexes it by (``aliases.keys_by_entity``, where the entity
    linking keeps such an index; {} where it does not)."""
    from ..analyze import aliases

    by_entity = getattr(aliases, "keys_by_entity", None)
    return {gid: sorted(ks) for gid, ks in by_entity(linking, members).items()} if by_entity else {}


def _slices(rows: int) -> int:
    """Partitions for a table built on the driver: one per 100k rows (small tables: one file)."""
    return max(1, rows // 100_000)


def _failed(x) -> bool:
    return isinstance(x, tuple) and x[0] == FAILED


def run(spark, inputs: list[str], out: str, settings: Settings | None = None, progress=None) -> dict:
    """Run the job; returns counts (reports, duplicates, revisions, stories, groups, failures...) and the
    seconds each phase took. ``progress(message)`` hears each phase as it ends."""
    from ..analyze.aliases import link

    settings = settings or Settings()
    clock = _Clock(progress)
    uris = check(inputs, out)
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    parts = max(2, sc.defaultParallelism)
    stats: dict = {}

    files = sc.binaryFiles(",".join(uris), minPartitions=parts)
    read = files.mapPartitions(lambda it: read_and_clean(it, settings)).cache()
    failures = read.filter(lambda kv: kv[0] == FAILED).values().collect()  # one line each: the driver holds them
    settled = read.filter(lambda kv: kv[0] != FAILED).groupByKey(parts).mapValues(settle).cache()
    counts = settled.values().map(lambda v: (v[2], v[3])).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    stats["duplicates"], stats["revisions"] = counts

    out_rows = (settled.values().map(lambda v: (v[1], v[0]))
                .mapPartitions(lambda it: analyse_partition(it, settings)).cache())
    failures += out_rows.filter(_failed).map(lambda x: x[1]).collect()
    analysed = out_rows.filter(lambda x: isinstance(x, Analysed)).map(lambda a: (a.document.id, a))
    stats["reports"], dim = analysed.map(lambda kv: (1, story_stage.embedding_dim(kv[1].features))).fold(
        (0, 0), lambda a, b: (a[0] + b[0], max(a[1], b[1])))
    read.unpersist()
    settled.unpersist()  # the analysed reports (out_rows) are all that is kept from here on
    clock("read, clean and analyse")

    story_of = story_stage.resolve(sc, analysed.mapValues(lambda a: (a.order, a.features)), settings, stats,
                                   n=stats["reports"], dim=dim).cache()
    groups = synd_stage.resolve(sc, analysed.mapValues(lambda a: (a.order, a.fingerprint)), settings, stats).collect()
    clock("story candidates and syndication groups")
    synd_of = {d: g.id for g in groups for d in g.documents}
    b_synd = sc.broadcast(synd_of)

    members = analysed.flatMap(lambda kv: [(kv[0], e) for e in kv[1].analysis.entities]).collect()
    linking = link(members)
    keys = _alias_keys(linking, members)
    del members
    clock("entity linking")
    links = sc.parallelize([(ln.document, (ln.key, ln.entity)) for ln in linking.links], parts).groupByKey()

    placed = analysed.join(story_of).cache()  # (doc, (Analysed, story id))
    per_story = (placed.leftOuterJoin(links)
                 .map(lambda kv: (kv[1][0][1], (kv[1][0][0], list(kv[1][1] or ()))))
                 .groupByKey()
                 .flatMap(lambda kv: corroborate_story(kv[0], kv[1], b_synd.value, settings)).cache())
    vectors = per_story.filter(lambda x: x[0] == "vectors").map(lambda x: (x[1].document, x[1]))
    found = per_story.filter(lambda x: x[0] == "story").map(lambda x: (x[1], x[2]))

    doc_rows = (placed.leftOuterJoin(vectors)
                .map(lambda kv: tables.document_row(kv[1][0][0], kv[1][0][1], b_synd.value.get(kv[0]), kv[1][1])))
    written = {
        "documents": doc_rows,
        "stories": found.map(lambda sf: tables.story_row(*sf)),
        "claims": found.flatMap(lambda sf: tables.claim_rows(sf[1])),
        "syndication_groups": sc.parallelize([tables.group_row(g) for g in groups], 1),
        "entities": sc.parallelize([tables.entity_row(e, keys.get(e.id, ())) for e in linking.entities],
                                   _slices(len(linking.entities))),
        "entity_links": sc.parallelize([(ln.document, ln.key, ln.entity) for ln in linking.links],
                                       _slices(len(linking.links))),
        "failures": per_story.filter(_failed).map(lambda x: x[1]).union(sc.parallelize(failures, 1)),
    }
    base = out.rstrip("/")
    for name, rdd in written.items():
        spark.createDataFrame(rdd, tables.schema(name)).write.mode("errorifexists").parquet(f"{base}/{name}")
    clock("stories, corroboration and tables")
    stats["stories"], stats["claims"] = found.map(lambda sf: (1, len(sf[1].claims) if sf[1] is not None else 0)).fold(
        (0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    stats["syndication_groups"] = len(groups)
    stats["entities"] = len(linking.entities)
    stats["failures"] = failures + per_story.filter(_failed).map(lambda x: x[1]).collect()
    stats["seconds"] = clock.phases
    for rdd in (out_rows, story_of, placed, per_story):
        rdd.unpersist()
    return stats
