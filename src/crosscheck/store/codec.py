"""Model dataclasses to JSON-ready dicts and back, driven by their type hints."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """A dataclass (or nesting of them) as plain JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for arg in args:
            if dataclasses.is_dataclass(arg) and isinstance(data, dict):
                return _build(arg, data)
        return _build(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], x) for x in data)
        if args:
            return tuple(_build(a, x) for a, x in zip(args, data))
        return tuple(data)
    if origin in (list,):
        (arg,) = typing.get_args(tp) or (Any,)
        return [_build(arg, x) for x in data]
    if dataclasses.is_dataclass(tp) and isinstance(data, dict):
        return from_data(tp, data)
    if tp is float and isinstance(data, int):
        return data
    return data


def from_data(cls: type[T], data: dict) -> T:
    """Rebuild ``cls`` from ``to_data`` output; unknown keys are ignored, missing ones defaulted."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _build(hints[f.name], data[f.name])
    return cls(**kwargs)


def loads(cls: type[T], text: str) -> T:
    return from_data(cls, json.loads(text))
