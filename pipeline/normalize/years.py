"""Year expressions: "by 2030", "between 2027 and 2030", "by mid-2027", "FY2028", "next year",
"in the second half of 2025", "December 2026", "the financial year 2026-27". The grammar is in
``year_grammar``; here a match becomes values, and the stretch of time it covers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from pipeline.normalize.numerals import normalize_qualifier
from pipeline.normalize.year_grammar import month_number, period_entry, year_regex
from pipeline.records import Fiscal, Grain
from pipeline.resources import table

__all__ = ["YearExpression", "parse_year_expression", "resolve_relative", "year_regex", "year_window"]

@dataclass(frozen=True)
class YearExpression:
    """The values of a target year record (the fields of ``TargetYear`` besides its location)."""

    year: int | None
    end_year: int | None
    qualifier: str | None
    relative: bool
    grain: Grain = "year"
    fiscal: Fiscal | None = None


def _end_year(start: int, end: str | None) -> int | None:
    if end is None:
        return None
    return int(str(start)[:2] + end) if len(end) == 2 else int(end)


def _match(text: str) -> re.Match[str]:
    match = year_regex().fullmatch(text)
    if match is None:
        raise ValueError(f"not a year expression: {text!r}")
    return match


def _qualifier(match: re.Match[str]) -> str | None:
    """The words before the core, as written: "by the end of", "by mid", "for the fiscal year ending"."""
    parts = ("weekday", "day", "month", "numeric", "fiscal", "year_word", "year", "code", "relative")
    core = min(match.start(part) for part in parts if match[part] is not None)
    words = re.sub(r"(?i)(?:\bthe|[\s-])+$", "", match.string[match.start() : core])
    if match["relative"] and match["relative"].lower().startswith("within"):
        words = " ".join(filter(None, (words, "within")))
    return normalize_qualifier(words)


def _grain(match: re.Match[str]) -> Grain:
    """The finest part the text gives: "by end-March 2026" is a month, "by mid-2027" a year."""
    if match["day"] or match["day_after"] or match["numeric"] or match["iso"]:
        return "day"
    if match["month"]:
        return "month"
    return period_entry(match["period"])["grain"] if match["period"] else "year"


def _fiscal(match: re.Match[str]) -> Fiscal | None:
    if match["fiscal_end"]:
        return "ends"
    if match["fiscal"] or match["short"] or match["fiscal_after"]:
        return "starts" if _is_split_fiscal_year(match) else "named"
    return None


def _is_split_fiscal_year(match: re.Match[str]) -> bool:
    """ "the financial year 2026-27": one fiscal year written by the two calendar years it spans."""
    if not (match["fiscal"] and match["year"] and match["end"]):
        return False
    return _end_year(int(match["year"]), match["end"]) == int(match["year"]) + 1


@lru_cache(maxsize=4096)  # pure; news repeats its years ("by 2030")
def parse_year_expression(text: str, published: date | None = None) -> YearExpression:
    """Values of one year expression; relative ones are resolved against ``published``."""
    match = _match(text)
    qualifier, grain, fiscal = _qualifier(match), _grain(match), _fiscal(match)
    if match["relative"]:
        return YearExpression(resolve_relative(match["relative"], published), None, qualifier, True, grain)
    year = int(match["year"]) if match["year"] else 2000 + int(match["short"])  # "FY27" is 2027
    end = None if fiscal == "starts" else _end_year(year, match["end"])
    return YearExpression(year, end, qualifier, False, grain, fiscal)


@lru_cache(maxsize=4096)
def year_window(text: str, published: date | None = None) -> tuple[date, date] | None:
    """The first and last day an expression can mean ("second half of 2025" -> 2025-07-01 and
    2025-12-31); None for a relative one without a publication date. A fiscal year is taken as
    its calendar year: which months a company's fiscal quarters cover is not in the text."""
    expression, match = parse_year_expression(text, published), _match(text)
    if expression.year is None:
        return None
    last_year = expression.end_year or expression.year
    first_month, last_month = 1, 12
    if expression.fiscal is None and match["month"]:
        first_month = last_month = month_number(match["month"])
    elif expression.fiscal is None and match["period"]:
        first_month, last_month = period_entry(match["period"])["months"]
    first = date(expression.year, first_month, 1)
    last = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    days = _days(match, last_year, last_month) if expression.fiscal is None else []
    return (min(days), max(days)) if days else (first, last)


def _days(match: re.Match[str], year: int, month: int) -> list[date]:
    """The day a full date names; both readings of "03/04/2027" (3 April or March 4) when both can be."""
    if match["iso"]:
        readings = [(int(match["iso_month"]), int(match["iso_day"]))]
    elif match["numeric"]:
        first, second = int(match["first_number"]), int(match["second_number"])
        readings = [(second, first), (first, second)]
    else:
        day = match["day"] or match["day_after"]
        readings = [(month, int(day))] if day else []
    return [_day(year, m, d) for m, d in readings if _day(year, m, d) is not None]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 February", "13/13/2027"


@lru_cache(maxsize=256)
def _relative_year(query: str, base: date) -> int | None:
    """dateparser, English only, set up once per publication date."""
    from dateparser.date import DateDataParser  # slow to import: only when a relative year is met

    settings = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": datetime(base.year, base.month, base.day)}
    result = DateDataParser(languages=["en"], settings=settings).get_date_data(query)
    return result.date_obj.year if result and result.date_obj else None


def resolve_relative(phrase: str, published: date | None) -> int | None:
    """``resolve_relative("next year", date(2025, 3, 1)) == 2026``; None without a date."""
    if published is None:
        return None
    query = table("years.toml")["relative"].get(" ".join(phrase.lower().split()), phrase)
    return _relative_year(query, published)
