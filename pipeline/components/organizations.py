"""Finds organizations: a gazetteer, name-shape rules, the page's layout (mastheads, credits, list
cells) and NER ORG spans, checked against evidence and grouped so that each organization has one
canonical name (``span.kb_id_``) over all its mentions.

What is tried, in order:
1. Gazetteer names always count (no common-word or evidence check: "General Motors").
2. Name-shape rules (legal suffixes, institutions, news outlets, cited sources), mastheads and photo
   credits, and the model's ORG spans are cleaned (descriptors, possessives) and dropped where the
   evidence speaks against them (``org_evidence``) or where they stand in a headline line, whose
   capitals say nothing (a name found there is still a mention when the body names it too).
3. Names in a coordination or a list with a name found so far ("Tesla, GM, Ford and CRRC", the
   first cells of bullet lines and table rows) count too, after the same checks.
4. Longest first: a rule's or the model's longer name that holds a gazetteer name (a unit or a
   subsidiary: "Fortum Battery Recycling", "PowerCo Canada") wins over it; the model's names fill
   only the words nothing else took.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.name_patterns import NamePatterns
from pipeline.components.org_cleaning import (
    clean_span,
    holds_number,
    in_credit_line,
    is_nationality,
    is_product_or_figure,
    place_names,
)
from pipeline.components.org_evidence import (
    is_brand_of_product,
    is_product,
    other_labels,
    person_words,
    speaks_against,
)
from pipeline.components.org_grouping import group_mentions
from pipeline.components.org_lines import header, headlines, list_cells, mastheads
from pipeline.components.org_lists import coordinated
from pipeline.components.org_words import capital_says_nothing, is_product_name
from pipeline.components.saved_rules import SavedRules
from pipeline.components.spans import (
    doc_text,
    entities,
    flags,
    longest_first,
    lower_words,
    span_text,
    to_span,
    words,
)
from pipeline.gazetteer import entries
from pipeline.normalize.places import is_country_or_region, is_place
from pipeline.resources import table

DASHES = {"--", "—", "–", "-"}
# Where a candidate came from; a name only the statistical model proposes gets extra checks.
# LIST: a member of a list or a coordination with a known name, or a known name's regional unit.
GAZETTEER, RULE, NER, LAYOUT, LIST = "ORG_GAZETTEER", "ORG_RULE", "ORG_NER", "ORG_LAYOUT", "ORG_LIST"
# A photo, picture or copyright credit: "Photo: Arun Plus", "Supplied: Origin Energy", "© 2026 Grid
# Wire Pro.", "THE CANADIAN PRESS/Jane Doe".
CREDIT_CUES = "Photo credit|Image credit|Picture credit|Photo|Image|Picture|Credit|Source|Supplied|Courtesy"
CREDIT = re.compile(
    rf"(?:\b(?:{CREDIT_CUES})\s*:"
    r"(?:\s*(?i:courtesy)[ \t]+of)?|"
    r"\bCourtesy of|(?:©|\(c\)|\bCopyright)(?:[ \t]+\d{4})?)"
    r"\s*(?P<name>[A-Z][\w&.'’-]*(?:[ \t]+(?:[A-Z][\w&.'’-]*|&|of|de))*?)(?=[ \t]*(?:$|[\])\n;,|]|\.(?:\s|$)))"
    r"|(?:^|(?<=\n)|(?<=\. ))(?P<agency>[A-Z][A-Z&.'-]+(?:[ \t][A-Z][A-Z&.'-]+)*)/(?=[A-Z][a-z])",
    re.MULTILINE,
)
# What every credit holds (a cue word, or a slash before a name): the credit pattern, which tries its
# alternatives at every character, is run only on texts that have one.
CREDIT_CUE = re.compile(rf"{CREDIT_CUES}|©|\(c\)|Copyright|/(?=[A-Z][a-z])")


def build_gazetteer(nlp: Language) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in entries():
        names = [entry["name"], *entry.get("aliases", ())]
        matcher.add(entry["id"], [nlp.make_doc(name) for name in names])
    return matcher


class OrganizationFinder(SavedRules):
    def __init__(self, nlp: Language, span_key: str, use_ner: bool) -> None:
        self.span_key = span_key
        self.use_ner = use_ner
        self.gazetteer = build_gazetteer(nlp)
        self.patterns = NamePatterns(nlp.vocab)
        self.wire_credits = {nlp.vocab.strings[rule] for rule in ("wire-credit", "wire-credit-slashes")}
        # Rules that match a cue with the name; the name alone is kept: from its first capital, after
        # the comma of an apposition, or before it.
        trims = {"source-told": "capital", "source-according": "capital", "source-reported": "capital"}
        trims |= {"appositive-before": "after_comma", "appositive-after": "before_comma"}
        self.trims = {nlp.vocab.strings[rule]: how for rule, how in trims.items()}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        persons, labels = person_words(doc), other_labels(doc)
        in_headline = _token_set(doc, [*headlines(text), *header(text)])
        gazetteer = [g for g in self._gazetteer_spans(doc) if not is_brand_of_product(g)]

        def holds(span: Span) -> bool:
            """No evidence against it; the model's labels count against a rule's name only. A rule's
            cue and a credit line are evidence enough for a capitalised common word."""
            if is_product_name(span):
                return False
            if span.label_ not in (RULE, LAYOUT) and capital_says_nothing(span, in_headline, gazetteer):
                return False
            if span.label_ == LAYOUT:
                return speaks_against(span, frozenset(), {}) is None
            if in_headline.issuperset(range(span.start, span.end)) or is_brand_of_product(span):
                return False
            return speaks_against(span, persons, _labels_against(span, labels) if span.label_ == RULE else {}) is None

        found = [*map(_with_enumeration, self._pattern_spans(doc)), *_regional_units(doc, gazetteer)]
        found = [part for span in found for part in _at_possessives(span)]
        ruled = [c for c in (clean_span(s) for s in found) if c is not None and holds(c)]
        ruled = [c for c in ruled if not _joins_a_known_name(c, gazetteer)]
        ruled += [s for s in self._layout_spans(doc, text) if holds(s)]
        proposed = self._ner_candidates(doc, holds)
        members = coordinated(doc, [*gazetteer, *ruled, *proposed], LIST, gazetteer)
        listed = [c for c in (clean_span(s) for s in members) if c]
        ruled += [c for c in listed if holds(c) and not is_product(c) and not holds_number(c)]  # "UL 2849"
        for cells in list_cells(text):
            ruled += self._list_members(doc, cells, [*gazetteer, *ruled, *proposed], holds)
        units = [n for n in proposed if _extends(n, gazetteer)]
        chosen = longest_first([*gazetteer, *ruled, *units])
        taken = {i for span in chosen for i in range(span.start, span.end)}
        rest = [c for c in proposed if not taken.intersection(range(c.start, c.end))]
        doc.spans[self.span_key] = group_mentions(doc, longest_first([*chosen, *rest]))
        return doc

    def _ner_candidates(self, doc: Doc, holds) -> list[Span]:
        parts = [part for span in self._ner_spans(doc) for part in _at_possessives(span)]
        cleaned = [span for span in (clean_span(c) for c in parts) if span is not None]
        places = place_names(doc, cleaned)
        return [c for c in cleaned if span_text(c) not in places and not self._is_not_named(c) and holds(c)]

    @staticmethod
    def _is_not_named(span: Span) -> bool:
        return in_credit_line(span) or is_product_or_figure(span) or is_product(span)

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label=GAZETTEER, kb_id=match_id) for match_id, start, end in self.gazetteer(doc)]

    def _pattern_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.patterns(doc):
            if match_id in self.wire_credits:
                if not self._is_wire_credit(doc, start, end):
                    continue
                start, end = start + 1, end - 1
            if match_id in self.trims:
                start, end = _trimmed(doc, start, end, self.trims[match_id])
                if start >= end or not _proper(doc[start:end]):
                    continue
            spans.append(Span(doc, start, end, label=RULE))
        return spans

    @staticmethod
    def _layout_spans(doc: Doc, text: str) -> list[Span]:
        """The outlet's name in the header lines, and photo credits."""
        ranges = mastheads(text)
        for match in CREDIT.finditer(text) if CREDIT_CUE.search(text) else ():
            group = "name" if match["name"] else "agency"
            ranges.append((match.start(group), match.end(group)))
        spans = (to_span(doc, start, end, LAYOUT) for start, end in ranges)
        return [span for span in spans if span is not None]

    @staticmethod
    def _list_members(doc: Doc, cells: list[tuple[int, int]], known: list[Span], holds) -> list[Span]:
        """The first cells of list lines, when one of them is a name found elsewhere."""
        spans = [s for s in (to_span(doc, start, end, LIST) for start, end in cells) if s is not None]
        starts = {(s.start_char, s.end_char) for s in known}
        if not any((s.start_char, s.end_char) in starts for s in spans):
            return []
        cleaned = (clean_span(s) for s in spans)
        return [s for s in cleaned if s is not None and holds(s)]

    @staticmethod
    def _is_wire_credit(doc: Doc, start: int, end: int) -> bool:
        """A bracketed credit after a dateline ("SEOUL, May 3 (Yonhap) --") or ending the text."""
        following = next((t for t in doc[end:] if not t.is_space), None)
        if following is None or following.text in DASHES:
            return True
        last_word = next((t.i for t in reversed(doc) if not (t.is_space or t.is_punct)), -1)
        return end > last_word

    def _ner_spans(self, doc: Doc) -> list[Span]:
        if not self.use_ner or not doc.has_annotation("ENT_IOB"):
            return []
        return [Span(doc, start, end, label=NER) for start, end, label, *_ in entities(doc) if label == "ORG"]


def _labels_against(span: Span, labels: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """The model's labels that count against a rule's name: not NORP on a word that is no nationality
    ("told Electrive", which the model calls NORP for want of knowing it)."""
    if labels.get((span.start, span.end)) == "NORP" and not is_nationality(span_text(span)):
        return {}
    return labels


def _trimmed(doc: Doc, start: int, end: int, how: str) -> tuple[int, int]:
    """The name of a cue rule's match: "told the regional paper Salzgitter Kurier" -> "Salzgitter
    Kurier", "a Czech recycler, Elektrorecyklace Morava" -> the name after the comma, "Plenitude, the
    … arm of Eni" -> the name before it."""
    comma = next((i for i in range(start, end) if doc[i].text == ","), end)
    if how == "after_comma":
        return comma + 1, end
    if how == "before_comma":
        return start, comma
    return next((i for i in range(start, end) if doc[i].text[:1].isupper()), end), end


def _proper(span: Span) -> bool:
    """Proper nouns, where the model tags words ("Upstream, a consortium …" names no one)."""
    return not span.doc.has_annotation("TAG") or all(t.tag_ in {"NNP", "NNPS"} or not t.is_alpha for t in span)


def _token_set(doc: Doc, ranges: list[tuple[int, int]]) -> set[int]:
    tokens: set[int] = set()
    for start, end in ranges:
        span = to_span(doc, start, end, "LINE")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _at_possessives(span: Span) -> list[Span]:
    """A name and what it owns are two names: "U.S. Department of Energy's Loan Programs Office"."""
    texts = words(span.doc)
    cuts = [i for i in range(span.start + 1, span.end - 1) if texts[i] in {"'s", "’s"} and texts[i + 1][:1].isupper()]
    bounds = [span.start, *(i for cut in cuts for i in (cut, cut + 1)), span.end]
    return [Span(span.doc, a, b, label=span.label) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]


def _regional_units(doc: Doc, gazetteer: list[Span]) -> list[Span]:
    """A known name followed by a country or region: its regional unit ("PowerCo Canada", "BYD Europe")."""
    texts, units = words(doc), []
    for known in gazetteer:
        for width in (2, 1):
            end = known.end + width
            capitalised = end <= len(doc) and texts[known.end][:1].isupper()
            if capitalised and is_country_or_region(" ".join(texts[known.end : end])):
                units.append(Span(doc, known.start, end, label=LIST))  # built on a known name
                break
    return units


def _with_enumeration(span: Span) -> Span:
    """An institution named by a list of fields: "Department of Jobs, Tourism, Science and Innovation",
    "Ministry of Economic Development, Job Creation and Trade" (the list must close with "and")."""
    doc, texts = span.doc, words(span.doc)
    if span.end >= len(texts) or texts[span.end] != "," or not {"of", "for"}.intersection(texts[span.start : span.end]):
        return span
    at, starts = span.end, flags(doc, SENT_START)
    while at < len(texts) and texts[at] in {",", "and"}:
        closing = texts[at] == "and" or (at + 1 < len(texts) and texts[at + 1] == "and")
        at += 2 if texts[at] == "," and closing else 1
        at += 1 if at < len(texts) and texts[at] == "the" else 0
        field = at
        while field < len(texts) and texts[field][:1].isupper() and starts[field] != 1:
            field += 1
        if field == at or field - at > 3:
            return span
        at = field
        if closing:
            return Span(doc, span.start, at, label=span.label)
    return span


@cache
def _name_ends() -> dict[str, frozenset[str]]:
    """Words that end a company's or an institution's name (token classes), read once."""
    classes = table("token_classes.toml")
    legal = frozenset(classes["legal_tail"]["words"])
    return {"legal": legal, "any": legal | set(classes["name_end"]["words"]) | set(classes["institution"]["words"])}


def _joins_a_known_name(span: Span, gazetteer: list[Span]) -> bool:
    """A rule's name whose last words, after "and" or "or", are a gazetteer name: "Helaba and Deutsche
    Bank" is two lenders, not one (the coordination finds the other); "Hong Kong Exchanges and
    Clearing" holds no known name after its "and"."""
    lower = lower_words(span.doc)
    return any(span.start < g.start and g.end == span.end and lower[g.start - 1] in {"and", "or"} for g in gazetteer)


def _extends(span: Span, gazetteer: list[Span]) -> bool:
    """A longer name that holds a gazetteer name without a coordination ("and" only inside a legal
    name: "Hong Kong Exchanges and Clearing Ltd."): a unit or a subsidiary, when what it adds ends in
    a company or institution word ("Fortum Battery Recycling", "Crisil Ratings") or is a place
    before it ("Zhuhai CosMX Battery"), or it holds two known names (a joint venture); not a product
    ("Tesla Megapack")."""
    words = {t.lower_ for t in span}
    legal = span[-1].text in _name_ends()["legal"]
    if words & {"or", "with"} or (words & {"and", ","} and not legal):
        return False
    held = [g for g in gazetteer if span.start <= g.start and g.end <= span.end and len(g) < len(span)]
    if len(held) > 1:
        return True  # a venture named after its parents: "Ningbo Contemporary Brunp Lygend"
    inner = held[0] if held else None
    if inner is None:
        return False
    if inner.end < span.end:
        return span[-1].text in _name_ends()["any"] or is_country_or_region(span.doc[inner.end : span.end].text)
    return is_place(span.doc[span.start : inner.start].text)


@Language.factory(
    "organization_finder",
    assigns=["doc.spans", "doc.user_data"],
    default_config={"span_key": "organizations", "use_ner": True},
)
def make_organization_finder(nlp: Language, name: str, span_key: str, use_ner: bool) -> OrganizationFinder:
    return OrganizationFinder(nlp, span_key, use_ner)
