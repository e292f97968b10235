"""Rule files shipped in ``pipeline/data``, extended or overridden by a user's rules directory (see
``rules_dir.py``): loaded once per process and rule set, returned read-only.

One rule set is in effect at a time (``use_rules``). Switching to another clears every cache that
the package built from the rules, so that regexes, tables and indexes are built again from the new
ones; using the same rule set again costs nothing."""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

DATA_PACKAGE = "pipeline.data"
# Caches that depend on no rule file, kept when the rules change (expensive to build again).
KEPT_CACHES = frozenset(
    {
        "pipeline.resources.shipped_text",
        "pipeline.nlp._pipeline",
        "pipeline.normalize.units.registry",
        "pipeline.normalize.currencies.iso_codes",
        "pipeline.normalize.currencies._cldr_symbols",
    }
)


@dataclass(frozen=True)
class UserRules:
    """A user's rule files, name -> text, checked (``rules_dir.read_rules``); they extend or
    override the shipped files of the same name. Equal rule sets are equal by content."""

    files: tuple[tuple[str, str], ...]
    source: str = field(default="", compare=False)  # where they were read from, for messages

    def text(self, name: str) -> str | None:
        return dict(self.files).get(name)


_active: dict[str, UserRules | None] = {"rules": None}


def active_rules() -> UserRules | None:
    """The user rules in effect in this process (None: the shipped rules alone)."""
    return _active["rules"]


def use_rules(rules: UserRules | None) -> None:
    """Put ``rules`` in effect (None: the shipped rules alone)."""
    current = _active["rules"]
    if rules is current or rules == current:
        return
    _active["rules"] = rules
    clear_rule_caches()


def clear_rule_caches() -> None:
    """Clear every ``functools`` cache of the package's modules except ``KEPT_CACHES``."""
    for name, module in list(sys.modules.items()):
        if name != "pipeline" and not name.startswith("pipeline."):
            continue
        for value in list(vars(module).values()):
            qualified = f"{getattr(value, '__module__', '')}.{getattr(value, '__name__', '')}"
            if hasattr(value, "cache_clear") and value.__module__ == name and qualified not in KEPT_CACHES:
                value.cache_clear()


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


@cache
def shipped_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def merge_tables(shipped: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """The user's table over the shipped one: tables merge key by key, a list adds its new items to
    the shipped list, any other value replaces the shipped one."""
    merged = dict(shipped)
    for key, value in user.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge_tables(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = [*old, *(item for item in value if item not in old)]
        else:
            merged[key] = value
    return merged


def merge_rows(shipped: list[dict[str, Any]], user: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The user's rows over the shipped ones: a row with the ``id`` of a shipped row replaces it
    (in its place), the others are added at the end."""
    users = {row["id"]: row for row in user}
    replaced = [users.pop(row["id"], row) for row in shipped]
    return [*replaced, *users.values()]


def parse_toml(name: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"rule file {name}: {error}") from error


def parse_jsonl(name: str, text: str) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) of a JSONL rule file; blank lines and ``//`` comments are skipped."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            raise ValueError(f"rule file {name}, line {number}: {error}") from error
    return rows


@cache
def table(name: str) -> MappingProxyType:
    """A TOML table file, e.g. ``table("units.toml")``, with the user's file of that name over it."""
    data = parse_toml(name, shipped_text(name))
    user = active_rules().text(name) if active_rules() else None
    return _freeze(data if user is None else merge_tables(data, parse_toml(name, user)))


@cache
def jsonl(name: str) -> tuple[MappingProxyType, ...]:
    """A JSONL rule file, one object per line, with the user's rows of that name over it."""
    rows = [row for _, row in parse_jsonl(name, shipped_text(name))]
    user = active_rules().text(name) if active_rules() else None
    if user is not None:
        rows = merge_rows(rows, [row for _, row in parse_jsonl(name, user)])
    return tuple(_freeze(row) for row in rows)


def thaw(value: Any) -> Any:
    """A mutable copy of a frozen rule (spaCy's matchers want plain lists and dicts)."""
    if isinstance(value, MappingProxyType):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
