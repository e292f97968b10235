"""The gazetteer of organizations (``data/organizations.jsonl``): entries by stable id and by the
surface key of every name and alias. What the finder matches, grouping joins and records carry."""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

from pipeline.normalize.orgnames import name_key
from pipeline.resources import jsonl

GAZETTEER_FILE = "organizations.jsonl"


def entries() -> tuple[MappingProxyType, ...]:
    """Every entry: ``{"id", "name", "aliases", "kind", "country"}``, read once."""
    return jsonl(GAZETTEER_FILE)


@cache
def by_id() -> MappingProxyType:
    """Entry id -> entry."""
    return MappingProxyType({entry["id"]: entry for entry in entries()})


@cache
def alias_index() -> MappingProxyType:
    """Surface key of a name or alias -> entry id (the first entry that lists it)."""
    index: dict[str, str] = {}
    for entry in entries():
        for name in (entry["name"], *entry.get("aliases", ())):
            index.setdefault(name_key(name), entry["id"])
    return MappingProxyType(index)


def identify(name: str) -> str | None:
    """The id of the organization a name or alias stands for, if the gazetteer knows it."""
    return alias_index().get(name_key(name))
