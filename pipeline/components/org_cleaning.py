"""Trim a candidate organization span to the name itself, or reject it."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from pipeline.components.org_evidence import product_nouns
from pipeline.components.spans import breaks_after, doc_text, entities, sentence_bounds, span_text, words
from pipeline.normalize.orgnames import is_rejected
from pipeline.resources import table


@cache
def _rules() -> dict[str, frozenset[str]]:
    clean = table("organizations.toml")["clean"]
    rules = {key: frozenset(clean[key]) for key in ("always", "descriptors", "trailing", "connectors", "nationalities")}
    media = frozenset(table("token_classes.toml")["media_end"]["words"])
    institutions = frozenset(table("token_classes.toml")["institution"]["words"])
    reject = frozenset(table("organizations.toml")["reject"]["names"])
    return {**rules, "reject": reject, "media_words": media, "institutions": institutions}


def _is_descriptor(token: Token, rules: dict[str, frozenset[str]]) -> bool:
    """ "automaker GAC Group", "Automaker SAIC Motor Corp"; but a capitalised institution word heads
    a name ("Bank Mandiri", "Ministry of Power")."""
    if not token.is_lower and token.text in rules["institutions"]:
        return False
    written_as_descriptor = token.is_lower or token.is_sent_start
    return token.lower_ in rules["descriptors"] and written_as_descriptor


def _is_qualifying(token: Token, rules: dict[str, frozenset[str]]) -> bool:
    """Words that may stand between leading words and a descriptor: "Chinese EV maker"."""
    return token.text in rules["nationalities"] or is_rejected(token.text) or token.is_lower


def _is_modifier(token: Token, rules: dict[str, frozenset[str]]) -> bool:
    """Nationalities, trade acronyms and lower-case words: "Several Chinese EV" names no one."""
    return token.text in rules["nationalities"] or token.text in rules["reject"] or token.is_lower or token.is_punct


def _is_outlet(span: Span, rules: dict[str, frozenset[str]]) -> bool:
    """A news outlet's name, which keeps its leading words: "The Storage Desk", "Cell Market Tracker"."""
    return len(span) > 1 and span[-1].text.title() in rules["media_words"] and span[0].text[:1].isupper()


def _leading_cut(span: Span, rules: dict[str, frozenset[str]]) -> int:
    if _is_outlet(span, rules):
        return 0
    cut = 0
    for index, token in enumerate(span):
        if (index == cut and token.lower_ in rules["always"]) or _is_descriptor(token, rules):
            cut = index + 1
        elif not _is_qualifying(token, rules):
            break
    return cut


def _trailing_cut(tokens: list[Token], rules: dict[str, frozenset[str]]) -> list[Token]:
    while tokens and (
        tokens[-1].text in rules["trailing"]
        or (len(tokens) > 1 and tokens[-1].text in rules["reject"] and tokens[-1].text.isupper())  # "Michigan EV"
        or (tokens[-1].is_lower and tokens[-1].text not in {"plc"})
        or tokens[-1].text in rules["connectors"]
    ):
        tokens = tokens[:-1]
    return tokens


def _before_break(span: Span) -> Span:
    """The name before a bracket or a line break: "China Energy Storage Alliance (CNESA" -> "China
    Energy Storage Alliance"; a headline's last word and the next line are not one name."""
    texts, breaks = words(span.doc), breaks_after(span.doc)
    for i in range(span.start + 1, span.end):
        text = texts[i]
        if text in {"(", "["} or breaks[i - 1] or ("\n" in text and text.isspace()):
            return span.doc[span.start : i]
    return span


def _is_place_shape(name: Span) -> bool:
    """ "Noida-based", "Shenzhen-listed", or an upper-case dateline ("NINGDE, Fujian, April 21")."""
    doc, texts = name.doc, words(name.doc)
    if (
        name.end + 1 < len(doc)
        and texts[name.end] == "-"
        and texts[name.end + 1].lower() in {"based", "listed", "headquartered"}
    ):
        return True
    if not (span_text(name).isupper() and len(span_text(name)) > 3):
        return False
    start = name.start
    while start > 0 and doc[start - 1].is_upper:  # "ST. THOMAS, Ontario"
        start -= 1
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ + doc[start - 1].text
    dateline_mark = name.end < len(doc) and doc[name.end].text in {",", "—", "–", "--", "-", "("}
    return at_line_start and dateline_mark


def clean_span(span: Span) -> Span | None:
    """ "automaker GAC Group" -> "GAC Group"; "Tesla's" -> "Tesla"; "Several Chinese EV" -> None."""
    rules = _rules()
    span = _before_break(span)
    tokens = _trailing_cut(list(span[_leading_cut(span, rules) :]), rules)
    if not tokens:
        return None
    name = Span(span.doc, tokens[0].i, tokens[-1].i + 1, label=span.label, kb_id=span.kb_id)
    structured = any(t.text in {"of", "for", "de"} for t in name[1:-1])  # "Ministry of Power"
    modifiers = not structured and all(_is_modifier(t, rules) for t in name)
    if is_rejected(span_text(name)) or modifiers or _is_place_shape(name):
        return None
    return name


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
    following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return following in product_nouns() or any(t.like_num or t.is_digit or "/" in t.text for t in span)


def in_credit_line(span: Span) -> bool:
    """Reporter and editor credits and bylines name people: "(Reporting by …; Editing by …)", "By …"."""
    start, end = sentence_bounds(span)
    line = doc_text(span.doc)[start : min(end, start + 40)].lstrip("( ").lower()
    return line.startswith(("reporting by", "editing by", "writing by", "by ", "additional reporting", "compiled by"))
