"""Table tests for the rule that resolves an ambiguous currency surface ("$", "¥", "kr", "dollars",
"cents") from its article: a stated currency, else the place cues (dateline cues count three),
else the surface's default. Positives and negatives side by side."""

from __future__ import annotations

import pytest

from pipeline.normalize.currency_context import cue_points, resolved, stated_currency
from pipeline.normalize.money import parse_money

CANADA = "WINDSOR, Ont. — The venture is spending about $420 million on the line, the company said."
CANADA_BODY = "Ontario and Ottawa will pay $15 billion for the plant, Canada's largest, near Toronto."
AUSTRALIA = "PERTH – The miner will build a refinery in Western Australia in a $1.1 billion project."
AUSTRALIA_BODY = "Victoria's State Electricity Commission will invest $245 million, the ASX-listed firm said."


@pytest.mark.parametrize(
    "article, amount, currency",
    [
        pytest.param(CANADA, "$420 million", "CAD", id="canadian-dateline"),
        pytest.param(CANADA_BODY, "$15 billion", "CAD", id="canadian-places-in-the-body"),
        pytest.param(AUSTRALIA, "$1.1 billion", "AUD", id="australian-dateline"),
        pytest.param(AUSTRALIA_BODY, "$245 million", "AUD", id="australian-state-and-exchange"),
        pytest.param(
            "All figures are in Australian dollars unless otherwise stated.\n\nThe deal is worth $2 billion.",
            "$2 billion",
            "AUD",
            id="stated-australian-dollars",
        ),
        pytest.param(
            "(Amounts are in Canadian dollars unless noted otherwise.)\n\nThe plant costs $540 million.",
            "$540 million",
            "CAD",
            id="stated-canadian-dollars",
        ),
        pytest.param(
            "AUCKLAND - The Auckland council will spend $50 million on buses in Wellington too.",
            "$50 million",
            "NZD",
            id="new-zealand-dateline",
        ),
        pytest.param(
            "Chinese battery maker Gotion will invest ¥20 billion in Anhui province.",
            "¥20 billion",
            "CNY",
            id="yen-sign-china",
        ),
        pytest.param(
            "Toyota will spend ¥1.5 trillion on batteries in Japan.", "¥1.5 trillion", "JPY", id="yen-sign-japan"
        ),
        pytest.param(
            "The Stockholm start-up raised 500 million kr from Swedish funds.", "500 million kr", "SEK", id="kr-sweden"
        ),
        pytest.param(
            "The Oslo yard won a 2 billion kr order from a Norwegian ferry line.", "2 billion kr", "NOK", id="kr-norway"
        ),
        pytest.param(
            "Copenhagen's utility will spend 3 billion kroner, the Danish firm said.",
            "3 billion kroner",
            "DKK",
            id="kroner-denmark",
        ),
        pytest.param(
            "The Karachi plant will cost Rs 50 billion, Pakistani officials said.",
            "Rs 50 billion",
            "PKR",
            id="rs-pakistan",
        ),
        pytest.param(
            "In Sydney, shares fell 20 cents to $4.10 on the ASX in Melbourne.", "20 cents", "AUD", id="cents-australia"
        ),
    ],
)
def test_the_article_decides(article: str, amount: str, currency: str) -> None:
    money = parse_money(amount, resolved(article))
    assert (money.currency, money.currency_inferred) == (currency, True)


@pytest.mark.parametrize(
    "article, amount, currency",
    [
        pytest.param(
            "Tesla will spend $3.6 billion on two factories in Nevada.", "$3.6 billion", "USD", id="us-article"
        ),
        pytest.param("The company will spend $3.6 billion.", "$3.6 billion", "USD", id="no-cue-is-the-default"),
        pytest.param(
            "PowerCo in Germany and Spain, and a site in Ontario, Canada, will cost €20 billion ($23 billion).",
            "$23 billion",
            "USD",
            id="european-article-with-a-canadian-site",
        ),
        pytest.param(
            "An Ontario plant helped. Detroit, Michigan and Ohio suppliers in the United States get $2 billion.",
            "$2 billion",
            "USD",
            id="more-us-cues-than-canadian",
        ),
        pytest.param(
            "A plant in Ontario will cost $1 billion.", "$1 billion", "USD", id="one-canadian-cue-is-not-enough"
        ),
        pytest.param("The Windsor plant in Berkshire cost £40 million.", "£40 million", "GBP", id="pound-default"),
        pytest.param("The investment of ¥500 billion was approved.", "¥500 billion", "JPY", id="yen-sign-default"),
        pytest.param("The firm raised 500 million kr.", "500 million kr", "SEK", id="kr-default"),
    ],
)
def test_the_default_holds(article: str, amount: str, currency: str) -> None:
    money = parse_money(amount, resolved(article))
    assert (money.currency, money.currency_inferred) == (currency, True)


@pytest.mark.parametrize(
    "article, amount, currency",
    [
        pytest.param(CANADA, "US$3.6 billion", "USD", id="us-dollar-in-a-canadian-article"),
        pytest.param(AUSTRALIA, "US$850", "USD", id="us-dollar-in-an-australian-article"),
        pytest.param(CANADA, "C$80 million", "CAD", id="written-canadian-dollar"),
        pytest.param(CANADA, "€2 billion", "EUR", id="euro-sign-is-never-inferred"),
    ],
)
def test_a_written_currency_is_not_inferred(article: str, amount: str, currency: str) -> None:
    money = parse_money(amount, resolved(article))
    assert (money.currency, money.currency_inferred) == (currency, False)


@pytest.mark.parametrize(
    "article, currency",
    [
        pytest.param("All figures are in Australian dollars.", "AUD", id="all-figures"),
        pytest.param("Amounts are in Canadian dollars unless noted.", "CAD", id="amounts"),
        pytest.param("Prices are quoted in Singapore dollars.", "SGD", id="prices-quoted"),
        pytest.param("He was paid in Canadian dollars.", None, id="not-a-statement-about-the-figures"),
        pytest.param("The figures are impressive.", None, id="no-currency-named"),
    ],
)
def test_stated_currency(article: str, currency: str | None) -> None:
    assert stated_currency(article) == currency


def test_a_cue_word_before_a_dollar_sign_is_a_symbol_not_a_place() -> None:
    assert cue_points("Revenue was US $5 million.")["USD"] == 0
    assert cue_points("Revenue in the US was $5 million.")["USD"] == 1


def test_dateline_cues_count_three() -> None:
    assert cue_points("PERTH – The miner said.")["AUD"] == 3
    assert cue_points("The miner in Perth said.")["AUD"] == 1


def test_the_records_say_when_the_currency_was_inferred(run_rules) -> None:
    record = run_rules(CANADA + " The plant's overall price tag was roughly $5 billion (US$3.6 billion).")
    found = [(m.text, m.currency, m.currency_inferred) for m in record.money]
    assert found == [
        ("about $420 million", "CAD", True),
        ("roughly $5 billion", "CAD", True),
        ("US$3.6 billion", "USD", False),
    ]
