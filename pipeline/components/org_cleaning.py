"""Trim a candidate organization span to the name itself, or reject it."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_UPPER, LIKE_NUM, SENT_START
from spacy.tokens import Doc, Span

from pipeline.components.org_evidence import product_nouns
from pipeline.components.spans import (
    FACTS,
    breaks_after,
    doc_text,
    entities,
    flags,
    lower_words,
    sentence_bounds,
    span_text,
    token_offsets,
    words,
)
from pipeline.normalize.orgnames import is_rejected
from pipeline.resources import table

_COLUMNS_KEY = (FACTS, "cleaning_columns")
YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _rules() -> dict[str, frozenset[str]]:
    clean = table("organizations.toml")["clean"]
    keys = ("always", "descriptors", "trailing", "connectors", "nationalities", "credit_marks")
    rules = {key: frozenset(clean[key]) for key in keys}
    media = frozenset(table("token_classes.toml")["media_end"]["words"])
    institutions = frozenset(table("token_classes.toml")["institution"]["words"])
    reject = frozenset(table("organizations.toml")["reject"]["names"])
    return {**rules, "reject": reject, "media_words": media, "institutions": institutions}


class _Columns(NamedTuple):
    """The token columns the cleaning steps read, fetched once per Doc (they are read per token)."""

    texts: list[str]
    lower: list[str]
    is_lower: list[int]
    starts: list[int]
    punct: list[int]


def _columns(doc: Doc) -> _Columns:
    found = doc.user_data.get(_COLUMNS_KEY)
    if found is None:
        found = _Columns(words(doc), lower_words(doc), *(flags(doc, a) for a in (IS_LOWER, SENT_START, IS_PUNCT)))
        doc.user_data[_COLUMNS_KEY] = found
    return found


def is_nationality(text: str) -> bool:
    """A nationality or demonym of the clean rules ("Chinese", "South Korean")."""
    return text in _rules()["nationalities"]


def _is_descriptor(c: _Columns, i: int, rules: dict[str, frozenset[str]]) -> bool:
    """ "automaker GAC Group", "Automaker SAIC Motor Corp"; but a capitalised institution word heads
    a name ("Bank Mandiri", "Ministry of Power")."""
    lower = c.is_lower[i]
    if not lower and c.texts[i] in rules["institutions"]:
        return False
    written_as_descriptor = lower or c.starts[i] == 1
    return c.lower[i] in rules["descriptors"] and bool(written_as_descriptor)


def _is_qualifying(c: _Columns, i: int, rules: dict[str, frozenset[str]]) -> bool:
    """Words that may stand between leading words and a descriptor: "Chinese EV maker"."""
    text = c.texts[i]
    return text in rules["nationalities"] or is_rejected(text) or bool(c.is_lower[i])


def _is_modifier(c: _Columns, i: int, rules: dict[str, frozenset[str]]) -> bool:
    """Nationalities, trade acronyms and lower-case words: "Several Chinese EV" names no one."""
    text = c.texts[i]
    known = text in rules["nationalities"] or text in rules["reject"]
    return known or bool(c.is_lower[i] or c.punct[i])


def _is_outlet(c: _Columns, start: int, end: int, rules: dict[str, frozenset[str]]) -> bool:
    """A news outlet's name, which keeps its leading words: "The Storage Desk", "Cell Market Tracker"."""
    texts = c.texts
    return end - start > 1 and texts[end - 1].title() in rules["media_words"] and texts[start][:1].isupper()


def _leading_cut(c: _Columns, start: int, end: int, rules: dict[str, frozenset[str]]) -> int:
    """The first token of the name after its leading descriptors."""
    if start < end and c.lower[start] in rules["credit_marks"]:
        start += 1 + int(start + 1 < end and YEAR.fullmatch(c.texts[start + 1]) is not None)
    if _is_outlet(c, start, end, rules):
        return start
    cut, lower = start, c.lower
    for i in range(start, end):
        if (i == cut and lower[i] in rules["always"]) or _is_descriptor(c, i, rules):
            cut = i + 1
        elif not _is_qualifying(c, i, rules):
            break
    return cut


def _trailing_cut(c: _Columns, start: int, end: int, rules: dict[str, frozenset[str]]) -> int:
    """The end of the name without its trailing words ("Michigan EV", lower-case words, connectors)."""
    texts, lower = c.texts, c.is_lower
    while end > start and (
        texts[end - 1] in rules["trailing"]
        or (end - start > 1 and texts[end - 1] in rules["reject"] and texts[end - 1].isupper())  # "Michigan EV"
        or (lower[end - 1] and texts[end - 1] not in {"plc"})
        or texts[end - 1] in rules["connectors"]
    ):
        end -= 1
    return end


def _before_break(doc: Doc, start: int, end: int) -> int:
    """The end of the name before a bracket or a line break: "China Energy Storage Alliance (CNESA"
    -> "China Energy Storage Alliance"; a headline's last word and the next line are not one name."""
    texts, breaks = words(doc), breaks_after(doc)
    for i in range(start + 1, end):
        text = texts[i]
        if text in {"(", "["} or breaks[i - 1] or ("\n" in text and text.isspace()):
            return i
    return end


def _is_place_shape(doc: Doc, start: int, end: int) -> bool:
    """ "Noida-based", "Shenzhen-listed", or an upper-case dateline ("NINGDE, Fujian, April 21")."""
    texts = words(doc)
    if end + 1 < len(texts) and texts[end] == "-" and texts[end + 1].lower() in {"based", "listed", "headquartered"}:
        return True
    name = _text_of(doc, start, end)
    if not (name.isupper() and len(name) > 3):
        return False
    upper = flags(doc, IS_UPPER)
    while start > 0 and upper[start - 1]:  # "ST. THOMAS, Ontario"
        start -= 1
    at_line_start = start == 0 or "\n" in texts[start - 1]  # a token's own trailing space is never a break
    dateline_mark = end < len(texts) and texts[end] in {",", "—", "–", "--", "-", "("}
    return at_line_start and dateline_mark


def _text_of(doc: Doc, start: int, end: int) -> str:
    starts, ends = token_offsets(doc)
    return doc_text(doc)[starts[start] : ends[end - 1]]


def clean_span(span: Span) -> Span | None:
    """ "automaker GAC Group" -> "GAC Group"; "Tesla's" -> "Tesla"; "Several Chinese EV" -> None."""
    rules, doc = _rules(), span.doc
    columns = _columns(doc)
    end = _before_break(doc, span.start, span.end)
    label, kb_id = (span.label, span.kb_id) if end == span.end else (0, 0)  # a cut span keeps no label
    start = _leading_cut(columns, span.start, end, rules)
    end = _trailing_cut(columns, start, end, rules)
    if end <= start:
        return None
    texts = columns.texts
    structured = any(texts[i] in {"of", "for", "de"} for i in range(start + 1, end - 1))  # "Ministry of Power"
    modifiers = not structured and all(_is_modifier(columns, i, rules) for i in range(start, end))
    if modifiers or is_rejected(_text_of(doc, start, end)) or _is_place_shape(doc, start, end):
        return None
    return Span(doc, start, end, label=label, kb_id=kb_id)


LOCATIVE = re.compile(r"\b(?:in|near|outside|at|across)\s+")
# What follows a place after a locative: "in Krishnagiri, Tamil Nadu", "a Noida-based maker"
# or a date after it: "a site in Teesside by 2028", "output in Pilbara from 2027"
AFTER_PLACE = re.compile(
    r"\s*[,.;]|-based|\s*$|\s*\n|\s+(?:by|from|until|in|after)\s+(?:(?:early|mid|late)-?\s*)?(?:19|20)\d\d\b"
)


def place_names(doc, candidates: list[Span]) -> set[str]:
    """Names the model called ORG that the text uses as places: somewhere written "in X," or
    "in X." ("a plant in Krishnagiri, Tamil Nadu"), or tagged GPE/LOC elsewhere."""
    texts = {span_text(c) for c in candidates}
    text = doc_text(doc)
    places = {text[a:b] for _, _, label, a, b in entities(doc) if label in {"GPE", "LOC", "FAC"}} & texts
    after_locatives = [match.end() for match in LOCATIVE.finditer(text)]
    for name in texts - places:
        if name.endswith("."):
            continue
        if any(text.startswith(name, at) and AFTER_PLACE.match(text, at + len(name)) for at in after_locatives):
            places.add(name)
    return places


def is_product_or_figure(span: Span) -> bool:
    """A model's ORG that is a product ("the Naxtra brand", "Terra models") or holds a number ("MW/2,000")."""
    doc, texts = span.doc, words(span.doc)
    lower = lower_words(doc)
    following = lower[span.end] if span.end < len(texts) else ""
    slashed = any("/" in texts[i] for i in range(span.start, span.end))  # "MW/2,000"
    return following in product_nouns() or holds_number(span) or slashed or _shares_a_noun(span, texts, lower)


def holds_number(span: Span) -> bool:
    """A number among the name's words: a standard's or a model's ("UL 2849", "Model 3")."""
    numbers, digits = flags(span.doc, LIKE_NUM), flags(span.doc, IS_DIGIT)
    return any(numbers[i] or digits[i] for i in range(span.start, span.end))


def _shares_a_noun(span: Span, texts: list[str], lower: list[str]) -> bool:
    """Coordinated with a name that a product or place noun follows: "in the Calabria South and
    Centre-South zones" (both are zones)."""
    at = span.end
    if at >= len(texts) or lower[at] not in {"and", "or"}:
        return False
    at += 1
    while at < min(len(texts), span.end + 6) and (texts[at][:1].isupper() or texts[at] == "-"):
        at += 1  # "Centre-South" is three tokens
    return at > span.end + 1 and at < len(texts) and lower[at] in product_nouns()


def in_credit_line(span: Span) -> bool:
    """Reporter and editor credits and bylines name people: "(Reporting by …; Editing by …)", "By …"."""
    start, end = sentence_bounds(span)
    line = doc_text(span.doc)[start : min(end, start + 40)].lstrip("( ").lower()
    return line.startswith(("reporting by", "editing by", "writing by", "by ", "additional reporting", "compiled by"))
