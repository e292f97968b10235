"""Year expressions: "by 2030", "between 2027 and 2030", "by mid-2027", "FY2028", "next year"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from pipeline.normalize.alternation import alternation
from pipeline.normalize.numerals import normalize_qualifier
from pipeline.resources import table

YEAR = r"(?:19|20|21)\d\d"


@dataclass(frozen=True)
class YearExpression:
    year: int | None
    end_year: int | None
    qualifier: str | None
    relative: bool


@cache
def year_regex() -> re.Pattern[str]:
    """Year expressions with their qualifier; whether one is a *target* is decided elsewhere."""
    data = table("years.toml")
    qualifier = rf"(?P<qualifier>(?i:between|{alternation(data['qualifiers']['before'], ignore_case=True)}))"
    period = rf"(?P<period>(?i:{alternation(data['qualifiers']['periods'], ignore_case=True)}))"
    month = rf"(?P<month>(?:end-|mid-)?(?:{alternation(data['qualifiers']['months'])}))"
    separator = rf"\s*(?:{alternation(data['ranges']['separators'])})\s*"
    year = (
        rf"(?:(?:FY\s?|(?i:fiscal\s+(?:year\s+)?))?(?P<year>{YEAR})|FY\s?'?(?P<short>\d\d))"
        rf"(?:{separator}(?P<end>{YEAR}|\d\d))?"
    )
    suffix = r"(?:\s+(?i:fiscal|financial)\s+year)?"
    relative = rf"(?P<relative>(?i:{alternation(data['relative'], ignore_case=True)}))"
    goal = rf"(?=\s+(?i:{alternation(data['goals']['nouns'], ignore_case=True)})\b)"
    return re.compile(
        rf"(?<![\w$€£¥.,])(?:{qualifier}\s+(?:the\s+)?)?"
        rf"(?:{period}[\s-]*)?(?:{month}\s+)?(?:{year}{suffix}|{relative})"
        rf"(?P<goal>{goal})?(?![\w%]|[.,]\d|\s*(?:GWh|MWh|kWh|Ah|GW|MW|units|vehicles|cars|cells)\b)"
    )


def _end_year(start: int, end: str | None) -> int | None:
    if end is None:
        return None
    return int(str(start)[:2] + end) if len(end) == 2 else int(end)


def plausible(year: int) -> bool:
    low, high = table("years.toml")["range"]["plausible"]
    return low <= year <= high


@lru_cache(maxsize=4096)  # pure; news repeats its years ("by 2030")
def parse_year_expression(text: str, published: date | None = None) -> YearExpression:
    """Values of one year expression; relative ones are resolved against ``published``."""
    match = year_regex().fullmatch(text)
    if match is None:
        raise ValueError(f"not a year expression: {text!r}")
    core = match.start("relative") if match["relative"] else match.start("year" if match["year"] else "short")
    if match["month"]:
        core = match.start("month")  # "by March 2026": the month is no qualifier
    words = re.sub(r"(?i)(?:\bthe|FY|fiscal(?:\s+year)?|[\s-])+$", "", text[: core - match.start()])
    if match["relative"]:
        phrase = match["relative"]
        if phrase.lower().startswith("within"):
            words = " ".join(filter(None, (words, "within")))
        return YearExpression(resolve_relative(phrase, published), None, normalize_qualifier(words), True)
    year = int(match["year"]) if match["year"] else 2000 + int(match["short"])  # "FY27" is 2027
    return YearExpression(year, _end_year(year, match["end"]), normalize_qualifier(words), False)


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
