"""Table tests for organizations: names, grouping of mentions, and what is not an organization.

Most names are invented (no gazetteer can hold them), so a passing row shows that a rule, not a
list, found the name; well-known names (CATL, LG Energy Solution, Tesla, Panasonic, BYD, Toyota)
are there too. Rows that the rules alone must handle run on ``run_rules``; rows that need the
statistical NER (bare names without suffix or pattern, NER traps) run on ``run_model``.

Expected values follow corpus/ANNOTATION.md (project decisions): the name is the fullest name the
article uses; mentions exclude descriptors, a leading "the", a possessive "'s" and wire-credit
brackets; the trailing period of "Co.", "Corp.", "Ltd.", "N.V." belongs to the name.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest


def names_of(record: Any) -> list[str]:
    return sorted(org.name for org in record.organizations)


def mention_texts_of(record: Any) -> set[str]:
    return {m.text for org in record.organizations for m in org.mentions}


def the_organization(record: Any, name: str) -> Any:
    matching = [org for org in record.organizations if org.name == name]
    assert len(matching) == 1, (name, names_of(record))
    return matching[0]


def assert_mention_spans_match(record: Any, article: str) -> None:
    for org in record.organizations:
        for mention in org.mentions:
            assert mention.text == article[mention.start : mention.end], (
                org.name,
                mention,
            )


# ======================================================================================
# Rules only (spacy.blank): suffixes, institutes, abbreviations, descriptors, wire credits.
# ======================================================================================

# Every organization in each sentence is listed, so names are compared exactly.
RULE_NAMES = [
    # --- industry words and legal forms of other languages ---------------------------------
    pytest.param(
        "Output at Varo Energia's Aveiro site will reach 8 GWh, and Fjord Energi plans a 200 MWh battery.",
        ["Fjord Energi", "Varo Energia"],
        id="energy-in-portuguese-and-norwegian",
    ),
    pytest.param(
        "Anadolu Enerji and Rheintal Energie signed the supply contract.",
        ["Anadolu Enerji", "Rheintal Energie"],
        id="energy-in-turkish-and-german",
    ),
    pytest.param(
        "Kessler Speicher GmbH & Co. KG ordered 40 MWh from Talvera Baterias Ltda. on Monday.",
        ["Kessler Speicher GmbH & Co. KG", "Talvera Baterias Ltda."],
        id="legal-forms-kg-and-ltda",
    ),
    pytest.param(
        "Baterías Hispania S.L. won the grant.",
        ["Baterías Hispania S.L."],
        id="legal-form-sl",
    ),
    pytest.param(
        "Harlow Cargo Bikes and Tamsin Trucks will use the packs.",
        ["Harlow Cargo Bikes", "Tamsin Trucks"],
        id="vehicle-makers-named-by-their-vehicles",
    ),
    # --- descriptors before the name -----------------------------------------------------
    pytest.param(
        "Automaker Velmora Motors Inc. will build a cell plant in Ohio.",
        ["Velmora Motors Inc."],
        id="descriptor-automaker-capitalised",
    ),
    pytest.param(
        "The deal makes automaker Norden Motor Group the plant's largest customer.",
        ["Norden Motor Group"],
        id="descriptor-automaker-mid-sentence",
    ),
    pytest.param(
        "Battery maker Harbin Xinda Battery Co. said on Tuesday it had won a supply deal.",
        ["Harbin Xinda Battery Co."],
        id="descriptor-battery-maker",
    ),
    pytest.param(
        "Chinese EV maker Zhejiang Lanyue Motor Co., Ltd. unveiled a 900-volt platform.",
        ["Zhejiang Lanyue Motor Co., Ltd."],
        id="descriptor-chinese-ev-maker",
    ),
    pytest.param(
        "Norden Motor Group's battery unit, Norden Cell Technology, will supply the vans.",
        ["Norden Cell Technology", "Norden Motor Group"],
        id="descriptor-x-s-battery-unit",
    ),
    # --- legal and group suffixes -------------------------------------------------------
    pytest.param(
        "Kestrel Power Co. and Norden Motor Group signed a joint-venture agreement.",
        ["Kestrel Power Co.", "Norden Motor Group"],
        id="suffix-co-and-group",
    ),
    pytest.param(
        "The cathode will be supplied by Ningxia Hengrui Materials Co., Ltd.",
        ["Ningxia Hengrui Materials Co., Ltd."],
        id="suffix-co-ltd-at-sentence-end",
    ),
    pytest.param(
        "Shares of Hanbit Chemical Corp. rose 6% in Seoul.",
        ["Hanbit Chemical Corp."],
        id="suffix-corp",
    ),
    pytest.param(
        "Ridgeback Lithium Corporation will ship spodumene concentrate to the refinery.",
        ["Ridgeback Lithium Corporation"],
        id="suffix-corporation",
    ),
    pytest.param(
        "Sunreach Storage Inc. said its 2 GWh project in Arizona is fully contracted.",
        ["Sunreach Storage Inc."],
        id="suffix-inc",
    ),
    pytest.param(
        "Chongqing Xuri Group will invest 8 billion yuan in a cathode plant.",
        ["Chongqing Xuri Group"],
        id="suffix-group",
    ),
    pytest.param(
        "Velmora Energy Holdings plans to spin off its grid storage business.",
        ["Velmora Energy Holdings"],
        id="suffix-holdings",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG opened a pilot line near Leipzig.",
        ["Tannenfeld Zellwerk AG"],
        id="suffix-ag",
    ),
    pytest.param(
        "Brückner Chemie SE agreed to take a 20% stake in the cathode project.",
        ["Brückner Chemie SE"],
        id="suffix-se",
    ),
    pytest.param(
        "Pennine Cells plc raised £120 million from investors.",
        ["Pennine Cells plc"],
        id="suffix-plc",
    ),
    pytest.param(
        "Vanderlinde Batterijen N.V. will supply packs for 400 electric buses.",
        ["Vanderlinde Batterijen N.V."],
        id="suffix-nv",
    ),
    pytest.param(
        "Anhui Ruixin High-Tech won an order for 2 GWh of storage cells.",
        ["Anhui Ruixin High-Tech"],
        id="suffix-high-tech",
    ),
    pytest.param(
        "Jiangxi Fengrun New Energy signed a three-year lithium supply deal.",
        ["Jiangxi Fengrun New Energy"],
        id="suffix-new-energy",
    ),
    pytest.param(
        "Shenzhen Haoneng Power shipped its first sodium-ion cells to customers.",
        ["Shenzhen Haoneng Power"],
        id="suffix-power",
    ),
    pytest.param(
        "Daewon Motor will fit the packs to its delivery vans.",
        ["Daewon Motor"],
        id="suffix-motor",
    ),
    pytest.param(
        "Redwater Motors plans a battery plant in Georgia.",
        ["Redwater Motors"],
        id="suffix-motors",
    ),
    pytest.param(
        "LG Energy Solution will supply cylindrical cells for the trucks.",
        ["LG Energy Solution"],
        id="suffix-energy-solution-real",
    ),
    pytest.param(
        "Hanbit Energy Solutions will build a 10 GWh plant in Silesia.",
        ["Hanbit Energy Solutions"],
        id="suffix-energy-solutions",
    ),
    pytest.param(
        "Suzhou Qingyuan Technology raised 1.5 billion yuan in a new funding round.",
        ["Suzhou Qingyuan Technology"],
        id="suffix-technology",
    ),
    pytest.param(
        "Contemporary Amperex Technology Co. Ltd. will supply the packs.",
        ["Contemporary Amperex Technology Co. Ltd."],
        id="suffix-co-ltd-real",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG's new pilot line makes sulfide cells.",
        ["Tannenfeld Zellwerk AG"],
        id="possessive-after-suffix",
    ),
    pytest.param(
        "Kestrel Power’s plant in Nevada will make 8 GWh of cells a year.",
        ["Kestrel Power"],
        id="possessive-curly-apostrophe",
    ),
    # --- institutes and public bodies ---------------------------------------------------
    pytest.param(
        "The Ministry of Industry and Information Technology issued draft safety rules.",
        ["Ministry of Industry and Information Technology"],
        id="body-ministry",
    ),
    pytest.param(
        "A loan from the U.S. Department of Energy (DOE) will cover half the cost.",
        ["U.S. Department of Energy"],
        id="body-department-with-abbreviation",
    ),
    pytest.param(
        "The National Development and Reform Commission approved the lithium project.",
        ["National Development and Reform Commission"],
        id="body-commission",
    ),
    pytest.param(
        "The European Commission approved 900 million euros in state aid for the plant.",
        ["European Commission"],
        id="body-european-commission",
    ),
    pytest.param(
        "Researchers at the Ostrava Institute of Electrochemistry reported a new cathode.",
        ["Ostrava Institute of Electrochemistry"],
        id="institute-of",
    ),
    pytest.param(
        "Scientists at Northbridge University and the University of Tartu built the cell.",
        ["Northbridge University", "University of Tartu"],
        id="university-both-word-orders",
    ),
    pytest.param(
        "A team at the Silesian Academy of Sciences patented the electrolyte.",
        ["Silesian Academy of Sciences"],
        id="academy-of-sciences",
    ),
    pytest.param(
        "The Dalian Institute of Chemical Physics of the Chinese Academy of Sciences "
        "licensed the process to Suzhou Qingyuan Technology.",
        [
            "Chinese Academy of Sciences",
            "Dalian Institute of Chemical Physics",
            "Suzhou Qingyuan Technology",
        ],
        id="institute-and-its-academy-are-two",
    ),
    pytest.param(
        "Fraunhofer ISE tested the storage system for 18 months.",
        ["Fraunhofer ISE"],
        id="fraunhofer-institute",
    ),
    pytest.param(
        "The Korea Battery Industry Association expects exports to recover.",
        ["Korea Battery Industry Association"],
        id="industry-association",
    ),
    pytest.param(
        "Members of the Moravian Battery Alliance agreed on a common recycling standard.",
        ["Moravian Battery Alliance"],
        id="industry-alliance",
    ),
    # --- wire credits ------------------------------------------------------------------
    pytest.param(
        "SEOUL, May 3 (Yonhap) -- Hanbit Chemical Corp. said on Friday it would triple cathode output.",
        ["Hanbit Chemical Corp.", "Yonhap"],
        id="wire-credit-city-date-yonhap",
    ),
    pytest.param(
        "BERLIN (Reuters) - Tannenfeld Zellwerk AG will cut 300 jobs at its Saxony plant.",
        ["Reuters", "Tannenfeld Zellwerk AG"],
        id="wire-credit-reuters",
    ),
    pytest.param(
        "TOKYO, June 12 (Kyodo) -- Sakura Denki Holdings said it would build a cell plant in Kumamoto.",
        ["Kyodo", "Sakura Denki Holdings"],
        id="wire-credit-kyodo",
    ),
    pytest.param(
        "Jiangxi Fengrun New Energy will double lithium carbonate output next year.(SD-Agencies)",
        ["Jiangxi Fengrun New Energy", "SD-Agencies"],
        id="wire-credit-glued-at-end",
    ),
    pytest.param(
        "Chongqing Xuri Group said the plant would open in June. (Xinhua)",
        ["Chongqing Xuri Group", "Xinhua"],
        id="wire-credit-spaced-at-end",
    ),
    # --- parent and unit ---------------------------------------------------------------
    pytest.param(
        "Sakura Denki Holdings said its battery unit, Sakura Denki Energy Devices Co., will build a plant in Osaka.",
        ["Sakura Denki Energy Devices Co.", "Sakura Denki Holdings"],
        id="parent-and-unit-are-two",
    ),
    pytest.param(
        "The deal was arranged by Rabobank, Helaba and Deutsche Bank.",
        ["Deutsche Bank", "Helaba", "Rabobank"],
        id="a-name-before-and-and-a-known-bank-is-another-lender",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULE_NAMES)
def test_organization_names_rules(run_rules, text, expected):
    record = run_rules(text)
    assert names_of(record) == sorted(expected)
    assert_mention_spans_match(record, text)


# One organization per row: its canonical name and every mention text.
RULE_MENTIONS = [
    pytest.param(
        "Contemporary Amperex Technology Co. Ltd. (CATL) will supply the packs. "
        "CATL said deliveries would start in May.",
        "Contemporary Amperex Technology Co. Ltd.",
        ["CATL", "CATL", "Contemporary Amperex Technology Co. Ltd."],
        id="full-name-abbr-then-abbr",
    ),
    pytest.param(
        "LG Energy Solution (LGES) will build the plant with Redwater Motors. LGES will own 51% of the venture.",
        "LG Energy Solution",
        ["LG Energy Solution", "LGES", "LGES"],
        id="real-name-abbr-then-abbr",
    ),
    pytest.param(
        "The Nordic Battery Research Institute (NBRI) will test the cells. NBRI expects first results in the spring.",
        "Nordic Battery Research Institute",
        ["NBRI", "NBRI", "Nordic Battery Research Institute"],
        id="invented-institute-abbr-then-abbr",
    ),
    pytest.param(
        "A loan from the U.S. Department of Energy (DOE) will cover half the cost. "
        "The DOE said the plant would create 2,000 jobs.",
        "U.S. Department of Energy",
        ["DOE", "DOE", "U.S. Department of Energy"],
        id="department-abbr-then-the-abbr",
    ),
    pytest.param(
        "Daewon Motor Corp. will start building cells in Ulsan. Daewon said the line would cost 2 trillion won.",
        "Daewon Motor Corp.",
        ["Daewon", "Daewon Motor Corp."],
        id="x-motor-corp-then-x",
    ),
    pytest.param(
        "Toyota Motor Corp. said its solid-state line is running. Toyota Motor did not give "
        "a cost, but Toyota plans to sell the first cars in Japan.",
        "Toyota Motor Corp.",
        ["Toyota", "Toyota Motor", "Toyota Motor Corp."],
        id="real-motor-corp-three-forms",
    ),
    pytest.param(
        "Kestrel Power Co., Ltd. will open a recycling plant. Kestrel's chief executive said "
        "a Kestrel research centre would test the black mass.",
        "Kestrel Power Co., Ltd.",
        ["Kestrel", "Kestrel", "Kestrel Power Co., Ltd."],
        id="short-form-possessive-and-inside-phrase",
    ),
    pytest.param(
        "Velmora said on Monday it would cut prices. Velmora Motors Inc. sold 80,000 cars in the quarter.",
        "Velmora Motors Inc.",
        ["Velmora", "Velmora Motors Inc."],
        id="short-form-before-full-name",
    ),
    pytest.param(
        "Ruixin High-Tech won the tender, and Ruixin will deliver the cells in March.",
        "Ruixin High-Tech",
        ["Ruixin", "Ruixin High-Tech"],
        id="high-tech-then-short-form",
    ),
    pytest.param(
        "Panasonic Holdings Corp. said Panasonic's Kansas plant would reach full output.",
        "Panasonic Holdings Corp.",
        ["Panasonic", "Panasonic Holdings Corp."],
        id="real-holdings-corp-then-possessive",
    ),
    pytest.param(
        "The Ministry of Industry and Information Technology issued draft safety rules.",
        "Ministry of Industry and Information Technology",
        ["Ministry of Industry and Information Technology"],
        id="mention-without-leading-the",
    ),
    pytest.param(
        "Automaker Velmora Motors Inc. will build a cell plant in Ohio.",
        "Velmora Motors Inc.",
        ["Velmora Motors Inc."],
        id="mention-without-descriptor",
    ),
    pytest.param(
        "BERLIN (Reuters) - Tannenfeld Zellwerk AG will cut 300 jobs at its Saxony plant.",
        "Reuters",
        ["Reuters"],
        id="mention-without-credit-brackets",
    ),
    pytest.param(
        "Jiangxi Fengrun New Energy will double lithium carbonate output next year.(SD-Agencies)",
        "SD-Agencies",
        ["SD-Agencies"],
        id="glued-credit-without-brackets",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG's new pilot line makes sulfide cells.",
        "Tannenfeld Zellwerk AG",
        ["Tannenfeld Zellwerk AG"],
        id="mention-without-possessive",
    ),
]


@pytest.mark.parametrize(("text", "name", "mentions"), RULE_MENTIONS)
def test_organization_mentions_rules(run_rules, text, name, mentions):
    record = run_rules(text)
    org = the_organization(record, name)
    assert sorted(m.text for m in org.mentions) == sorted(mentions)
    assert_mention_spans_match(record, text)


# Each row names one thing that must not come out as an organization (nor as a mention).
RULE_NOT_ORGANIZATIONS = [
    pytest.param(
        "Lithium iron phosphate (LFP) cells now dominate storage projects.",
        "LFP",
        id="not-lfp-introduced-in-brackets",
    ),
    pytest.param(
        "Lithium iron phosphate (LFP) cells now dominate storage projects.",
        "Lithium iron phosphate",
        id="not-chemistry-with-abbreviation",
    ),
    pytest.param(
        "Demand for battery energy storage systems (BESS) doubled in Europe.",
        "BESS",
        id="not-bess-introduced-in-brackets",
    ),
    pytest.param(
        "The plant will have 40 gigawatt-hours (GWh) of capacity.",
        "GWh",
        id="not-gwh-introduced-in-brackets",
    ),
    pytest.param(
        "Sales of electric vehicles (EV) rose 30% in March.",
        "EV",
        id="not-ev-introduced-in-brackets",
    ),
    pytest.param(
        "Sales of New Energy Vehicles rose 35% in the first quarter.",
        "New Energy Vehicles",
        id="not-new-energy-vehicles",
    ),
    pytest.param(
        "Sales of New Energy Vehicles rose 35% in the first quarter.",
        "New Energy",
        id="not-bare-new-energy",
    ),
    pytest.param(
        "SEOUL, May 3 (Yonhap) -- Hanbit Chemical Corp. said on Friday it would triple cathode output.",
        "SEOUL",
        id="not-dateline-city",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG will make the Blade Battery under licence.",
        "Blade Battery",
        id="not-product-blade-battery-rules",
    ),
    pytest.param(
        "Redwater Motors will build the Model Y rival in Georgia.",
        "Model Y",
        id="not-product-model-y-rules",
    ),
    pytest.param(
        "Kestrel Power Co. will supply cells to Gigafactory Berlin.",
        "Gigafactory Berlin",
        id="not-plant-gigafactory-rules",
    ),
    pytest.param(
        "Chinese authorities asked Jiangxi Fengrun New Energy to cut output.",
        "Chinese authorities",
        id="not-generic-authorities-rules",
    ),
    pytest.param(
        "Battery makers including Harbin Xinda Battery Co. cut prices again.",
        "Battery makers",
        id="not-generic-battery-makers-rules",
    ),
]


@pytest.mark.parametrize(("text", "unwanted"), RULE_NOT_ORGANIZATIONS)
def test_not_an_organization_rules(run_rules, text, unwanted):
    record = run_rules(text)
    assert unwanted not in names_of(record)
    assert unwanted not in mention_texts_of(record)


# ======================================================================================
# Full model: bare names that need NER, and the NER traps. Kept short: the model is slower.
# ======================================================================================

MODEL_NAMES = [
    pytest.param(
        "CATL and BYD together supply more than half of the world's EV batteries.",
        ["BYD", "CATL"],
        id="model-bare-real-names",
    ),
    pytest.param(
        "Chinese EV maker Zhiyuan unveiled a sedan with a 900-volt platform.",
        ["Zhiyuan"],
        id="model-descriptor-bare-invented-name",
    ),
    pytest.param(
        "Battery maker Northvolt filed for bankruptcy protection in Sweden.",
        ["Northvolt"],
        id="model-descriptor-battery-maker-real",
    ),
    pytest.param(
        "Automaker Toyota will start selling the solid-state model in Japan.",
        ["Toyota"],
        id="model-descriptor-automaker-real",
    ),
    pytest.param(
        "LG Chem said its battery unit LG Energy Solution would build a plant in Arizona.",
        ["LG Chem", "LG Energy Solution"],
        id="model-parent-and-unit-real",
    ),
    pytest.param(
        "Volkswagen said Volkswagen Group of America would assemble the packs in Tennessee.",
        ["Volkswagen", "Volkswagen Group of America"],
        id="model-volkswagen-and-its-american-group-are-two",
    ),
    pytest.param(
        "Tata Group said its battery arm, Agratas, would build a cell plant in Somerset.",
        ["Agratas", "Tata Group"],
        id="model-group-and-battery-arm",
    ),
    pytest.param(
        "Battery maker Zentro Cells said on Tuesday it would build a 12 GWh plant in Ohio.",
        ["Zentro Cells"],
        id="model-a-coined-name-ending-in-cells",
    ),
    pytest.param(
        "Krell Batteries, a unit of Ostara Holdings, will supply the cells.",
        ["Krell Batteries", "Ostara Holdings"],
        id="model-a-coined-name-ending-in-batteries",
    ),
    pytest.param(
        "Northvolt spun off a storage arm named Voltpack Systems last year.",
        ["Northvolt", "Voltpack Systems"],
        id="model-a-name-given-to-an-arm-is-a-name",
    ),
    pytest.param(
        "Analysts called Northvolt a warning for Europe's battery makers.",
        ["Northvolt"],
        id="model-a-finite-verb-names-nothing",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODEL_NAMES)
def test_organization_names_model(run_model, text, expected):
    record = run_model(text)
    assert names_of(record) == sorted(expected)
    assert_mention_spans_match(record, text)


MODEL_MENTIONS = [
    pytest.param(
        "Tesla's Nevada plant will add a new cell line.",
        "Tesla",
        ["Tesla"],
        id="model-possessive-tesla",
    ),
    pytest.param(
        "Panasonic's Kansas factory began shipping cells in July.",
        "Panasonic",
        ["Panasonic"],
        id="model-possessive-panasonic",
    ),
    pytest.param(
        "Volkswagen said Volkswagen Group of America would assemble the packs in Tennessee.",
        "Volkswagen",
        ["Volkswagen"],
        id="model-parent-mention-not-inside-unit-name",
    ),
    pytest.param(
        "Chinese battery maker Korvex Energy will expand its plant in Debrecen. Korvex Power Hungary Kft., the "
        "group's local subsidiary, will spend €1 billion. The rest will come from a loan that Korvex Power Hungary "
        "is negotiating, said the general manager of Korvex Power Hungary. Korvex aims to triple output.",
        "Korvex Power Hungary Kft",
        ["Korvex Power Hungary Kft", "Korvex Power Hungary", "Korvex Power Hungary"],
        id="model-longer-known-name-over-a-shorter-mention",
    ),
    pytest.param(
        "EVE Energy will add a second phase to its plant. Its unit EVE Power will run the site. "
        "EVE aims to triple output.",
        "EVE Energy",
        ["EVE Energy", "EVE"],
        id="model-short-form-of-the-name-named-first",
    ),
    pytest.param(
        "Ola Electric said group company Ola Electric Technologies will build a car plant. Ola Electric Mobility "
        "Pvt Ltd began construction of its gigafactory on Wednesday.",
        "Ola Electric Mobility Pvt Ltd",
        ["Ola Electric", "Ola Electric Mobility Pvt Ltd"],
        id="model-short-form-of-the-gazetteers-company",
    ),
    pytest.param(
        "Bidders include Exide Industries and Waaree Energies. Exide's subsidiary Exide Energy Solutions has "
        "started trial production.",
        "Exide Energy Solutions",
        ["Exide Energy Solutions"],
        id="model-short-form-stays-with-its-own-known-company",
    ),
    pytest.param(
        "Of that, Velmora Motors Inc. is to put ₹5,114 crore into cells and Nordvik Battery Systems AB "
        "Rs 2,500 crore into a car plant.",
        "Nordvik Battery Systems AB",
        ["Nordvik Battery Systems AB"],
        id="model-name-before-an-amount-is-no-brand",
    ),
]


@pytest.mark.parametrize(("text", "name", "mentions"), MODEL_MENTIONS)
def test_organization_mentions_model(run_model, text, name, mentions):
    record = run_model(text)
    org = the_organization(record, name)
    assert sorted(m.text for m in org.mentions) == sorted(mentions)
    assert_mention_spans_match(record, text)


MODEL_NOT_ORGANIZATIONS = [
    pytest.param("EV sales in Europe rose 30% in March.", "EV", id="model-not-ev"),
    pytest.param(
        "LFP cells now account for most new storage projects.",
        "LFP",
        id="model-not-lfp",
    ),
    pytest.param("The BESS at the site can store 400 MWh.", "BESS", id="model-not-bess"),
    pytest.param(
        "This is the largest battery in the Nordics, chief executive Lars Holm said.",
        "Nordics",
        id="model-not-a-region-no-country-list-holds",
    ),
    pytest.param(
        "Makers are racing to bring Sodium-Ion Cells to market.",
        "Sodium-Ion Cells",
        id="model-not-common-words-before-cells",
    ),
    pytest.param(
        "Demand for LFP Batteries keeps growing.",
        "LFP Batteries",
        id="model-not-an-acronym-before-batteries",
    ),
    pytest.param("The plant will make 40 GWh of cells a year.", "GWh", id="model-not-gwh"),
    pytest.param(
        "BYD's Blade Battery powers most of its new models.",
        "Blade Battery",
        id="model-not-product-blade-battery",
    ),
    pytest.param(
        "CATL's Qilin pack offers a range of 1,000 km.",
        "Qilin",
        id="model-not-product-qilin",
    ),
    pytest.param(
        "CATL's Shenxing cells can add 400 km of range in ten minutes.",
        "Shenxing",
        id="model-not-product-shenxing",
    ),
    pytest.param(
        "Tesla's Model Y was the best-selling car in Europe last year.",
        "Model Y",
        id="model-not-product-model-y",
    ),
    pytest.param(
        "Gigafactory Berlin will start making cells next year.",
        "Gigafactory Berlin",
        id="model-not-plant-gigafactory-berlin",
    ),
    pytest.param(
        "China and South Korea supply most of the world's cathodes.",
        "South Korea",
        id="model-not-country",
    ),
    pytest.param(
        "The company runs cell plants in Shanghai and Debrecen.",
        "Debrecen",
        id="model-not-city",
    ),
    pytest.param(
        "Chinese and Korean battery makers dominate the market.",
        "Korean",
        id="model-not-nationality",
    ),
    pytest.param(
        "Chinese authorities tightened export controls on graphite anodes.",
        "Chinese authorities",
        id="model-not-generic-authorities",
    ),
    pytest.param(
        "Battery makers in Europe are struggling to compete on price.",
        "Battery makers",
        id="model-not-generic-battery-makers",
    ),
    pytest.param(
        "E-bikes sold here must meet UL 2849, and Intertek Group plc says it has tested 900 models.",
        "UL 2849",
        id="model-not-a-standard-coordinated-with-a-company",
    ),
    pytest.param(
        "Ionvale Energy builds 30 Ah cells with a new cathode it calls NOVA.",
        "NOVA",
        id="model-not-a-name-given-to-a-thing",
    ),
]


@pytest.mark.parametrize(("text", "unwanted"), MODEL_NOT_ORGANIZATIONS)
def test_not_an_organization_model(run_model, text, unwanted):
    record = run_model(text)
    assert unwanted not in names_of(record)
    assert unwanted not in mention_texts_of(record)


# ======================================================================================
# Structure, on a short article of our own.
# ======================================================================================
ARTICLE = (
    "SEOUL, March 4 (Yonhap) -- Hanbit Energy Solutions Co. said on Tuesday it will build a "
    "30 GWh cell plant in Poland with Tannenfeld Zellwerk AG, its first in Europe. "
    "Hanbit's chief executive said the plant would supply Velmora Motors Inc. and Redwater "
    "Motors from 2027. Tannenfeld Zellwerk AG's pilot line near Leipzig, backed by the European "
    "Commission, has been running since 2023. The Ostrava Institute of Electrochemistry (OIE) "
    "will test the cells, and OIE researchers expect first results next year. Velmora said the "
    "deal was worth 1.2 billion euros. (Yonhap)"
)

ARTICLE_ORGANIZATIONS = {
    "European Commission": ["European Commission"],
    "Hanbit Energy Solutions Co.": ["Hanbit", "Hanbit Energy Solutions Co."],
    "Ostrava Institute of Electrochemistry": [
        "OIE",
        "OIE",
        "Ostrava Institute of Electrochemistry",
    ],
    "Redwater Motors": ["Redwater Motors"],
    "Tannenfeld Zellwerk AG": ["Tannenfeld Zellwerk AG", "Tannenfeld Zellwerk AG"],
    "Velmora Motors Inc.": ["Velmora", "Velmora Motors Inc."],
    "Yonhap": ["Yonhap", "Yonhap"],
}


def test_article_organizations_and_their_mentions(run_rules):
    record = run_rules(ARTICLE)
    found = {org.name: sorted(m.text for m in org.mentions) for org in record.organizations}
    assert found == ARTICLE_ORGANIZATIONS


def test_mention_spans_match_article_text_rules(run_rules):
    record = run_rules(ARTICLE)
    assert record.organizations
    assert_mention_spans_match(record, ARTICLE)


def test_mention_spans_match_article_text_model(run_model):
    record = run_model(ARTICLE)
    assert record.organizations
    assert_mention_spans_match(record, ARTICLE)


def test_one_record_per_organization(run_rules):
    record = run_rules(ARTICLE)
    names = [org.name for org in record.organizations]
    assert len(names) == len(set(names))
    spans = [(m.start, m.end) for org in record.organizations for m in org.mentions]
    assert len(spans) == len(set(spans)), "a mention belongs to one organization only"


def test_mentions_do_not_overlap(run_rules):
    record = run_rules(ARTICLE)
    spans = sorted((m.start, m.end) for org in record.organizations for m in org.mentions)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert end <= next_start


def test_mentions_are_trimmed(run_rules):
    record = run_rules(ARTICLE)
    for text in mention_texts_of(record):
        assert not text.lower().startswith("the "), text
        assert not text.endswith(("'s", "’s")), text
        assert not text.startswith("(") and not text.endswith(")"), text
        assert text == text.strip(), text


def test_name_is_the_fullest_mention(run_rules):
    record = run_rules(ARTICLE)
    for org in record.organizations:
        texts = [m.text for m in org.mentions]
        assert org.name in texts
        assert len(org.name) == max(len(t) for t in texts)
