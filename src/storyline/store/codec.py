"""Records to JSON and back, driven by their type hints: how analyses are stored.

Extraction records are frozen dataclasses of plain fields (str, int, float, bool,
``None``, ``Literal`` values, datetimes, tuples, mappings and nested records), so
one pair of functions stores all of them: :func:`encode` turns a record into JSON
values, :func:`decode` rebuilds it from its class's type hints, checking every
value on the way (a stored row that no longer fits the class raises
:class:`CodecError`, it is never half-read).

:func:`fingerprint` hashes a record class's fields and types, recursively, so a
store can tell that rows were written by records of another shape.

>>> from storyline.extract.time import Timex
>>> t = Timex("last March", "DATE", "2024-03", None, 4, 14, True)
>>> decode(Timex, encode(t)) == t
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

__all__ = ["CodecError", "decode", "encode", "fingerprint"]

T = TypeVar("T")


class CodecError(ValueError):
    """A stored value does not fit the record class it is read as."""


def encode(value: Any) -> Any:
    """A record (or any value its fields hold) as JSON values: objects, lists, scalars.

    >>> encode((1, "a", None))
    [1, 'a', None]
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def decode(cls: type[T], data: Any, **given: Any) -> T:
    """Rebuild a ``cls`` record from :func:`encode`'s output; ``given`` fields are not read
    from ``data`` but passed as they are (a record stored elsewhere, for instance).

    >>> from storyline.stories.records import SourceSpan
    >>> decode(SourceSpan, {"start": 0, "end": 5}, article_id="a1")
    SourceSpan(article_id='a1', start=0, end=5)
    """
    if not (dataclasses.is_dataclass(cls) and isinstance(data, dict)):
        raise CodecError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    return typing.cast(T, cls(**given, **_fields(cls, data, cls.__name__, set(given))))


def _read(hint: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(data, dict):
            raise CodecError(f"{where}: expected an object, got {type(data).__name__}")
        return hint(**_fields(hint, data, where, set()))
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        choices = [a for a in args if a is not type(None)]
        if len(choices) == 1:
            return _read(choices[0], data, where)
        raise CodecError(f"{where}: unions of several types are not stored")
    if origin is typing.Literal:
        if data not in args:
            raise CodecError(f"{where}: {data!r} is not one of {args}")
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise CodecError(f"{where}: expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], v, f"{where}[{i}]") for i, v in enumerate(data))
        if len(args) != len(data):
            raise CodecError(f"{where}: expected {len(args)} items, got {len(data)}")
        return tuple(
            _read(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, data, strict=True))
        )
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        if not isinstance(data, dict):
            raise CodecError(f"{where}: expected an object, got {type(data).__name__}")
        value = args[1] if len(args) == 2 else Any
        return {k: _read(value, v, f"{where}[{k!r}]") for k, v in data.items()}
    if hint is datetime or hint is date:
        if not isinstance(data, str):
            raise CodecError(f"{where}: expected an ISO time, got {type(data).__name__}")
        return hint.fromisoformat(data)
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if hint in (str, int, bool) and type(data) is hint:
        return data
    raise CodecError(f"{where}: {data!r} is not a {getattr(hint, '__name__', hint)}")


def _fields(cls: type, data: dict[str, Any], where: str, given: set[str]) -> dict[str, Any]:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init} - given
    if set(data) != names:
        raise CodecError(f"{where}: fields {sorted(set(data) ^ names)} differ from the class")
    return {n: _read(hints[n], data[n], f"{where}.{n}") for n in names}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def fingerprint(cls: type) -> str:
    """A short hash of a record class's field names and types, nested records included.

    >>> from storyline.stories.records import SourceSpan
    >>> len(fingerprint(SourceSpan))
    12
    """
    parts: list[str] = []
    seen: set[type] = set()

    def walk(hint: Any) -> None:
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            if hint in seen:
                return
            seen.add(hint)
            hints = _hints(hint)
            for f in dataclasses.fields(hint):
                parts.append(f"{hint.__module__}.{hint.__qualname__}.{f.name}:{hints[f.name]}")
                walk(hints[f.name])
        for arg in typing.get_args(hint):
            walk(arg)

    walk(cls)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]
