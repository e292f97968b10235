"""What each amount is (`kind`) and the unit of a price per unit (`per`): a table of sentences,
positives and negatives side by side, and the accuracy on the corpus amounts, whose kinds the gold
writes down (the issue asks for at least 90%; the scored row is `money_kinds`)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from pipeline import extract
from pipeline.gold import corpus_articles, load_gold
from pipeline.records import MoneyKind
from pipeline.resources import table

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"


@pytest.mark.parametrize(
    "text, amount, kind, per",
    [
        pytest.param(
            "The company will invest about $2 billion in a plant.", "about $2 billion", "investment", None, id="invest"
        ),
        pytest.param("It is spending €500m on a new line.", "€500m", "investment", None, id="spend"),
        pytest.param(
            "The C$7-billion (US$4.9-billion) factory opens in 2027.",
            "C$7-billion",
            "investment",
            None,
            id="factory-after",
        ),
        pytest.param(
            "The start-up raised $310 million in a Series B round.", "$310 million", "funding", None, id="raised"
        ),
        pytest.param("It launched an IPO seeking up to HK$7.8bn.", "up to HK$7.8bn", "funding", None, id="ipo"),
        pytest.param(
            "Shareholders injected half a billion euros of fresh capital.",
            "half a billion euros",
            "funding",
            None,
            id="capital",
        ),
        pytest.param(
            "It secured A$250 million (US$165 million) in debt funding.", "A$250 million", "loan", None, id="debt"
        ),
        pytest.param("The EIB signed a EUR 350 million loan.", "EUR 350 million", "loan", None, id="loan-after"),
        pytest.param("The bank will lend €25m to the project.", "€25m", "loan", None, id="lend"),
        pytest.param(
            "Brussels cleared €1.1 billion ($1.2 billion) of German state aid.",
            "€1.1 billion",
            "grant",
            None,
            id="state-aid",
        ),
        pytest.param(
            "Ottawa pledged up to C$13.2 billion in production subsidies.",
            "up to C$13.2 billion",
            "grant",
            None,
            id="subsidies",
        ),
        pytest.param("The agency granted the project NOK 150 million.", "NOK 150 million", "grant", None, id="granted"),
        pytest.param(
            "Revenue rose to RMB 9.64 bln last year as prices slumped.", "RMB 9.64 bln", "revenue", None, id="revenue"
        ),
        pytest.param(
            "Profit came on sales of 5.7 trillion won.", "5.7 trillion won", "revenue", None, id="sales-not-on-sale"
        ),
        pytest.param(
            "Operating profit came to 601.3 billion won.", "601.3 billion won", "profit", None, id="operating-profit"
        ),
        pytest.param("It swung to a net loss of RMB 612 mn.", "RMB 612 mn", "profit", None, id="net-loss"),
        pytest.param(
            "The equipment market could reach 2.5 billion yuan.", "2.5 billion yuan", "market_size", None, id="market"
        ),
        pytest.param(
            "It has a market value of roughly RMB 31 bn.", "roughly RMB 31 bn", "valuation", None, id="market-value"
        ),
        pytest.param("The start-up was valued at $2.5B.", "$2.5B", "valuation", None, id="valued"),
        pytest.param("The cars go on sale at around 270,000 yuan.", "around 270,000 yuan", "price", None, id="on-sale"),
        pytest.param(
            "Ironbark agreed to buy a 15% stake in Frontenac Lithium Corp. for C$40 million.",
            "C$40 million",
            "price",
            None,
            id="stake-abbreviation-is-no-clause-end",
        ),
        pytest.param("The first phase will cost €180m.", "€180m", "cost", None, id="cost"),
        pytest.param("It won a 1.2 trillion-won order.", "1.2 trillion-won", "contract", None, id="order"),
        pytest.param("Pack prices fell to $139/kWh.", "$139", "unit_price", "kWh", id="per-slash"),
        pytest.param("LFP cells sell for $95 per kilowatt-hour.", "$95", "unit_price", "kilowatt-hour", id="per-word"),
        pytest.param("Eggs sold for 64.2 cents a dozen.", "64.2 cents", "unit_price", "dozen", id="a-dozen"),
        pytest.param(
            "Hydroxide fell to about US$9,000 a tonne.", "about US$9,000", "unit_price", "tonne", id="a-tonne"
        ),
        pytest.param(
            "Phone cells cost Rs 80 to Rs 120 apiece.", "Rs 80 to Rs 120", "unit_price", "apiece", id="apiece"
        ),
        pytest.param(
            "It sells 260 million shares at HK$30.00 each.", "HK$30.00", "share_price", "each", id="shares-each"
        ),
        pytest.param(
            "A shares fell 4.2% to 38.60 yuan in Shenzhen.", "38.60 yuan", "share_price", None, id="shares-fell-to"
        ),
        pytest.param("The stock closed at $58.24 a share.", "$58.24", "share_price", "share", id="a-share"),
        pytest.param(
            "The fund bought 1.5 million shares for $20 million.",
            "$20 million",
            "price",
            None,
            id="shares-sold-for-a-scaled-sum",
        ),
        pytest.param("It earns $2 billion a year in credits.", "$2 billion", "grant", None, id="a-year-is-no-unit"),
        pytest.param(
            "Imports rose to nearly $2.8bn in 2023 in the cell market, from $1.1 billion in 2021.",
            "$1.1 billion",
            "market_size",
            None,
            id="no-cue-since-the-previous-amount-takes-its-kind",
        ),
        pytest.param("The sum of $5 million was mentioned.", "$5 million", "other", None, id="no-cue-is-other"),
        pytest.param(
            "Its budget is $3 billion; the firm has $5 million.",
            "$5 million",
            "other",
            None,
            id="clause-ends-at-semicolon",
        ),
    ],
)
def test_kind(run_rules, text: str, amount: str, kind: str, per: str | None) -> None:
    found = {m.text: (m.kind, m.per) for m in run_rules(text).money}
    assert found[amount] == (kind, per)


def test_a_converted_equivalent_is_what_it_converts(run_rules) -> None:
    record = run_rules("Operating profit came to 601.3 billion won (US$421 million) in the quarter.")
    assert [(m.text, m.kind) for m in record.money] == [("601.3 billion won", "profit"), ("US$421 million", "profit")]


def test_the_kinds_of_the_data_file_are_the_record_kinds() -> None:
    data = table("money_kinds.toml")
    assert list(data["kinds"]) == list(get_args(MoneyKind))
    assert set(data["cues"]) | {"unit_price", "share_price", "other"} == set(get_args(MoneyKind))


def test_no_cue_names_two_kinds() -> None:
    for side in ("after", "before"):
        seen: dict[str, str] = {}
        for kind, cues in table("money_kinds.toml")["cues"].items():
            for cue in cues[side]:
                assert seen.setdefault(cue.lower(), kind) == kind, (side, cue)


def test_kind_is_right_for_nine_in_ten_corpus_amounts() -> None:
    right = total = 0
    for article, gold_path in corpus_articles(CORPUS):
        gold = load_gold(gold_path)
        text = article.read_text(encoding="utf-8")
        found = {m.start: m.kind for m in extract(text, article_id=gold.article_id, model="blank").money}
        assert all("kind" in m.model_fields_set for m in gold.money), gold.article_id  # every amount labelled
        total += len(gold.money)
        right += sum(found.get(m.start) == m.kind for m in gold.money)
    assert total == 135
    assert right / total >= 0.9
