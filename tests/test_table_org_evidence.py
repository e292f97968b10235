"""Table tests for organizations on web-like pages: evidence against a name (places, programmes,
chemistries, people's titles, products, headlines), the page's layout (mastheads, credits, lists),
cited sources, appositions, and the gazetteer winning over the common-word filters.

Names are invented unless a row is about a gazetteer name; positives and negatives side by side.
"""

from __future__ import annotations

from typing import Any

import pytest


def names_of(record: Any) -> list[str]:
    return sorted(org.name for org in record.organizations)


def mentions_of(record: Any) -> set[str]:
    return {m.text for org in record.organizations for m in org.mentions}


# Rows that the rules alone must handle: (text, organizations expected among the names, names that
# must not be there).
RULE_ROWS = [
    pytest.param("General Motors plans a 30 GWh plant by 2027.", ["General Motors"], [], id="gazetteer-common-words"),
    pytest.param(
        "The deal was signed by Solid Power and partners.", ["Solid Power"], [], id="gazetteer-generic-words"
    ),
    pytest.param(
        "Lenders Tarvane Capital, Osterby Bank, Quillon and Vessmark will fund it, Tesla said.",
        ["Tesla"],
        [],
        id="coordination-needs-a-known-member-rules",
    ),
    pytest.param(
        "Budget for the plant was approved by the Ministry of Power on Monday.",
        ["Ministry of Power"],
        [],
        id="institution-of-generic-field",
    ),
    pytest.param(
        "The Department of Mines, Industry, Trade and Water granted the permit.",
        ["Department of Mines, Industry, Trade and Water"],
        ["Department of Mines"],
        id="institution-named-by-a-list",
    ),
    pytest.param(
        "The Corvale Oil and Gas Commission approved the brine royalty.",
        ["Corvale Oil and Gas Commission"],
        ["Gas Commission"],
        id="institution-two-fields",
    ),
    pytest.param(
        "The loan comes from Banco Meridional de Fomento, the state lender.",
        ["Banco Meridional de Fomento"],
        ["Banco Meridional"],
        id="romance-language-institution",
    ),
    pytest.param(
        '"We will hire 800 people," the chief executive told the business daily Folha Mercantil.',
        ["Folha Mercantil"],
        [],
        id="source-told-with-descriptor",
    ),
    pytest.param(
        "Output fell 4%, according to a survey by Tessaro Analytics.",
        ["Tessaro Analytics"],
        [],
        id="source-survey-by",
    ),
    pytest.param(
        "The company is also backing research, according to the news site Ravelin24.",
        ["Ravelin24"],
        [],
        id="source-according-to-one-word-outlet",
    ),
    pytest.param(
        "The cells were tested by the Harlow Grid Weekly team and sold in Ohio.",
        ["Harlow Grid Weekly"],
        [],
        id="outlet-by-its-last-word",
    ),
    pytest.param(
        "The site near Bergen.\nImage: Courtesy of Harlow Grid",
        ["Harlow Grid"],
        ["Courtesy of Harlow Grid"],
        id="credit-courtesy-of-after-its-cue",
    ),
    pytest.param(
        "The plant opens in May.\nCopyright 2026 Grid Storage Journal. All rights reserved.",
        ["Grid Storage Journal"],
        ["Copyright 2026 Grid Storage Journal", "2026 Grid Storage Journal"],
        id="copyright-mark-and-year-open-no-name",
    ),
    pytest.param("PowerCo Canada will buy the anodes.", ["PowerCo Canada"], ["PowerCo"], id="regional-unit-country"),
    pytest.param("BYD Europe plans to offer it to utilities.", ["BYD Europe"], ["BYD"], id="regional-unit-region"),
    pytest.param(
        "The cells use a Lithium Iron Phosphate (LFP) design.", [], ["Lithium Iron Phosphate"], id="chemistry"
    ),
    pytest.param(
        "The firm bid under the Production Linked Incentive (PLI) scheme.",
        [],
        ["Production Linked Incentive", "PLI"],
        id="programme-and-its-acronym",
    ),
    pytest.param(
        "Vantor Advanced Chemistry Cell (ACC) output will double.",
        [],
        ["ACC"],
        id="acronym-of-a-kind-of-cell",
    ),
    pytest.param("Its Kestrel Battery Box 1.5 holds 6 MWh.", [], ["Kestrel"], id="brand-of-a-product"),
    pytest.param(
        "The plant sits in the Dornfeld Economic Zone near the port.",
        [],
        ["Dornfeld Economic Zone"],
        id="site-by-its-last-word",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), RULE_ROWS)
def test_names_and_evidence_rules(run_rules, text, wanted, unwanted):
    record = run_rules(text)
    assert set(wanted) <= set(names_of(record)), names_of(record)
    assert not set(unwanted) & (set(names_of(record)) | mentions_of(record))


MODEL_ROWS = [
    pytest.param(
        '"Demand is strong," Meridian Lithium chief executive Sarah Cole told Electrive.',
        ["Electrive", "Meridian Lithium"],
        [],
        id="a-cited-source-the-model-calls-a-nationality",
    ),
    pytest.param(
        "The Battery Passport will be mandatory from 2027, and the Investment Tax Credit pays $35 per kWh.",
        [],
        ["Battery Passport", "Investment Tax Credit"],
        id="a-passport-and-a-tax-credit-are-programmes",
    ),
    pytest.param(
        "The loan is from the U.S. Department of Energy's Loan Programs Office, the agency said.",
        ["Loan Programs Office"],
        ["U.S. Department of Energy's Loan Programs Office"],
        id="owner-and-owned-are-two-names",
    ),
    pytest.param(
        "The Tesla Megapack units hold 3.9 MWh each.",
        ["Tesla"],
        ["Tesla Megapack"],
        id="known-name-with-a-product-after-it",
    ),
    pytest.param(
        "Shares of partner Corvane Lithium Corp. (TSXV: CVL) rose 9 per cent.",
        ["Corvane Lithium Corp."],
        ["CVL"],
        id="ticker-in-brackets",
    ),
    pytest.param(
        "The European Commission approved the aid. The Commission said it was proportionate.",
        ["European Commission"],
        ["Commission"],
        id="bare-institution-word",
    ),
    pytest.param(
        "The package is part of the Critical Minerals Production Tax Incentive, the minister said.",
        [],
        ["Critical Minerals"],
        id="programme-words-after-the-name",
    ),
    pytest.param(
        "The lenders are Commonwealth Bank, Tarvane Capital, Osterby Bank and Vessmark.",
        ["Commonwealth Bank", "Vessmark", "Tarvane Capital", "Osterby Bank"],
        [],
        id="coordination-with-a-known-member",
    ),
    pytest.param(
        "The cells come from CATL and Hefei Gotion, the report said.",
        ["Hefei Gotion"],
        [],
        id="coordination-member-with-a-city-before-a-known-name",
    ),
    pytest.param(
        "Gotion's shares rose. The group's German unit, Gotion Germany, already assembles packs.",
        ["Gotion Germany"],
        [],
        id="regional-unit-the-model-calls-a-place",
    ),
    pytest.param(
        "Harrow Cells wants to recycle 20 GWh of batteries a year at a site in Corvenmouth by 2028.",
        [],
        ["Corvenmouth"],
        id="place-after-a-locative-and-before-a-date",
    ),
    pytest.param(
        "The plant will be built in Brampton, and output will be shipped to Lisbon.",
        [],
        ["Brampton", "Lisbon"],
        id="places-from-place-data",
    ),
    pytest.param(
        "GM Chair and CEO Mary Barra said EV sales would keep growing.",
        ["GM"],
        ["GM Chair", "CEO Mary Barra"],
        id="people-with-titles",
    ),
    pytest.param(
        "Torvald Economy Minister Anja Rask said the plant would create 350 jobs.",
        [],
        ["Torvald Economy"],
        id="office-before-a-title",
    ),
    pytest.param(
        "The Harlow Slim 20K, a 20,000mAh pack, was recalled.",
        [],
        ["Slim", "Harlow Slim"],
        id="product-with-a-model-code",
    ),
    pytest.param(
        "The award was made under the Storage Battery Supply Assurance Programme, the ministry said.",
        [],
        ["Storage Battery Supply Assurance Programme"],
        id="programme-by-its-last-word",
    ),
    pytest.param(
        "Veltrix Energy will raise €250 million. An MoU signed last year became a licence.",
        ["Veltrix Energy"],
        ["MoU"],
        id="trade-acronym",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), MODEL_ROWS)
def test_names_and_evidence_model(run_model, text, wanted, unwanted):
    record = run_model(text)
    assert set(wanted) <= set(names_of(record)), names_of(record)
    assert not set(unwanted) & (set(names_of(record)) | mentions_of(record))


PAGE = """Harrow Cells Bets On LMR Prismatic Cells With Velmora Motors From 2028

Grid Ledger Weekly | Markets
May 14, 2025 — 6:12 PM EDT

DETROIT – Harrow Cells Inc. will begin production with Velmora Motors Inc. in 2028, the company said.

Suppliers
• Tessaro Minerals
• Vessmark Graphite
• Ostrava Anode Works

Photo: a cell line in Ohio. Credit: Brightvale Media
Outlook
© 2026 Grid Ledger Weekly Pro. All rights reserved.
"""


def test_a_page_title_header_and_lists(run_model):
    record = run_model(PAGE)
    names = names_of(record)
    assert "Grid Ledger Weekly" in names  # the masthead
    assert "Brightvale Media" in names  # a photo credit
    assert "Grid Ledger Weekly Pro" in names  # a copyright line
    assert {"Harrow Cells Inc.", "Velmora Motors Inc."} <= set(names)
    assert not [n for n in names if "Bets" in n or "Prismatic" in n]  # words chopped from the title
    assert "Outlook" not in names and "Markets" not in names  # section heads


def test_title_mentions_of_names_the_body_has(run_model):
    record = run_model(PAGE)
    velmora = next(org for org in record.organizations if org.name == "Velmora Motors Inc.")
    assert any(m.start < PAGE.index("\n") for m in velmora.mentions)


def test_list_lines_with_a_known_member(run_rules):
    text = "Suppliers:\n• Tessaro Minerals\n• Vessmark Graphite Ltd.\n• Ostrava Anode Works\n\nThe rest is text."
    assert {"Tessaro Minerals", "Ostrava Anode Works", "Vessmark Graphite Ltd."} <= set(names_of(run_rules(text)))


def test_list_lines_of_places_name_no_organization(run_rules):
    text = "Sites:\n• Ohio\n• Tennessee\n• Kentucky\n\nThe rest is text."
    assert names_of(run_rules(text)) == []


def test_byline_with_the_outlet_and_a_job(run_rules):
    text = (
        "Harrow Cells Opens Its Second Plant In Ohio Next Year\n\n"
        "By Ana Ortiz, Harbourline Business Review staff writer\n\n"
        "Harrow Cells Inc. said on Monday it will open a second plant."
    )
    assert "Harbourline Business Review" in names_of(run_rules(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n", "•", "© 2026"], ids=["empty", "space", "breaks", "bullet", "copy"])
def test_texts_without_names_give_no_organization_and_no_error(run_rules, text):
    assert names_of(run_rules(text)) == []
