"""Capacity units: surface -> canonical symbol -> pint quantity in the base unit (Ah or Wh)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pint

from pipeline.resources import table


@dataclass(frozen=True)
class Unit:
    symbol: str
    pint_name: str
    kind: str
    base: str


@cache
def registry() -> pint.UnitRegistry:
    """The process's single pint registry (building one takes about 0.4 s)."""
    return pint.UnitRegistry()


@cache
def units() -> dict[str, Unit]:
    kinds = table("units.toml")["kinds"]
    return {
        symbol: Unit(symbol, entry["pint"], entry["kind"], kinds[entry["kind"]]["base"])
        for symbol, entry in table("units.toml")["units"].items()
    }


@cache
def _surfaces() -> dict[str, str]:
    """Surface (symbols as written, words lower-cased and singular) -> canonical symbol."""
    found: dict[str, str] = {}
    for symbol, entry in table("units.toml")["units"].items():
        found.update({surface: symbol for surface in entry["symbols"]})
        found.update({_word_key(word): symbol for word in entry["words"]})
    return found


def _word_key(word: str) -> str:
    key = re.sub(r"[-\s]+", " ", word.lower())
    return key[:-1] if key.endswith("s") else key


def unit_symbol(surface: str) -> str | None:
    """``unit_symbol("gigawatt-hours") == "GWh"``; None when the surface is no capacity unit."""
    surface = surface.strip()
    return _surfaces().get(surface) or _surfaces().get(_word_key(surface))


@cache
def unit_pattern() -> str:
    """A regex (no groups) for every unit surface: symbols case-sensitive, words in any case,
    singular or plural, hyphenated, spaced or closed up."""
    options = []
    for entry in table("units.toml")["units"].values():
        options += [re.escape(s).replace(r"\ ", r"\s?") for s in entry["symbols"]]
        options += [
            "(?i:" + re.escape(w).replace(r"\-", r"[-\s]?").replace(r"\ ", r"[-\s]?") + "s?)" for w in entry["words"]
        ]
    return "|".join(sorted(options, key=len, reverse=True))


def to_base(value: float, symbol: str) -> float:
    """The value in the kind's base unit, converted by pint: ``to_base(0.2, "GWh") == 2e8``."""
    return value * _factor(symbol)


@cache
def _factor(symbol: str) -> float:
    """How many base units one ``symbol`` is, asked of pint once per unit (pint checks the dimension)."""
    unit = units()[symbol]
    ureg = registry()
    quantity = ureg.Quantity(1, ureg(unit.pint_name).units)
    base = table("units.toml")["kinds"][unit.kind]
    if quantity.dimensionality != ureg(base["pint"]).dimensionality:
        raise ValueError(f"{symbol} is not a quantity of {unit.kind}")
    return float(quantity.to(base["pint"]).magnitude)
