"""Finds capacities (charge and energy) and marks annual rates."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.saved_rules import SavedRules
from pipeline.components.spans import doc_text, longest_first, sentence_tokens, set_fact, to_span
from pipeline.normalize.capacities import capacity_regex, rate_after_regex, rate_before_regex
from pipeline.normalize.numerals import parse_number
from pipeline.normalize.ranges import is_range_qualifier_valid
from pipeline.resources import table

# A verb before "from … to …" that makes it a range, not a change: "cells range from 20 Ah to 200 Ah".
RANGE_VERB = re.compile(r"\b(?i:range[sd]?|ranging|var(?:y|ies|ied|ying))\s+$")


class CapacityFinder(SavedRules):
    def __init__(self, span_key: str) -> None:
        self.span_key = span_key
        self.regex = capacity_regex()
        self.rate_after = rate_after_regex()
        self.rate_before = rate_before_regex()
        self.before_window = int(table("units.toml")["rates"]["before_window"])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for match in self.regex.finditer(text):
            for start, end in self._pieces(match):
                span = to_span(doc, start, end, "CAPACITY")
                if span is not None:
                    set_fact(span, "rate", self._rate(doc, text, span))
                    spans.append(span)
        doc.spans[self.span_key] = longest_first(spans)
        return doc

    @staticmethod
    def _pieces(match: re.Match[str]) -> list[tuple[int, int]]:
        """The capacities of one match: itself, or two values where a range is a change."""
        if match["high"] and parse_number(match["low"]) > parse_number(match["high"]):
            return [(match.start("high"), match.end())]  # "from 20 GWh in 2024 to 60 GWh": not a range
        change = not RANGE_VERB.search(match.string, max(0, match.start() - 20), match.start())
        if match["high"] and match["low_unit"] and (match["qualifier"] or "").lower() == "from" and change:
            # "from 1.4 GWh to 6.4 GWh" is a change of two values; "from 10 to 20 GWh" is a range
            return [(match.start("low"), match.end("low_unit")), (match.start("high"), match.end())]
        if not is_range_qualifier_valid(match):
            return [(match.start("low"), match.end())]
        return [(match.start(), match.end())]

    def _rate(self, doc: Doc, text: str, span) -> str | None:
        if self.rate_after.match(text, span.end_char):
            return "year"
        first = max(sentence_tokens(span)[0], span.start - self.before_window)
        return "year" if self.rate_before.search(text[doc[first].idx : span.start_char]) else None


@Language.factory(
    "capacity_finder",
    assigns=["doc.spans", "doc.user_data"],
    default_config={"span_key": "capacities"},
)
def make_capacity_finder(nlp: Language, name: str, span_key: str) -> CapacityFinder:
    return CapacityFinder(span_key)
