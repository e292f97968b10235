"""What an article makes of its ambiguous currency surfaces ("$", "¥", "kr", "dollars", "cents").

The rule, in order (README "Money"):

1. a statement of the article's currency ("Amounts are in Canadian dollars unless noted") names it;
2. otherwise each candidate scores one point per cue in the article — the countries that use it
   and the adjective of its name (from CLDR: "Canada", "Canadian"), the states, cities, exchanges
   and dateline abbreviations of ``currency_places.toml`` — three points for a cue in the
   dateline ("WINDSOR, Ont. —"); a candidate other than the default wins with at least
   ``min_cues`` points and more than any other currency has (the default included). Amounts
   written in a prefixed symbol ("C$80 million") do not count: writers mark the other dollar
   both where "$" is it and where "$" is the US dollar;
3. otherwise the surface's default (the first candidate: USD for "$", JPY for "¥", GBP for "£").

Every record whose currency came from such a surface says ``currency_inferred``."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pipeline.normalize.alternation import alternation
from pipeline.normalize.currencies import adjective_of, ambiguous, countries_of, surfaces
from pipeline.resources import table

Resolved = tuple[tuple[str, str], ...]  # (ambiguous surface, ISO code) where not the default
DATELINE_WEIGHT = 3
DATELINE = re.compile(
    r"^[^\S\n]*[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}"  # WINDSOR, BÉCANCOUR
    r"(?:,[^\S\n]*[^\n—–]{1,30}?)?[^\S\n]*"  # , Ont.
    r"(?:\([^)\n]{1,40}\)[^\S\n]*)?[—–-]{1,2}\s",  # (Reuters) —
    re.MULTILINE,
)
STATEMENT = (  # "All figures are in Australian dollars", "Amounts are in Canadian dollars"
    r"(?i:\b(?:figures|amounts|prices|values|sums|numbers)\s+(?:are\s+|is\s+)?(?:expressed\s+|given\s+|quoted\s+)?in\s+)"
)


def resolve(surface: str, resolved: Resolved) -> str:
    """The ISO code of an ambiguous surface in an article: as ``resolved`` says, else its default."""
    return dict(resolved).get(surface) or ambiguous()[surface][0]


@cache
def _cues() -> dict[str, frozenset[str]]:
    """Cue text -> the currencies it counts for."""
    found: dict[str, set[str]] = {}
    codes = {code for candidates in ambiguous().values() for code in candidates}
    for code in codes:
        words = [*countries_of(code), adjective_of(code), *table("currency_places.toml")["cues"].get(code, ())]
        for word in filter(None, words):
            found.setdefault(word, set()).add(code)
    return {cue: frozenset(codes) for cue, codes in found.items()}


@cache
def _cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Cues as whole words, case-sensitive in the text and case-insensitive in a dateline; a cue
    word right before a currency sign is part of a symbol ("US $5") and does not count."""
    words = alternation(_cues(), space=r"\s+")
    bounds = r"(?<![\w$])(?P<cue>{})(?![^\W\d_])(?!\s?[$€£¥])"
    return re.compile(bounds.format(words)), re.compile(bounds.format(alternation(_cues(), ignore_case=True)), re.I)


@cache
def _statement_regex() -> re.Pattern[str]:
    names = [w for w, code in surfaces().words.items() if len(code) == 3 and code.isupper() and " " in w]
    return re.compile(rf"{STATEMENT}(?P<name>(?i:{alternation(names, ignore_case=True)}))(?![\w])")


@cache
def _lower_cues() -> dict[str, frozenset[str]]:
    lowered: dict[str, set[str]] = {}
    for cue, codes in _cues().items():
        lowered.setdefault(" ".join(cue.lower().split()), set()).update(codes)
    return {cue: frozenset(codes) for cue, codes in lowered.items()}


def cue_points(article: str) -> Counter[str]:
    """Points of each currency in the article: one per cue, three per cue in the dateline."""
    body, in_dateline = _cue_regexes()
    points: Counter[str] = Counter()
    for match in body.finditer(article):
        points.update(_cues()[" ".join(match["cue"].split())])
    dateline = DATELINE.search(article, 0, 1500)
    if dateline:
        for match in in_dateline.finditer(dateline.group()):
            codes = _lower_cues().get(" ".join(match["cue"].lower().split()), frozenset())
            points.update({code: DATELINE_WEIGHT - (match["cue"] in _cues()) for code in codes})
    return points


def stated_currency(article: str) -> str | None:
    """The currency the article says its amounts are in, if it says so."""
    match = _statement_regex().search(article)
    return surfaces().words.get(" ".join(match["name"].lower().split())) if match else None


def _favoured(candidates: tuple[str, ...], points: Counter[str], needed: int) -> str:
    """The default, unless another candidate has enough points and leads every other currency
    (a German article that mentions a plant in Ontario still writes "$" for US dollars)."""
    default = candidates[0]
    best = max(candidates[1:], key=lambda code: points[code], default=default)
    others = max((n for code, n in points.items() if code != best), default=0)
    return best if points[best] >= needed and points[best] > others else default


def resolved(article: str) -> Resolved:
    """What the article makes of each ambiguous surface, where it is not the surface's default."""
    stated, points = stated_currency(article), cue_points(article)
    needed = table("currencies.toml")["resolution"]["min_cues"]
    found = []
    for surface, candidates in ambiguous().items():
        if stated not in candidates and points.keys().isdisjoint(candidates[1:]):
            continue  # no cue for another currency than the default: the default
        choice = stated if stated in candidates else _favoured(candidates, points, needed.get(surface, 1))
        if choice != candidates[0]:
            found.append((surface, choice))
    return tuple(found)
