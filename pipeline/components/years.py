"""Finds target years: year expressions that a plan, goal, forecast or expectation points to."""

from __future__ import annotations

from datetime import date
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.spans import doc_text, longest_first, lower_words, sentence_tokens, to_span
from pipeline.normalize.years import YearExpression, parse_year_expression, year_regex
from pipeline.resources import table

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

# Where climbing the parse stops: a relative, adverbial or coordinated clause dates its own event.
CLAUSE_BOUNDARIES = {"relcl", "advcl", "conj"}


class Tense(Enum):
    FUTURE = "future"
    PAST = "past"
    UNKNOWN = "unknown"


class TargetYearFinder:
    def __init__(self, span_key: str) -> None:
        data = table("years.toml")
        self.span_key = span_key
        self.regex = year_regex()
        self.future = frozenset(data["cues"]["future"])
        self.past = frozenset(data["cues"]["past"])
        self.past_window = int(data["cues"]["past_window"])
        self.forward = tuple(data["qualifiers"]["forward"])
        self.past_helpers = frozenset(data["cues"]["past_helpers"])

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.published
        spans = []
        for match in self.regex.finditer(doc_text(doc)):
            is_bare = not (match["qualifier"] or match["end"] or match["relative"]) and match["goal"] is None
            if is_bare and "fy" not in match.group().lower() and "fiscal" not in match.group().lower():
                continue  # "the 2022 agreement", "since 2019": a bare year dates, it does not target
            span = to_span(doc, match.start(), match.end(), "TARGET_YEAR")
            expression = parse_year_expression(match.group(), published)
            if expression.end_year and expression.year and expression.end_year < expression.year:
                continue  # "FY2028 to 2026" is no span of years
            names_goal = match["goal"] is not None
            if span is not None and self.is_target(span, expression, published, names_goal=names_goal):
                spans.append(span)
        doc.spans[self.span_key] = longest_first(spans)
        return doc

    def is_target(self, span: Span, expression: YearExpression, published: date | None, names_goal: bool) -> bool:
        last = expression.end_year or expression.year
        if published is not None and last is not None and last != published.year:
            return last > published.year  # the publication date decides: "in 2024" in a 2023 article
        tense = self.tense(span)
        if tense is not Tense.UNKNOWN:
            return tense is Tense.FUTURE
        if expression.relative:
            return not span.text.lower().endswith("this year") or self._is_forward(expression.qualifier)
        return names_goal or self._is_forward(expression.qualifier)

    def _is_forward(self, qualifier: str | None) -> bool:
        return bool(qualifier) and any(qualifier == q or qualifier.startswith(q + " ") for q in self.forward)

    def tense(self, span: Span) -> Tense:
        """Whether the clause around the year looks forward or back."""
        if span.doc.has_annotation("DEP"):
            return self._tense_from_parse(span)
        return self._tense_from_words(span)

    def _tense_from_parse(self, span: Span) -> Tense:
        for token in span.root.ancestors:
            tense = self._token_tense(token)
            if tense is not Tense.UNKNOWN:
                return tense
            if token.dep_ in CLAUSE_BOUNDARIES and token.pos_ in {"VERB", "AUX"}:
                break
        return Tense.UNKNOWN

    def _token_tense(self, token: Token) -> Tense:
        helpers = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
        if any(word.lower_ in self.future for word in [token, *helpers]):  # no lemmatizer runs
            return Tense.FUTURE
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and any(h.tag_ in {"VBD", "VBZ", "VBP"} for h in helpers)):
            return Tense.PAST
        if token.tag_ == "VBN" and token.dep_ == "acl" and not helpers:
            return Tense.PAST  # "the company, founded in 2004, …"
        return Tense.UNKNOWN

    def _tense_from_words(self, span: Span) -> Tense:
        lower, (first, last) = lower_words(span.doc), sentence_tokens(span)
        before = range(max(first, span.start - self.past_window), span.start)
        if any(lower[i] in self.past for i in before) and not any(self._is_future_cue(lower, i) for i in before):
            return Tense.PAST
        around = (*range(first, span.start), *range(span.end, last))
        if any(self._is_future_cue(lower, i) for i in around):
            return Tense.FUTURE
        return Tense.UNKNOWN

    def _is_future_cue(self, lower: list[str], i: int) -> bool:
        """A cue word not turned to the past: "had expected", "than expected" look back."""
        return lower[i] in self.future and (lower[i - 1] if i > 0 else "") not in self.past_helpers


@Language.factory(
    "target_year_finder",
    assigns=["doc.spans"],
    requires=["doc._.published"],
    default_config={"span_key": "target_years"},
)
def make_target_year_finder(nlp: Language, name: str, span_key: str) -> TargetYearFinder:
    return TargetYearFinder(span_key)
