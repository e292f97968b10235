"""Finds amounts of money and links a bracketed converted equivalent to the amount it translates."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.saved_rules import SavedRules
from pipeline.components.spans import doc_text, exact_offsets, longest_first, set_fact, to_span
from pipeline.normalize.money import currency_of, is_ordered_range, match_money, money_regexes, needs_scale, number_end
from pipeline.normalize.money_kinds import clause_start, money_kind
from pipeline.normalize.numerals import is_article_form, number_pattern
from pipeline.normalize.ranges import is_range_qualifier_valid

# Between an amount and its converted equivalent: "2.5 billion yuan (US$352 million)",
# "€1.1 billion, or $1.2 billion," "5 billion yuan, about $700 million".
EQUIVALENT_GAP = re.compile(r"\s*(?:\(|\[|,\s*or\s+|,\s*(?=about|around|roughly|approximately|some|nearly))\s*")
# A bracketed amount is negative where results tables and statements write it: after a cell
# separator ("|", a tab, two spaces) or a copula or colon ("Net loss was (US$99.99)").
NEGATIVE_BEFORE = re.compile(r"(?:[|\t]|\S {2,}|\b(?:was|were|is|of|at)|:)[^\S\n]*$")
# "increased by $43.6 billion to $419.2 billion": a change and the level it reached, not a range.
CHANGE_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# How far back these cues are looked for (a search from the start of the text would make an article
# with many amounts quadratic).
LOOK_BACK = 40
# Between the change and the level: "by $43.6 billion to", "by €4 billion (US$4.4 billion) to".
CHANGE_TO_LEVEL = re.compile(r"[)\]]?,?\s+to\s+", re.IGNORECASE)
# "eight or nine euros", "3 or 4 billion won": the first number shares the second's currency.
ELLIPSIS = re.compile(rf"(?<![\w.,])(?P<first>{number_pattern()})\s+or\s+$")


class MoneyFinder(SavedRules):
    def __init__(self, span_key: str) -> None:
        self.span_key = span_key
        self.regexes = money_regexes()

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc_text(doc)
        for regex in self.regexes:
            for match in regex.finditer(text):
                if self._is_amount(match):
                    spans.extend(self._spans(doc, text, match, before=regex is self.regexes[0]))
        spans = longest_first(spans)
        kinds, converts = _kinds(text, spans), [False] * len(spans)
        for i, (previous, span) in enumerate(pairwise(spans), start=1):
            gap = EQUIVALENT_GAP.fullmatch(text, exact_offsets(previous)[1], exact_offsets(span)[0])
            if gap and not _same_currency(_surface(text, previous), _surface(text, span)):
                set_fact(span, "equivalent_of", exact_offsets(previous)[0])
                kinds[i], converts[i] = kinds[i - 1], True  # a converted equivalent is what it converts
        for span, (kind, unit), role in zip(spans, kinds, _roles(text, spans, converts), strict=True):
            set_fact(span, "kind", kind)
            set_fact(span, "per", unit)
            set_fact(span, "role", role)
        doc.spans[self.span_key] = spans
        return doc

    def _spans(self, doc: Doc, text: str, match: re.Match[str], before: bool) -> list[Span]:
        start, end = match.start(), match.end()
        if match.groupdict().get("open") and not NEGATIVE_BEFORE.search(text, max(0, start - LOOK_BACK), start):
            start, end = start + 1, end - 1  # an equivalent or an aside: the brackets stay outside
        if not is_range_qualifier_valid(match):
            start = match.start("currency") if before else match.start("low")
        if not is_ordered_range(match):  # "$1-0": a figure and a stray number, not a range
            end, start = (match.end("low"), start) if before else (end, match.start("high"))
        elif before and match["high_currency"] and CHANGE_BEFORE.search(text, max(0, start - LOOK_BACK), start):
            return self._located(doc, [(start, match.end("low")), (match.start("high_currency"), end)])
        found = self._located(doc, [(start, end)])
        ellipsis = ELLIPSIS.search(text, max(0, start - 40), start) if not before and match["high"] is None else None
        if ellipsis and found:
            first = self._located(doc, [ellipsis.span("first")])
            cut = match.start("low") + number_end(match["low"])  # "3 or 4 billion won": " billion won"
            for span in first:
                set_fact(span, "elided", text[cut : match.end()])
            found = first + found
        return found

    @staticmethod
    def _located(doc: Doc, bounds: list[tuple[int, int]]) -> list[Span]:
        spans = [to_span(doc, start, end, "MONEY") for start, end in bounds]
        return [span for span in spans if span is not None]

    @staticmethod
    def _is_amount(match: re.Match[str]) -> bool:
        """ "a"/"an"/"half a" are numbers only with a scale word ("half a billion dollars")."""
        return not is_article_form(match["low"]) and not needs_scale(match)


def _kinds(text: str, spans: list[Span]) -> list[tuple[str, str | None]]:
    """What each amount is and the unit of a price per unit, from its clause and the words after
    it; an amount with no cue since the previous amount of its clause is what that one is."""
    found: list[tuple[str, str | None]] = []
    for i, span in enumerate(spans):
        start, end = exact_offsets(span)
        clause = clause_start(text, start)
        previous_end = exact_offsets(spans[i - 1])[1] if i else -1
        since = text[previous_end:start] if previous_end > clause else None
        previous = found[-1][0] if found and since is not None else None
        found.append(money_kind(text[clause:start], since, text[start:end], text[end : end + 60], previous))
    return found


def _roles(text: str, spans: list[Span], converts: list[bool]) -> list[str | None]:
    """ "increased by $43.6 billion to $419.2 billion": the amount after "by" is the change, the
    next amount after "to" the level it reached; a converted equivalent has the role of what it
    converts. Other amounts, a plain range among them ("from $1 to $2"), have none."""
    roles: list[str | None] = [None] * len(spans)
    for i, span in enumerate(spans):
        if converts[i]:
            roles[i] = roles[i - 1]
            continue
        j = next((j for j in range(i + 1, len(spans)) if not converts[j]), None)
        at = exact_offsets(span)[0]
        if roles[i] or j is None or not CHANGE_BEFORE.search(text, max(0, at - LOOK_BACK), at):
            continue
        if CHANGE_TO_LEVEL.fullmatch(text, exact_offsets(spans[j - 1])[1], exact_offsets(spans[j])[0]):
            roles[i], roles[j] = "change", "level"
    return roles


def _surface(text: str, span: Span) -> str:
    start, end = exact_offsets(span)
    return text[start:end]


def _same_currency(first: str, second: str) -> bool:
    """Both amounts write the same currency, both plainly or both ambiguously: "£610 million, or
    roughly £305,000" is a second figure, not a converted equivalent; "$5 billion (US$3.6
    billion)" is one (the bare "$" is another dollar)."""
    found = [match_money(surface) for surface in (first, second)]
    if None in found:
        return False
    try:
        (one, inferred, _), (other, also_inferred, _) = (currency_of(m["currency"]) for m in found)  # type: ignore[index]
    except ValueError:
        return False
    return one == other and inferred == also_inferred


@Language.factory("money_finder", assigns=["doc.spans", "doc.user_data"], default_config={"span_key": "money"})
def make_money_finder(nlp: Language, name: str, span_key: str) -> MoneyFinder:
    return MoneyFinder(span_key)
