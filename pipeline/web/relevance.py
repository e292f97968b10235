"""The relevance gate: is a page battery or EV news, and is it in English? Each check gives the
reason a page is skipped, or None. The keywords and thresholds are data (``relevance.toml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.resources import table

LANGUAGE_CHARS = 2000  # characters of the main text that language identification reads


@dataclass(frozen=True)
class Keywords:
    raw: re.Pattern[bytes]
    text: re.Pattern[str]
    raw_hits: int
    text_hits: int


def _alternatives(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


def _pattern(words: list[str], names: list[str], units: list[str]) -> str:
    spelled, named, measured = _alternatives(words), _alternatives(names), _alternatives(units)
    return rf"(?<![\w-])(?:(?i:{spelled})|{named})(?![\w-])|(?<=\d)\s?(?:{measured})\b"


@cache
def keywords() -> Keywords:
    data = table("relevance.toml")
    pattern = _pattern(list(data["words"]), list(data["names"]), list(data["units"]))
    return Keywords(re.compile(pattern.encode()), re.compile(pattern), data["raw_hits"], data["text_hits"])


def hits(pattern: re.Pattern, data: str | bytes, enough: int) -> int:
    """Keyword matches in ``data``, counted up to ``enough`` (the scan stops there)."""
    found = 0
    for _ in pattern.finditer(data):
        found += 1
        if found >= enough:
            break
    return found


def raw_reason(page: bytes) -> str | None:
    """Why the raw bytes of a page show it is not battery or EV news, or None to read it."""
    rule = keywords()
    if hits(rule.raw, page, rule.raw_hits) < rule.raw_hits:
        return "not battery or EV news: no keyword anywhere in the page"
    return None


def text_reason(text: str) -> str | None:
    """Why an extracted title and main text are not battery or EV news in English, or None."""
    rule = keywords()
    found = hits(rule.text, text, rule.text_hits)
    if found < rule.text_hits:
        return f"not battery or EV news: {found} keyword(s) in the main text, {rule.text_hits} needed"
    language = language_of(text)
    if language != "en":
        return f"not in English (language identified: {language})"
    return None


def language_of(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (py3langid: its model ships in the package)."""
    import py3langid

    return str(py3langid.classify(text[:LANGUAGE_CHARS])[0])
