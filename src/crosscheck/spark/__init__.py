"""crosscheck on Apache Spark: the single-machine stages run per partition, stories and syndication
groups resolved globally over blocked candidate pairs, corroboration per story, Parquet tables out, and
a loader that turns those tables into a store ``serve`` and ``export`` open.

- ``run(spark, inputs, out, settings)`` (``job``): the job; ``session(master)`` builds a SparkSession.
- ``load(folder, store)`` (``load``): Parquet tables -> store.
- ``python -m crosscheck.spark ingest|load ...`` or ``spark-submit .../crosscheck/spark/__main__.py``.

Modules: partition (per-partition stages), stories and syndication (blocking and resolution), graph
(components, block pairs), corroborate (per story), tables (Parquet columns), job, loader.
"""
from __future__ import annotations

__all__ = ["run", "session", "load"]


def __getattr__(name: str):  # pyspark is imported only when the job runs (load needs pyarrow alone)
    if name in ("run", "session"):
        from . import job

        return getattr(job, name)
    if name == "load":
        from .loader import load

        return load
    raise AttributeError(name)
