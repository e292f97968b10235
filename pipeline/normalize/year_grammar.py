"""The grammar of year expressions, built from ``years.toml``: one regex with a named group per part.

    [qualifier] [fiscal-year end] [period] [day and month] (year [range] [fiscal] [forecast] | relative)

"by the end of 2026", "in the second half of next year", "for the fiscal year ending March 2026",
"production starts on March 3, 2027", "the financial year 2026-27", "2030F", "between now and 2030".
Whether an expression is a *target* is decided by the finder, not here.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.normalize.alternation import alternation
from pipeline.resources import table

YEAR = r"(?:19|20|21)\d\d"
ORDINAL = r"(?:st|nd|rd|th)?"
UNITS_AFTER = r"GWh|MWh|kWh|Ah|GW|MW|units|vehicles|cars|cells"


def _words(options, *, ignore_case: bool = True) -> str:
    body = alternation(options, ignore_case=ignore_case)
    return f"(?i:{body})" if ignore_case else body


def _year_core(data) -> str:
    fiscal = data["fiscal"]
    code = rf"(?:{_words(fiscal['codes'], ignore_case=False)})\s?'?"
    words = rf"(?i:(?:the\s+)?{alternation(fiscal['before'], ignore_case=True)})\s+"
    calendar = rf"(?P<year_word>{_words(data['calendar']['words'])}\s+)"
    separator = rf"(?P<separator>\s*(?:{alternation(data['ranges']['separators'])})\s*)"
    return (
        rf"(?:(?:(?P<fiscal>{code}|{words})|{calendar})?(?P<year>{YEAR})|(?P<code>{code})(?P<short>\d\d))"
        rf"(?P<iso>-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>[0-2]\d|3[01])(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?)?"
        rf"(?:{separator}(?P<end>{YEAR}|\d\d))?"
        rf"(?P<fiscal_after>\s+{_words(fiscal['after'])})?"
        rf"(?P<forecast>{_words(data['forecast']['suffixes'], ignore_case=False)})?"
    )


def _date(data) -> str:
    """ "March 3, 2027", "Tuesday, 3rd of March 2027", "March of 2027"; "03/03/2027", "03.03.2027" glued
    to the year. ISO dates ("2027-03-03", "2027-03-03T10:00Z") follow the year, in the year's part."""
    weekday = rf"(?P<weekday>{_words(data['weekdays']['names'], ignore_case=False)}),?\s+"
    day = rf"(?:(?i:the)\s+)?(?P<day>[0-3]?\d){ORDINAL}(?:\s+of)?\s+"
    month = rf"(?P<month>(?:end-|mid-)?(?:{_words(data['months'], ignore_case=False)})\.?)"
    day_after = rf"\s+(?P<day_after>[0-3]?\d){ORDINAL},?"
    numbers = r"(?P<first_number>[0-3]?\d)(?P<numeric_mark>[/.-])(?P<second_number>[0-3]?\d)(?P=numeric_mark)"
    numeric = rf"(?P<numeric>{numbers})"
    return rf"(?:(?:{weekday})?(?:{day})?{month}(?:{day_after})?(?:\s+of)?\s+|{numeric})"


@cache
def year_regex() -> re.Pattern[str]:
    """Year expressions with their parts as named groups."""
    data = table("years.toml")
    qualifier = rf"(?P<qualifier>(?i:between|{alternation(data['qualifiers']['before'], ignore_case=True)}))"
    fiscal_end = rf"(?P<fiscal_end>{_words(data['qualifiers']['fiscal_ends'])})"
    period = rf"(?:(?i:the)\s+)?(?P<period>{_words(data['periods'])})"
    relative = rf"(?P<relative>{_words(data['relative'])})"
    goal = rf"(?=\s+{_words([*data['goals']['nouns'], *data['goals']['events']])}\b)"
    return re.compile(
        rf"(?<![\w$€£¥.,])(?:{qualifier}\s+(?:(?i:the)\s+)?)?(?:{fiscal_end}\s+)?(?:{period}[\s-]*)?"
        rf"(?:{_date(data)})?(?:{_year_core(data)}|{relative})"
        rf"(?P<goal>{goal})?(?![\w%]|[.,]\d|\s*(?:{UNITS_AFTER})\b)"
    )


def key(phrase: str) -> str:
    """How a matched word is looked up in a table: single-spaced, "mid-" as "mid"."""
    return " ".join(phrase.split()).rstrip("-").rstrip(".") or phrase


@cache
def _lower_table(name: str) -> dict[str, object]:
    return {key(k).lower(): v for k, v in table("years.toml")[name].items()}


def period_entry(period: str) -> dict:
    """``{"grain": "half", "months": [7, 12]}`` for "the second half of", "H2", "second half of"."""
    return _lower_table("periods")[key(period).lower()]


def month_number(month: str) -> int:
    """``month_number("Sept.") == 9``; "mid-March" and "end-March" are March."""
    name = key(re.sub(r"^(?:end|mid)-", "", month))
    return int(_lower_table("months")[name.lower()])


def needs_period(relative: str) -> bool:
    """"the year" dates something only after a period: "by the end of the year", not "for the year"."""
    return key(relative).lower() == "the year"


def is_this_year(relative: str) -> bool:
    """Whether a relative phrase means the publication year ("this year", "year-end", "the year"):
    such a year dates what happened as often as what is planned."""
    return _lower_table("relative").get(key(relative).lower()) == "this year"
