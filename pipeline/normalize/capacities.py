"""Capacity expressions: "above 60 ampere-hours", "20–40 Ah", "between 3 and 5 GWh", "600Ah+"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.normalize.numerals import normalize_qualifier, number_pattern, parse_number, qualifier_pattern
from pipeline.normalize.ranges import QUALIFIER, RANGE_SEPARATOR
from pipeline.normalize.units import to_base, unit_pattern, unit_symbol, units
from pipeline.resources import table


@dataclass(frozen=True)
class Capacity:
    value: float | None
    min: float | None
    max: float | None
    unit: str
    kind: str
    normalized_value: float | None
    normalized_min: float | None
    normalized_max: float | None
    normalized_unit: str
    qualifier: str | None


@cache
def capacity_regex() -> re.Pattern[str]:
    """One capacity, with its qualifier; a density ("300 Wh/kg") does not match."""
    number, unit = number_pattern(), unit_pattern()
    denominators = "|".join(
        re.escape(d) for d in sorted(table("units.toml")["not_capacity"]["denominators"], key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w.,]){QUALIFIER.format(qualifiers=qualifier_pattern())}"
        rf"(?P<low>{number})(?P<low_unit>\s*(?:{unit}))?(?:{RANGE_SEPARATOR}(?P<high>{number}))?"
        rf"(?:\s*-\s*|\s*)(?P<unit>{unit})(?P<plus>\+)?(?![\w])"
        rf"(?!\s*(?:/|(?i:per)\s)\s*(?:{denominators})(?![\w]))"
    )


@cache
def rate_after_regex() -> re.Pattern[str]:
    surfaces = sorted(table("units.toml")["rates"]["after"], key=len, reverse=True)
    options = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in surfaces)
    # "40 GWh a year", "30 GWh of annual capacity", "3-5GWh of cells a year"
    return re.compile(rf"(?i:\s+of\s+(?:annual|yearly)\b|(?:\s+of(?:\s+[\w-]+){{1,3}}?)?\s*(?:{options})(?![\w]))")


@cache
def rate_before_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in table("units.toml")["rates"]["before"])
    return re.compile(rf"\b(?i:{words})\b")


@lru_cache(maxsize=4096)  # pure; news repeats its capacities ("40 GWh")
def parse_capacity(text: str) -> Capacity:
    """Values of one capacity expression, e.g. ``parse_capacity("20–40 Ah").max == 40.0``."""
    match = capacity_regex().fullmatch(text)
    if not match:
        raise ValueError(f"not a capacity: {text!r}")
    symbol = unit_symbol(match["unit"])
    if symbol is None:
        raise ValueError(f"unknown capacity unit in {text!r}")
    unit = units()[symbol]
    qualifier = normalize_qualifier(match["plus"] or match["between"] or match["qualifier"])
    low = float(parse_number(match["low"]))
    if match["high"] is None:
        base = to_base(low, symbol)
        return Capacity(low, None, None, symbol, unit.kind, base, None, None, unit.base, qualifier)
    high = float(parse_number(match["high"]))
    return Capacity(
        None, low, high, symbol, unit.kind, None, to_base(low, symbol), to_base(high, symbol), unit.base, qualifier
    )
