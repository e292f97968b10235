"""Money expressions: "2.5 billion yuan", "US$352 million", "€500m", "Rs 4,500 crore",
"$1 billion to $1.5 billion", "half a billion dollars", "about $2 billion"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from pipeline.normalize.alternation import alternation
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

YEN_SIGN = "¥"


@dataclass(frozen=True)
class Money:
    amount: Decimal | None
    min: Decimal | None
    max: Decimal | None
    currency: str
    qualifier: str | None


@cache
def _currencies() -> dict[str, dict[str, str]]:
    data = table("currencies.toml")
    codes = {code: data["code_aliases"].get(code, code) for code in data["codes"]}
    suffix = {" ".join(word.lower().split()): iso for word, iso in data["suffix"].items()}
    return {"prefix": {**codes, **data["prefix"]}, "suffix": {**suffix, **{c.lower(): iso for c, iso in codes.items()}}}


@cache
def money_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two shapes: currency before the number ("US$352 million") and after it ("2.5 billion yuan")."""
    number, scale = number_pattern(with_articles=True), scale_pattern()
    glued = "|".join(table("numerals.toml")["case_sensitive_scales"]["glued_only"])
    prefix = alternation(_currencies()["prefix"])
    suffix = alternation(_currencies()["suffix"], ignore_case=True)  # used as (?i:…)
    amount = rf"(?:{number})(?:(?:\s*|-)(?:{scale})|(?:{glued})(?![\w]))?"  # "2.5 billion", "18,100-crore"
    qualifier = QUALIFIER.format(qualifiers=qualifier_pattern())
    before = re.compile(
        rf"(?<![\w.,$€£¥₹])(?<![A-Za-z]\$){qualifier}(?P<currency>{prefix})\s?(?P<low>{amount})"
        rf"(?:{SEPARATOR}(?:{prefix})?\s?(?P<high>{amount}))?(?![\w])"
    )
    after = re.compile(
        rf"(?<![\w.,$€£¥₹]){qualifier}(?P<low>{amount})(?:{SEPARATOR}(?P<high>{amount}))?"
        rf"(?:\s*|-)(?P<currency>(?i:{suffix}))(?![\w])"
    )
    return before, after


@cache
def _amount_regex() -> re.Pattern[str]:
    scale_words = sorted((re.escape(w) for w in table("numerals.toml")["scales"]), key=len, reverse=True)
    return re.compile(rf"(?P<number>.+?)(?:\s*|-)(?P<scale>(?i:{'|'.join(scale_words)}))?")


@cache
def _ambiguous_words() -> frozenset[str]:
    return frozenset(w.lower() for w in table("currencies.toml")["ambiguous"]["words"])


def amount_parts(text: str) -> tuple[Decimal, str | None]:
    """ "2.5 billion" -> (2.5, "billion"); "500m" -> (500, "m"); "half a billion" -> (0.5, "billion")."""
    match = _amount_regex().fullmatch(text.strip())
    if match is None or not match["number"]:
        raise ValueError(f"not an amount: {text!r}")
    if is_article_form(match["number"]) and not match["scale"]:
        raise ValueError(f"an article is a number only before a scale word: {text!r}")
    return parse_number(match["number"]), match["scale"]


def needs_scale(match: re.Match[str]) -> bool:
    """An ambiguous currency word ("pounds", "won") with no scale word: not an amount."""
    ends = [end for end in (match["high"], match["low"]) if end and not is_article_form(end)]
    scale = amount_parts(ends[0])[1] if ends else None
    return match["currency"].lower() in _ambiguous_words() and scale is None


def is_ordered_range(match: re.Match[str]) -> bool:
    """No range, or a range whose low end is not above its high end."""
    if match["high"] is None:
        return True
    if is_article_form(match["high"]):
        return False
    low, low_scale = amount_parts(match["low"])
    high, high_scale = amount_parts(match["high"])
    return low * scale_factor(low_scale or high_scale) <= high * scale_factor(high_scale)


def currency_code(surface: str, yen_sign: str = "JPY") -> str:
    """ISO 4217 code of a currency surface; "¥" becomes ``yen_sign`` (CNY or JPY by context)."""
    currencies = _currencies()
    code = currencies["prefix"].get(surface) or currencies["suffix"].get(" ".join(surface.lower().split()))
    if code is None:
        raise ValueError(f"unknown currency: {surface!r}")
    return yen_sign if code == YEN_SIGN else code


def yen_sign_currency(article: str) -> str:
    """CNY when the article speaks more of China than of Japan, else JPY."""
    regex, code_of = _yen_cues()
    counts = {"CNY": 0, "JPY": 0}
    for match in regex.finditer(article):
        counts[code_of[match.group()]] += 1
    return "CNY" if counts["CNY"] > counts["JPY"] else "JPY"


@cache
def _yen_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every cue word, and the currency each cue counts for."""
    code_of = {word: code for code, words in table("currencies.toml")["yen_sign"].items() for word in words}
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(code_of, key=len, reverse=True))})\b"), code_of


def match_money(text: str) -> re.Match[str] | None:
    """The full match of one money expression, in either shape."""
    for regex in money_regexes():
        match = regex.fullmatch(text)
        if match:
            return match
    return None


@lru_cache(maxsize=4096)  # pure; news repeats its amounts ("$1 billion")
def parse_money(text: str, yen_sign: str = "JPY") -> Money:
    """Exact amount and currency, e.g. ``parse_money("$1.2bn").amount == Decimal("1200000000")``."""
    match = match_money(text)
    if match is None:
        raise ValueError(f"not an amount of money: {text!r}")
    currency = currency_code(match["currency"], yen_sign)
    qualifier = normalize_qualifier(match["between"] or match["qualifier"])
    low, low_scale = amount_parts(match["low"])
    if match["high"] is None:
        return Money(low * scale_factor(low_scale), None, None, currency, qualifier)
    high, high_scale = amount_parts(match["high"])
    low_scale = low_scale or high_scale
    return Money(None, low * scale_factor(low_scale), high * scale_factor(high_scale), currency, qualifier)
