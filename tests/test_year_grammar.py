"""Table tests for the year grammar and its normalizer (no spaCy): what a year expression is, the
values it gives and the days it covers. Whether an expression is a *target* is tested in
test_table_years.py; here each row is one surface string."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest

from pipeline.normalize.years import parse_year_expression, year_regex, year_window
from pipeline.records import Grain
from pipeline.resources import table

PUBLISHED = date(2025, 6, 12)

# text -> (year, end_year, qualifier, relative, grain, fiscal), published PUBLISHED
VALUES = [
    pytest.param("by 2030", (2030, None, "by", False, "year", None), id="year"),
    pytest.param("by mid-2027", (2027, None, "by mid", False, "year", None), id="mid-year-is-year-grain"),
    pytest.param("by the end of 2026", (2026, None, "by the end of", False, "year", None), id="end-of-year"),
    pytest.param("between 2027 and 2030", (2027, 2030, "between", False, "year", None), id="range"),
    pytest.param("2025-26", (2025, 2026, None, False, "year", None), id="short-range"),
    pytest.param("between now and 2030", (2030, None, "between now and", False, "year", None), id="between-now-and"),
    pytest.param("in H2 2026", (2026, None, "in h2", False, "half", None), id="half-code"),
    pytest.param("the first half of 2026", (2026, None, "the first half of", False, "half", None), id="first-half"),
    pytest.param("Q4 2027", (2027, None, "q4", False, "quarter", None), id="quarter-code"),
    pytest.param(
        "in the second quarter of 2025", (2025, None, "in the second quarter of", False, "quarter", None), id="quarter"
    ),
    pytest.param("in December 2026", (2026, None, "in", False, "month", None), id="month"),
    pytest.param("by end-March 2026", (2026, None, "by end", False, "month", None), id="end-of-month"),
    pytest.param("in Sept. 2027", (2027, None, "in", False, "month", None), id="abbreviated-month"),
    pytest.param("on March 3, 2027", (2027, None, "on", False, "day", None), id="month-day-year"),
    pytest.param("3 March 2027", (2027, None, None, False, "day", None), id="day-month-year"),
    pytest.param("on Tuesday, March 3, 2027", (2027, None, "on", False, "day", None), id="weekday-date"),
    pytest.param("the 3rd of March 2027", (2027, None, None, False, "day", None), id="ordinal-of-month"),
    pytest.param("in March of 2027", (2027, None, "in", False, "month", None), id="month-of-year"),
    pytest.param("by 2027-03-31", (2027, None, "by", False, "day", None), id="iso-date"),
    pytest.param("by 03/04/2027", (2027, None, "by", False, "day", None), id="numeric-date"),
    pytest.param("on 05.03.2027", (2027, None, "on", False, "day", None), id="numeric-date-with-dots"),
    pytest.param("2027-03-05T10:00:00Z", (2027, None, None, False, "day", None), id="iso-date-and-time"),
    pytest.param("Sep 25 2027", (2027, None, None, False, "day", None), id="month-day-year-without-comma"),
    pytest.param("Tuesday 5 March 2027", (2027, None, None, False, "day", None), id="weekday-without-comma"),
    pytest.param("in the third week of 2027", (2027, None, "in the third week of", False, "week", None), id="week"),
    pytest.param("in spring 2026", (2026, None, "in spring", False, "season", None), id="season"),
    pytest.param("FY26", (2026, None, None, False, "year", "named"), id="fy-two-digits"),
    pytest.param("by FY2028", (2028, None, "by", False, "year", "named"), id="fy-four-digits"),
    pytest.param("in fiscal 2027", (2027, None, "in", False, "year", "named"), id="fiscal-word"),
    pytest.param("in the 2027 fiscal year", (2027, None, "in", False, "year", "named"), id="fiscal-year-after"),
    pytest.param(
        "in the financial year 2026-27", (2026, None, "in", False, "year", "starts"), id="financial-year-split"
    ),
    pytest.param(
        "the year to March 2026", (2026, None, "the year to", False, "month", "ends"), id="fiscal-year-to-month"
    ),
    pytest.param("2030F", (2030, None, None, False, "year", None), id="forecast-mark"),
    pytest.param("in the year 2030", (2030, None, "in", False, "year", None), id="the-year-word"),
    pytest.param("next year", (2026, None, None, True, "year", None), id="next-year"),
    pytest.param(
        "by the end of the year", (2025, None, "by the end of", True, "year", None), id="end-of-the-year"
    ),
    pytest.param("later this year", (2025, None, "later", True, "year", None), id="later-this-year"),
    pytest.param(
        "in the second half of next year", (2026, None, "in the second half of", True, "half", None), id="half-next"
    ),
    pytest.param("in February next year", (2026, None, "in", True, "month", None), id="month-next-year"),
    pytest.param("within two years", (2027, None, "within", True, "year", None), id="within-two-years"),
]


@pytest.mark.parametrize(("text", "expected"), VALUES)
def test_year_expression_values(text, expected):
    found = parse_year_expression(text, PUBLISHED)
    assert (found.year, found.end_year, found.qualifier, found.relative, found.grain, found.fiscal) == expected


def test_relative_year_without_a_date_has_no_year():
    found = parse_year_expression("by the end of the year")
    assert (found.year, found.relative) == (None, True)


# Strings that hold no year expression at all: the grammar must not match inside them.
NOT_YEARS = [
    pytest.param("a 2,030 MWh project", id="thousands-separator"),
    pytest.param("CR2032 coin cells", id="product-code"),
    pytest.param("2030 GWh of cells", id="number-before-a-unit"),
    pytest.param("$2030 a unit", id="price"),
    pytest.param("20.30 percent", id="decimal"),
    pytest.param("2170 cells", id="cell-format"),
]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_not_year_expressions(text):
    assert [m.group() for m in year_regex().finditer(text)] == []


# text -> the first and last day it can mean
WINDOWS = [
    pytest.param("in 2026", (date(2026, 1, 1), date(2026, 12, 31)), id="year"),
    pytest.param("between 2027 and 2030", (date(2027, 1, 1), date(2030, 12, 31)), id="range"),
    pytest.param("in the second half of 2025", (date(2025, 7, 1), date(2025, 12, 31)), id="half"),
    pytest.param("Q1 2026", (date(2026, 1, 1), date(2026, 3, 31)), id="quarter"),
    pytest.param("in February 2028", (date(2028, 2, 1), date(2028, 2, 29)), id="month-leap-year"),
    pytest.param("on March 3, 2027", (date(2027, 3, 3), date(2027, 3, 3)), id="day"),
    pytest.param("2027-03-31", (date(2027, 3, 31), date(2027, 3, 31)), id="iso-day"),
    pytest.param("25/12/2027", (date(2027, 12, 25), date(2027, 12, 25)), id="numeric-day-first"),
    pytest.param("03/04/2027", (date(2027, 3, 4), date(2027, 4, 3)), id="numeric-either-order"),
    pytest.param("by the end of the year", (date(2025, 10, 1), date(2025, 12, 31)), id="relative-end-of-year"),
    pytest.param("Q3 FY26", (date(2026, 1, 1), date(2026, 12, 31)), id="fiscal-quarter-is-its-whole-year"),
]


@pytest.mark.parametrize(("text", "expected"), WINDOWS)
def test_year_windows(text, expected):
    assert year_window(text, PUBLISHED) == expected


def test_no_window_for_a_relative_year_without_a_date():
    assert year_window("next year") is None


def test_period_table_is_valid():
    """Every part of a year names a grain a record can hold and months in order."""
    for name, entry in table("years.toml")["periods"].items():
        assert entry["grain"] in get_args(Grain), name
        first, last = entry["months"]
        assert 1 <= first <= last <= 12, name


def test_month_and_relative_tables_are_valid():
    data = table("years.toml")
    assert sorted(set(data["months"].values())) == list(range(1, 13))
    assert all(query in {"this year", "next year"} or query.startswith("in ") for query in data["relative"].values())
