"""The one place that reads a processed Doc and builds the validated ArticleRecord."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from pipeline.components.spans import exact_offsets, get_fact
from pipeline.normalize.capacities import parse_capacity
from pipeline.normalize.money import parse_money, yen_sign_currency
from pipeline.normalize.years import parse_year_expression
from pipeline.records import ArticleRecord, Capacity, Mention, Money, Organization, TargetYear


def _where(span: Span) -> dict[str, object]:
    start, end = exact_offsets(span)
    return {"text": span.doc.text[start:end], "start": start, "end": end, "sentence": span.sent.text.strip()}


def _text(span: Span) -> str:
    start, end = exact_offsets(span)
    return span.doc.text[start:end]


def capacities(doc: Doc) -> list[Capacity]:
    records = []
    for span in doc.spans["capacities"]:
        value = parse_capacity(_text(span))
        records.append(Capacity(**_where(span), **vars(value), rate=get_fact(span, "rate")))
    return records


def money(doc: Doc) -> list[Money]:
    yen_sign = yen_sign_currency(doc.text)
    records = []
    for span in doc.spans["money"]:
        value = parse_money(_text(span), yen_sign)
        records.append(Money(**_where(span), **vars(value), equivalent_of=get_fact(span, "equivalent_of")))
    return records


def target_years(doc: Doc, published: date | None) -> list[TargetYear]:
    return [
        TargetYear(**_where(span), **vars(parse_year_expression(_text(span), published)))
        for span in doc.spans["target_years"]
    ]


def organizations(doc: Doc) -> list[Organization]:
    mentions: dict[str, list[Mention]] = {}
    for span in doc.spans["organizations"]:
        mentions.setdefault(span.kb_id_, []).append(Mention(**_where(span)))
    return [Organization(name=name, mentions=found) for name, found in mentions.items()]


def build_record(doc: Doc, article_id: str, published: date | None) -> ArticleRecord:
    """The record of one processed article."""
    return ArticleRecord(
        article_id=article_id,
        published=published,
        organizations=organizations(doc),
        capacities=capacities(doc),
        money=money(doc),
        target_years=target_years(doc, published),
    )
