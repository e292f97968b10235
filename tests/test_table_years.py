"""Table tests for target years: what counts, what does not, and how it is written down.

Each row is one news-style sentence, an optional publication date and the complete list of
target years expected in it (so a negative row expects ``[]``). Rows are grouped by form, with
the negatives that look most like each positive placed right next to it.

Expected values follow corpus/ANNOTATION.md (project decisions): the qualifier is part of the
span, ``qualifier`` is lower-cased as written, a bare range has ``qualifier: None``, relative
expressions carry ``relative: True`` and a year only when the article has a publication date.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from conftest import project

KEYS = ["text", "year", "end_year", "qualifier", "relative", "grain", "fiscal"]


def target(
    text: str,
    year: int | None,
    *,
    end_year: int | None = None,
    qualifier: str | None = None,
    relative: bool = False,
    grain: str = "year",
    fiscal: str | None = None,
) -> dict[str, Any]:
    """One expected target year, in the shape ``project(..., KEYS)`` returns."""
    return {
        "text": text,
        "year": year,
        "end_year": end_year,
        "qualifier": qualifier,
        "relative": relative,
        "grain": grain,
        "fiscal": fiscal,
    }


def targets_of(record: Any) -> list[dict[str, Any]]:
    """The record's target years in text order, reduced to the compared fields."""
    return project(sorted(record.target_years, key=lambda t: t.start), KEYS)


def assert_spans_match(record: Any, article: str) -> None:
    for item in record.target_years:
        assert item.text == article[item.start : item.end], item


NONE: list[dict[str, Any]] = []

# --------------------------------------------------------------------------------------
# Absolute target forms (PHRASEBOOK "Years: Targets"), each next to a look-alike that is not one.
# --------------------------------------------------------------------------------------
FORMS = [
    pytest.param(
        "Harbin Xinda Battery Co. aims to lift annual output to 60 GWh by 2030.",
        None,
        [target("by 2030", 2030, qualifier="by")],
        id="by-year",
    ),
    pytest.param(
        "By 2023, the company had sold more than a million battery packs.",
        "2025-06-01",
        NONE,
        id="not-by-year-in-the-past",
    ),
    pytest.param(
        "Velmora Energy Holdings expects its Ohio cell plant to be running by the end of 2026.",
        None,
        [target("by the end of 2026", 2026, qualifier="by the end of")],
        id="by-the-end-of-year",
    ),
    pytest.param(
        "The first sodium-ion packs should reach fleet customers by mid-2027, the company said.",
        None,
        [target("by mid-2027", 2027, qualifier="by mid")],
        id="by-mid-year",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG plans to start series production of its cells in 2028.",
        None,
        [target("in 2028", 2028, qualifier="in")],
        id="in-year-after-plan-verb",
    ),
    pytest.param(
        "Tannenfeld Zellwerk AG started series production of its cells in 2022.",
        None,
        NONE,
        id="not-in-year-after-past-verb",
    ),
    pytest.param(
        "The local-content rules will apply from 2027 to all imported cells.",
        None,
        [target("from 2027", 2027, qualifier="from")],
        id="from-year",
    ),
    pytest.param(
        "From 2027, every new city bus must carry a domestically made battery.",
        None,
        [target("From 2027", 2027, qualifier="from")],
        id="from-year-capitalised-at-sentence-start",
    ),
    pytest.param(
        "The purchase subsidy will run from 2026 to 2029, the ministry said.",
        None,
        [target("from 2026 to 2029", 2026, end_year=2029, qualifier="from")],
        id="from-year-to-year",
    ),
    pytest.param(
        "Starting in 2026, the carmaker will source all of its LFP packs locally.",
        None,
        [target("Starting in 2026", 2026, qualifier="starting in")],
        id="starting-in-year",
    ),
    pytest.param(
        "Mass production of the semi-solid cells could begin as early as 2027.",
        None,
        [target("as early as 2027", 2027, qualifier="as early as")],
        id="as-early-as-year",
    ),
    pytest.param(
        "Regulators want the new recycling rules in force no later than 2029.",
        None,
        [target("no later than 2029", 2029, qualifier="no later than")],
        id="no-later-than-year",
    ),
    pytest.param(
        "The group intends to list its battery unit in Hong Kong before 2030.",
        None,
        [target("before 2030", 2030, qualifier="before")],
        id="before-year",
    ),
    pytest.param(
        "Ostrava researchers expect the chemistry to reach production cars after 2032.",
        None,
        [target("after 2032", 2032, qualifier="after")],
        id="after-year",
    ),
    pytest.param(
        "Both pilot lines will be upgraded between 2026 and 2028.",
        None,
        [target("between 2026 and 2028", 2026, end_year=2028, qualifier="between")],
        id="between-year-and-year",
    ),
    pytest.param(
        "Between 2019 and 2023, the company's cell exports tripled.",
        "2024-02-01",
        NONE,
        id="not-between-years-in-the-past",
    ),
    pytest.param(
        "The company's 2027-2030 roadmap calls for four new cell plants in Europe.",
        None,
        [target("2027-2030", 2027, end_year=2030)],
        id="hyphen-range-in-roadmap",
    ),
    pytest.param(
        "The 2026–2028 investment plan sets aside 4 billion euros for cathode capacity.",
        None,
        [target("2026–2028", 2026, end_year=2028)],
        id="en-dash-range-in-plan",
    ),
    pytest.param(
        "Under its 2025-26 business plan, the unit targets shipments of 12 GWh.",
        None,
        [target("2025-26", 2025, end_year=2026)],
        id="short-range-2025-26",
    ),
    pytest.param(
        "Sakura Denki Holdings will begin mass production in the 2027 fiscal year, it said.",
        None,
        [target("in the 2027 fiscal year", 2027, qualifier="in", fiscal="named")],
        id="in-the-fiscal-year",
    ),
    pytest.param(
        "In the 2023 fiscal year, the battery unit sold 9 GWh of cells.",
        None,
        NONE,
        id="not-past-fiscal-year",
    ),
    pytest.param(
        "The restructuring plan targets an operating margin of 8% by FY2028.",
        None,
        [target("by FY2028", 2028, qualifier="by", fiscal="named")],
        id="by-fy-year",
    ),
    pytest.param(
        "Sakura Denki will start supplying cells to Redwater Motors in FY2027.",
        None,
        [target("in FY2027", 2027, qualifier="in", fiscal="named")],
        id="in-fy-year",
    ),
    pytest.param(
        "The unit's FY2028 target is 30 GWh of cell sales.",
        None,
        [target("FY2028", 2028, fiscal="named")],
        id="bare-fy-year-target",
    ),
    pytest.param(
        "Nordvik Batteri said it was on track to meet its 2030 target.",
        None,
        [target("2030", 2030)],
        id="its-2030-target",
    ),
    pytest.param(
        "Nordvik Batteri said its 2024 revenue rose 12% on higher storage sales.",
        None,
        NONE,
        id="not-its-2024-revenue",
    ),
    pytest.param(
        "Automakers face a 2026 deadline to issue battery passports for every pack.",
        None,
        [target("2026", 2026)],
        id="bare-year-deadline",
    ),
    pytest.param(
        "Carmakers say the 2035 goal of zero-emission new cars is still within reach.",
        None,
        [target("2035", 2035)],
        id="bare-year-goal",
    ),
    pytest.param(
        "Carmakers in the bloc must prepare for the 2035 ban on combustion engines.",
        None,
        [target("2035", 2035)],
        id="bare-year-ban",
    ),
    pytest.param(
        "InterBattery 2025 opens in Seoul this week with 600 exhibitors.",
        "2025-03-01",
        NONE,
        id="not-year-in-an-event-name",
    ),
    pytest.param(
        "Under the 2022 agreement, Kestrel supplies cells to the bus maker.",
        None,
        NONE,
        id="not-the-2022-agreement",
    ),
]

# --------------------------------------------------------------------------------------
# Future cues before "in <year>", the form that needs a cue (PHRASEBOOK "Cues for the future").
# --------------------------------------------------------------------------------------
CUES = [
    pytest.param(
        "The Kaunas cathode plant will open in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-will",
    ),
    pytest.param(
        "The Kaunas cathode plant opened in 2021.",
        None,
        NONE,
        id="not-cue-opened",
    ),
    pytest.param(
        "The startup plans an initial public offering in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="cue-plans",
    ),
    pytest.param(
        "Harbin Xinda aims to ship its first semi-solid cells in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-aims",
    ),
    pytest.param(
        "Nordvik Batteri targets sales of 25 GWh in 2029.",
        None,
        [target("in 2029", 2029, qualifier="in")],
        id="cue-targets",
    ),
    pytest.param(
        "The company expects its European business to break even in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="cue-expects",
    ),
    pytest.param(
        "The Szeged cell plant is expected to enter production in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-is-expected-to",
    ),
    pytest.param(
        "Research firm Lumenor forecasts global battery demand of 3.5 TWh in 2030.",
        None,
        [target("in 2030", 2030, qualifier="in")],
        id="cue-forecast",
    ),
    pytest.param(
        "The market for sodium-ion cells could reach 50 GWh in 2028.",
        None,
        [target("in 2028", 2028, qualifier="in")],
        id="cue-could-reach",
    ),
    pytest.param(
        "The market for sodium-ion cells reached 5 GWh in 2023.",
        None,
        NONE,
        id="not-cue-reached",
    ),
    pytest.param(
        "Pack prices are projected to fall below $80 per kilowatt-hour in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-projected",
    ),
    pytest.param(
        "The goal is to source 80% of the cathode material locally in 2028.",
        None,
        [target("in 2028", 2028, qualifier="in")],
        id="cue-goal",
    ),
    pytest.param(
        "Under the roadmap, the first cars with the new pack go on sale in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-roadmap",
    ),
    pytest.param(
        "The deadline for the first tranche of subsidy claims falls in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="cue-deadline",
    ),
    pytest.param(
        "Trial production at the Debrecen line is scheduled to begin in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="cue-scheduled",
    ),
    pytest.param(
        "Construction of the recycling plant is slated to finish in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="cue-slated",
    ),
]

# --------------------------------------------------------------------------------------
# Past events, durations and days: never targets (PHRASEBOOK "Past, not targets").
# --------------------------------------------------------------------------------------
PAST_AND_NOISE = [
    pytest.param(
        "Lumora Energy was founded in 2004 as a maker of lead-acid batteries.",
        None,
        NONE,
        id="not-was-founded-in",
    ),
    pytest.param(
        "Founded in 2016, Nordvik Batteri aims to reach 40 GWh of capacity by 2030.",
        None,
        [target("by 2030", 2030, qualifier="by")],
        id="founded-in-beside-by-year",
    ),
    pytest.param(
        "The company sold 120 GWh of cells in 2023, up 40% from a year earlier.",
        None,
        NONE,
        id="not-sold-in-year",
    ),
    pytest.param(
        "The company sold 120 GWh in 2023 and will expand its Hungarian plant by 2026.",
        "2024-05-01",
        [target("by 2026", 2026, qualifier="by")],
        id="sold-in-year-beside-by-year",
    ),
    pytest.param(
        "Velmora announced the Tennessee plant last year.",
        "2025-04-10",
        NONE,
        id="not-announced-last-year",
    ),
    pytest.param(
        "The company, which listed on the exchange in 2018, said its project would stay profitable.",
        None,
        NONE,
        id="not-listed-in-year-beside-a-cue",
    ),
    pytest.param(
        "The firm has supplied cells to BMW since 2019.",
        None,
        NONE,
        id="not-since-year",
    ),
    pytest.param(
        "In 2021, it raised $400 million from a group of sovereign investors.",
        None,
        NONE,
        id="not-in-year-comma-it-raised",
    ),
    pytest.param(
        "Velmora, which opened its first plant in 2021, plans to open a second one in 2027.",
        "2024-01-10",
        [target("in 2027", 2027, qualifier="in")],
        id="past-in-year-beside-planned-in-year",
    ),
    pytest.param(
        "The company had planned to open the plant in 2023, but permit delays pushed it back.",
        "2025-03-01",
        NONE,
        id="not-abandoned-plan-for-past-year",
    ),
    pytest.param(
        "Building the cathode plant will take two to three years, executives said.",
        None,
        NONE,
        id="not-duration-two-to-three-years",
    ),
    pytest.param(
        "The warranty covers the pack for eight years or 160,000 kilometres.",
        None,
        NONE,
        id="not-duration-eight-years",
    ),
    pytest.param(
        "The company will report its quarterly results on Friday.",
        None,
        NONE,
        id="not-day-of-week-after-will",
    ),
    pytest.param(
        "Shares of the battery maker fell 4% in Seoul on Monday.",
        None,
        NONE,
        id="not-day-of-week",
    ),
    pytest.param(
        "A 2,030 MWh storage project at the site will be completed by 2027.",
        None,
        [target("by 2027", 2027, qualifier="by")],
        id="capacity-number-is-not-a-year",
    ),
    pytest.param(
        "The plant employs 2,100 workers and will hire 900 more by 2026.",
        None,
        [target("by 2026", 2026, qualifier="by")],
        id="headcount-is-not-a-year",
    ),
]

# --------------------------------------------------------------------------------------
# Relative expressions: resolved with a publication date, kept with year None without one.
# --------------------------------------------------------------------------------------
RELATIVE = [
    pytest.param(
        "The company will start deliveries of the new pack next year.",
        "2025-11-03",
        [target("next year", 2026, relative=True)],
        id="next-year-with-date",
    ),
    pytest.param(
        "The company will start deliveries of the new pack next year.",
        None,
        [target("next year", None, relative=True)],
        id="next-year-without-date",
    ),
    pytest.param(
        "Nordvik Batteri expects to begin trial production this year.",
        "2026-02-10",
        [target("this year", 2026, relative=True)],
        id="this-year-of-a-plan-with-date",
    ),
    pytest.param(
        "Nordvik Batteri expects to begin trial production this year.",
        None,
        [target("this year", None, relative=True)],
        id="this-year-of-a-plan-without-date",
    ),
    pytest.param(
        "Battery shipments grew faster than analysts had expected this year.",
        "2025-10-01",
        NONE,
        id="not-this-year-dating-what-happened",
    ),
    pytest.param(
        "The startup announced two new cathode plants this year.",
        "2025-07-15",
        NONE,
        id="not-this-year-announced",
    ),
    pytest.param(
        "Earlier this year, the battery maker cut cell prices by a fifth.",
        "2025-08-20",
        NONE,
        id="not-earlier-this-year",
    ),
    pytest.param(
        "The first prototype packs should be delivered by the end of this year.",
        "2025-06-01",
        [
            target(
                "by the end of this year",
                2025,
                qualifier="by the end of",
                relative=True,
            )
        ],
        id="by-the-end-of-this-year-with-date",
    ),
    pytest.param(
        "The first prototype packs should be delivered by the end of this year.",
        None,
        [
            target(
                "by the end of this year",
                None,
                qualifier="by the end of",
                relative=True,
            )
        ],
        id="by-the-end-of-this-year-without-date",
    ),
    pytest.param(
        "Kestrel aims to double its recycling capacity by the end of next year.",
        "2024-03-15",
        [
            target(
                "by the end of next year",
                2025,
                qualifier="by the end of",
                relative=True,
            )
        ],
        id="by-the-end-of-next-year-with-date",
    ),
    pytest.param(
        "Kestrel aims to double its recycling capacity by the end of next year.",
        None,
        [
            target(
                "by the end of next year",
                None,
                qualifier="by the end of",
                relative=True,
            )
        ],
        id="by-the-end-of-next-year-without-date",
    ),
    pytest.param(
        "Sodium-ion cars could reach showrooms as early as next year.",
        date(2025, 1, 20),
        [target("as early as next year", 2026, qualifier="as early as", relative=True)],
        id="as-early-as-next-year-with-date-object",
    ),
    pytest.param(
        "The plant will be expanded to 30 GWh within two years.",
        "2024-09-01",
        [target("within two years", 2026, qualifier="within", relative=True)],
        id="within-two-years-with-date",
    ),
    pytest.param(
        "The plant will be expanded to 30 GWh within two years.",
        None,
        [target("within two years", None, qualifier="within", relative=True)],
        id="within-two-years-without-date",
    ),
    pytest.param(
        "The plan lost momentum after a rival left a similar project earlier this year.",
        "2025-07-01",
        NONE,
        id="not-earlier-this-year-after-a-cue-word",
    ),
    pytest.param(
        "The cathode plant opened last year and now runs at full capacity.",
        "2025-05-05",
        NONE,
        id="not-last-year",
    ),
    pytest.param(
        "The cathode plant opened two years ago.",
        "2025-05-05",
        NONE,
        id="not-two-years-ago",
    ),
]

# --------------------------------------------------------------------------------------
# The publication date decides: the same "in 2024" is ahead in 2023 and behind in 2025.
# --------------------------------------------------------------------------------------
PUBLICATION_DATE = [
    pytest.param(
        "Harbin Xinda Battery Co. plans to begin mass production of sodium-ion cells in 2024.",
        "2023-05-01",
        [target("in 2024", 2024, qualifier="in")],
        id="in-2024-with-plan-verb-published-2023",
    ),
    pytest.param(
        "Harbin Xinda Battery Co. began mass production of sodium-ion cells in 2024.",
        "2025-02-01",
        NONE,
        id="not-in-2024-with-past-verb-published-2025",
    ),
    pytest.param(
        "Xinda said in 2022 that it planned to start mass production in 2024.",
        "2023-05-01",
        [target("in 2024", 2024, qualifier="in")],
        id="reported-plan-in-2024-published-2023",
    ),
    pytest.param(
        "Xinda said in 2022 that it planned to start mass production in 2024.",
        "2025-03-01",
        NONE,
        id="not-reported-plan-in-2024-published-2025",
    ),
    pytest.param(
        "The Hefei line goes into mass production in 2024, the company said.",
        date(2023, 5, 1),
        [target("in 2024", 2024, qualifier="in")],
        id="in-2024-present-tense-published-2023",
    ),
    pytest.param(
        "The Hefei line goes into mass production in 2024, the company said.",
        date(2025, 3, 1),
        NONE,
        id="not-in-2024-present-tense-published-2025",
    ),
]

# --------------------------------------------------------------------------------------
# Parts of a year: the grain the text gives, and the publication date against the days it covers.
# --------------------------------------------------------------------------------------
GRAINS = [
    pytest.param(
        "The Georgia plant is scheduled to start production in the second half of 2025.",
        "2024-11-04",
        [target("in the second half of 2025", 2025, qualifier="in the second half of", grain="half")],
        id="half-of-year",
    ),
    pytest.param(
        "Cell sales rose 20% in the first half of 2025.",
        "2025-10-01",
        NONE,
        id="not-half-of-year-already-past",
    ),
    pytest.param(
        "- Construction start: second half of 2025",
        "2025-03-27",
        [target("second half of 2025", 2025, qualifier="second half of", grain="half")],
        id="half-of-year-without-the-in-a-list",
    ),
    pytest.param(
        "Tolvik Energy will start volume shipments in Q3 2026.",
        "2025-12-01",
        [target("in Q3 2026", 2026, qualifier="in q3", grain="quarter")],
        id="quarter-code",
    ),
    pytest.param(
        "Phase 1 | 10 GWh | €1.9bn | Q4 2027",
        "2025-09-23",
        [target("Q4 2027", 2027, qualifier="q4", grain="quarter")],
        id="quarter-in-a-table-row",
    ),
    pytest.param(
        "Phase 1 | 10 GWh | €1.9bn | Q4 2024",
        "2025-09-23",
        NONE,
        id="not-quarter-in-a-table-row-already-past",
    ),
    pytest.param(
        "The first lines go into operation in December 2026.",
        "2026-01-09",
        [target("in December 2026", 2026, qualifier="in", grain="month")],
        id="month-later-in-the-year-after-publication",
    ),
    pytest.param(
        "Trial output begins in May 2023 at the Debrecen site.",
        "2024-02-01",
        NONE,
        id="not-month-before-publication",
    ),
    pytest.param(
        "The second line starts in January 2026.",
        "2026-02-10",
        NONE,
        id="not-month-of-publication-year-already-past",
    ),
    pytest.param(
        "First cells: December 2026",
        "2025-11-20",
        [target("December 2026", 2026, grain="month")],
        id="month-as-value-of-a-label-line",
    ),
    pytest.param(
        "Production starts on March 3, 2027.",
        "2026-01-09",
        [target("on March 3, 2027", 2027, qualifier="on", grain="day")],
        id="day-month-comma-year",
    ),
    pytest.param(
        "Production starts on March 3, 2027.",
        None,
        NONE,
        id="not-day-without-a-date-nothing-guessed",
    ),
    pytest.param(
        "Deliveries to fleet customers begin on 3 March 2027.",
        "2026-01-09",
        [target("on 3 March 2027", 2027, qualifier="on", grain="day")],
        id="day-first-date",
    ),
    pytest.param(
        "The Szeged plant will open on Tuesday, March 3, 2027, the company said.",
        None,
        [target("on Tuesday, March 3, 2027", 2027, qualifier="on", grain="day")],
        id="weekday-and-full-date-after-will",
    ),
    pytest.param(
        "Shipments are due to begin on the 3rd of March 2027.",
        "2026-01-09",
        [target("on the 3rd of March 2027", 2027, qualifier="on", grain="day")],
        id="ordinal-day-of-month",
    ),
    pytest.param(
        "The company aims to start output by 2027-03-31.",
        None,
        [target("by 2027-03-31", 2027, qualifier="by", grain="day")],
        id="iso-date",
    ),
    pytest.param(
        "The tender closes on 25/12/2025.",
        "2025-06-01",
        [target("on 25/12/2025", 2025, qualifier="on", grain="day")],
        id="numeric-date-after-publication",
    ),
    pytest.param(
        "The tender closed on 15/03/2025.",
        "2025-06-01",
        NONE,
        id="not-numeric-date-before-publication",
    ),
    pytest.param(
        "SEOUL, Nov. 7, 2024 - Samsung SDI will build a new line.",
        "2024-11-07",
        NONE,
        id="not-dateline-date",
    ),
    pytest.param(
        "Deliveries begin in the third week of 2027.",
        "2026-05-01",
        [target("in the third week of 2027", 2027, qualifier="in the third week of", grain="week")],
        id="week-of-year",
    ),
    pytest.param(
        "The pilot line opens in the summer of 2026.",
        "2025-09-01",
        [target("in the summer of 2026", 2026, qualifier="in the summer of", grain="season")],
        id="season-of-year",
    ),
    pytest.param(
        "The carmaker has pushed the second pickup line to mid-2026.",
        "2024-08-28",
        [target("to mid-2026", 2026, qualifier="to mid")],
        id="pushed-to-mid-year",
    ),
]

# --------------------------------------------------------------------------------------
# Fiscal years: the year as written, and the convention that names it.
# --------------------------------------------------------------------------------------
FISCAL = [
    pytest.param(
        "Output will reach 5 GWh by FY26.",
        None,
        [target("by FY26", 2026, qualifier="by", fiscal="named")],
        id="fy-two-digits",
    ),
    pytest.param(
        "Volume production of the larger cells starts in fiscal 2027.",
        "2025-10-31",
        [target("in fiscal 2027", 2027, qualifier="in", fiscal="named")],
        id="fiscal-year-word",
    ),
    pytest.param(
        "The gigafactory will reach its full 20 GWh in the financial year 2026-27.",
        "2025-08-27",
        [target("in the financial year 2026-27", 2026, qualifier="in", fiscal="starts")],
        id="financial-year-written-as-two-years",
    ),
    pytest.param(
        "The tranche will fund plants that start production in 2025-26.",
        "2024-09-12",
        [target("in 2025-26", 2025, end_year=2026, qualifier="in")],
        id="two-years-without-a-fiscal-word-are-a-range",
    ),
    pytest.param(
        "The unit now expects operating profit of ¥142 billion for the fiscal year ending March 2026.",
        "2025-10-31",
        [
            target(
                "for the fiscal year ending March 2026",
                2026,
                qualifier="for the fiscal year ending",
                grain="month",
                fiscal="ends",
            )
        ],
        id="fiscal-year-ending-month",
    ),
    pytest.param(
        "- Capex plan for the year to March 2026: about ¥300 billion",
        "2025-10-31",
        [target("for the year to March 2026", 2026, qualifier="for the year to", grain="month", fiscal="ends")],
        id="the-year-to-month",
    ),
    pytest.param(
        "The unit posted a loss for the year ended March 2025.",
        "2025-06-01",
        NONE,
        id="not-the-year-ended-in-the-past",
    ),
    pytest.param(
        "The finance chief told analysts on the Q3 FY26 earnings call that margins improved.",
        "2026-02-10",
        NONE,
        id="not-fiscal-year-naming-an-earnings-call",
    ),
    pytest.param(
        "The utility expects the first projects to be online by March 2027 (FY27).",
        "2025-07-30",
        [target("by March 2027", 2027, qualifier="by", grain="month")],
        id="fiscal-year-in-brackets-repeats-the-date",
    ),
]

# --------------------------------------------------------------------------------------
# More forward forms, and the base year of a change.
# --------------------------------------------------------------------------------------
FORWARD = [
    pytest.param(
        '"Between now and 2030 we will hire some 1,800 people," the chief executive said.',
        "2025-09-23",
        [target("Between now and 2030", 2030, qualifier="between now and")],
        id="between-now-and-year",
    ),
    pytest.param(
        "That would leave the region short of local supply until at least 2028.",
        "2025-11-26",
        [target("until at least 2028", 2028, qualifier="until at least")],
        id="until-at-least-year",
    ),
    pytest.param(
        "- St. Thomas, Ontario: up to 50 GWh, SOP 2027",
        "2025-11-26",
        [target("SOP 2027", 2027, qualifier="sop")],
        id="start-of-production-abbreviation",
    ),
    pytest.param(
        "Kestrel and Harbin Xinda push start of their Ohio plant to 2027",
        "2024-08-28",
        [target("to 2027", 2027, qualifier="to")],
        id="pushed-to-year-in-a-headline",
    ),
    pytest.param(
        "Cell exports rose 12% compared to 2023.",
        "2024-08-28",
        NONE,
        id="not-compared-to-past-year",
    ),
    pytest.param(
        "Region | 2024 | 2030F",
        "2025-09-23",
        [target("2030F", 2030)],
        id="forecast-column-of-a-table",
    ),
    pytest.param(
        "- Commercial production: 2028",
        "2026-02-10",
        [target("2028", 2028)],
        id="bare-year-as-value-of-a-list-item",
    ),
    pytest.param(
        "- Founded: 2019",
        "2026-02-10",
        NONE,
        id="not-bare-past-year-in-a-list",
    ),
    pytest.param(
        "- Commercial production: 2028",
        None,
        NONE,
        id="not-bare-year-in-a-list-without-a-date",
    ),
    pytest.param(
        "Roy said 2028 would be a busy year for the plant.",
        "2026-02-10",
        NONE,
        id="not-bare-year-inside-a-sentence",
    ),
    pytest.param(
        "The consultancy expects storage additions to grow by 14% a year from 2024 to 2030.",
        None,
        [target("to 2030", 2030, qualifier="to")],
        id="from-base-year-to-year-of-a-growth-forecast",
    ),
    pytest.param(
        "From 2024 to 2030, the consultancy sees the US adding 420 GWh.",
        "2025-09-23",
        [target("to 2030", 2030, qualifier="to")],
        id="from-past-base-year-to-year",
    ),
    pytest.param(
        "The purchase subsidy will run from 2026 to 2029, the ministry said.",
        "2025-09-23",
        [target("from 2026 to 2029", 2026, end_year=2029, qualifier="from")],
        id="from-future-year-to-year-is-a-period",
    ),
    pytest.param(
        "Lumenor expects demand to climb from about 12 GWh in 2025 to 292 GWh in 2030.",
        "2025-06-01",
        [target("in 2030", 2030, qualifier="in")],
        id="not-base-year-of-a-change-in-the-publication-year",
    ),
    pytest.param(
        "Lumenor expects the anodes in 40% of phones by 2027, up from about 15% in 2025.",
        "2025-10-21",
        [target("by 2027", 2027, qualifier="by")],
        id="not-up-from-in-year",
    ),
    pytest.param(
        "Also Read: FY26 Budget: Customs duty cut on lithium-ion cell inputs extended",
        "2025-08-27",
        NONE,
        id="not-year-in-an-also-read-line",
    ),
    pytest.param(
        "Updated March 4, 2026 10:15 GMT",
        "2026-03-03",
        NONE,
        id="not-date-of-a-page-update",
    ),
    pytest.param(
        "Published: 2026-03-03 | Last updated: 2026-03-05",
        "2026-03-03",
        NONE,
        id="not-dates-of-page-metadata",
    ),
    pytest.param(
        "Published figures show the company plans to reach 40 GWh by 2030, well ahead of rivals, "
        "according to an analysis of its filings by a research firm.",
        None,
        [target("by 2030", 2030, qualifier="by")],
        id="long-sentence-opening-with-published-is-no-metadata",
    ),
    pytest.param(
        "Read more: Gotion plans to build a cathode plant by 2027",
        "2025-01-10",
        NONE,
        id="not-year-in-a-read-more-line",
    ),
]

# --------------------------------------------------------------------------------------
# Relative years of a plan, and durations tied to an event (no year can be resolved).
# --------------------------------------------------------------------------------------
RELATIVE_MORE = [
    pytest.param(
        "Samsung SDI plans to spend up to 2 trillion won on its battery business this year.",
        "2021-06-26",
        [target("this year", 2021, relative=True)],
        id="this-year-of-a-spending-plan",
    ),
    pytest.param(
        "The ministry expects results of the round by the end of the year.",
        "2025-04-29",
        [target("by the end of the year", 2025, qualifier="by the end of", relative=True)],
        id="by-the-end-of-the-year-with-date",
    ),
    pytest.param(
        "The ministry expects results of the round by the end of the year.",
        None,
        [target("by the end of the year", None, qualifier="by the end of", relative=True)],
        id="by-the-end-of-the-year-without-date",
    ),
    pytest.param(
        "The two companies expect the deal to close by year-end.",
        "2025-05-01",
        [target("by year-end", 2025, qualifier="by", relative=True)],
        id="by-year-end",
    ),
    pytest.param(
        "Cell sales rose 5% at year-end.",
        "2025-02-01",
        NONE,
        id="not-year-end-dating-what-happened",
    ),
    pytest.param(
        "The company raised its sales forecast for the year.",
        "2025-04-29",
        NONE,
        id="not-for-the-year",
    ),
    pytest.param(
        "The next round opens later this year.",
        "2025-03-27",
        [target("later this year", 2025, qualifier="later", relative=True)],
        id="later-this-year-present-tense",
    ),
    pytest.param(
        "Volume production should follow in the second half of next year.",
        "2025-10-30",
        [
            target(
                "in the second half of next year",
                2026,
                qualifier="in the second half of",
                relative=True,
                grain="half",
            )
        ],
        id="half-of-next-year",
    ),
    pytest.param(
        "Each plant must reach commercial operation within two years of the start of construction.",
        "2025-02-18",
        [target("within two years", None, qualifier="within", relative=True)],
        id="duration-tied-to-an-event-keeps-no-year",
    ),
    pytest.param(
        "The company hopes to expand the site to 45 GWh within four years of start-up.",
        "2025-02-24",
        [target("within four years", None, qualifier="within", relative=True)],
        id="duration-after-start-up-keeps-no-year",
    ),
]

# A year after "the" that belongs to the noun after it, next to the forms that keep theirs.
NAMED_BY_A_NOUN = [
    pytest.param(
        "The team will race its solar car in the 2027 Sunrise Rally.",
        "2026-05-04",
        NONE,
        id="not-a-year-inside-an-event-name",
    ),
    pytest.param(
        "The developer will bid again in the 2028 tender round, it said.",
        "2026-05-04",
        NONE,
        id="not-a-year-that-names-a-round",
    ),
    pytest.param(
        "Subsidies for home batteries will be cut for the 2030 ban on gas boilers.",
        "2026-05-04",
        [target("2030", 2030)],
        id="a-goal-noun-keeps-its-year",
    ),
    pytest.param(
        "The joint venture will begin operations no sooner than 2028.",
        None,
        [target("no sooner than 2028", 2028, qualifier="no sooner than")],
        id="no-sooner-than-year",
    ),
    pytest.param(
        "Deliveries of two million packs are expected in calendar 2027.",
        None,
        [target("in calendar 2027", 2027, qualifier="in")],
        id="calendar-year-word",
    ),
    pytest.param(
        "The carmaker plans to build the first packs in calendar year 2026.",
        "2025-09-01",
        [target("in calendar year 2026", 2026, qualifier="in")],
        id="calendar-year-words",
    ),
]

RULE_CASES = FORMS + CUES + PAST_AND_NOISE + RELATIVE + PUBLICATION_DATE + GRAINS + FISCAL + FORWARD + RELATIVE_MORE
RULE_CASES += NAMED_BY_A_NOUN

# A fiscal year named relative to the current one: the calendar year it is named by.
RELATIVE_FISCAL = [
    pytest.param(
        "The firm expects to return to profit in the next fiscal year.",
        "2026-06-01",
        [target("in the next fiscal year", 2027, qualifier="in", relative=True)],
        id="in-the-next-fiscal-year",
    ),
    pytest.param(
        "Revenue should top Rs 500 crore in the coming financial year, the company said.",
        "2026-06-01",
        [target("in the coming financial year", 2027, qualifier="in", relative=True)],
        id="in-the-coming-financial-year",
    ),
    pytest.param(
        "For the current fiscal year, the group forecast operating profit of 430 billion yen.",
        "2026-06-01",
        NONE,
        id="not-the-current-fiscal-year-of-guidance",
    ),
]
RULE_CASES += RELATIVE_FISCAL
RULE_CASES += [
    pytest.param(
        "Ford pushed back the 2027 launch of its electric pickup.",
        "2026-05-01",
        [target("2027", 2027)],
        id="year-of-a-planned-event",
    ),
    pytest.param(
        "The cell maker is aiming for a 2028 listing in Hong Kong.",
        "2026-05-01",
        [target("2028", 2028)],
        id="year-of-a-planned-listing",
    ),
    pytest.param(
        "The 2022 launch of its first pickup went well, and its 2023 IPO raised $1 billion.",
        "2026-05-01",
        NONE,
        id="not-the-year-of-a-past-event",
    ),
    pytest.param(
        "The company expects to finish the first phase by the close of 2027.",
        None,
        [target("by the close of 2027", 2027, qualifier="by the close of")],
        id="by-the-close-of-year",
    )
]


@pytest.mark.parametrize(("text", "published", "expected"), RULE_CASES)
def test_target_years_rules(run_rules, text, published, expected):
    record = run_rules(text, published=published)
    assert targets_of(record) == expected
    assert_spans_match(record, text)


# --------------------------------------------------------------------------------------
# Sentences where the parse matters: a past clause and a future clause share one sentence and
# no publication date helps. Kept short: the full model is slower.
# --------------------------------------------------------------------------------------
PARSED_CASES = [
    pytest.param(
        "The plant, which Nordvik bought from a rival in 2022, will double its output by 2026.",
        None,
        [target("by 2026", 2026, qualifier="by")],
        id="relative-clause-bought-in-year-then-by-year",
    ),
    pytest.param(
        "In 2021, Velmora raised $400 million, and it now plans to open a second plant in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="in-year-raised-then-plans-in-year",
    ),
    pytest.param(
        "The company, founded in 2004, expects to list its battery unit in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="founded-in-year-apposition-then-expects-in-year",
    ),
    pytest.param(
        "Executives who joined the firm in 2019 said it will triple capacity in 2028.",
        None,
        [target("in 2028", 2028, qualifier="in")],
        id="joined-in-year-then-will-in-year",
    ),
    pytest.param(
        "Kestrel, which sold 35 GWh in 2023, is slated to open a plant in Texas in 2026.",
        None,
        [target("in 2026", 2026, qualifier="in")],
        id="sold-in-year-then-slated-in-year",
    ),
    pytest.param(
        "Analysts who reviewed the 2022 agreement expect deliveries to start in 2027.",
        None,
        [target("in 2027", 2027, qualifier="in")],
        id="the-2022-agreement-then-expect-in-year",
    ),
    pytest.param(
        "The carmaker, which cut prices this year, plans to launch two new models next year.",
        "2025-09-01",
        [target("next year", 2026, relative=True)],
        id="this-year-past-then-next-year-plan",
    ),
    pytest.param(
        "Production, which began in 2024, will reach full capacity in 2026.",
        "2025-04-01",
        [target("in 2026", 2026, qualifier="in")],
        id="began-in-year-then-will-in-year",
    ),
    pytest.param(
        "The authority issued a request for proposals for storage to be in service by 2029.",
        None,
        [target("by 2029", 2029, qualifier="by")],
        id="infinitive-of-a-noun-looks-forward-after-a-past-verb",
    ),
    pytest.param(
        "Tolvik became the first company to mass-produce sodium-ion cells in 2023.",
        None,
        NONE,
        id="not-the-first-company-to-do-something-in-year",
    ),
    pytest.param(
        "Tolvik is building a sodium-ion plant and expects the first phase to run this year.",
        "2026-01-14",
        [target("this year", 2026, relative=True)],
        id="first-phase-to-run-this-year-after-expects",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PARSED_CASES)
def test_target_years_with_model(run_model, text, published, expected):
    record = run_model(text, published=published)
    assert targets_of(record) == expected
    assert_spans_match(record, text)


# --------------------------------------------------------------------------------------
# Structure, on a short article of our own with several forms in it.
# --------------------------------------------------------------------------------------
ARTICLE = (
    "OSLO (Reuters) - Nordvik Batteri, founded in 2016, said on Tuesday it aims to reach 40 GWh "
    "of annual capacity by 2030 and to start a second line as early as next year. "
    "The company sold 6 GWh of cells in 2024. Its 2027-2030 plan foresees two more plants, "
    "with the first scheduled to open between 2027 and 2028. "
    "Talks with Velmora Energy Holdings, which began last year, should end by the end of this "
    "year, two people familiar with the matter said."
)
ARTICLE_PUBLISHED = "2025-06-03"


def test_article_target_years(run_rules):
    record = run_rules(ARTICLE, published=ARTICLE_PUBLISHED)
    assert targets_of(record) == [
        target("by 2030", 2030, qualifier="by"),
        target("as early as next year", 2026, qualifier="as early as", relative=True),
        target("2027-2030", 2027, end_year=2030),
        target("between 2027 and 2028", 2027, end_year=2028, qualifier="between"),
        target("by the end of this year", 2025, qualifier="by the end of", relative=True),
    ]


def test_year_spans_match_article_text(run_rules):
    record = run_rules(ARTICLE, published=ARTICLE_PUBLISHED)
    assert record.target_years
    assert_spans_match(record, ARTICLE)


def test_year_spans_do_not_overlap(run_rules):
    record = run_rules(ARTICLE, published=ARTICLE_PUBLISHED)
    spans = sorted((t.start, t.end) for t in record.target_years)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert end <= next_start


def test_ranges_end_after_they_start(run_rules):
    record = run_rules(ARTICLE, published=ARTICLE_PUBLISHED)
    for item in record.target_years:
        if item.end_year is not None:
            assert item.year is not None and item.year < item.end_year


def test_relative_years_have_no_year_without_a_date(run_rules):
    record = run_rules(ARTICLE)
    relative = [t for t in record.target_years if t.relative]
    assert [t.text for t in relative] == [
        "as early as next year",
        "by the end of this year",
    ]
    assert all(t.year is None for t in relative)
