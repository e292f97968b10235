"""The supplied article is the first gold fixture: the extraction must equal its gold exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.gold import load_gold

CORPUS = Path(__file__).parent.parent / "corpus"
FIXTURE = "000_0f55cbc97369d058"
CAPACITY_FIELDS = ("text", "start", "end", "value", "min", "max", "unit", "kind", "qualifier", "rate")
MONEY_FIELDS = ("text", "start", "end", "amount", "min", "max", "currency", "qualifier", "equivalent_of")
YEAR_FIELDS = ("text", "start", "end", "year", "end_year", "qualifier", "relative")


@pytest.fixture(scope="module")
def gold():
    return load_gold(CORPUS / f"{FIXTURE}.gold.json")


@pytest.fixture(scope="module")
def record(gold):
    text = (CORPUS / f"{FIXTURE}.txt").read_text(encoding="utf-8")
    return extract(text, article_id=FIXTURE, published=gold.published)


def fields(records, names):
    return [tuple(getattr(r, n) for n in names) for r in records]


def test_organizations_match_gold_with_every_mention(record, gold):
    predicted = {o.name: [(m.text, m.start, m.end) for m in o.mentions] for o in record.organizations}
    expected = {o.name: [(m.text, m.start, m.end) for m in o.mentions] for o in gold.organizations}
    assert predicted == expected


def test_capacities_match_gold(record, gold):
    assert fields(record.capacities, CAPACITY_FIELDS) == fields(gold.capacities, CAPACITY_FIELDS)


def test_money_matches_gold(record, gold):
    assert fields(record.money, MONEY_FIELDS) == fields(gold.money, MONEY_FIELDS)


def test_target_years_match_gold(record, gold):
    assert fields(record.target_years, YEAR_FIELDS) == fields(gold.target_years, YEAR_FIELDS)


def test_normalized_values_are_in_base_units(record):
    by_text = {c.text: c for c in record.capacities}
    assert by_text["0.2 gigawatt-hour"].normalized_value == pytest.approx(2e8)
    assert by_text["0.2 gigawatt-hour"].normalized_unit == "Wh"
    assert by_text["20–40 Ah"].normalized_min == 20 and by_text["20–40 Ah"].normalized_max == 40


def test_json_output_writes_amounts_as_numbers(record):
    import json

    data = json.loads(record.model_dump_json())
    assert data["money"][0]["amount"] == 2500000000
    assert isinstance(data["money"][0]["amount"], int)


def test_every_fact_links_the_organization_and_milestone_of_the_gold(record, gold):
    predicted = {(f.anchor, f.start): f for f in record.facts}
    assert set(predicted) == {(f.anchor, f.start) for f in gold.facts}
    for expected in gold.facts:
        found = predicted[(expected.anchor, expected.start)]
        assert found.organization == expected.organization, expected.text
        if expected.milestone is None:
            assert found.milestone is None, expected.text
        else:
            assert found.milestone and expected.milestone.lower() in found.milestone.lower(), expected.text


def test_facts_carry_the_year_and_amount_of_their_clause(record):
    market = next(f for f in record.facts if f.text == "2.5 billion yuan")
    # a market forecast is no organization's, not even its source's ("According to CICC, the market …")
    assert (market.year, market.organization, market.link) == (2027, None, None)
    equivalent = next(f for f in record.facts if f.text == "US$352 million")
    assert (equivalent.organization, equivalent.milestone) == (market.organization, market.milestone)
