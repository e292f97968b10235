"""Money expressions: "2.5 billion yuan", "US$352 million", "€500m", "Rs 4,500 crore", "₹1,39,999",
"$1 billion to $1.5 billion", "half a billion dollars", "about $2 billion", "64.2 cents",
"(US$99.99)" (negative, as results tables write it), "$2.174T"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from pipeline.normalize.alternation import alternation
from pipeline.normalize.currencies import surfaces
from pipeline.normalize.currency_context import Resolved, resolve
from pipeline.normalize.numerals import (
    is_article_form,
    normalize_qualifier,
    number_pattern,
    parse_number,
    qualifier_pattern,
    scale_factor,
    scale_pattern,
)
from pipeline.normalize.ranges import QUALIFIER
from pipeline.normalize.ranges import RANGE_SEPARATOR as SEPARATOR
from pipeline.resources import table

# South-Asian digit grouping: "1,39,999" (one lakh, thirty-nine thousand …), "12,34,56,789".
LAKH_DIGITS = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"
SUBUNIT = Decimal("0.01")  # cents, pence, paise, sen: a hundredth of their currency


@dataclass(frozen=True)
class Money:
    amount: Decimal | None
    min: Decimal | None
    max: Decimal | None
    currency: str
    qualifier: str | None
    currency_inferred: bool = False


@cache
def _money_scales() -> dict[str, int]:
    return dict(table("currencies.toml")["scales"])


@cache
def money_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two shapes: currency before the number ("US$352 million") and after it ("2.5 billion yuan")."""
    number, scale = rf"(?:{LAKH_DIGITS}|{number_pattern(with_articles=True)})", scale_pattern()
    glued = "|".join([*table("numerals.toml")["case_sensitive_scales"]["glued_only"], *_money_scales()])
    found = surfaces()
    symbols = alternation(found.symbols, space=r"\s")
    words = alternation([*found.words, *found.subunits], ignore_case=True)  # used as (?i:…)
    amount = rf"(?:{number})(?:(?:\s*|-)(?:{scale})|(?:{glued})(?![\w]))?"  # "2.5 billion", "18,100-crore"
    qualifier = QUALIFIER.format(qualifiers=qualifier_pattern())
    before = re.compile(
        rf"(?<![\w.,$€£¥₹])(?P<open>\()?{qualifier}(?P<sign>[-−](?=\S))?(?P<currency>{symbols})\s?(?P<low>{amount})"
        rf"(?:{SEPARATOR}(?P<high_currency>{symbols})?\s?(?P<high>{amount}))?(?![\w])(?(open)\))"
    )
    after = re.compile(
        rf"(?<![\w.,$€£¥₹]){qualifier}(?P<low>{amount})(?:{SEPARATOR}(?P<high>{amount}))?"
        rf"(?:\s*|-)(?P<currency>(?i:{words})|{symbols})(?![\w])"
    )
    return before, after


@cache
def _amount_regex() -> re.Pattern[str]:
    scale_words = sorted((re.escape(w) for w in table("numerals.toml")["scales"]), key=len, reverse=True)
    letters = "|".join(_money_scales())  # case-sensitive: "$2.174T", but "eight" is no "eigh" + "t"
    return re.compile(rf"(?P<number>.+?)(?:\s*|-)(?P<scale>(?i:{'|'.join(scale_words)})|{letters})?")


@cache
def _ambiguous_words() -> tuple[frozenset[str], frozenset[str]]:
    """Currency words that are also ordinary words, and those of them a grouped number makes money."""
    data = table("currencies.toml")["ambiguous_words"]
    return frozenset(w.lower() for w in data["words"]), frozenset(w.lower() for w in data["grouped"])


def _factor(scale: str | None) -> Decimal:
    return Decimal(10) ** _money_scales()[scale] if scale in _money_scales() else scale_factor(scale)


def amount_parts(text: str) -> tuple[Decimal, str | None]:
    """ "2.5 billion" -> (2.5, "billion"); "500m" -> (500, "m"); "half a billion" -> (0.5, "billion")."""
    match = _amount_regex().fullmatch(text.strip())
    if match is None or not match["number"]:
        raise ValueError(f"not an amount: {text!r}")
    if is_article_form(match["number"]) and not match["scale"]:
        raise ValueError(f"an article is a number only before a scale word: {text!r}")
    return parse_number(match["number"]), match["scale"]


def number_end(text: str) -> int:
    """Where the number of an amount ends, before its scale word ("3 billion" -> 1)."""
    match = _amount_regex().fullmatch(text)
    return match.end("number") if match else len(text)


def needs_scale(match: re.Match[str]) -> bool:
    """An ambiguous currency word ("pounds", "won") with no scale word: not an amount, unless the
    word is money after any grouped or decimal number ("248,500 won") and the number is one."""
    words, grouped = _ambiguous_words()
    currency = " ".join(match["currency"].lower().split())
    ends = [end for end in (match["high"], match["low"]) if end and not is_article_form(end)]
    if currency not in words or (ends and amount_parts(ends[0])[1] is not None):
        return False
    return not (currency in grouped and ends and re.fullmatch(r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+\.\d+", ends[0]))


def _low_scale(low: Decimal, low_scale: str | None, high: Decimal, high_scale: str | None) -> str | None:
    """The low end shares the high end's scale ("$1-1.5 billion") unless it is a full amount
    already ("from $800,000 to $1.3 million")."""
    if low_scale or high_scale is None:
        return low_scale
    return None if low * _factor(high_scale) > high * _factor(high_scale) and low >= 1000 else high_scale


def is_ordered_range(match: re.Match[str]) -> bool:
    """No range, or a range whose low end is not above its high end."""
    if match["high"] is None:
        return True
    if is_article_form(match["high"]):
        return False
    low, low_scale = amount_parts(match["low"])
    high, high_scale = amount_parts(match["high"])
    return low * _factor(_low_scale(low, low_scale, high, high_scale)) <= high * _factor(high_scale)


def currency_of(surface: str, resolved: Resolved = ()) -> tuple[str, bool, Decimal]:
    """ISO code of a currency surface, whether the article decided it (an ambiguous surface), and
    the factor of a sub-unit word ("cents" -> the article's dollar, 0.01)."""
    found = surfaces()
    key = " ".join(surface.split())
    code = found.symbols.get(key) or found.words.get(key.lower())
    factor = Decimal(1)
    if code is None and key.lower() in found.subunits:
        code, factor = found.subunits[key.lower()], SUBUNIT
    if code is None:
        raise ValueError(f"unknown currency: {surface!r}")
    if len(code) == 3 and code.isupper() and code.isalpha():
        return code, False, factor
    return resolve(code, resolved), True, factor


def match_money(text: str) -> re.Match[str] | None:
    """The full match of one money expression, in either shape."""
    for regex in money_regexes():
        match = regex.fullmatch(text)
        if match:
            return match
    return None


@lru_cache(maxsize=4096)  # pure; news repeats its amounts ("$1 billion")
def parse_money(text: str, resolved: Resolved = ()) -> Money:
    """Exact amount and currency, e.g. ``parse_money("$1.2bn").amount == Decimal("1200000000")``.
    ``resolved`` is what the article makes of its ambiguous surfaces (``currency_context.resolved``)."""
    match = match_money(text)
    if match is None:
        raise ValueError(f"not an amount of money: {text!r}")
    currency, inferred, unit = currency_of(match["currency"], resolved)
    negative = match.groupdict().get("open") or match.groupdict().get("sign")
    sign = Decimal(-1) if negative else Decimal(1)
    qualifier = normalize_qualifier(match["between"] or match["qualifier"])
    low, low_scale = amount_parts(match["low"])
    if match["high"] is None:
        return Money(sign * unit * low * _factor(low_scale), None, None, currency, qualifier, inferred)
    high, high_scale = amount_parts(match["high"])
    low_scale = _low_scale(low, low_scale, high, high_scale)
    low, high = unit * low * _factor(low_scale), unit * high * _factor(high_scale)
    return Money(None, min(sign * low, sign * high), max(sign * low, sign * high), currency, qualifier, inferred)
