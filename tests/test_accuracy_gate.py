"""The accuracy gate: corpus scores (strict F1) may not drop below the committed floors.
Floors only move up: a change that raises a score raises its floor in the same commit."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate

CORPUS = Path(__file__).parent.parent / "corpus"
FLOORS = tomllib.loads((CORPUS / "accuracy_floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    return evaluate(CORPUS)


@pytest.mark.parametrize("row", sorted(FLOORS["strict_f1"]))
def test_strict_f1_stays_above_its_floor(report, row):
    assert report.scores["strict"][row].f1 >= FLOORS["strict_f1"][row]


def test_corpus_is_large_enough(report):
    assert len(report.articles) >= FLOORS["min_articles"]
