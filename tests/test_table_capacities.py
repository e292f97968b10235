"""Table tests for capacity extraction (rules-only pipeline).

Every convention and trap of /work/shared/PHRASEBOOK.md "Capacities", with spans and values as
corpus/ANNOTATION.md (project decisions) fixes them: a qualifier is part of the span, a rate is not,
a count before a size is not, a glued "+" means "at least", a range has min/max and no value.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import project

FIELDS = ("text", "value", "min", "max", "unit", "kind", "qualifier", "rate")

KIND = {
    "mAh": "charge",
    "Ah": "charge",
    "kAh": "charge",
    "Wh": "energy",
    "kWh": "energy",
    "MWh": "energy",
    "GWh": "energy",
    "TWh": "energy",
}


def cap(
    text: str,
    unit: str,
    value: float | None = None,
    *,
    lo: float | None = None,
    hi: float | None = None,
    qualifier: str | None = None,
    rate: str | None = None,
) -> dict[str, Any]:
    """The expected fields of one capacity record; `kind` follows from the unit."""
    return {
        "text": text,
        "value": value,
        "min": lo,
        "max": hi,
        "unit": unit,
        "kind": KIND[unit],
        "qualifier": qualifier,
        "rate": rate,
    }


CASES = [
    # --- symbols, glued and spaced -------------------------------------------------------
    pytest.param(
        "The 314Ah cell enters mass production in the second quarter.",
        [cap("314Ah", "Ah", 314.0)],
        id="glued-ah",
    ),
    pytest.param(
        "Its new storage cell holds 587 Ah, up from 314 Ah for the previous model.",
        [cap("587 Ah", "Ah", 587.0), cap("314 Ah", "Ah", 314.0)],
        id="spaced-ah-two-records",
    ),
    pytest.param(
        "The flagship phone ships with a 5,000mAh battery.",
        [cap("5,000mAh", "mAh", 5000.0)],
        id="glued-mah-thousands",
    ),
    pytest.param(
        "The budget model gets a 4,500 mAh battery and a 6.7-inch screen.",
        [cap("4,500 mAh", "mAh", 4500.0)],
        id="spaced-mah-thousands",
    ),
    pytest.param(
        "Grid operators in the north are testing 1.2 kAh sodium-ion cells.",
        [cap("1.2 kAh", "kAh", 1.2)],
        id="kah",
    ),
    pytest.param(
        "Airlines cap power banks in cabin luggage at 100 Wh.",
        [cap("100 Wh", "Wh", 100.0)],
        id="spaced-wh",
    ),
    pytest.param(
        "The sedan's 100 kWh pack gives it a range of 700 km.",
        [cap("100 kWh", "kWh", 100.0)],
        id="spaced-kwh",
    ),
    pytest.param(
        "The compact SUV carries a 77kWh battery from a Korean supplier.",
        [cap("77kWh", "kWh", 77.0)],
        id="glued-kwh",
    ),
    pytest.param(
        "The utility commissioned a 200 MWh battery at a former coal site.",
        [cap("200 MWh", "MWh", 200.0)],
        id="spaced-mwh",
    ),
    pytest.param(
        "The firm signed a 1.2GWh supply deal with a Texas developer.",
        [cap("1.2GWh", "GWh", 1.2)],
        id="glued-gwh-decimal",
    ),
    pytest.param(
        "Global demand for storage cells could pass 0.5 TWh next year, analysts said.",
        [cap("0.5 TWh", "TWh", 0.5)],
        id="spaced-twh",
    ),
    pytest.param(
        "Installations reached 1,234.5 MWh in the quarter.",
        [cap("1,234.5 MWh", "MWh", 1234.5)],
        id="thousands-separator-and-decimal",
    ),
    pytest.param(
        "The pickup's battery is rated at 105 KWh, the company said.",
        [cap("105 KWh", "kWh", 105.0)],
        id="miscased-kwh",
    ),
    pytest.param(
        "The van uses a 100-kWh pack built in Poland.",
        [cap("100-kWh", "kWh", 100.0)],
        id="hyphenated-symbol-adjective",
    ),
    # --- units written out ---------------------------------------------------------------
    pytest.param(
        "Each prismatic cell stores 280 ampere-hours.",
        [cap("280 ampere-hours", "Ah", 280.0)],
        id="written-ampere-hours",
    ),
    pytest.param(
        "The prototype delivers 105 amp-hours at room temperature.",
        [cap("105 amp-hours", "Ah", 105.0)],
        id="written-amp-hours",
    ),
    pytest.param(
        "A single module of 50 ampere hours is enough for a delivery scooter.",
        [cap("50 ampere hours", "Ah", 50.0)],
        id="written-ampere-hours-unhyphenated",
    ),
    pytest.param(
        "The smartwatch battery holds 300 milliampere-hours.",
        [cap("300 milliampere-hours", "mAh", 300.0)],
        id="written-milliampere-hours",
    ),
    pytest.param(
        "The laptop battery stores 99 watt-hours, just under the airline limit.",
        [cap("99 watt-hours", "Wh", 99.0)],
        id="written-watt-hours",
    ),
    pytest.param(
        "The electric truck's battery holds 75 kilowatt hours.",
        [cap("75 kilowatt hours", "kWh", 75.0)],
        id="written-kilowatt-hours-unhyphenated",
    ),
    pytest.param(
        "Each container stores one megawatt-hour of electricity.",
        [cap("one megawatt-hour", "MWh", 1.0)],
        id="written-megawatt-hour-word-one",
    ),
    pytest.param(
        "The company switched on a 0.5 gigawatt-hour trial line in Wuxi.",
        [cap("0.5 gigawatt-hour", "GWh", 0.5)],
        id="written-gigawatt-hour-singular-decimal",
    ),
    pytest.param(
        "The regional grid drew 3 gigawatt hours from batteries during the heatwave.",
        [cap("3 gigawatt hours", "GWh", 3.0)],
        id="written-gigawatt-hours-plural",
    ),
    pytest.param(
        "Europe will need several hundred GWh of cells, and two hundred GWh of them by 2030.",
        [cap("two hundred GWh", "GWh", 200.0)],
        id="hundred-alone-is-vague-two-hundred-is-a-number",
    ),
    pytest.param(
        "The line can store 2 Giga Watt Hour (GWh), and 500 Mega Watt Hours more by 2027.",
        [cap("2 Giga Watt Hour", "GWh", 2.0), cap("500 Mega Watt Hours", "MWh", 500.0)],
        id="prefix-written-apart-from-watt-hour",
    ),
    pytest.param(
        "Europe could need 1.5 terawatt-hours of cells a decade from now.",
        [cap("1.5 terawatt-hours", "TWh", 1.5)],
        id="written-terawatt-hours",
    ),
    # --- numbers in words ----------------------------------------------------------------
    pytest.param(
        "The new factory in Hungary will make eleven gigawatt-hours of cells.",
        [cap("eleven gigawatt-hours", "GWh", 11.0)],
        id="number-word-eleven",
    ),
    pytest.param(
        "The consortium plans a 10-gigawatt-hour plant in Saxony.",
        [cap("10-gigawatt-hour", "GWh", 10.0)],
        id="hyphenated-written-compound-adjective",
    ),
    pytest.param(
        "The startup is aiming for twenty-five gigawatt-hours of output.",
        [cap("twenty-five gigawatt-hours", "GWh", 25.0)],
        id="number-word-compound",
    ),
    pytest.param(
        "Three gigawatt-hours of orders are already booked, the chief executive said.",
        [cap("Three gigawatt-hours", "GWh", 3.0)],
        id="number-word-sentence-initial",
    ),
    # --- ranges --------------------------------------------------------------------------
    pytest.param(
        "Most passenger-car cells today hold 20-40 Ah.",
        [cap("20-40 Ah", "Ah", lo=20.0, hi=40.0)],
        id="range-hyphen",
    ),
    pytest.param(
        "Cells in the 50–100 Ah class dominate home storage.",
        [cap("50–100 Ah", "Ah", lo=50.0, hi=100.0)],
        id="range-en-dash",
    ),
    pytest.param(
        "Phones in the 4,000–5,000mAh bracket sell best in India.",
        [cap("4,000–5,000mAh", "mAh", lo=4000.0, hi=5000.0)],
        id="range-en-dash-glued-thousands",
    ),
    pytest.param(
        "Packs of 60 to 80 kWh suit most compact cars.",
        [cap("60 to 80 kWh", "kWh", lo=60.0, hi=80.0)],
        id="range-to",
    ),
    pytest.param(
        "Orders of between 3 and 5 GWh are expected from utilities.",
        [cap("between 3 and 5 GWh", "GWh", lo=3.0, hi=5.0, qualifier="between")],
        id="range-between-and",
    ),
    pytest.param(
        "Premium models will get packs of between 100 kWh and 120 kWh.",
        [
            cap(
                "between 100 kWh and 120 kWh",
                "kWh",
                lo=100.0,
                hi=120.0,
                qualifier="between",
            )
        ],
        id="range-between-unit-repeated",
    ),
    pytest.param(
        "The Ohio site will add 3-5GWh once the second hall opens.",
        [cap("3-5GWh", "GWh", lo=3.0, hi=5.0)],
        id="range-glued",
    ),
    pytest.param(
        "Output will grow from 10 to 20 GWh when the second line opens.",
        [cap("from 10 to 20 GWh", "GWh", lo=10.0, hi=20.0, qualifier="from")],
        id="range-from-to",
    ),
    pytest.param(
        "Cells in this class typically range from 20 Ah to 200 Ah; output will rise from 1.4 GWh to 6.4 GWh.",
        [
            cap("from 20 Ah to 200 Ah", "Ah", lo=20.0, hi=200.0, qualifier="from"),
            cap("1.4 GWh", "GWh", 1.4),
            cap("6.4 GWh", "GWh", 6.4),
        ],
        id="range-verb-before-from-with-both-units-is-a-range-a-change-is-two",
    ),
    pytest.param(
        "Modules of 2.5-5.0 MWh fit in a standard shipping container.",
        [cap("2.5-5.0 MWh", "MWh", lo=2.5, hi=5.0)],
        id="range-decimals",
    ),
    pytest.param(
        "Solid-state cells of 20 to 40 ampere-hours are being tested in cars.",
        [cap("20 to 40 ampere-hours", "Ah", lo=20.0, hi=40.0)],
        id="range-to-written-unit",
    ),
    pytest.param(
        "The group will lift output from 20 GWh in 2024 to 60 GWh by 2027.",
        [cap("20 GWh", "GWh", 20.0), cap("60 GWh", "GWh", 60.0)],
        id="from-x-in-year-to-y-is-two-values",
    ),
    # --- qualifiers ----------------------------------------------------------------------
    pytest.param(
        "The group now runs over 100 GWh of capacity in Europe.",
        [cap("over 100 GWh", "GWh", 100.0, qualifier="over")],
        id="qualifier-over",
    ),
    pytest.param(
        "More than 50 GWh of cells were shipped to Europe in the first half.",
        [cap("More than 50 GWh", "GWh", 50.0, qualifier="more than")],
        id="qualifier-more-than-capitalised",
    ),
    pytest.param(
        "Storage cells above 300 Ah are now common.",
        [cap("above 300 Ah", "Ah", 300.0, qualifier="above")],
        id="qualifier-above",
    ),
    pytest.param(
        "The electric truck can carry up to 600 kWh of batteries.",
        [cap("up to 600 kWh", "kWh", 600.0, qualifier="up to")],
        id="qualifier-up-to",
    ),
    pytest.param(
        "Shipments of lithium-ion cells reached nearly 1 TWh last year.",
        [cap("nearly 1 TWh", "TWh", 1.0, qualifier="nearly")],
        id="qualifier-nearly",
    ),
    pytest.param(
        "The Arizona project will store about 400 MWh.",
        [cap("about 400 MWh", "MWh", 400.0, qualifier="about")],
        id="qualifier-about",
    ),
    pytest.param(
        "The line can turn out roughly 2.5 GWh of cells.",
        [cap("roughly 2.5 GWh", "GWh", 2.5, qualifier="roughly")],
        id="qualifier-roughly",
    ),
    pytest.param(
        "Each partner has committed to buy at least 20 GWh.",
        [cap("at least 20 GWh", "GWh", 20.0, qualifier="at least")],
        id="qualifier-at-least",
    ),
    pytest.param(
        "Mid-size models carry around 80 kWh.",
        [cap("around 80 kWh", "kWh", 80.0, qualifier="around")],
        id="qualifier-around",
    ),
    pytest.param(
        "Home systems rarely store less than 10 kWh.",
        [cap("less than 10 kWh", "kWh", 10.0, qualifier="less than")],
        id="qualifier-less-than",
    ),
    pytest.param(
        "The maker showed a 600Ah+ cell for grid storage at the Shanghai fair.",
        [cap("600Ah+", "Ah", 600.0, qualifier="at least")],
        id="glued-plus-is-at-least",
    ),
    pytest.param(
        "The region will have a capacity of more than\n100 GWh, the report said.",
        [cap("more than\n100 GWh", "GWh", 100.0, qualifier="more than")],
        id="qualifier-across-line-break-is-single-spaced",
    ),
    # --- rates ---------------------------------------------------------------------------
    pytest.param(
        "The Debrecen plant will make 40 GWh a year.",
        [cap("40 GWh", "GWh", 40.0, rate="year")],
        id="rate-a-year",
    ),
    pytest.param(
        "The site is designed for 40 GWh/year.",
        [cap("40 GWh", "GWh", 40.0, rate="year")],
        id="rate-slash-year",
    ),
    pytest.param(
        "The joint venture targets 16GWh/yr from its first building.",
        [cap("16GWh", "GWh", 16.0, rate="year")],
        id="rate-slash-yr-glued",
    ),
    pytest.param(
        "It will produce 40 GWh per annum at full speed.",
        [cap("40 GWh", "GWh", 40.0, rate="year")],
        id="rate-per-annum",
    ),
    pytest.param(
        "The factory will turn out 12 GWh per year of LFP cells.",
        [cap("12 GWh", "GWh", 12.0, rate="year")],
        id="rate-per-year",
    ),
    pytest.param(
        "The Kentucky plant is to produce 30 GWh annually.",
        [cap("30 GWh", "GWh", 30.0, rate="year")],
        id="rate-annually",
    ),
    pytest.param(
        "The plant will have an annual capacity of 40 GWh.",
        [cap("40 GWh", "GWh", 40.0, rate="year")],
        id="rate-annual-capacity-of",
    ),
    pytest.param(
        "The company broke ground on a base with an annual production capacity of 30 GWh.",
        [cap("30 GWh", "GWh", 30.0, rate="year")],
        id="rate-annual-production-capacity-of",
    ),
    pytest.param(
        "The first phase will bring 8 GWh of annual capacity online.",
        [cap("8 GWh", "GWh", 8.0, rate="year")],
        id="rate-of-annual-capacity-after",
    ),
    pytest.param(
        "The expansion will allow up to 50 GWh a year.",
        [cap("up to 50 GWh", "GWh", 50.0, qualifier="up to", rate="year")],
        id="rate-with-qualifier",
    ),
    pytest.param(
        "Each line will add 20-30 GWh per year.",
        [cap("20-30 GWh", "GWh", lo=20.0, hi=30.0, rate="year")],
        id="rate-with-range",
    ),
    pytest.param(
        "The plant produced 20 GWh in 2023.",
        [cap("20 GWh", "GWh", 20.0)],
        id="year-after-capacity-is-not-a-rate",
    ),
    # --- counts before sizes -------------------------------------------------------------
    pytest.param(
        "The bus carries two 100 kWh packs under the floor.",
        [cap("100 kWh", "kWh", 100.0)],
        id="count-word-before-size",
    ),
    pytest.param(
        "The site will hold up to 30 5-MWh containers.",
        [cap("5-MWh", "MWh", 5.0)],
        id="count-with-qualifier-before-hyphenated-size",
    ),
    pytest.param(
        "The order covers 1,000 280Ah cells for a pilot farm.",
        [cap("280Ah", "Ah", 280.0)],
        id="count-digits-before-glued-size",
    ),
    pytest.param(
        "The developer installed six 2.5 MWh cabinets at the substation.",
        [cap("2.5 MWh", "MWh", 2.5)],
        id="count-word-before-decimal-size",
    ),
    # --- power and energy given together -------------------------------------------------
    pytest.param(
        "The utility approved a 2 GW / 8 GWh storage project in the desert.",
        [cap("8 GWh", "GWh", 8.0)],
        id="power-slash-energy-spaced",
    ),
    pytest.param(
        "The 500 MW/2,000 MWh battery is the largest in the state.",
        [cap("2,000 MWh", "MWh", 2000.0)],
        id="power-slash-energy-thousands",
    ),
    pytest.param(
        "Construction of the 100MW/400MWh plant starts in May.",
        [cap("400MWh", "MWh", 400.0)],
        id="power-slash-energy-glued",
    ),
    pytest.param(
        "Regulators cleared a 300-megawatt, 1,200-megawatt-hour battery near Sydney.",
        [cap("1,200-megawatt-hour", "MWh", 1200.0)],
        id="power-comma-energy-written",
    ),
    pytest.param(
        "The crossover pairs a 150 kW motor with an 82 kWh battery.",
        [cap("82 kWh", "kWh", 82.0)],
        id="power-and-energy-in-one-sentence",
    ),
    pytest.param(
        "The pack uses 3.2 V, 280 Ah prismatic cells.",
        [cap("280 Ah", "Ah", 280.0)],
        id="voltage-next-to-charge",
    ),
    pytest.param(
        "A 300 Wh/kg cell with a 100 Ah capacity is in testing.",
        [cap("100 Ah", "Ah", 100.0)],
        id="density-next-to-charge",
    ),
    # --- negatives: power ----------------------------------------------------------------
    pytest.param("Offshore farms will add 40 gigawatts of wind power.", [], id="power-gigawatts"),
    pytest.param("Developers are building a 20 GW solar park.", [], id="power-gw"),
    pytest.param("The country added 500 MW of batteries last year.", [], id="power-mw"),
    pytest.param("The station has a 350 kW charger for trucks.", [], id="power-kw"),
    pytest.param("The state approved a 2-gigawatt gas plant.", [], id="power-hyphenated-written"),
    # --- negatives: energy density -------------------------------------------------------
    pytest.param("The new cell reaches 300 Wh/kg.", [], id="density-wh-per-kg"),
    pytest.param("The pouch cell reaches 350Wh/kg.", [], id="density-glued-wh-per-kg"),
    pytest.param("Volumetric density is 700 Wh/L.", [], id="density-wh-per-litre"),
    pytest.param(
        "The lab hit 500 watt-hours per kilogram in a coin cell.",
        [],
        id="density-written",
    ),
    pytest.param(
        "The cathode shows a specific capacity of 200 mAh/g.",
        [],
        id="specific-capacity-mah-per-g",
    ),
    # --- negatives: voltage, C-rate, percentages, cycles, counts --------------------------
    pytest.param("Each LFP cell runs at 3.2 V.", [], id="voltage-spaced"),
    pytest.param("The car sits on an 800-volt platform.", [], id="voltage-written"),
    pytest.param("The cell supports 4C charging.", [], id="c-rate-4c"),
    pytest.param("Storage cells usually discharge at 0.5C.", [], id="c-rate-decimal"),
    pytest.param("The system has 95% round-trip efficiency.", [], id="percentage"),
    pytest.param("It charges from 10% to 80% in 12 minutes.", [], id="percentage-range"),
    pytest.param("The cells last 1,000 cycles.", [], id="cycles"),
    pytest.param("The warranty covers 12,000 cycles or 20 years.", [], id="cycles-and-years"),
    pytest.param("The plant shipped 10,000 cells in March.", [], id="count-of-cells"),
    pytest.param("The brand sold 1.2 million vehicles last year.", [], id="count-of-vehicles"),
    # --- negatives: no number, vague amounts ---------------------------------------------
    pytest.param("The deals add up to tens of GWh.", [], id="tens-of-gwh"),
    pytest.param(
        "Utilities have ordered hundreds of megawatt-hours.",
        [],
        id="hundreds-of-megawatt-hours",
    ),
    pytest.param("Several gigawatt-hours are still uncommitted.", [], id="several-gigawatt-hours"),
    pytest.param("The firm opened a GWh-level production line.", [], id="gwh-level-no-number"),
    pytest.param("Factory output is usually measured in GWh.", [], id="bare-unit"),
    # --- negatives: prices per unit ------------------------------------------------------
    pytest.param("Pack prices fell to $139/kWh.", [], id="price-per-kwh"),
    pytest.param(
        "Cells cost 95 dollars per kilowatt-hour in China.",
        [],
        id="price-per-kilowatt-hour",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_capacities(run_rules, text: str, expected: list[dict[str, Any]]) -> None:
    record = run_rules(text)
    assert project(record.capacities, FIELDS) == expected
    for capacity in record.capacities:
        assert capacity.text == text[capacity.start : capacity.end]


def _approx_or_none(expected: float | None) -> Any:
    return None if expected is None else pytest.approx(expected)


NORMALIZED_CASES = [
    pytest.param("a 5,000mAh phone", ("Ah", 5.0, None, None), id="mah-to-ah"),
    pytest.param("a 300 milliampere-hours cell", ("Ah", 0.3, None, None), id="written-mah-to-ah"),
    pytest.param("a 314Ah cell", ("Ah", 314.0, None, None), id="ah-stays-ah"),
    pytest.param("cells of 280 ampere-hours", ("Ah", 280.0, None, None), id="written-ah"),
    pytest.param("a 1.5 kAh cell", ("Ah", 1500.0, None, None), id="kah-to-ah"),
    pytest.param("a 99 Wh battery", ("Wh", 99.0, None, None), id="wh-stays-wh"),
    pytest.param("a 100 kWh pack", ("Wh", 1e5, None, None), id="kwh-to-wh"),
    pytest.param("a 200 MWh battery", ("Wh", 2e8, None, None), id="mwh-to-wh"),
    pytest.param("a 1.2GWh deal", ("Wh", 1.2e9, None, None), id="gwh-to-wh"),
    pytest.param("about 0.5 TWh of cells", ("Wh", 5e11, None, None), id="twh-to-wh"),
    pytest.param("eleven gigawatt-hours of cells", ("Wh", 1.1e10, None, None), id="words-to-wh"),
    pytest.param("a 10-gigawatt-hour plant", ("Wh", 1e10, None, None), id="hyphenated-to-wh"),
    pytest.param("cells of 20-40 Ah", ("Ah", None, 20.0, 40.0), id="range-ah"),
    pytest.param("between 3 and 5 GWh", ("Wh", None, 3e9, 5e9), id="range-gwh"),
    pytest.param("phones of 4,000–5,000mAh", ("Ah", None, 4.0, 5.0), id="range-mah"),
    pytest.param("40 GWh a year", ("Wh", 4e10, None, None), id="rate-normalized"),
]


@pytest.mark.parametrize("text, expected", NORMALIZED_CASES)
def test_capacity_normalized(run_rules, text: str, expected: tuple) -> None:
    unit, value, lo, hi = expected
    (capacity,) = run_rules(text).capacities
    assert capacity.normalized_unit == unit
    assert capacity.normalized_value == _approx_or_none(value)
    assert capacity.normalized_min == _approx_or_none(lo)
    assert capacity.normalized_max == _approx_or_none(hi)


ARTICLE = (
    "HEFEI, March 4 -- A battery maker said on Tuesday it had started building a plant "
    "with an annual capacity of 20 GWh. The first phase will turn out 314Ah storage cells "
    "and 5,000mAh cells for phones. Its grid unit has signed a 2 GW / 8 GWh project and "
    "expects orders of between 3 and 5 GWh from utilities.\n\n"
    "The packs reach 190 Wh/kg and charge at 4C, the company said, adding that group output "
    "could reach 1 TWh within a decade."
)
ARTICLE_TEXTS = ["20 GWh", "314Ah", "5,000mAh", "8 GWh", "between 3 and 5 GWh", "1 TWh"]


def test_capacity_spans_match_article(run_rules) -> None:
    capacities = run_rules(ARTICLE).capacities
    assert [c.text for c in capacities] == ARTICLE_TEXTS
    for capacity in capacities:
        assert ARTICLE[capacity.start : capacity.end] == capacity.text


def test_capacities_follow_text_order(run_rules) -> None:
    starts = [c.start for c in run_rules(ARTICLE).capacities]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)


def test_capacity_rate_only_where_annual(run_rules) -> None:
    rates = [c.rate for c in run_rules(ARTICLE).capacities]
    assert rates == ["year", None, None, None, None, None]


def test_repeated_capacity_gets_its_own_offsets(run_rules) -> None:
    text = "The first line adds 10 GWh. A second line, due later, adds another 10 GWh."
    capacities = run_rules(text).capacities
    assert [c.text for c in capacities] == ["10 GWh", "10 GWh"]
    assert [c.start for c in capacities] == [
        text.index("10 GWh"),
        text.rindex("10 GWh"),
    ]
    for capacity in capacities:
        assert text[capacity.start : capacity.end] == capacity.text


def test_offsets_are_character_offsets_after_non_ascii(run_rules) -> None:
    text = "“We will reach 40 GWh — maybe more — by then,” said Zoë Müller of the Ōsaka unit."
    (capacity,) = run_rules(text).capacities
    assert capacity.text == "40 GWh"
    assert (capacity.start, capacity.end) == (15, 21)
    assert text[capacity.start : capacity.end] == "40 GWh"
