"""One case for each extraction bug fixed, named after what it caught."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import project


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("$1-0", id="money-range-low-above-high"),
        pytest.param("$0=", id="match-narrower-than-its-token"),
        pytest.param("plans FY2028 to  2026 ahead", id="year-range-ending-before-it-starts"),
        pytest.param("Rs 4,500 crore - a year", id="article-after-range-dash"),
        pytest.param("₹314Ah and €500m - a kWh", id="capacity-and-money-on-one-token"),
        pytest.param("¥3.5tn to a year 7 314Ah", id="scale-check-with-article-range-end"),
    ],
)
def test_odd_input_gives_valid_records(run_rules, text):
    record = run_rules(text)
    for item in [*record.capacities, *record.money, *record.target_years]:
        assert text[item.start : item.end] == item.text


def test_and_joins_a_range_only_after_between(run_rules):
    record = run_rules("Its products are 5,000mAh and 6,000 mAh cells, between 3 and 5 GWh in all.")
    assert project(record.capacities, ["text", "value", "min", "max"]) == [
        {"text": "5,000mAh", "value": 5000.0, "min": None, "max": None},
        {"text": "6,000 mAh", "value": 6000.0, "min": None, "max": None},
        {"text": "between 3 and 5 GWh", "value": None, "min": 3.0, "max": 5.0},
    ]


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        pytest.param("it won a 4.5 trillion-won order", Decimal("4.5e12"), "KRW", id="hyphenated-currency-word"),
        pytest.param("under the Rs 18,100-crore scheme", Decimal("1.81e11"), "INR", id="hyphenated-scale-word"),
        pytest.param("a C$7-billion project", Decimal("7e9"), "CAD", id="hyphenated-billion"),
    ],
)
def test_hyphenated_amounts(run_rules, text, amount, currency):
    assert project(run_rules(text).money, ["amount", "currency"]) == [{"amount": amount, "currency": currency}]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It will have 30 gigawatt-hours of annual sodium-ion capacity.", id="of-annual-capacity"),
        pytest.param("It imports 3-5GWh of cells a year.", id="of-cells-a-year"),
    ],
)
def test_rate_after_words_between(run_rules, text):
    assert [c.rate for c in run_rules(text).capacities] == ["year"]


def test_short_fiscal_year(run_rules):
    assert project(run_rules("Output will reach 5 GWh by FY27.").target_years, ["text", "year"]) == [
        {"text": "by FY27", "year": 2027}
    ]


def test_later_year_is_a_target_whatever_the_verb(run_rules):
    record = run_rules("It won an order to supply cells between 2027 and 2030.", published="2025-10-30")
    assert [y.text for y in record.target_years] == ["between 2027 and 2030"]


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("Noida-based Ampere Cellworks Pvt Ltd will build a plant.", "Noida", id="x-based-is-a-place"),
        pytest.param("PERTH — Ironbark Lithium Ltd has secured funding.", "PERTH", id="dateline-with-dash"),
        pytest.param("It will switch its Michigan EV lines to storage.", "Michigan EV", id="place-plus-trade-acronym"),
        pytest.param("under the scheme for advanced chemistry cells (ACC) batteries", "ACC", id="term-acronym"),
    ],
)
def test_not_organizations(run_model, text, name):
    names = [o.name for o in run_model(text).organizations]
    assert name not in names


def test_abbreviation_in_brackets_is_cut_from_the_name(run_model):
    record = run_model("The China Energy Storage Alliance (CNESA) expects growth. CNESA said so.")
    names = {o.name: [m.text for m in o.mentions] for o in record.organizations}
    assert names == {"China Energy Storage Alliance": ["China Energy Storage Alliance", "CNESA", "CNESA"]}


def test_short_form_of_an_abbreviated_legal_name(run_rules):
    record = run_rules("Lion Grid Storage Pte. Ltd. holds 30%. Lion Grid Storage will bid again.")
    assert project(record.organizations, ["name"]) == [{"name": "Lion Grid Storage Pte. Ltd."}]
    assert len(record.organizations[0].mentions) == 2


def test_unit_named_after_its_parent_stays_apart(run_rules):
    record = run_rules("BYD Co. Ltd. said BYD Energy Storage will grow. BYD also sells cars.")
    groups = {o.name: sorted(m.text for m in o.mentions) for o in record.organizations}
    assert groups == {"BYD Co. Ltd.": ["BYD", "BYD Co. Ltd."], "BYD Energy Storage": ["BYD Energy Storage"]}


def test_text_longer_than_max_length_is_extracted_in_pieces(monkeypatch):
    from pipeline import extract
    from pipeline.nlp import load_pipeline

    nlp = load_pipeline("blank")
    monkeypatch.setattr(nlp, "max_length", 60)
    text = "Velmora Motors Inc. plans 40 GWh by 2030.\n\nIt will invest $1.2bn in the plant by 2027."
    record = extract(text, article_id="long", model="blank")
    for item in [*record.capacities, *record.money, *record.target_years]:
        assert text[item.start : item.end] == item.text
    assert [y.text for y in record.target_years] == ["by 2030", "by 2027"]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "It will expand capacity to 6.4 GWh by March 2026.", ("by March 2026", 2026, "by"), id="month-year"
        ),
        pytest.param("Sample cells will follow in Sept. 2027.", ("in Sept. 2027", 2027, "in"), id="abbreviated-month"),
    ],
)
def test_month_before_the_year(run_rules, text, expected):
    assert [(y.text, y.year, y.qualifier) for y in run_rules(text).target_years] == [expected]


def test_a_change_with_both_units_is_two_values(run_rules):
    record = run_rules("It will lift capacity from 1.4 GWh to 6.4 GWh, and later from 10 to 20 GWh.")
    assert [(c.text, c.value, c.min) for c in record.capacities] == [
        ("1.4 GWh", 1.4, None),
        ("6.4 GWh", 6.4, None),
        ("from 10 to 20 GWh", None, 10.0),
    ]


def test_a_site_named_after_a_place_is_no_organization(run_model):
    record = run_model("Ola Electric to double cell capacity at Krishnagiri gigafactory to 6.4 GWh")
    assert "Krishnagiri" not in [o.name for o in record.organizations]
