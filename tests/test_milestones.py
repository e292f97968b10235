"""Milestones: the phrase of the sentence that says what a year, capacity or amount dates or measures."""

from __future__ import annotations

import pytest


def milestone(record, text):
    return next(f for f in record.facts if f.text == text).milestone


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        pytest.param(
            "The extender from Velmora Motors Inc. holds 250 Wh.", "250 Wh", "extender", id="subject-of-holds"
        ),
        pytest.param(
            "Velmora Motors Inc. sells a 20-foot container that holds a little over 5 MWh.",
            "over 5 MWh",
            "20-foot container",
            id="the-noun-a-relative-clause-describes",
        ),
        pytest.param(
            "Sales fell 9.8 percent to 3.52 trillion won, Velmora Motors Inc. said.",
            "3.52 trillion won",
            "Sales",
            id="an-irregular-past-form",
        ),
        pytest.param(
            "Velmora Motors Inc. expects to take a final investment decision next year.",
            "next year",
            "final investment decision",
            id="the-object-of-an-infinitive",
        ),
        pytest.param(
            "Velmora Motors Inc. said that work is due to start later this year.",
            "later this year",
            "work is due to start",
            id="the-subject-of-is-due-to-start",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a plant. Phase one is budgeted at €1.2 billion.",
            "€1.2 billion",
            "Phase one",
            id="a-numbered-subject",
        ),
        pytest.param(
            "Velmora Motors Inc. makes cells. Each cell holds about 30 Ah, or roughly 110 Wh.",
            "roughly 110 Wh",
            "cell",
            id="a-restated-figure-shares-the-milestone",
        ),
        pytest.param(
            "Velmora Motors Inc. plans two phases.\n\n- Phase 1: 28 GWh\n- Phase 2: 22 GWh\n",
            "28 GWh",
            "Phase 1",
            id="a-list-lines-label-over-the-parse",
        ),
        pytest.param(
            "Start-ups raised money.\n\n• Velmora Motors Inc. – latest round: $140 million\n",
            "$140 million",
            "latest round",
            id="the-label-after-a-company-and-a-dash",
        ),
        pytest.param(
            "Grants went out.\n\n• Velmora Motors Inc., Austin, Texas: $80 million for a 6 GWh LFP cell line\n",
            "$80 million",
            "LFP cell line",
            id="a-company-label-leaves-the-parse",
        ),
        pytest.param(
            "Key figures:\n\n- 1.2 TWh: capacity announced by companies for the same year\n",
            "1.2 TWh",
            "capacity announced by companies for the same year",
            id="the-words-after-a-leading-figure",
        ),
        pytest.param(
            "Velmora Motors Inc. expects its plant in Austin to reach its full 32 GWh by the end of 2026.",
            "32 GWh",
            "plant in Austin",
            id="the-object-that-an-infinitive-is-about",
        ),
        pytest.param(
            "The project by Velmora Motors Inc. will use large storage units, each holding about 3.9 MWh.",
            "about 3.9 MWh",
            "large storage units",
            id="each-holding",
        ),
        pytest.param(
            "Velmora Motors Inc. has so far invested Rs 4,500 crore in its 12 GWh plant.",
            "Rs 4,500 crore",
            "plant",
            id="what-an-amount-is-invested-in",
        ),
        pytest.param(
            "Velmora Motors Inc. will invest NT$8.5 billion to expand its pilot line.",
            "NT$8.5 billion",
            "pilot line",
            id="the-object-of-a-purpose-infinitive",
        ),
        pytest.param(
            "Velmora Motors Inc. shares closed down 2.1% at 248,500 won on the main KOSPI.",
            "248,500 won",
            "shares",
            id="a-share-price-prices-shares",
        ),
        pytest.param(
            "Excluding China, installations totalled 352.5 GWh, Velmora Motors Inc. said.",
            "352.5 GWh",
            "installations",
            id="a-doubled-l-before-ed",
        ),
        pytest.param(
            "Velmora Motors Inc. said first cells are expected by the end of 2026.",
            "by the end of 2026",
            "first cells",
            id="the-subject-of-a-passive",
        ),
        pytest.param(
            "Velmora Motors Inc. is building a plant, and first production could follow in 2028.",
            "in 2028",
            "first production could follow",
            id="the-subject-of-a-verb-with-no-object",
        ),
        pytest.param(
            "The Velmora Motors Inc. plant is designed for a total annual capacity of 15 GWh of lithium-ion cells.",
            "15 GWh",
            "total annual capacity",
            id="the-measure-a-figure-is-of",
        ),
        pytest.param(
            "Velmora Motors Inc. reported an operating profit of 24 billion won in the third quarter.",
            "24 billion won",
            "operating profit",
            id="the-measure-of-an-amount-parsed-as-a-verb",
        ),
        pytest.param(
            "Velmora Motors Inc. kept its goal of 150-200GWh of annual automotive battery capacity by FY2030.",
            "150-200GWh",
            "annual automotive battery capacity",
            id="a-goal-of-a-figure-of-a-thing",
        ),
        pytest.param(
            "Velmora Motors Inc. has kept its long-term goal of 20 GWh.", "20 GWh", "long-term goal", id="a-goal-alone"
        ),
        pytest.param(
            "Velmora Motors Inc. cleared at a weighted average of €12,959/MWh-year.",
            "€12,959",
            "weighted average",
            id="the-measure-a-price-per-unit-is-of",
        ),
        pytest.param(
            "Velmora Motors Inc. withdrew from a plan to build an integrated supply chain in Indonesia worth about"
            " 11 trillion won.",
            "about 11 trillion won",
            "integrated supply chain",
            id="what-an-amount-is-the-worth-of",
        ),
        pytest.param(
            "Velmora Motors Inc. won the 35.4MW/250MWh Scara BESS in Sicily.",
            "250MWh",
            "Scara BESS",
            id="the-nouns-after-a-capacity-the-parse-misses",
        ),
        pytest.param(
            "Velmora Motors Inc. makes cells in the 280–320 Ah range.",
            "280–320 Ah",
            "cells",
            id="a-measure-noun-after-a-capacity-is-no-milestone",
        ),
        pytest.param(
            "Velmora Motors Inc. has pushed the second electric pickup line at its Orion plant to mid-2026.",
            "to mid-2026",
            "second electric pickup line",
            id="what-is-pushed-to-a-date",
        ),
        pytest.param(
            "Velmora Motors Inc. kept its operating profit forecast at 167 billion yen.",
            "167 billion yen",
            "operating profit forecast",
            id="what-is-kept-at-an-amount",
        ),
        pytest.param(
            "Velmora Motors Inc. said the battery would help it meet its interim target of about 5 GW of new capacity"
            " by 2030.",
            "by 2030",
            "interim target",
            id="what-is-met-by-a-year",
        ),
        pytest.param(
            "Velmora Motors Inc. cut its profit forecast. It kept its goal of 150-200GWh of annual automotive battery"
            " capacity by FY2030.",
            "by FY2030",
            "annual automotive battery capacity",
            id="a-kept-goal-of-a-figure-of-a-thing",
        ),
        pytest.param(
            "Tested: Velmora's PowerMore 250 range extender adds 250 Wh to light e-bikes\n\nVelmora Motors Inc. took"
            " its time.",
            "250 Wh",
            "PowerMore 250 range extender",
            id="a-titles-rubric-is-no-label",
        ),
        pytest.param(
            "Velmora Motors Inc. said a second phase could add 12 GWh in 2029.",
            "12 GWh",
            "second phase",
            id="the-noun-a-capacity-is-added-by",
        ),
        pytest.param(
            "The Kona Electric from Velmora Motors Inc. is sold with a 48.6 kWh or a 65.4 kWh battery pack.",
            "48.6 kWh",
            "battery pack",
            id="the-noun-of-a-coordinated-figure",
        ),
        pytest.param(
            "Velmora Motors Inc. expects its plant in De Soto, Kansas, to reach its full 32 GWh by 2027.",
            "32 GWh",
            "plant in De Soto",
            id="a-complement-up-to-its-comma",
        ),
        pytest.param(
            "The ministry will cover up to ¥21.3 billion of the cost of a plant that Velmora Motors Inc. is building.",
            "up to ¥21.3 billion",
            "cost of a plant",
            id="a-complement-up-to-its-clause",
        ),
        pytest.param(
            "Velmora Motors Inc. will invest 43 billion yen in a plant for lithium-ion cells.",
            "43 billion yen",
            "plant for lithium-ion cells",
            id="a-complement-keeps-its-hyphens",
        ),
        pytest.param(
            "Velmora Motors Inc. will spend €1 billion on the expansion. Work on the new halls is due to start later"
            " this year, the company said.",
            "later this year",
            "Work on the new halls",
            id="a-complement-with-on",
        ),
        pytest.param(
            "Velmora Motors Inc. said it will build a 2 GWh line for batteries in the eastern industrial park of the"
            " city.",
            "2 GWh",
            "line",
            id="a-long-complement-is-left-out",
        ),
        pytest.param(
            "Velmora Motors Inc. plans to take the site to 16 GWh by 2027.",
            "16 GWh",
            "take the site to",
            id="what-takes-a-thing-to-a-capacity",
        ),
        pytest.param(
            "Velmora Motors Inc. plans to take the site to 16 GWh by 2027.",
            "by 2027",
            "take the site to",
            id="the-year-a-thing-is-taken-to-a-capacity",
        ),
        pytest.param(
            "A second phase could add 12 GWh in 2029, taking the site to 20 GWh, Velmora Motors Inc. said.",
            "12 GWh",
            "second phase",
            id="the-capacity-added-before-taking-a-site-to-another",
        ),
        pytest.param(
            "Velmora Motors Inc. will bring its cathode line to Texas by 2027.",
            "by 2027",
            "cathode line",
            id="a-thing-brought-to-a-place",
        ),
        pytest.param(
            "Velmora Motors Inc. will take a stake of 20% in the venture by 2027.",
            "by 2027",
            "stake of 20%",
            id="a-complement-keeps-its-percent-sign",
        ),
        pytest.param(
            "Velmora Motors Inc. won three projects totalling 2.1GWh, the largest a 219.6MW/1.4GWh battery.",
            "1.4GWh",
            "battery",
            id="from-after-a-determiner-and-a-power-figure",
        ),
        pytest.param(
            "The new line of Velmora Motors Inc. is capable of mass-producing all-solid-state batteries with"
            " capacities above 60 ampere-hours.",
            "above 60 ampere-hours",
            "mass-producing all-solid-state batteries",
            id="a-hyphenated-all-is-no-article",
        ),
        pytest.param(
            "Velmora Motors Inc. plans three sites.\n\nSite | Location | Cost\nMine and refinery | East Halmahera,"
            " North Maluku | US$3.3 billion\n",
            "US$3.3 billion",
            "Mine and refinery",
            id="a-table-rows-label-over-another-cell",
        ),
        pytest.param(
            "Velmora Motors Inc. presented a prismatic LFP cell with a capacity of 628 amp-hours.",
            "628 amp-hours",
            "prismatic LFP cell",
            id="what-has-a-capacity-with-it",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a plant. The plant will start with a capacity of 1.5 GWh.",
            "1.5 GWh",
            "plant",
            id="the-subject-that-starts-with-a-capacity",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a plant. The plant will start with an annual capacity of 1.5 GWh.",
            "1.5 GWh",
            "annual capacity",
            id="a-modified-capacity-with-a-thing-is-the-milestone",
        ),
        pytest.param(
            "Velmora Motors Inc. won $80 million for a 6 GWh LFP cell line and $60 million for a 2 GWh sodium-ion"
            " pilot line.",
            "$60 million",
            "sodium-ion pilot line",
            id="a-coordinated-amount-has-its-own-complement",
        ),
        pytest.param(
            "Velmora Motors Inc. won $80 million for a 6 GWh LFP cell line and $60 million for a 2 GWh sodium-ion"
            " pilot line.",
            "$80 million",
            "LFP cell line",
            id="the-first-of-two-coordinated-amounts",
        ),
        pytest.param(
            "Velmora Motors Inc. plans 20 GWh of cells by 2027 and 40 GWh of modules in 2028.",
            "by 2027",
            "cells",
            id="a-year-dates-the-figure-it-hangs-on",
        ),
        pytest.param(
            "Velmora Motors Inc. plans 20 GWh of cells by 2027 and 40 GWh of modules in 2028.",
            "in 2028",
            "modules",
            id="a-year-dates-the-coordinated-figure-it-hangs-on",
        ),
        pytest.param(
            "Velmora Motors Inc. Signs €1.6bn Debt Package For Its Sines LFP Gigafactory\n\nLISBON – Velmora Motors"
            " Inc. has signed the loans.",
            "€1.6bn",
            "Debt Package",
            id="the-nouns-after-an-amount-in-a-title",
        ),
        pytest.param(
            "Velmora Motors Inc. Signs A$1.1 Billion Kwinana Hydroxide Deal\n\nPERTH – Velmora Motors Inc. has signed.",
            "A$1.1 Billion",
            "Kwinana Hydroxide Deal",
            id="a-title-word-after-a-name-and-the-figure-is-no-verb",
        ),
        pytest.param(
            "Velmora Motors Inc. sells the PowerMore. It costs 469 euros without the cable.",
            "469 euros",
            "costs",
            id="what-a-pronoun-costs-is-the-verb",
        ),
        pytest.param(
            "Velmora Motors Inc. will build a battery. It is expected to cost about A$1.3 billion.",
            "about A$1.3 billion",
            "cost",
            id="what-a-pronoun-is-expected-to-cost",
        ),
        pytest.param(
            "Velmora Motors Inc. will build a plant. The plant will cost 4 billion yuan.",
            "4 billion yuan",
            "plant will cost",
            id="what-a-named-thing-costs-is-the-thing",
        ),
        pytest.param(
            "Velmora Motors Inc. put its share of the retooling at $350 million.",
            "$350 million",
            "retooling",
            id="what-a-bare-share-is-of",
        ),
        pytest.param(
            "Velmora Motors Inc. expects sodium-ion cells to take a meaningful share of the storage market after 2030.",
            "after 2030",
            "meaningful share of the storage market",
            id="a-described-share-stays",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a plant. Capacity is expected to rise to 36 GWh later.",
            "36 GWh",
            "Capacity is expected to rise",
            id="a-short-subject-keeps-its-modal-chain",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a refinery. The refinery should be commissioned next year.",
            "next year",
            "refinery should be commissioned",
            id="a-subject-that-should-be-done",
        ),
        pytest.param(
            "Velmora Motors Inc. builds a plant. Production started in 2024 and reached 5 GWh in 2025.",
            "5 GWh",
            "Production",
            id="a-subject-without-a-modal-stays-alone",
        ),
        pytest.param(
            "Velmora Motors Inc. said that work on the new halls is due to start later this year.",
            "later this year",
            "work on the new halls",
            id="a-long-subject-drops-its-modal-chain",
        ),
        pytest.param(
            "Average turnkey system prices dropped to $125/kWh in the first half, Velmora Motors Inc. said.",
            "$125",
            "Average turnkey system prices",
            id="the-subject-past-a-prices-unit-and-a-doubled-consonant",
        ),
        pytest.param(
            "Precursor prices have also fallen below $7 per kilogram, Velmora Motors Inc. said.",
            "below $7",
            "Precursor prices",
            id="the-subject-of-fallen",
        ),
    ],
)
def test_milestone_found(run_model, text, anchor, expected):
    assert milestone(run_model(text, published="2025-05-01"), anchor) == expected


@pytest.mark.parametrize(
    "text, anchor",
    [
        pytest.param(
            "Results by company.\n\n• Velmora Motors Inc.: $5 billion\n", "$5 billion", id="a-company-label-alone"
        ),
        pytest.param(
            "Storage demand by region\n\nRegion | 2024 | 2030\nChina | 101 GWh | 350 GWh\n",
            "101 GWh",
            id="a-region-label",
        ),
        pytest.param("They need 20 GWh, Velmora Motors Inc. said.", "20 GWh", id="a-pronoun-subject"),
        pytest.param(
            "Velmora Motors Inc. makes packs. Rival Zentrix offers 160 Wh.",
            "160 Wh",
            id="a-name-that-offers-a-capacity",
        ),
        pytest.param(
            '"We expect ESS to account for more than a third of our revenue next year," Velmora Motors Inc. said.',
            "next year",
            id="the-subject-of-an-expected-clause",
        ),
        pytest.param(
            "Velmora Motors Inc. said the kingdom wanted to host a full chain from mine to cell by 2030.",
            "by 2030",
            id="the-subject-of-a-wish",
        ),
        pytest.param(
            "Velmora Motors Inc. Grants ¥21.3 Billion To Solid Electrolyte Plant For Partners\n\nTOKYO – Velmora"
            " Motors Inc. will pay.",
            "¥21.3 Billion",
            id="a-titles-verb-after-a-name",
        ),
        pytest.param(
            "Velmora Motors Inc. Bets On Prismatic Cells From 2028\n\nDETROIT – Velmora Motors Inc. will make cells.",
            "From 2028",
            id="a-titles-verb-before-a-year",
        ),
        pytest.param(
            "Velmora Motors Inc. will build a battery. It is expected to open in 2027.",
            "in 2027",
            id="a-pronoun-that-opens-is-no-price",
        ),
        pytest.param(
            "The ministry will cover ¥120 billion of the cost, part of roughly ¥3.5 trillion the government has set"
            " aside for chips, Velmora Motors Inc. said.",
            "roughly ¥3.5 trillion",
            id="a-part-of-a-figure",
        ),
    ],
)
def test_no_milestone(run_model, text, anchor):
    assert milestone(run_model(text, published="2025-05-01"), anchor) is None


def test_a_year_shares_the_milestone_of_its_own_figure_not_of_one_with_the_same_text(run_model):
    """A year with no milestone of its own takes the one of the capacity of its clause, found by
    where that capacity stands, never by its text ("20 GWh" written twice)."""
    text = (
        "Velmora Motors Inc. runs a 20 GWh cell plant in Ohio. "
        "Nordvik Battery Systems AB wants 20 GWh by 2028."
    )
    record = run_model(text)
    year = next(f for f in record.facts if f.text == "by 2028")
    assert year.milestone != "cell plant in Ohio"
