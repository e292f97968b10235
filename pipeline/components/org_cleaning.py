"""Trim a candidate organization span to the name itself, or reject it."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from pipeline.normalize.orgnames import is_rejected
from pipeline.resources import table


@cache
def _rules() -> dict[str, frozenset[str]]:
    clean = table("organizations.toml")["clean"]
    return {key: frozenset(clean[key]) for key in ("always", "descriptors", "trailing", "connectors", "nationalities")}


def _is_descriptor(token: Token, rules: dict[str, frozenset[str]]) -> bool:
    written_as_descriptor = token.is_lower or token.is_sent_start
    return token.lower_ in rules["descriptors"] and written_as_descriptor


def _is_qualifying(token: Token, rules: dict[str, frozenset[str]]) -> bool:
    """Words that may stand between leading words and a descriptor: "Chinese EV maker"."""
    return token.text in rules["nationalities"] or is_rejected(token.text) or token.is_lower


def _leading_cut(span: Span, rules: dict[str, frozenset[str]]) -> int:
    cut = 0
    for index, token in enumerate(span):
        if index == cut and token.lower_ in rules["always"]:
            cut = index + 1
        elif _is_descriptor(token, rules):
            cut = index + 1
        elif not _is_qualifying(token, rules):
            break
    return cut


def _trailing_cut(tokens: list[Token], rules: dict[str, frozenset[str]]) -> list[Token]:
    while tokens and (
        tokens[-1].text in rules["trailing"]
        or (tokens[-1].is_lower and tokens[-1].text not in {"plc"})
        or tokens[-1].text in rules["connectors"]
    ):
        tokens = tokens[:-1]
    return tokens


def _before_bracket(span: Span) -> Span:
    """"China Energy Storage Alliance (CNESA" -> the name before the bracket."""
    for token in span[1:]:
        if token.text in {"(", "["}:
            return span.doc[span.start : token.i]
    return span


def _is_place_shape(name: Span) -> bool:
    """"Noida-based", "Shenzhen-listed", or an upper-case dateline ("NINGDE, Fujian, April 21")."""
    doc = name.doc
    if name.end + 1 < len(doc) and doc[name.end].text == "-" and doc[name.end + 1].lower_ in {"based", "listed", "headquartered"}:
        return True
    at_line_start = name.start == 0 or "\n" in doc[name.start - 1].whitespace_ + doc[name.start - 1].text
    followed_by_comma = name.end < len(doc) and doc[name.end].text == ","
    return at_line_start and followed_by_comma and name.text.isupper() and len(name.text) > 3


def clean_span(span: Span) -> Span | None:
    """"automaker GAC Group" -> "GAC Group"; "Tesla's" -> "Tesla"; "Several Chinese EV" -> None."""
    rules = _rules()
    span = _before_bracket(span)
    tokens = _trailing_cut(list(span[_leading_cut(span, rules) :]), rules)
    if not tokens:
        return None
    name = Span(span.doc, tokens[0].i, tokens[-1].i + 1, label="ORG", kb_id=span.kb_id)
    if is_rejected(name.text) or all(_is_qualifying(t, rules) for t in name) or _is_place_shape(name):
        return None
    return name
