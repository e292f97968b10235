"""Finds amounts of money and links a bracketed converted equivalent to the amount it translates."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.spans import doc_text, exact_offsets, longest_first, set_fact, to_span
from pipeline.normalize.money import is_ordered_range, money_regexes, needs_scale
from pipeline.normalize.numerals import is_article_form
from pipeline.normalize.ranges import is_range_qualifier_valid

# Between an amount and its converted equivalent: "2.5 billion yuan (US$352 million)",
# "€1.1 billion, or $1.2 billion," "5 billion yuan, about $700 million".
EQUIVALENT_GAP = re.compile(r"\s*(?:\(|\[|,\s*or\s+|,\s*(?=about|around|roughly|approximately|some|nearly))\s*")


class MoneyFinder:
    def __init__(self, span_key: str) -> None:
        self.span_key = span_key
        self.regexes = money_regexes()

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc_text(doc)
        for regex in self.regexes:
            for match in regex.finditer(text):
                start, end = match.start(), match.end()
                if not is_range_qualifier_valid(match):
                    start = match.start("currency") if regex is self.regexes[0] else match.start("low")
                if not is_ordered_range(match):  # "$1-0": a figure and a stray number, not a range
                    if regex is self.regexes[0]:
                        end = match.end("low")
                    else:
                        start = match.start("high")
                span = to_span(doc, start, end, "MONEY")
                if span is not None and self._is_amount(match):
                    spans.append(span)
        spans = longest_first(spans)
        for previous, span in pairwise(spans):
            if EQUIVALENT_GAP.fullmatch(text, exact_offsets(previous)[1], exact_offsets(span)[0]):
                set_fact(span, "equivalent_of", exact_offsets(previous)[0])
        doc.spans[self.span_key] = spans
        return doc

    @staticmethod
    def _is_amount(match: re.Match[str]) -> bool:
        """ "a"/"an"/"half a" are numbers only with a scale word ("half a billion dollars")."""
        return not is_article_form(match["low"]) and not needs_scale(match)


@Language.factory("money_finder", assigns=["doc.spans"], default_config={"span_key": "money"})
def make_money_finder(nlp: Language, name: str, span_key: str) -> MoneyFinder:
    return MoneyFinder(span_key)
