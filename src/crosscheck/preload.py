"""Imported once by the worker pool's fork server (``crosscheck.workers``), before it forks any worker.

Numeric libraries are held to one thread before anything imports them (the pool is the parallelism),
then the spaCy model named by ``CROSSCHECK_PRELOAD_MODEL`` is loaded and every stage a worker runs is
imported and warmed by preparing one short report, so each forked worker starts with the model and the
data files in memory (shared with its siblings until written) instead of importing and loading them
itself (~1.9 s of CPU a worker under 'spawn'). Without that variable it only sets the thread limits; when
warming fails (a model that will not load) the server still runs and each worker's own start-up loads it.
"""
from __future__ import annotations

import os

from .workers import THREAD_VARS

for _var in THREAD_VARS:
    os.environ[_var] = "1"

_model = os.environ.get("CROSSCHECK_PRELOAD_MODEL")
if _model:
    from .workers import warm

    try:
        warm(_model)
    except Exception:  # noqa: BLE001  a server that cannot warm still forks: each worker loads what it needs
        pass
