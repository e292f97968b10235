"""Links of forms news writes that the fact linker once got wrong: passives, appositions, quotes,
lists introduced by a sentence. Each row: an article, the figure, the organization it is about and
a phrase its milestone holds (or is held by)."""

from __future__ import annotations

import pytest


def _row(text: str, anchor: str, organization: str | None, milestone: str | None, row_id: str):
    return pytest.param(text, anchor, organization, milestone, id=row_id)


ROWS = [
    _row(
        "The contract for the 2 GWh storage project was awarded to Brightline Energy Storage Inc.",
        "2 GWh", "Brightline Energy Storage Inc.", "storage project", "awarded-to-is-the-recipient",
    ),
    _row(
        "A $1.2 billion loan was granted to Ferrox Materials Corp. by the Export-Import Bank of Korea.",
        "$1.2 billion", "Ferrox Materials Corp.", "loan", "a-loan-granted-to-is-the-borrower's",
    ),
    _row(
        "Production of the new cells will be started by Zentara Cells Co. in 2027.",
        "in 2027", "Zentara Cells Co.", "production", "the-agent-of-a-passive-acts",
    ),
    _row(
        "The 30 GWh plant is being built by Halvorsen Battery Corp. near Oslo.",
        "30 GWh", "Halvorsen Battery Corp.", "plant", "is-being-built-by",
    ),
    _row(
        "Veltrix Group's battery unit, Veltrix Power, will spend $500 million on a cathode line.",
        "$500 million", "Veltrix Power", "cathode line", "the-unit-an-apposition-names",
    ),
    _row(
        '"We will reach 100 GWh by 2030," said John Carter, chief executive of Novacell Energy.',
        "100 GWh", "Novacell Energy", None, "we-is-the-speaker's-company",
    ),
    _row(
        '"We expect to start mass production in 2027," Novacell Energy chief executive John Carter said.',
        "in 2027", "Novacell Energy", "mass production", "we-before-the-speaker's-title",
    ),
    _row(
        '"Our new plant will produce 20 GWh a year from 2027," said John Carter, chief executive of Novacell Energy.',
        "20 GWh", "Novacell Energy", "plant", "our-is-the-speaker's-company",
    ),
    _row(
        '"We will reach 100 GWh by 2030," said John Carter, an engineer.',
        "100 GWh", None, None, "we-of-a-speaker-with-no-company-is-no-one's",
    ),
    _row(
        "Halvorsen Battery Corp. outlined its plans on Monday:\n• a 10 GWh first phase by 2026\n"
        "• a second phase of 20 GWh by 2028",
        "20 GWh", "Halvorsen Battery Corp.", "second phase", "a-list-is-the-company-its-introduction-names",
    ),
    _row(
        "Huaneng Cell Technology Co. will provide the cells from a new factory in Hungary, "
        "which is due to open in 2026.",
        "in 2026", "Huaneng Cell Technology Co.", None, "which-after-a-place-is-the-noun-the-place-modifies",
    ),
    _row(
        "Kestrel's supplier, Huaneng Cell Technology Co., will provide cells from a factory in Hungary, "
        "which is due to open in 2026.",
        "in 2026", "Huaneng Cell Technology Co.", None, "which-after-a-place-and-an-apposition",
    ),
    _row(
        "Norvik Lithium Corp. has secured $450 million for its refinery, the company said on Thursday.\n\n"
        '"This is a milestone for our company," chief executive Maria Lopez said. "We aim to double capacity by 2029."',
        "by 2029", "Norvik Lithium Corp.", "capacity", "we-of-an-unnamed-company's-speaker-is-the-article's-company",
    ),
    _row(
        '"We aim to double capacity by 2029," said John Carter, an engineer.',
        "by 2029", None, "capacity", "we-with-no-company-named-before-is-no-one's",
    ),
    _row(
        "Norvik Lithium Corp. aims to double capacity by 2029.",
        "by 2029", "Norvik Lithium Corp.", "capacity", "what-a-goal-verb-aims-at",
    ),
    _row(
        "Norvik Lithium Corp. is aiming for a listing in Toronto in 2026.",
        "in 2026", "Norvik Lithium Corp.", "listing", "aiming-for",
    ),
    _row(
        "Orlen Cells Ltd. said the new cell will enter mass production in 2026.",
        "in 2026", "Orlen Cells Ltd.", "mass production", "enter-mass-production",
    ),
    _row(
        "Tidewater Storage Inc. said the battery is scheduled to enter service in mid-2027.",
        "in mid-2027", "Tidewater Storage Inc.", "service", "enter-service",
    ),
    _row(
        "The new cell from Orlen Cells Ltd. will enter mass production in 2026.",
        "in 2026", "Orlen Cells Ltd.", "mass production", "the-product-from-its-maker",
    ),
    _row(
        "The Helix 9 pack from Volstar Energy stores 5 kWh and costs $2,999.",
        "5 kWh", "Volstar Energy", "Helix 9 pack", "the-named-pack-from-its-maker",
    ),
    _row(
        "Cells from Chinese suppliers cost $60 per kWh, Orlen Cells Ltd. said.",
        "$60", None, "cells", "products-from-no-one-in-particular-are-no-one's",
    ),
    _row(
        "Arkon Motors and Pellucid Energy formed a joint venture, Arpel Cells, in March. "
        "The venture will build a 25 GWh plant in Ohio.",
        "25 GWh", "Arpel Cells", "plant", "the-venture-is-the-one-its-apposition-names-not-a-parent",
    ),
    _row(
        "Electra Mobility AG has agreed to buy battery cells from Pavon Cells SA over six years, "
        "Electra Mobility said.\n\nUnder the agreement, Pavon will supply 40 GWh of cells from its plant in Spain. "
        "The Spanish company plans to expand the plant to 30 GWh a year by 2028.",
        "30 GWh", "Pavon Cells SA", "plant", "a-company-described-by-nationality-is-the-one-just-named",
    ),
    _row(
        "Electra Mobility AG has agreed to buy battery cells from Pavon Cells SA over six years.\n\n"
        "The company plans to spend 1 billion euros on new models by 2028.",
        "1 billion euros", "Electra Mobility AG", "new models", "the-company-is-the-article's",
    ),
    _row(
        "Solvane Batteries Inc. plans to raise $500 million through a rights offering.",
        "$500 million", "Solvane Batteries Inc.", "rights offering", "raised-through",
    ),
    _row(
        "Kessel Motors is in talks with Ravnor Energy Corp. about a plant that could produce 20 GWh a year.",
        "20 GWh", "Kessel Motors", "plant", "what-a-relative-clause-measures-is-its-noun",
    ),
    _row(
        "Under the plan, Ravnor Energy Corp. will increase capacity to 30 GWh by 2028.",
        "30 GWh", "Ravnor Energy Corp.", "capacity", "increase-capacity-to",
    ),
    _row(
        "Orlen Cells Ltd. opened a plant in Ohio on Monday. "
        "With an annual capacity of 15 GWh, the facility will supply Kessel Motors.",
        "15 GWh", "Orlen Cells Ltd.", "annual capacity", "the-thing's-owner-not-its-customer",
    ),
    _row(
        "$2 Billion Battery Plant Planned by Orlen Cells in Ohio\n\nOrlen Cells Ltd. said it would build the plant.",
        "$2 Billion", "Orlen Cells Ltd.", "Battery Plant", "a-headline-naming-only-the-article's-company",
    ),
    _row(
        "Ohio to Get $2 Billion Battery Plant as Kessel Motors Picks Orlen Cells\n\n"
        "Orlen Cells Ltd. said it would build the plant for Kessel Motors.",
        "$2 Billion", None, "Battery Plant", "a-headline-naming-two-companies-inside-is-no-one's",
    ),
    _row(
        "Orlen Cells Ltd. and Kessel Motors opened their joint plant in Ohio on Monday. "
        "The plant has a capacity of 15 GWh.",
        "15 GWh", None, "capacity", "a-plant-two-companies-opened-is-neither's",
    ),
    _row(
        "Orlen Cells Ltd. opened its plant in Ohio on Monday. The plant has a capacity of 15 GWh.",
        "15 GWh", "Orlen Cells Ltd.", "capacity", "a-plant-one-company-opened-is-its",
    ),
    _row(
        "China's installed storage capacity will top 180 GWh this year, the China Energy Storage Alliance said.",
        "180 GWh", None, "storage capacity", "a-country's-figure-is-not-its-reporter's",
    ),
    _row(
        "Germany's Varta will add 2 GWh of cell capacity by 2027.",
        "2 GWh", "Varta", "cell capacity", "a-company-after-its-country-is-still-the-subject",
    ),
    _row(
        "Orlen Cells Ltd. hopes to commercialise solid-state cells around 2028.",
        "around 2028", "Orlen Cells Ltd.", "solid-state cells", "british-spellings-of-object-verbs",
    ),
    _row(
        "Deliveries of the 314Ah cells from Orlen Cells Ltd. will start in June 2026.",
        "in June 2026", "Orlen Cells Ltd.", "deliveries", "the-maker-of-a-product-inside-the-subject",
    ),
    _row(
        "Velmora Energy Holdings will build a 30 GWh cell plant in Georgia.\n"
        "Also read: Harlow Grid raises $300 million\nThe plant will open in 2028.",
        "$300 million", None, None, "a-figure-on-a-line-linking-to-another-story-is-not-the-article's",
    ),
    _row(
        "Velmora Energy Holdings will build a 30 GWh cell plant in Georgia.\n"
        "Read more: Northvolt plans a 16 GWh plant\nThe plant will open in 2028.",
        "16 GWh", "Northvolt", "plant", "a-figure-on-a-link-line-is-the-company-the-line-names",
    ),
]


def _fact(record, text):
    return next(f for f in record.facts if f.text == text)


def _holds(found: str | None, expected: str | None) -> bool:
    if found is None or expected is None:
        return found == expected
    return expected.lower() in found.lower() or found.lower() in expected.lower()


@pytest.mark.parametrize("text, anchor, organization, milestone", ROWS)
def test_links_of_news_forms(run_model, text, anchor, organization, milestone):
    found = _fact(run_model(text, published="2025-03-01"), anchor)
    assert found.organization == organization
    assert _holds(found.milestone, milestone), found.milestone
