"""Every ISO 4217 currency in use, by code, symbol and English name, from CLDR through babel
(its data ships inside the package), plus the news spellings of ``currencies.toml``.

A surface maps to one ISO code, or, when several currencies write it ("$", "¥", "kr",
"dollars"), to itself: ``ambiguous()`` lists its candidates and the article decides
(``currency_context.py``)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from babel import Locale, localedata
from babel.core import get_global

from pipeline.resources import table


@dataclass(frozen=True)
class Surfaces:
    symbols: MappingProxyType  # case-sensitive symbol or code -> ISO code or ambiguous surface
    words: MappingProxyType  # lower-cased, single-spaced name -> ISO code or ambiguous surface
    subunits: MappingProxyType  # lower-cased sub-unit word -> ISO code or ambiguous surface


# News is read back years later: a currency retired since this date (the Croatian kuna in 2023, the
# Bulgarian lev in 2026) is still a currency of the articles that name it. CLDR releases retire
# currencies as countries change them, so without this the codes would depend on babel's version.
IN_USE_SINCE = (2020, 1, 1)


@cache
def iso_codes() -> frozenset[str]:
    """Codes of the currencies legal tender somewhere since ``IN_USE_SINCE``, as CLDR records them."""
    territories = get_global("territory_currencies")
    return frozenset(
        code
        for found in territories.values()
        for code, _, end, tender in found
        if tender and _in_use(end)
    )


def _in_use(end: tuple[int, int, int] | None) -> bool:
    """Legal tender today, or until a date since ``IN_USE_SINCE``."""
    return end is None or tuple(end) >= IN_USE_SINCE


@cache
def countries_of(code: str) -> tuple[str, ...]:
    """English names of the countries where ``code`` is legal tender ("CAD" -> ("Canada",))."""
    english = Locale("en").territories
    territories = get_global("territory_currencies")
    return tuple(
        english[territory]
        for territory, found in territories.items()
        if territory in english and any(c == code and tender and _in_use(end) for c, _, end, tender in found)
    )


def _english_names() -> dict[str, str]:
    """Singular and plural English names ("swiss franc", "swiss francs") -> ISO code."""
    english = Locale("en")
    names: dict[str, str] = {}
    for code in iso_codes():
        plural = english._data["currency_names_plural"].get(code, {})
        for name in (english.currencies.get(code), *plural.values()):
            if name:
                names[" ".join(name.lower().split())] = code
    return names


def adjective_of(code: str) -> str | None:
    """The words of the English name before the unit ("Canadian" of "Canadian Dollar")."""
    name = Locale("en").currencies.get(code, "")
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 else None


def _is_symbol(surface: str) -> bool:
    """A symbol holding a currency sign ("₪", "CA$"). Letter-only symbols are often English words
    or initials ("K", "Br", "Le"): the data file lists the ones news writes ("zł", "Kč", "kr")."""
    return any(unicodedata.category(char) == "Sc" for char in surface)


def _locales() -> list[tuple[str, str]]:
    """(locale, region) of each English locale and of each official language of a country."""
    identifiers = set(localedata.locale_identifiers())
    found = [(i, i.partition("_")[2]) for i in sorted(identifiers) if i.startswith("en_")]
    for region, languages in get_global("territory_languages").items():
        for language, info in languages.items():
            identifier = f"{language}_{region}"
            if info.get("official_status") == "official" and identifier in identifiers:
                found.append((identifier, region))
    return found


@cache
def _cldr_symbols() -> dict[str, frozenset[str]]:
    """Symbol -> the currencies that write it, in English and in the official languages of the
    countries that use each currency ("zł" in Polish)."""
    found: dict[str, set[str]] = {}
    codes, territories = iso_codes(), get_global("territory_currencies")
    for identifier, region in [("en", ""), *_locales()]:
        local = {code for code, *_ in territories.get(region, [])}
        for code, symbol in Locale.parse(identifier).currency_symbols.items():
            if code in codes and (identifier.startswith("en") or code in local) and _is_symbol(symbol):
                found.setdefault(symbol, set()).add(code)
    return {symbol: frozenset(codes) for symbol, codes in found.items()}


@cache
def ambiguous() -> MappingProxyType:
    """Ambiguous surface -> its candidate ISO codes, the default first."""
    return MappingProxyType({surface: tuple(codes) for surface, codes in table("currencies.toml")["ambiguous"].items()})


def _resolved(surface: str, codes: frozenset[str]) -> str | None:
    """One code, the ambiguous surface itself, or None (shared and without a declared default)."""
    if surface in ambiguous():
        return surface
    return next(iter(codes)) if len(codes) == 1 else None


def is_word(surface: str) -> bool:
    """A currency word ("dollars", "crowns") rather than a symbol ("$", "kr", "Rs")."""
    return surface.isalpha() and surface.islower() and len(surface) > 2


@cache
def surfaces() -> Surfaces:
    data = table("currencies.toml")
    codes = {code: code for code in iso_codes() if code not in data["codes"]["excluded"]}
    symbols = {**codes, **data["codes"]["aliases"]}
    for symbol, found in _cldr_symbols().items():
        resolved = _resolved(symbol, found)
        if resolved and symbol not in codes:
            symbols.setdefault(symbol, resolved)
    symbols.update({s: (s if s in ambiguous() else code) for s, code in data["symbols"].items()})
    symbols.update({s: s for s in ambiguous() if not is_word(s)})
    for prefix, code in data["spaced_prefixes"].items():
        symbols[f"{prefix} $"] = code
    words = _words(data)
    subunits = {w: (w if w in ambiguous() else code) for w, code in data["subunits"].items()}
    return Surfaces(MappingProxyType(symbols), MappingProxyType(words), MappingProxyType(subunits))


def _words(data: MappingProxyType) -> dict[str, str]:
    """English names from CLDR, their unit words where only one currency has them ("shekels"),
    the news spellings of the data file, and the ambiguous words."""
    words = _english_names()
    units: dict[str, set[str]] = {}
    for name, code in words.items():
        if " " in name:
            units.setdefault(name.rsplit(" ", 1)[1], set()).add(code)
    not_currencies = set(data["units"]["not_currencies"])
    words.update({u: next(iter(c)) for u, c in units.items() if len(c) == 1 and u not in not_currencies})
    words.update({" ".join(w.lower().split()): code for w, code in data["words"].items()})
    words.update({w: w for w in ambiguous() if is_word(w)})
    for word in data["subunits"]:
        words.pop(word, None)
    return words
