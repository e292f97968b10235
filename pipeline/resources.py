"""Rule files shipped in ``pipeline/data``: loaded once per process, returned read-only."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

DATA_PACKAGE = "pipeline.data"


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def table(name: str) -> MappingProxyType:
    """A TOML table file, e.g. ``table("units.toml")``."""
    try:
        return _freeze(tomllib.loads(_read_text(name)))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"rule file {name}: {error}") from error


@cache
def jsonl(name: str) -> tuple[MappingProxyType, ...]:
    """A JSONL rule file, one object per line; blank lines and ``//`` comments are skipped."""
    rows = []
    for number, line in enumerate(_read_text(name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append(_freeze(json.loads(line)))
        except json.JSONDecodeError as error:
            raise ValueError(f"rule file {name}, line {number}: {error}") from error
    return tuple(rows)


def thaw(value: Any) -> Any:
    """A mutable copy of a frozen rule (spaCy's matchers want plain lists and dicts)."""
    if isinstance(value, MappingProxyType):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
