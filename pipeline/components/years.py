"""Finds target years: year expressions that a plan, goal, forecast or expectation points to."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.list_lines import is_link_line
from pipeline.components.saved_rules import SavedRules
from pipeline.components.spans import doc_text, longest_first, lower_words, sentence_tokens, set_fact, to_span
from pipeline.normalize.year_grammar import is_this_year, needs_period
from pipeline.normalize.years import YearExpression, parse_year_expression, year_regex, year_window
from pipeline.resources import table

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

# Where climbing the parse stops: a relative, adverbial or coordinated clause dates its own event.
CLAUSE_BOUNDARIES = {"relcl", "advcl", "conj"}


def _is_complete(match: re.Match[str]) -> bool:
    """ "the year" needs a period before it: "by the end of the year", not "for the year"."""
    return not needs_period(match["relative"]) or match["period"] is not None


THE = re.compile(r"\s+(?i:the)\s+")
WORD_AFTER = re.compile(r"[^\S\n]+[^\W\d_]")
# Parts of an expression that make "the" before a year part of a date or period ("by the end of 2026").
YEAR_PARTS = ("fiscal", "fiscal_end", "period", "weekday", "day", "month", "numeric", "year_word")


def _names_a_noun(match: re.Match[str]) -> bool:
    """ "in the 2027 Dakar Rally", "in the 2026 budget": a bare year between "the" and a noun is that
    noun's, and the qualifier governs the noun; no year a plan points to. A goal ("for the 2035 ban")
    and a fiscal year ("in the 2027 fiscal year") are kept."""
    if not match["qualifier"] or match["year"] is None or match["goal"] is not None or match["fiscal_after"]:
        return False
    if any(match[part] for part in YEAR_PARTS):
        return False
    between = match.string[match.end("qualifier") : match.start("year")]
    return THE.fullmatch(between) is not None and WORD_AFTER.match(match.string, match.end()) is not None


class RowRules:
    """Lines of lists and tables, from the ``[lists]`` rules: which ones end in a row's value, which
    ones are links to other stories."""

    def __init__(self, rules: Mapping) -> None:
        self.markers = tuple(rules["markers"])
        self.metadata = re.compile(rf"(?i)(?:{'|'.join(map(re.escape, rules['metadata']))})(?!\w)")
        self.metadata_length = int(rules["metadata_length"])

    @staticmethod
    def _line(text: str, start: int) -> tuple[int, int]:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        return line_start, len(text) if line_end < 0 else line_end

    def is_skipped(self, text: str, start: int) -> bool:
        """A "Read more" line, or a short line of page metadata ("Updated March 4, 2026")."""
        line_start, line_end = self._line(text, start)
        before = text[line_start:start].lstrip()
        if is_link_line(text, start):
            return True
        return line_end - line_start <= self.metadata_length and self.metadata.match(before) is not None

    def ends_a_row(self, text: str, start: int, end: int) -> bool:
        line_start, line_end = self._line(text, start)
        if text[end:line_end].strip(" \t.;,)|"):
            return False  # more follows the year on its line
        before = text[line_start:start].strip()
        return before.startswith(self.markers) or "|" in before or ":" in before


def _is_infinitive(token: Token) -> bool:
    """A noun's infinitive: "storage to be in service", "the first phase to run"."""
    return token.tag_ == "VB" and token.dep_ in {"acl", "relcl"} and any(c.tag_ == "TO" for c in token.children)


class Tense(Enum):
    FUTURE = "future"
    PAST = "past"
    UNKNOWN = "unknown"


class TargetYearFinder(SavedRules):
    def __init__(self, span_key: str) -> None:
        data = table("years.toml")
        self.span_key = span_key
        self.regex = year_regex()
        self.future = frozenset(data["cues"]["future"])
        self.past = frozenset(data["cues"]["past"])
        self.past_window = int(data["cues"]["past_window"])
        self.forward = tuple(data["qualifiers"]["forward"])
        self.past_helpers = frozenset(data["cues"]["past_helpers"])
        self.not_prospective = frozenset(data["cues"]["not_prospective"])
        self.past_adverbs = frozenset(data["cues"]["past_adverbs"])
        self.base_words, self.base_window = frozenset(data["cues"]["base"]), int(data["cues"]["base_window"])
        self.change_cues = frozenset(data["ranges"]["change_cues"])
        self.rows = RowRules(data["lists"])
        self.anchored = re.compile(rf"\s+(?:{'|'.join(map(re.escape, data['anchors']['after']))})\b")

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.published
        text = doc_text(doc)
        spans = []
        for match in self.regex.finditer(text):
            if self.rows.is_skipped(text, match.start()) or (match["relative"] and not _is_complete(match)):
                continue  # a "Read more" line; "for the year" dates nothing
            if _names_a_noun(match):
                continue
            span, match = self._span(doc, match, published)
            if span is None:
                continue
            anchored = bool(match["relative"]) and self.anchored.match(text, span.end_char) is not None
            if self.is_target(span, match, published, anchored=anchored):
                if anchored:
                    set_fact(span, "anchored", True)  # "within two years of start-up": no year from the date
                spans.append(span)
        doc.spans[self.span_key] = longest_first(spans)
        return doc

    def _span(self, doc: Doc, match: re.Match[str], published: date | None) -> tuple[Span | None, re.Match[str]]:
        """The span of a match; of a base-to-target change "from 2024 to 2030", the "to 2030" part; of a
        goal year after "for the", the year alone."""
        span = to_span(doc, match.start(), match.end(), "TARGET_YEAR")
        expression = parse_year_expression(match.group(), published)
        if span is None or (expression.end_year and expression.year and expression.end_year < expression.year):
            return None, match  # "FY2028 to 2026" is no span of years
        if match["goal"] is not None and match["qualifier"] and re.search(r"(?i)\bthe\s", match.group()):
            start = match.start("fiscal") if match["fiscal"] else match.start("year")  # "for the 2035 ban"
        elif self._is_base_range(span, match, expression, published):
            start = match.start("separator") + len(match["separator"]) - len(match["separator"].lstrip())
        else:
            return span, match
        target = self.regex.match(match.string, start)  # the text after it still counts ("2035 ban")
        if target is None or target.end() != match.end():
            return None, match
        return to_span(doc, start, match.end(), "TARGET_YEAR"), target

    def _is_base_range(
        self, span: Span, match: re.Match[str], expression: YearExpression, published: date | None
    ) -> bool:
        """ "from 2024 to 2030" where 2024 is a base: past, or the start of a change ("grow … from")."""
        if (match["qualifier"] or "").lower() != "from" or not match["end"]:
            return False
        if not match["separator"].strip().isalpha():
            return False  # "from 2024-2030" has no "to 2030" to keep
        if published is not None and expression.year is not None and expression.year < published.year:
            return True
        lower, (first, last) = lower_words(span.doc), sentence_tokens(span)
        return any(lower[i] in self.change_cues for i in range(first, last))

    def is_target(self, span: Span, match: re.Match[str], published: date | None, anchored: bool = False) -> bool:
        expression = parse_year_expression(match.group(), published)
        if anchored:
            return self.tense(span) is not Tense.PAST
        if match["forecast"]:
            return True  # "2030F" in a forecast table
        if match["goal"] is None and not any(match[part] for part in ("qualifier", "end", "relative", "fiscal_end")):
            return self._bare_is_target(span, match, expression, published)
        window = year_window(match.group(), published)
        if published is not None and window is not None:
            if not window[0] <= published <= window[1]:
                return window[0] > published  # the date decides: "in May 2023" in 2024, "in 2024" in 2023
            if (expression.end_year or 0) > published.year:
                return True  # a span of years that runs on past the publication year
        if self._is_base(span, expression):
            return False
        tense = self.tense(span)
        if tense is not Tense.UNKNOWN:
            return tense is Tense.FUTURE
        if expression.relative:
            return not is_this_year(match["relative"]) or self._is_forward(expression.qualifier)
        return match["goal"] is not None or self._is_forward(expression.qualifier)

    def _bare_is_target(
        self, span: Span, match: re.Match[str], expression: YearExpression, published: date | None
    ) -> bool:
        """A year with nothing before it dates rather than targets ("the 2022 agreement", "FY26 earnings"),
        unless it is a date after the publication date ("First cells: December 2026") or the value of a
        list or table row after it ("- Start of production: 2028")."""
        window = year_window(match.group(), published)
        if published is None or window is None:
            return False
        if (match["period"] or match["month"]) and expression.fiscal is None:
            return window[0] > published  # a dateline's date is the publication date, or before it
        return window[0].year > published.year and self.rows.ends_a_row(match.string, match.start(), match.end())

    def _is_base(self, span: Span, expression: YearExpression) -> bool:
        """ "up from 15% in 2025", "from 12 GWh in 2025 to 292 GWh in 2030": the year of the starting point."""
        if expression.qualifier != "in":
            return False
        lower, (first, _) = lower_words(span.doc), sentence_tokens(span)
        for i in range(span.start - 1, max(first, span.start - self.base_window) - 1, -1):
            if lower[i] == "to":
                return False
            if lower[i] in self.base_words:
                return True
        return False

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
            if token.dep_ in CLAUSE_BOUNDARIES and token.pos_ in {"VERB", "AUX"} and not _is_infinitive(token):
                break  # "the first company to ship cells in 2023": the clause of "company" decides
        return Tense.UNKNOWN

    def _token_tense(self, token: Token) -> Tense:
        helpers = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
        if any(word.lower_ in self.future for word in [token, *helpers]):  # no lemmatizer runs
            return Tense.FUTURE
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and any(h.tag_ in {"VBD", "VBZ", "VBP"} for h in helpers)):
            return Tense.PAST
        if token.tag_ == "VBN" and token.dep_ == "acl" and not helpers:
            return Tense.PAST  # "the company, founded in 2004, …"
        if _is_infinitive(token):
            return self._infinitive_tense(token)
        return Tense.UNKNOWN

    def _infinitive_tense(self, verb: Token) -> Tense:
        """A noun's infinitive looks forward ("storage to be in service by 2029"), except after "the first",
        "the only": then the clause around the noun decides ("expects the first phase to run this year",
        "became the first maker to ship cells in 2023")."""
        noun = verb.head
        if any(child.lower_ in self.not_prospective or child.tag_ == "JJS" for child in noun.children):
            return Tense.UNKNOWN
        return Tense.FUTURE

    def _tense_from_words(self, span: Span) -> Tense:
        lower, (first, last) = lower_words(span.doc), sentence_tokens(span)
        before = range(max(first, span.start - self.past_window), span.start)
        if span.start > first and lower[span.start - 1] in self.past_adverbs:
            return Tense.PAST  # right before the year: "earlier this year", "previously in 2024"
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
    assigns=["doc.spans", "doc.user_data"],
    requires=["doc._.published"],
    default_config={"span_key": "target_years"},
)
def make_target_year_finder(nlp: Language, name: str, span_key: str) -> TargetYearFinder:
    return TargetYearFinder(span_key)
