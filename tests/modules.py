"""Load a script that is no package module (a bench under bench/, a scorer under ../shared/eval) by its path."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def load(path: Path, name: str | None = None) -> ModuleType:
    """The module of the Python file at ``path``, executed once per call."""
    spec = importlib.util.spec_from_file_location(name or f"loaded_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
