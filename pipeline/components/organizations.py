"""Finds organizations: NER ORG spans, name-shape rules and a gazetteer, cleaned and grouped so
that each organization has one canonical name (``span.kb_id_``) over all its mentions."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.name_patterns import NamePatterns
from pipeline.components.org_cleaning import clean_span, in_credit_line, is_product_or_figure, place_names
from pipeline.components.org_grouping import group_mentions
from pipeline.components.spans import longest_first, span_text
from pipeline.gazetteer import entries

DASHES = {"--", "—", "–", "-"}
# Where a candidate came from; a name only the statistical model proposes gets extra checks.
GAZETTEER, RULE, NER = "ORG_GAZETTEER", "ORG_RULE", "ORG_NER"


def build_gazetteer(nlp: Language) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in entries():
        names = [entry["name"], *entry.get("aliases", ())]
        matcher.add(entry["id"], [nlp.make_doc(name) for name in names])
    return matcher


class OrganizationFinder:
    def __init__(self, nlp: Language, span_key: str, use_ner: bool) -> None:
        self.span_key = span_key
        self.use_ner = use_ner
        self.gazetteer = build_gazetteer(nlp)
        self.patterns = NamePatterns(nlp.vocab)
        self.wire_credits = {nlp.vocab.strings[rule] for rule in ("wire-credit", "wire-credit-slashes")}

    def __call__(self, doc: Doc) -> Doc:
        candidates = [*self._gazetteer_spans(doc), *self._pattern_spans(doc), *self._ner_spans(doc)]
        cleaned = [span for span in (clean_span(c) for c in candidates) if span is not None]
        places = place_names(doc, [c for c in cleaned if c.label_ == NER])
        cleaned = [c for c in cleaned if not (c.label_ == NER and (span_text(c) in places or self._is_not_named(c)))]
        ruled = longest_first(c for c in cleaned if c.label_ != NER)
        taken = {i for span in ruled for i in range(span.start, span.end)}
        proposed = [c for c in cleaned if c.label_ == NER and not taken.intersection(range(c.start, c.end))]
        doc.spans[self.span_key] = group_mentions(doc, longest_first([*ruled, *proposed]))
        return doc

    @staticmethod
    def _is_not_named(span: Span) -> bool:
        return in_credit_line(span) or is_product_or_figure(span)

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.gazetteer(doc):
            spans.append(Span(doc, start, end, label=GAZETTEER, kb_id=match_id))
        return spans

    def _pattern_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.patterns(doc):
            if match_id in self.wire_credits:
                if not self._is_wire_credit(doc, start, end):
                    continue
                start, end = start + 1, end - 1
            spans.append(Span(doc, start, end, label=RULE))
        return spans

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
        return [Span(doc, ent.start, ent.end, label=NER) for ent in doc.ents if ent.label_ == "ORG"]


@Language.factory(
    "organization_finder",
    assigns=["doc.spans"],
    default_config={"span_key": "organizations", "use_ner": True},
)
def make_organization_finder(nlp: Language, name: str, span_key: str, use_ner: bool) -> OrganizationFinder:
    return OrganizationFinder(nlp, span_key, use_ner)
