"""The fact linker: organization and milestone of each year, capacity and amount."""

from __future__ import annotations

import pytest


def fact(record, text):
    return next(f for f in record.facts if f.text == text)


@pytest.mark.parametrize(
    "text, anchor, organization, milestone",
    [
        pytest.param(
            "Velmora Motors Inc. plans to start mass production of solid-state cells by 2028.",
            "by 2028",
            "Velmora Motors Inc.",
            "mass production",
            id="subject-of-the-plan",
        ),
        pytest.param(
            "Harbin Xinda Battery Co. opened a plant last year. It aims to begin exports by 2027.",
            "by 2027",
            "Harbin Xinda Battery Co.",
            "exports",
            id="it-is-the-subject-before",
        ),
        pytest.param(
            "Nordvik Battery Systems AB completed a 2 GWh pilot line in Sweden.",
            "2 GWh",
            "Nordvik Battery Systems AB",
            "pilot line",
            id="capacity-modifies-the-line",
        ),
        pytest.param(
            "According to Kessler Research GmbH, the storage market could reach $5 billion by 2030.",
            "$5 billion",
            None,
            "storage market",
            id="a-market-forecast-is-not-its-source's",
        ),
        pytest.param(
            "Officials expect the storage market to reach $5 billion by 2030.",
            "by 2030",
            None,
            "storage market",
            id="no-organization-named",
        ),
        pytest.param(
            "Daewon Motor Corp. and Hanbit Energy Solutions Co. will buy cells from 2027.",
            "from 2027",
            None,
            "cells",
            id="two-subjects-no-single-link",
        ),
    ],
)
def test_links(run_model, text, anchor, organization, milestone):
    found = fact(run_model(text), anchor)
    assert found.organization == organization
    assert found.milestone is not None and milestone in found.milestone


def test_a_lender_is_not_what_a_loan_is_about(run_model):
    record = run_model("The rest comes from a EUR 350 million loan from the European Investment Bank.")
    assert fact(record, "EUR 350 million").organization is None


def test_a_wire_service_is_never_linked(run_model):
    record = run_model("A Kestrel Power Co. executive told Xinhua the company would have 30 GWh of capacity by 2027.")
    assert fact(record, "by 2027").organization == "Kestrel Power Co."


def test_rules_only_runs_leave_links_empty(run_rules):
    record = run_rules("Velmora Motors Inc. plans mass production by 2028.")
    assert [(f.organization, f.milestone) for f in record.facts] == [(None, None)]


def test_a_partner_inside_the_subject_is_not_linked(run_model):
    record = run_model("Supply deals with Harrow Motors Inc. begin next year.", published="2025-05-01")
    assert fact(record, "next year").organization is None


@pytest.mark.parametrize(
    "text, anchor, organization, how",
    [
        pytest.param(
            "Velmora Motors Inc. will build a battery plant in Ohio. The plant will cost $2 billion.",
            "$2 billion",
            "Velmora Motors Inc.",
            "owner",
            id="the-plant-is-its-builder's",
        ),
        pytest.param(
            "The Ministry of Heavy Industries invited bids on Monday. "
            "The ministry expects the new plants to begin production by 2027.",
            "by 2027",
            "Ministry of Heavy Industries",
            "earlier",
            id="the-ministry-is-the-one-named-before",
        ),
        pytest.param(
            "Velmora Motors Inc. posted results. Velmora Motors Inc. cut prices. Harrow Cells LLC opened a plant "
            "in Ohio. Its output will reach 10 GWh by 2027.",
            "10 GWh",
            "Harrow Cells LLC",
            "previous_sentence",
            id="its-is-the-subject-before-not-the-most-frequent",
        ),
        pytest.param(
            "Norrland Cells AB showed a new sodium-ion cell on Monday. Each cell holds about 30 Ah, according to "
            "Norrland Cells AB.",
            "about 30 Ah",
            "Norrland Cells AB",
            "same_sentence",
            id="a-company-reporting-its-own-figure",
        ),
        pytest.param(
            "Hanbit Energy Solutions Co. reported results on Thursday. Sales fell 9.8 percent to 3.52 trillion won, "
            "the company said.",
            "3.52 trillion won",
            "Hanbit Energy Solutions Co.",
            "earlier",
            id="the-company-said-its-sales",
        ),
        pytest.param(
            "Nordvik Battery Systems AB, which counts Volvo Cars among its customers, will spend EUR 400 million on "
            "a plant.",
            "EUR 400 million",
            "Nordvik Battery Systems AB",
            "same_clause",
            id="a-customer-in-a-relative-clause-is-not-linked",
        ),
        pytest.param(
            "Research firm Kessler Analytics GmbH estimates the storage market will reach $5 billion by 2030.",
            "$5 billion",
            None,
            None,
            id="a-research-firm-estimate-of-a-market",
        ),
        pytest.param(
            "Rating agency Kessler Ratings GmbH said India's cell demand could reach 160 GWh by 2030.",
            "160 GWh",
            None,
            None,
            id="a-rating-agency-said-of-a-country",
        ),
        pytest.param(
            "Europe's appetite for storage cells will rise to 1.1 TWh in 2030, consultancy Kessler Analytics "
            "GmbH estimates.",
            "1.1 TWh",
            None,
            None,
            id="a-consultancy-estimate-after-the-figure",
        ),
        pytest.param(
            "The Thai Battery Makers Association puts local battery demand at 25-30 GWh.",
            "25-30 GWh",
            None,
            None,
            id="a-market-figure-an-association-gives",
        ),
        pytest.param(
            "Velmora Motors Inc. sells power banks. A typical power bank holds about 74 Wh.",
            "about 74 Wh",
            None,
            None,
            id="an-indefinite-subject-is-no-one's",
        ),
        pytest.param(
            "Hanbit Energy Solutions Co. posted a loss of 210 billion won.\n($1 = 1,424.5 won)",
            "$1",
            None,
            None,
            id="an-exchange-rate-footer-is-no-one's",
        ),
    ],
)
def test_article_model_links(run_model, text, anchor, organization, how):
    found = fact(run_model(text), anchor)
    assert (found.organization, found.link) == (organization, how)


def test_a_plants_figures_are_its_joint_ventures(run_model):
    text = (
        "Harrow Cells LLC, the joint venture of Velmora Motors Inc. and Nordvik Battery Systems AB, is building a "
        "plant in Ohio. The plant will cost $3 billion. Velmora Motors Inc. and Nordvik Battery Systems AB "
        "announced a $1 billion investment in the venture."
    )
    record = run_model(text)
    assert (fact(record, "$3 billion").organization, fact(record, "$3 billion").link) == ("Harrow Cells LLC", "owner")
    assert fact(record, "$1 billion").organization == "Harrow Cells LLC"


def test_the_venture_is_the_joint_venture_described(run_model):
    text = (
        "Harrow Cells LLC, the joint venture of Velmora Motors Inc. and Nordvik Battery Systems AB, broke ground on "
        "Monday. Velmora Motors Inc. will supply the cathodes. The venture expects to sign its equipment contracts "
        "by the end of 2026."
    )
    assert fact(run_model(text), "by the end of 2026").organization == "Harrow Cells LLC"


def test_a_list_row_opening_with_a_company_is_its(run_model):
    text = (
        "Who is paying for it\n\n• Factorial Energy – ARPA-E grant: $20 million\n"
        "• Sila Nanotechnologies – Panasonic prepayments: $100 million\n"
    )
    record = run_model(text)
    assert [(f.organization, f.link) for f in record.facts] == [
        ("Factorial Energy", "table_row"),
        ("Sila Nanotechnologies", "table_row"),
    ]


def test_a_fact_list_naming_one_company_as_a_value_is_its(run_model):
    text = (
        "Velmora Motors Inc. and Nordvik Battery Systems AB will build the plant together.\n\n"
        "What the regulator approved\n• Beneficiary: Harrow Cells LLC\n• Aid: €240 million direct grant\n"
        "• Phase 1: 20 GWh a year\n\nKey dates\n• Lenders: Osterby Bank Ltd, Quillon Capital Ltd\n"
        "• Phase 2: 40 GWh\n"
    )
    record = run_model(text)
    assert [(f.text, f.organization, f.link) for f in record.facts[:2]] == [
        ("€240 million", "Harrow Cells LLC", "table_row"),
        ("20 GWh", "Harrow Cells LLC", "table_row"),
    ]
    assert fact(record, "40 GWh").link != "table_row"  # a list naming two organizations names no owner


def test_a_pronoun_is_its_clauses_subject_not_the_last_name_before_it(run_model):
    text = (
        "Nordvik Lithium Inc., owned by Osterby Mining Ltd and Quillon Capital Ltd, expects its hydroxide plant "
        "to deliver first product next year."
    )
    assert fact(run_model(text), "next year").organization == "Nordvik Lithium Inc."


def test_a_reporting_verb_shares_the_subject_of_the_verb_it_is_joined_to(run_model):
    text = (
        "Velmora Motors Inc. on Wednesday began building its cell plant in Tamil Nadu, and said the plant will "
        "start operations early next year with an initial capacity of 5 GWh."
    )
    record = run_model(text, published="2025-03-01")
    assert fact(record, "5 GWh").organization == "Velmora Motors Inc."


def test_a_clause_without_its_verb_is_the_organization_before_the_figure(run_model):
    text = (
        "Of that, Velmora Motors Inc. is to put ₹5,114 crore into cells and Nordvik Battery Systems AB "
        "Rs 2,500 crore into a car plant."
    )
    record = run_model(text)
    assert fact(record, "₹5,114 crore").organization == "Velmora Motors Inc."
    assert fact(record, "Rs 2,500 crore").organization == "Nordvik Battery Systems AB"


def test_a_table_row_is_its_companys(run_model):
    text = (
        "Velmora Motors Inc. ran the tender.\n\nBidder | Capacity | Tariff\n"
        "Harrow Storage Inc. | 200 MW/400 MWh | Rs 2.24 lakh\n"
    )
    record = run_model(text)
    assert [(f.text, f.organization, f.link) for f in record.facts] == [
        ("400 MWh", "Harrow Storage Inc.", "table_row"),
        ("Rs 2.24 lakh", "Harrow Storage Inc.", "table_row"),
    ]


def test_the_main_actor_only_where_recently_named(run_model):
    text = (
        "Velmora Motors Inc. plans a cell plant. Construction is due to start in 2027. "
        "Officials visited the region. Farmers grow rice there. Roads were repaved. "
        "Completion is expected in 2029."
    )
    record = run_model(text, published="2025-05-01")
    assert fact(record, "in 2027").organization == "Velmora Motors Inc."
    assert fact(record, "in 2029").organization is None


def test_facts_are_keyed_to_their_items(run_model):
    record = run_model("Velmora Motors Inc. will invest $2 billion in a 40 GWh plant by 2028.")
    by_anchor = {f.anchor: f for f in record.facts}
    assert {f.fact_id for f in record.facts} == {f"{f.anchor}:{f.start}" for f in record.facts}
    capacity = next(c for c in record.capacities if c.text == "40 GWh")
    assert by_anchor["capacity"].start == capacity.start
    assert by_anchor["money"].capacity_start == capacity.start
    assert by_anchor["money"].year_start == record.target_years[0].start


@pytest.mark.parametrize(
    "text, anchor, year, capacity, money",
    [
        pytest.param(
            "Velmora Motors Inc. will invest $2 billion in a 40 GWh plant by 2028.",
            "$2 billion",
            2028,
            "40 GWh",
            None,
            id="one-clause-one-organization",
        ),
        pytest.param(
            "Tesla Inc. will expand its plant by 2027; LG Energy Solution will invest KRW 1.5 trillion in Arizona.",
            "by 2027",
            2027,
            None,
            None,
            id="another-organization's-amount-is-not-taken",
        ),
        pytest.param(
            "Velmora Motors Inc. will raise its annual capacity from 0.5 GWh to about 2 GWh by 2027.",
            "0.5 GWh",
            None,
            None,
            None,
            id="the-starting-value-of-a-change-is-not-dated",
        ),
        pytest.param(
            "Velmora Motors Inc. will raise its annual capacity from 0.5 GWh to about 2 GWh by 2027.",
            "by 2027",
            2027,
            "about 2 GWh",
            None,
            id="the-year-dates-where-the-change-ends",
        ),
        pytest.param(
            "Velmora Motors Inc. will invest Rs 4,500 crore to set up a 10-gigawatt-hour cell plant.",
            "Rs 4,500 crore",
            None,
            "10-gigawatt-hour",
            None,
            id="a-purpose-clause-belongs-to-the-clause-above",
        ),
        pytest.param(
            "Harrow Motors Inc. opened a 10 GWh line. Its next plant will cost $3 billion by 2029.",
            "10 GWh",
            None,
            None,
            None,
            id="another-sentence's-amount-is-not-taken",
        ),
        pytest.param(
            "Velmora Motors Inc. was picked to build a 1.2GWh facility expected to cost about S$450 million.",
            "1.2GWh",
            None,
            None,
            "about S$450 million",
            id="a-participle-on-a-noun-belongs-to-the-clause-above",
        ),
        pytest.param(
            "Velmora Storage Ltd reached financial close on a 2,000 MWh battery system after raising £420m of debt.",
            "£420m",
            None,
            "2,000 MWh",
            None,
            id="a-non-finite-adjunct-belongs-to-the-clause-above",
        ),
        pytest.param(
            "Velmora Motors Inc. is spending about $500 million to convert its lines, with volume production "
            "starting in 2026.",
            "about $500 million",
            None,
            None,
            None,
            id="a-with-clause-with-its-own-subject-is-a-clause",
        ),
        pytest.param(
            "Velmora Motors Inc. plans a 3-5GWh line for large cells starting in 2026.",
            "3-5GWh",
            2026,
            None,
            None,
            id="a-participle-without-a-comma-modifies",
        ),
    ],
)
def test_a_facts_fields_come_from_its_clause_and_organization(run_model, text, anchor, year, capacity, money):
    found = fact(run_model(text), anchor)
    assert (found.year, found.capacity, found.money) == (year, capacity, money)


def test_rules_only_facts_have_no_partners(run_rules):
    record = run_rules("Velmora Motors Inc. will invest $2 billion in a 40 GWh plant by 2028.")
    assert all(f.capacity is None and f.money is None for f in record.facts)
    assert fact(record, "by 2028").year == 2028  # a year fact's own year


@pytest.mark.parametrize(
    "text, anchor, milestone",
    [
        pytest.param(
            "Velmora Motors Inc. posted an operating profit of 24 billion won.",
            "24 billion won",
            "operating profit",
            id="the-noun-the-amount-is-of",
        ),
        pytest.param(
            "Velmora Motors Inc. opened a plant. Its annual output is set to reach 20 GWh by the end of 2027.",
            "20 GWh",
            "annual output",
            id="the-subject-of-is-set-to-reach",
        ),
        pytest.param(
            "Velmora Motors Inc. opened a plant. Its annual output is set to reach 20 GWh by the end of 2027 and "
            "40 GWh in 2028.",
            "40 GWh",
            "annual output",
            id="a-coordinated-figure-shares-the-milestone",
        ),
        pytest.param(
            "Velmora Motors Inc. reported results.\n\n- Operating profit, Q2: ¥38.7 billion\n",
            "¥38.7 billion",
            "Operating profit, Q2",
            id="a-list-lines-label",
        ),
        pytest.param(
            "Velmora Motors Inc. plans two phases.\n\nStage | Capacity | Cost\nSecond stage | 10 GWh | €1.3bn\n",
            "€1.3bn",
            "Second stage",
            id="a-table-rows-label",
        ),
        pytest.param(
            "Storage demand by region\n\nRegion | 2024 | 2030\nChina | 101 GWh | 350 GWh\n",
            "101 GWh",
            None,
            id="a-region-is-no-milestone",
        ),
        pytest.param(
            "Shipments rose 20% in the quarter. End-of-life packs will dominate later: research firm Kessler "
            "Analytics GmbH estimates Europe will have about 180 GWh of batteries reaching end of life by 2035.",
            "about 180 GWh",
            "batteries",
            id="a-colon-in-prose-is-no-label",
        ),
    ],
)
def test_milestones(run_model, text, anchor, milestone):
    assert fact(run_model(text, published="2025-05-01"), anchor).milestone == milestone


def test_a_line_is_not_split_where_no_sentence_ends(run_model):
    # the parser alone splits "PowerCo | has said …" after a list line: a line break or punctuation must end a sentence
    text = "- St. Thomas (Canada): up to 50 GWh\n\nPowerCo has said the three sites will cost about €20 billion."
    found = fact(run_model(text), "about €20 billion")
    assert (found.organization, found.link) == ("PowerCo", "same_sentence")


def test_the_venture_named_after_its_description_owns_the_plant(run_model):
    text = (
        "Velmora Motors Inc. and Nordvik Battery Systems AB laid the foundation stone of a cell plant. "
        "The joint venture, Harrow Cells LLC, will invest €2 billion in the site. "
        "Production is due to start by the end of 2026."
    )
    found = fact(run_model(text), "by the end of 2026")
    assert (found.organization, found.link) == ("Harrow Cells LLC", "owner")


@pytest.mark.parametrize(
    "text, anchor, organization",
    [
        pytest.param(
            "The European Commission cleared a €240 million grant that Slovakia intends to pay Harrow Cells LLC "
            "towards a cell factory.",
            "€240 million",
            "Harrow Cells LLC",
            id="a-grant-paid-to-a-recipient",
        ),
        pytest.param(
            "The federal and provincial governments will provide up to $540 million to Velmora Motors Inc. "
            "for a graphite plant.",
            "up to $540 million",
            "Velmora Motors Inc.",
            id="provided-to-with-no-organization-giving",
        ),
        pytest.param(
            "The European Investment Bank will provide €25 million to Velmora Motors Inc. for its plant.",
            "€25 million",
            "European Investment Bank",
            id="a-named-giver-keeps-its-figure",
        ),
    ],
)
def test_money_handed_to_a_recipient(run_model, text, anchor, organization):
    assert fact(run_model(text), anchor).organization == organization


def test_every_line_of_a_list_is_the_main_actors_alike(run_model):
    text = (
        "Velmora Motors Inc. will build a cell plant in Ohio. Its chief executive spoke in Columbus. "
        "Farmers grow corn there. Roads were repaved. Schools reopened. Rain fell.\n\n"
        "Key figures\n- Phase 1: 20 GWh\n- Phase 2: 30 GWh\n- Investment: $2 billion\n- Jobs: 1,500\n"
        "- Land: 300 acres\n- Full output: 50 GWh\n"
    )
    record = run_model(text)
    assert [fact(record, t).organization for t in ("20 GWh", "50 GWh")] == ["Velmora Motors Inc."] * 2


def test_a_table_of_regions_is_no_ones(run_model):
    text = (
        "Velmora Motors Inc. expects storage demand to triple.\n\n"
        "Region | 2024 | 2030\nChina | 101 GWh | 350 GWh\nRest of world | 19 GWh | 185 GWh\n"
    )
    record = run_model(text)
    assert [fact(record, t).organization for t in ("19 GWh", "185 GWh")] == [None, None]


def test_a_dateline_is_a_sentence_of_its_own(run_model):
    lede = "Harrow Cells LLC will double its plant's capacity to 20 GWh, he said."
    assert fact(run_model(f"Cell output to double\n\nJAKARTA – {lede}"), "20 GWh").sentence == lede


@pytest.mark.parametrize(
    "text, anchor",
    [
        pytest.param(
            "The larger, developed by Velmora Motors Inc., is a 275 MW, 2,200 MWh battery near the town.",
            "2,200 MWh",
            id="developed-by",
        ),
        pytest.param(
            "A consortium led by Velmora Motors Inc. withdrew from a plan worth about 11 trillion won.",
            "about 11 trillion won",
            id="led-by",
        ),
    ],
)
def test_the_maker_inside_the_subject(run_model, text, anchor):
    assert fact(run_model(text), anchor).organization == "Velmora Motors Inc."


@pytest.mark.parametrize(
    "text, anchor, organization",
    [
        pytest.param(
            "Voltrix Electronics Co. is recalling power banks. The recall covers the Voltrix Slim 20K, a 20,000mAh "
            "pack sold online.",
            "20,000mAh",
            "Voltrix Electronics Co.",
            id="a-brand-before-a-product-name",
        ),
        pytest.param(
            "The recall covers the Baseus Slim 20K, a 20,000mAh pack sold on Amazon and at Walmart for $39.99.",
            "$39.99",
            None,
            id="a-shop-is-no-actor",
        ),
        pytest.param(
            "Zephra's Aurel X carries a 7,800mAh cell, while the Corvo K90 Pro from Velmora Motors Inc. goes to "
            "7,500 mAh.",
            "7,500 mAh",
            "Velmora Motors Inc.",
            id="a-product-name-then-its-maker-after-from",
        ),
        pytest.param(
            "Velmora Motors Inc. will supply the 5 GWh Nordvik order next year.",
            "5 GWh",
            "Velmora Motors Inc.",
            id="a-customer-before-an-order-is-no-brand",
        ),
    ],
)
def test_a_products_figures_are_its_makers(run_model, text, anchor, organization):
    assert fact(run_model(text), anchor).organization == organization


@pytest.mark.parametrize(
    "headline, organization",
    [
        pytest.param(
            "Saltmarsh Lithium, Sojitz Sign A$1.2 Billion Hydroxide Deal; Panasonic To Take Output",
            "Saltmarsh Lithium Ltd",
            id="the-first-of-two",
        ),
        pytest.param(
            "Sojitz's Saltmarsh Lithium Signs A$1.2 Billion Hydroxide Deal",
            "Saltmarsh Lithium Ltd",
            id="the-owned-company",
        ),
    ],
)
def test_a_headlines_figure_is_the_organization_it_opens_with(run_model, headline, organization):
    text = f"{headline}\n\nSaltmarsh Lithium Ltd and Sojitz Corp said on Monday they would build a refinery."
    assert fact(run_model(text), "A$1.2 Billion").organization == organization


def test_who_is_told_is_no_antecedent(run_model):
    text = (
        "The systems must be commissioned within 18 months. A senior Tata Power official told ETEnergyWorld "
        "the utility expects the first projects to be online by March 2027."
    )
    assert fact(run_model(text), "by March 2027").organization == "Tata Power"


def test_a_scheme_is_its_runners_and_never_the_main_actors(run_model):
    text = (
        "Velmora Motors Inc. has applied to the incentive scheme run by the Ministry of Heavy Industries. "
        "The scheme has an overall outlay of ₹18,100 crore."
    )
    assert fact(run_model(text), "₹18,100 crore").organization == "Ministry of Heavy Industries"
    text = "Velmora Motors Inc. has bid in a state incentive scheme. The scheme has an outlay of ₹18,100 crore."
    assert fact(run_model(text), "₹18,100 crore").organization is None


def test_it_in_what_a_described_organization_said_is_that_organization(run_model):
    text = (
        "The Korea Development Bank will supply low-interest loans, according to the Ministry of Trade, Industry and "
        "Energy. The ministry said it will hold a storage auction of about 2,160 megawatt-hours, run by the Korea "
        "Power Exchange."
    )
    assert fact(run_model(text), "about 2,160 megawatt-hours").organization == "Ministry of Trade, Industry and Energy"


def test_an_amount_read_as_a_verb_keeps_the_clause_subject(run_model):
    # the tagger reads "won" as a verb with "loss" as its subject: that clause must not make the amount no one's
    text = "Hit by weak margins, SK Innovation reported an operating loss of 423.3 billion won for the quarter."
    assert fact(run_model(text), "423.3 billion won").organization == "SK Innovation"


def test_the_partners_figures_are_their_named_ventures(run_model):
    text = (
        "Velmora Motors Inc. and Nordvik Battery Systems AB will build a cell plant in Ohio. The joint venture, to be "
        "called Harrow Cells LLC, will be 60% owned by Velmora Motors Inc. The partners put the first phase at "
        "$290 million."
    )
    found = fact(run_model(text), "$290 million")
    assert (found.organization, found.link) == ("Harrow Cells LLC", "owner")


def test_a_funding_package_is_its_recipients(run_model):
    text = (
        "The federal and provincial governments will provide up to $540 million to Velmora Motors Inc. for a "
        "graphite plant. The package combines $150 million in equity from the Canada Growth Fund and a "
        "$120 million loan from Export Development Canada."
    )
    assert fact(run_model(text), "$150 million").organization == "Velmora Motors Inc."


def test_an_outlet_told_is_never_the_speaker(run_model):
    text = (
        "Economy Minister Ivana Hruba told the Slovak news agency TASR that the grant contract should be signed "
        "\"by the end of the year\" and that her ministry expects the first cells to leave the line in the second "
        "half of 2026."
    )
    record = run_model(text, published="2025-06-12")
    anchors = ("by the end of the year", "in the second half of 2026")
    assert [fact(record, t).organization for t in anchors] == [None, None]


def test_the_company_is_the_one_the_article_is_about_not_a_source(run_model):
    text = (
        "Velmora Motors Inc. is recalling about 1.16 million power banks, the U.S. Consumer Product Safety Commission "
        "said on Thursday. The battery can overheat. The Ohio-based electronics maker has received 19 reports of "
        "property damage totalling more than $60,700."
    )
    assert fact(run_model(text), "more than $60,700").organization == "Velmora Motors Inc."


def test_what_the_partners_said_is_their_ventures(run_model):
    text = (
        "Harrow Cells LLC, the joint venture of Velmora Motors Inc. and Nordvik Battery Systems AB, has started "
        "its first line. Two more lines are planned and would take the plant to roughly 70 GWh, the partners said."
    )
    assert fact(run_model(text), "roughly 70 GWh").organization == "Harrow Cells LLC"


def test_a_things_own_shipments_are_no_market(run_model):
    text = (
        "Harrow Cells LLC, the joint venture of Velmora Motors Inc. and Nordvik Battery Systems AB, will add a line. "
        "The venture will install a roughly 6 GWh line in its second building, with first shipments planned for "
        "the second quarter of 2027."
    )
    assert fact(run_model(text), "for the second quarter of 2027").organization == "Harrow Cells LLC"


def test_a_product_is_its_makers_where_the_article_says_so(run_model):
    text = (
        "Velmora Motors Inc.'s new range extender reaches shops in May. Riders had asked for one. Rivals waited. "
        "Prices rose. The extender holds 250 Wh and weighs 1.6 kg."
    )
    assert fact(run_model(text), "250 Wh").organization == "Velmora Motors Inc."
    text = "Velmora Motors Inc. makes e-bikes. A charger then stores about 74 Wh, testers found."
    assert fact(run_model(text), "about 74 Wh").organization is None


def test_what_a_filing_says_is_its_companys(run_model):
    text = (
        "Velmora Motors Inc. will add a second phase to its cell plant, the company said in a filing. "
        "Work on the new halls is due to start in 2026, and the first phase remains on track to begin deliveries "
        "in the second half of 2027, the filing said."
    )
    record = run_model(text, published="2025-02-18")
    assert fact(record, "in the second half of 2027").organization == "Velmora Motors Inc."
