"""Model dataclasses to JSON-ready dicts and back, driven by their type hints.

The type hints are read once per dataclass type: ``_converter(cls)`` compiles one converter per field (None
where the JSON value is already the stored value: strings, numbers, flat lists) and caches it, so decoding
an object walks its data, never ``typing``; a plain frozen dataclass is filled without its generated
``__init__`` (defaults first, then the stored fields). JSON text is parsed and written by orjson (Rust),
which writes a dataclass as the dict of its fields and a tuple as a list: the stored JSON is unchanged
(compact, non-ASCII as is); what orjson refuses (a non-string dict key, an integer beyond 64 bits) goes
through the standard library as before.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing

import orjson
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Conv = Callable[[Any], Any]

_ATOMS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_data(obj: Any) -> Any:
    """A dataclass (or nesting of them) as plain JSON-ready data (tuples as lists, dict keys as strings)."""
    if type(obj) in _ATOMS:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {n: to_data(getattr(obj, n)) for n in _fields(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    return obj


def _default(obj: Any) -> Any:
    """``json.dumps`` hook: a dataclass as the dict of its fields (json walks the values)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {n: getattr(obj, n) for n in _fields(type(obj))}
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default)


def dumps(obj: Any) -> str:
    """The JSON of ``to_data(obj)``, compact, non-ASCII as is (``json.dumps(..., ensure_ascii=False)``)."""
    try:
        return orjson.dumps(obj).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: a key or number orjson refuses; the standard library takes it
        pass
    try:
        return _ENCODER.encode(obj)
    except TypeError:  # dict keys json refuses (tuples): the slow path stringifies them as to_data does
        return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


# -- decoding: one compiled converter per type -------------------------------------------------
_DECODERS: dict[Any, Conv | None] = {}


def _converter(tp: Any) -> Conv | None:
    """A function rebuilding a value of type ``tp`` from its JSON data; None when the data is the value."""
    if tp in _DECODERS:
        return _DECODERS[tp]
    _DECODERS[tp] = None  # a recursive type meets itself: resolved lazily below
    conv = _compile(tp)
    _DECODERS[tp] = conv
    return conv


def _compile(tp: Any) -> Conv | None:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        classes = [a for a in args if dataclasses.is_dataclass(a)]
        if classes:
            first = _converter(classes[0])
            other = _converter(args[0]) if len(args) == 1 else None

            def union(data: Any) -> Any:
                if isinstance(data, dict):
                    return first(data)
                return other(data) if other is not None and data is not None else data
            return union
        return _converter(args[0]) if len(args) == 1 else None
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is None:
                return lambda data: None if data is None else tuple(data)
            return lambda data: None if data is None else tuple([item(x) for x in data])
        if args:
            items = [_converter(a) for a in args]
            if all(c is None for c in items):
                return lambda data: None if data is None else tuple(data[:len(items)])
            return lambda data: None if data is None else tuple(
                [x if c is None else c(x) for c, x in zip(items, data)])
        return lambda data: None if data is None else tuple(data)
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        item = _converter(arg)
        if item is None:
            return None
        return lambda data: None if data is None else [item(x) for x in data]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_decoder(tp)
    return None


def _dataclass_decoder(cls: type) -> Conv:
    """Decoder of one dataclass: a function generated for its fields (compiled on first use, since a field's
    type may be the class itself). Stored objects carry every field: read by key, filled directly; an
    object missing a field (older data) goes the general way, defaults filled by the constructor."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    # filled directly only when the generated __init__ does nothing else (no __post_init__, no slots, init fields)
    direct = (not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__") and all(f.init for f in fields))
    compiled: list[Conv] = []

    def general(data: dict) -> Any:
        kwargs = {}
        for f in fields:
            if f.name in data:
                value = data[f.name]
                conv = _converter(hints[f.name])
                kwargs[f.name] = value if conv is None or value is None else conv(value)
        return cls(**kwargs)

    def decode(data: Any) -> Any:
        if not compiled:
            compiled.append(_generate(cls, fields, hints, general) if direct else general)
        return compiled[0](data) if isinstance(data, dict) else data
    return decode


def _generate(cls: type, fields: tuple, hints: dict, general: Conv) -> Conv:
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_general": general, "_set": object.__setattr__}
    items = []
    for i, f in enumerate(fields):
        conv = _converter(hints[f.name])
        if conv is None:
            items.append(f"{f.name!r}: d[{f.name!r}]")
        else:
            env[f"_c{i}"] = conv
            items.append(f"{f.name!r}: None if (v := d[{f.name!r}]) is None else _c{i}(v)")
    src = ("def _decode(d):\n"
           "    try:\n"
           f"        state = {{{', '.join(items)}}}\n"
           "    except KeyError:\n"
           "        return _general(d)\n"
           "    obj = _new(_cls)\n"
           "    _set(obj, '__dict__', state)\n"
           "    return obj\n")
    exec(compile(src, f"<codec {cls.__name__}>", "exec"), env)
    return env["_decode"]


def from_data(cls: type[T], data: dict) -> T:
    """Rebuild ``cls`` from ``to_data`` output; unknown keys are ignored, missing ones defaulted."""
    return _converter(cls)(data)


def loads(cls: type[T], text: str) -> T:
    return _converter(cls)(orjson.loads(text))
