"""Numbers as news writes them: "1,250.5", "0.2", "eleven", "twenty-five", "half a"."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from pipeline.normalize.alternation import alternation
from pipeline.resources import table

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Articles and fractions ("a", "half a") are numbers only before a scale word ("half a billion").
ARTICLE_FORMS = frozenset({"a", "an", "half a", "half an", "a half", "a quarter of a", "three quarters of a"})


def _words() -> dict[str, Decimal]:
    return {word: Decimal(str(value)) for word, value in table("numerals.toml")["words"].items()}


def _alternation(options: list[str]) -> str:
    """Longest first, so "one and a half" wins over "one"; spaces match any whitespace. Every
    alternation here stands inside ``(?i:…)``."""
    return alternation(options, ignore_case=True)


@cache
def number_pattern(with_articles: bool = False) -> str:
    """A regex (no groups) for one number in digits or words, case-insensitive for words."""
    words = [w for w in _words() if with_articles or w not in ARTICLE_FORMS]
    tens = [w for w, v in _words().items() if v in {Decimal(n) for n in range(20, 100, 10)}]
    units = [w for w, v in _words().items() if Decimal(1) <= v <= Decimal(9) and w not in ARTICLE_FORMS]
    compound = rf"(?:{_alternation(tens)})[-\s](?:{_alternation(units)})"
    return rf"(?:{DIGITS}|(?i:{compound}|(?:{_alternation(words)})(?![\w-])))"


def parse_number(text: str) -> Decimal:
    """The exact value of one number: ``parse_number("1,250.5") == Decimal("1250.5")``."""
    surface = " ".join(text.strip().lower().split())
    if surface and surface[0].isdigit():
        return Decimal(surface.replace(",", ""))
    words = _words()
    if surface in words:
        return words[surface]
    parts = re.split(r"[-\s]", surface)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        return words[parts[0]] + words[parts[1]]
    raise ValueError(f"not a number: {text!r}")


def is_article_form(text: str) -> bool:
    """True for "a", "an", "half a" … which are numbers only before a scale word."""
    return " ".join(text.lower().split()) in ARTICLE_FORMS


@cache
def scales() -> dict[str, int]:
    """Scale word -> power of ten, keys lower-cased."""
    return {word.lower(): power for word, power in table("numerals.toml")["scales"].items()}


def scale_factor(word: str | None) -> Decimal:
    """``scale_factor("bn") == Decimal(10**9)``; no word is a factor of one."""
    if not word:
        return Decimal(1)
    return Decimal(10) ** scales()[" ".join(word.lower().split())]


@cache
def scale_pattern() -> str:
    """Scale words that may stand apart from the number ("2.5 billion", "Rs 4,500 crore")."""
    glued_only = {w.lower() for w in table("numerals.toml")["case_sensitive_scales"]["glued_only"]}
    return rf"(?i:{_alternation([w for w in scales() if w not in glued_only])})(?![\w])"


@cache
def qualifier_pattern() -> str:
    return rf"(?i:{_alternation(list(table('numerals.toml')['qualifiers']['before']))})"


def normalize_qualifier(text: str | None) -> str | None:
    """Qualifiers are kept as written, lower-cased and single-spaced; a glued "+" is "at least"."""
    if not text:
        return None
    after = table("numerals.toml")["qualifiers"]["after"]
    return after.get(text, " ".join(text.lower().split()))
