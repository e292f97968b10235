"""Errors side by side: a miss paired with the spurious record at the same place, and the fields
where the two differ ("amount right, currency wrong").

Which fields are compared comes from the scorer (``VALUE_FIELDS``, derived from the marks in
``records.py``) and the gold's fact fields, never from a list of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.gold import FACT_FIELDS
from pipeline.scoring import FACT_ROWS, VALUE_FIELDS, Comparison, comparable

LOCATION = ("start", "end")


@dataclass(frozen=True)
class Difference:
    name: str
    gold: Any
    predicted: Any


@dataclass
class Pair:
    """One error row: a miss, a spurious record, or both at the same place with their differences."""

    gold: Any = None
    predicted: Any = None
    differences: list[Difference] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """The errors this row stands for, as ``--errors`` lists them (a pair is one of each)."""
        return [kind for kind, record in (("miss", self.gold), ("spurious", self.predicted)) if record is not None]


def compared_fields(row: str, gold: Any) -> tuple[str, ...]:
    """The fields of ``row`` worth showing side by side for a gold record."""
    if row in VALUE_FIELDS:
        return (*LOCATION, *VALUE_FIELDS[row])
    if row in FACT_ROWS:
        return ("organization", "milestone", *(n for n in FACT_FIELDS if n in gold.annotated_fields()))
    if row == "money_kinds":
        return ("kind", *VALUE_FIELDS["money"])
    if row == "organizations":
        return ("name",)
    return (*LOCATION, "text")


def differences(row: str, gold: Any, predicted: Any) -> list[Difference]:
    """The compared fields whose values differ (numbers by value, as the scorer compares them)."""
    found = []
    for name in compared_fields(row, gold):
        expected, got = getattr(gold, name, None), getattr(predicted, name, None)
        if comparable(expected) != comparable(got):
            found.append(Difference(name, expected, got))
    return found


def _place(record: Any) -> tuple[Any, int]:
    return getattr(record, "anchor", None), _start(record)


def _start(record: Any) -> int:
    return record.mentions[0].start if hasattr(record, "mentions") else record.start


def _overlaps(a: Any, b: Any) -> bool:
    return hasattr(a, "end") and hasattr(b, "end") and a.start < b.end and b.start < a.end


def _partner(gold: Any, candidates: list[Any]) -> Any:
    exact = next((c for c in candidates if _place(c) == _place(gold)), None)
    return exact if exact is not None else next((c for c in candidates if _overlaps(gold, c)), None)


def pair_errors(row: str, comparison: Comparison) -> list[Pair]:
    """The misses and spurious records of one row, a miss paired with a spurious record at the same
    place (same start, or overlapping spans), in text order; every error is in exactly one pair."""
    left = list(comparison.spurious)
    pairs = []
    for gold in comparison.misses:
        partner = None if row == "organizations" else _partner(gold, left)
        if partner is not None:
            left.remove(partner)
        pairs.append(Pair(gold, partner, differences(row, gold, partner) if partner is not None else []))
    pairs += [Pair(None, record) for record in left]
    return sorted(pairs, key=lambda p: _start(p.gold if p.gold is not None else p.predicted))
