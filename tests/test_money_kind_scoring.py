"""Scoring of what each amount is (`kind`) against hand-computed numbers."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from pipeline.records import Money
from pipeline.scoring import compare_article, match_money_kinds


def amount(start: int, kind: str | None = None) -> Money:
    """An amount at ``start``; ``kind`` is written down only when given (as a gold file does)."""
    fields = {"kind": kind} if kind is not None else {}
    text = "$1"
    return Money(text=text, start=start, end=start + len(text), amount=Decimal(1), min=None, max=None,
                 currency="USD", qualifier=None, **fields)  # fmt: skip


def score(gold: list[Money], predicted: list[Money]):
    return match_money_kinds(SimpleNamespace(money=gold), SimpleNamespace(money=predicted)).counts


@pytest.mark.parametrize(
    "gold, predicted, counts",
    [
        pytest.param([amount(0, "loan")], [amount(0, "loan")], (1, 0, 0), id="same-kind-at-the-same-start"),
        pytest.param([amount(0, "loan")], [amount(0, "funding")], (0, 1, 1), id="other-kind-is-spurious-and-a-miss"),
        pytest.param([amount(0, "grant")], [amount(5, "grant")], (0, 0, 1), id="no-amount-at-that-start-is-a-miss"),
        pytest.param([amount(0, "other")], [amount(0)], (1, 0, 0), id="other-is-a-kind-like-any"),
        pytest.param([amount(0)], [amount(0, "price")], (0, 0, 0), id="a-kind-the-gold-leaves-out-is-not-scored"),
        pytest.param([], [amount(0, "price")], (0, 0, 0), id="an-amount-the-gold-lacks-is-the-money-rows-concern"),
    ],
)
def test_money_kinds_from_hand_computed_numbers(gold, predicted, counts):
    found = score(gold, predicted)
    assert (found.tp, found.fp, found.fn) == counts


def test_money_kinds_precision_recall_f1():
    """investment right, loan read as funding, grant not found, one unlabelled and one extra amount:
    tp 1, fp 1, fn 2; P 1/2, R 1/3, F1 2 * (1/2 * 1/3) / (1/2 + 1/3) = 0.4."""
    gold = [amount(0, "investment"), amount(20, "loan"), amount(40, "grant"), amount(60)]
    predicted = [amount(0, "investment"), amount(20, "funding"), amount(60, "price"), amount(80, "cost")]
    found = score(gold, predicted)
    assert (found.tp, found.fp, found.fn) == (1, 1, 2)
    assert (found.precision, found.recall, found.f1) == pytest.approx((0.5, 1 / 3, 0.4))


def test_the_row_is_there_only_where_the_gold_writes_kinds_down():
    article = {"organizations": [], "capacities": [], "target_years": [], "facts": []}
    labelled = SimpleNamespace(**article, money=[amount(0, "loan")])
    unlabelled = SimpleNamespace(**article, money=[amount(0)])
    predicted = SimpleNamespace(**article, money=[amount(0, "loan")])
    assert compare_article(labelled, predicted, "strict")["money_kinds"].counts.tp == 1
    assert "money_kinds" not in compare_article(unlabelled, predicted, "strict")


def test_kind_is_not_part_of_the_strict_money_key():
    article = {"organizations": [], "capacities": [], "target_years": [], "facts": []}
    gold = SimpleNamespace(**article, money=[amount(0, "loan")])
    predicted = SimpleNamespace(**article, money=[amount(0, "funding")])
    assert compare_article(gold, predicted, "strict")["money"].counts.tp == 1
