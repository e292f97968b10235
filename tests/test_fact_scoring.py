"""Scoring of the facts' own fields (year, capacity, amount of the clause) against hand-computed numbers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.gold import GoldFact
from pipeline.records import Fact
from pipeline.scoring import match_fact_fields


def gold_fact(anchor: str, start: int, **fields: object) -> GoldFact:
    return GoldFact(anchor=anchor, start=start, text="x", organization=None, milestone=None, **fields)


def predicted_fact(anchor: str, start: int, **fields: object) -> Fact:
    values = {"year": None, "end_year": None, "capacity": None, "money": None, **fields}
    return Fact(
        text="x",
        start=start,
        end=start + 1,
        anchor=anchor,
        organization=None,
        link=None,
        milestone=None,
        milestone_start=None,
        **values,
    )


def score(gold: list[GoldFact], predicted: list[Fact]):
    return match_fact_fields(SimpleNamespace(facts=gold), SimpleNamespace(facts=predicted)).counts


@pytest.mark.parametrize(
    "gold, predicted, counts",
    [
        pytest.param(
            [gold_fact("money", 10, year=2027, capacity="40 GWh")],
            [predicted_fact("money", 10, year=2027, capacity="40 GWh")],
            (2, 0, 0),
            id="both-right",
        ),
        pytest.param(
            [gold_fact("money", 10, year=2027, capacity=None)],
            [predicted_fact("money", 10, year=2028, capacity="40 GWh")],
            (0, 2, 1),
            id="wrong-year-is-spurious-and-a-miss-a-capacity-where-gold-has-none-is-spurious",
        ),
        pytest.param(
            [gold_fact("money", 10, year=2027)],
            [predicted_fact("money", 10, year=None, capacity="40 GWh")],
            (0, 0, 1),
            id="a-field-the-gold-leaves-out-is-not-scored",
        ),
        pytest.param(
            [gold_fact("target_year", 10, year=2027, money="$2 billion")],
            [predicted_fact("target_year", 10, year=2027, money=None)],
            (0, 0, 1),
            id="a-years-own-year-is-not-compared",
        ),
        pytest.param(
            [gold_fact("capacity", 10, money=None), gold_fact("capacity", 30)],
            [predicted_fact("capacity", 10), predicted_fact("capacity", 30, money="$1 billion")],
            (0, 0, 0),
            id="right-nulls-count-nothing-unannotated-facts-nothing",
        ),
        pytest.param(
            [gold_fact("money", 10, year=2030)],
            [],
            (0, 0, 1),
            id="no-predicted-fact-misses-the-annotated-value",
        ),
    ],
)
def test_fact_fields_from_hand_computed_numbers(gold, predicted, counts):
    found = score(gold, predicted)
    assert (found.tp, found.fp, found.fn) == counts


def test_annotated_fields_are_the_ones_written_down():
    assert gold_fact("money", 0).annotated_fields() == []
    assert gold_fact("money", 0, year=None, money=None).annotated_fields() == ["year", "money"]
