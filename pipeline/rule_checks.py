"""Checks of the rule files that the tests run on the shipped files and ``--rules`` runs on a user's.
Each check returns problems as (key, reason): the key (an entry id, a unit, a surface) lets the
caller name the line it comes from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, get_args

import pycountry

from pipeline.records import CapacityUnit, OrganizationKind

Problem = tuple[str, str]
ENTRY_FIELDS = frozenset({"id", "name", "aliases", "kind", "country"})
KINDS = frozenset(get_args(OrganizationKind))  # the closed set, declared once in records.py
UNITS = frozenset(get_args(CapacityUnit))
EXTRA_COUNTRIES = frozenset({"EU", "INT"})  # EU institutions; international bodies
ID_SHAPE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
UNSAFE_ALIASES = frozenset({
    # common words written in Title Case at a sentence start
    "Power", "Energy", "Edge", "Honor", "Vision", "Future", "Global", "Group", "Holdings", "Solutions",
    "Battery", "Lithium", "Nickel", "Cobalt", "Graphite", "Electric", "Motors", "Mobility", "Times",
    "Daily", "News", "Research", "Capital", "Partners", "International", "General", "National",
    "Advanced", "Smart", "Green", "Blue", "Gold", "Star", "Sun", "Apple", "Amazon", "Shell",
    "Mineral", "Materials", "Storage", "Charge", "Volt", "Ion", "Cell", "Cells", "Pioneer", "Summit",
    # places and products
    "China", "Korea", "Japan", "India", "Europe", "America", "Germany", "Texas", "Nevada", "Ohio",
    "Georgia", "Michigan", "Shanghai", "Shenzhen", "Beijing", "Seoul", "Tokyo", "Model Y", "Model 3",
    "Prius", "Leaf", "Bolt", "Ioniq", "Mustang", "Pentagon", "Los Alamos", "Brookhaven", "Bercy", "Vauxhall",
    "Santander", "Hino",
    # words that also name a company, a fund or a paper
    "Ember", "Mint", "Tempo", "Wired", "Mobilize", "Plenitude", "Vanguard", "Alphabet", "Counterpoint",
    "Insider", "Expansion", "Occidental", "Economist", "Guardian", "Fed", "Hindu", "SAFE", "MOST", "SET",
    # surnames that also name a company
    "Goldman", "Forbes", "Cummins", "Elia", "Stadler", "Bollinger", "Bain", "Ricardo", "Carlyle", "Koch", "Daiwa",
    # acronyms that are a currency code or that two bodies in the news use
    "PLN", "BIS", "LSE", "ACER", "EEA", "EMA", "CDC", "IOC", "PSI", "ISO", "CBL", "REE",
    # a group name the news uses for whichever of its units the story is about
    "Samsung",
})  # fmt: skip


def surfaces(entry: Mapping[str, Any]) -> list[str]:
    """The name and aliases of a gazetteer entry."""
    return [entry["name"], *entry.get("aliases", ())]


def is_country(code: object) -> bool:
    """An ISO 3166-1 alpha-2 code, or EU or INT."""
    if not isinstance(code, str):
        return False
    return code in EXTRA_COUNTRIES or (
        len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None
    )


def _is_clean(surface: object) -> bool:
    return (
        isinstance(surface, str)
        and surface == surface.strip()
        and "  " not in surface
        and any(ch.isalnum() for ch in surface)
    )


def entry_problems(entry: Mapping[str, Any]) -> list[str]:
    """What is wrong with one gazetteer entry on its own (none for a good one)."""
    if set(entry) != ENTRY_FIELDS:
        return [f"fields must be exactly {', '.join(sorted(ENTRY_FIELDS))}; got {', '.join(sorted(entry))}"]
    problems = []
    if not isinstance(entry["id"], str) or not ID_SHAPE.fullmatch(entry["id"]):
        problems.append(f"id {entry['id']!r} is not lower snake case")
    if not isinstance(entry["aliases"], list | tuple):
        return [*problems, "aliases must be a list"]
    names = surfaces(entry)
    problems += [f"name or alias {s!r} is empty, padded or has double spaces" for s in names if not _is_clean(s)]
    problems += [f"name or alias {s!r} is listed twice" for s in sorted({s for s in names if names.count(s) > 1})]
    problems += [f"alias {s!r} is a common word, place or product" for s in names if s in UNSAFE_ALIASES]
    if entry["kind"] not in KINDS:
        problems.append(f"kind {entry['kind']!r} is not one of {', '.join(sorted(KINDS))}")
    if not is_country(entry["country"]):
        problems.append(f"country {entry['country']!r} is not an ISO 3166-1 alpha-2 code, EU or INT")
    return problems


def duplicate_ids(entries: Iterable[Mapping[str, Any]]) -> list[str]:
    """Ids listed more than once."""
    seen: set[str] = set()
    repeated = []
    for entry in entries:
        if entry["id"] in seen:
            repeated.append(entry["id"])
        seen.add(entry["id"])
    return repeated


def shared_surfaces(entries: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Surface -> the ids of the entries that list it, for surfaces that name more than one."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for surface in surfaces(entry):
            owners.setdefault(surface, set()).add(entry["id"])
    return {surface: ids for surface, ids in owners.items() if len(ids) > 1}


def unit_problems(data: Mapping[str, Any]) -> list[Problem]:
    """(unit, reason) for each unit of a ``units.toml`` table that is not a known capacity unit,
    does not convert with pint to its kind's base unit, or shares a surface with another unit."""
    from pipeline.normalize.units import registry

    problems: list[Problem] = []
    kinds, owner = data.get("kinds", {}), {}
    for symbol, entry in data.get("units", {}).items():
        if symbol not in UNITS:
            problems.append((symbol, f"unit {symbol!r} is not one the records know ({', '.join(sorted(UNITS))})"))
        elif entry.get("kind") not in kinds:
            problems.append((symbol, f"unit {symbol}: kind {entry.get('kind')!r} is not one of {', '.join(kinds)}"))
        elif not _converts(registry(), str(entry.get("pint")), str(kinds[entry["kind"]].get("pint"))):
            problems.append((symbol, f"unit {symbol}: pint cannot convert {entry.get('pint')!r} to its base unit"))
        for surface in (*entry.get("symbols", ()), *entry.get("words", ())):
            if owner.setdefault(surface, symbol) != symbol:
                problems.append((surface, f"surface {surface!r} names two units, {owner[surface]} and {symbol}"))
    return problems


def _converts(registry: Any, name: str, base: str) -> bool:
    try:
        return registry(name).dimensionality == registry(base).dimensionality
    except Exception:  # pint raises its own errors for unknown or malformed units
        return False


CURRENCY_MAPS = ("symbols", "words", "subunits", "spaced_prefixes")


def currency_problems(data: Mapping[str, Any]) -> list[Problem]:
    """(surface, reason) for each surface of a ``currencies.toml`` table that maps to neither an ISO
    4217 currency in use since 2020 nor a surface of its ``ambiguous`` table ("cents")."""
    from pipeline.normalize.currencies import iso_codes

    codes = iso_codes() | set(data.get("ambiguous", {}))
    problems: list[Problem] = []
    pairs = [(s, code) for part in CURRENCY_MAPS for s, code in data.get(part, {}).items()]
    pairs += list(data.get("codes", {}).get("aliases", {}).items())
    pairs += [(s, code) for s, found in data.get("ambiguous", {}).items() for code in found]
    for surface, code in pairs:
        if code not in codes:
            problems.append((surface, f"{surface!r}: {code!r} is not an ISO 4217 currency in use since 2020"))
    return problems
