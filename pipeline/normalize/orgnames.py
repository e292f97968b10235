"""Organization names as strings: keys for grouping, short forms, acronyms, rejection."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.normalize.dictionary import is_english_word
from pipeline.resources import jsonl, table


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Case- and punctuation-insensitive key: "China International Capital Corp." ~ "… Corp"."""
    return " ".join(re.sub(r"[.,’']", " ", name).replace("-", " - ").lower().split())


def name_words(name: str) -> list[str]:
    """Words of a name as suffix tables write them: "Gotion High-Tech" -> ["Gotion", "High", "-", "Tech"]."""
    return name.replace("-", " - ").replace(",", " , ").split()


def join_words(words: list[str]) -> str:
    """The inverse of ``name_words`` for display and search."""
    return " ".join(words).replace(" - ", "-").replace(" , ", ", ").removesuffix(" ,")


@cache
def _suffixes(industry: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Legal and group suffixes (and industry words) as word tuples, longest first, by last word."""
    data = table("organizations.toml")["short_forms"]
    suffixes = [*data["suffixes"], *(data["industry"] if industry else ())]
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for suffix in sorted((tuple(name_words(s)) for s in suffixes), key=len, reverse=True):
        by_last.setdefault(suffix[-1], []).append(suffix)
    return {last: tuple(found) for last, found in by_last.items()}


def short_forms(tokens: list[str], industry: bool = True) -> list[list[str]]:
    """The name without its trailing suffixes, step by step: SAIC Motor Corp -> SAIC Motor, SAIC."""
    return [list(form) for form in _short_forms(tuple(tokens), industry)]


@lru_cache(maxsize=4096)
def _short_forms(tokens: tuple[str, ...], industry: bool) -> tuple[tuple[str, ...], ...]:
    forms, rest, suffixes = [], tokens, _suffixes(industry)
    while rest:
        suffix = next((s for s in suffixes.get(rest[-1], ()) if len(rest) > len(s) and rest[-len(s) :] == s), None)
        if suffix is None:
            break
        rest = rest[: -len(suffix)]
        forms.append(rest)
    return tuple(forms)


def initials(tokens: list[str]) -> str:
    """ "China International Capital Corp." -> "CICC" (connectors and punctuation skipped)."""
    connectors = _connectors()
    return "".join(t[0] for t in tokens if t not in connectors and t[:1].isalpha() and t[0].isupper())


@cache
def _connectors() -> frozenset[str]:
    return frozenset(table("organizations.toml")["clean"]["connectors"])


@cache
def _reject() -> tuple[frozenset[str], frozenset[str], tuple[re.Pattern[str], ...]]:
    """Rejected names (case-sensitive: "EV" but not "Ev"), places (any case: datelines write
    "SEOUL"), and rejected name shapes."""
    data = table("organizations.toml")
    places = frozenset(place.casefold() for place in data["places"]["names"])
    return frozenset(data["reject"]["names"]), places, tuple(re.compile(p) for p in data["reject"]["patterns"])


@cache
def _generic() -> frozenset[str]:
    return frozenset(table("organizations.toml")["short_forms"]["generic"])


def is_generic(tokens: list[str]) -> bool:
    """Only generic words: "New Energy", "General", "Power"."""
    return all(token in _generic() for token in tokens)


@lru_cache(maxsize=8192)
def is_rejected(name: str) -> bool:
    """Not an organization: a place, an acronym of the trade, a product or plant name, generic words."""
    names, places, patterns = _reject()
    return (
        name in names
        or name.casefold() in places
        or any(p.search(name) for p in patterns)
        or not re.search(r"[A-Z]", name)
        or is_generic(name.replace("-", " - ").split())
        or _is_product_shape(name)
    )


def _is_product_shape(name: str) -> bool:
    """ "Sodium-Ion Cells", "LFP Batteries", "4680 Cells": common words, acronyms or figures before a
    product word name a product; a coined word before it names a company ("Zentro Cells")."""
    parts = re.split(r"[\s-]+", name.strip())
    if parts[-1].lower() not in _product_endings():
        return False
    return not any(part.isalpha() and not part.isupper() and not is_english_word(part) for part in parts[:-1])


@cache
def _product_endings() -> frozenset[str]:
    return frozenset(table("organizations.toml")["reject"]["product_endings"])


@cache
def _news_agencies() -> frozenset[str]:
    entries = jsonl("organizations.jsonl")
    return frozenset(
        name_key(n) for e in entries if e["kind"] == "news_agency" for n in (e["name"], *e.get("aliases", ()))
    )


@lru_cache(maxsize=8192)
def is_news_agency(name: str) -> bool:
    """A wire service or newspaper: it reports facts, they are not about it ("told Xinhua", "(SD-Agencies)")."""
    return name_key(name) in _news_agencies() or bool(re.search(r"(?i)\b(?:agencies|newswire|news agency)\b", name))
