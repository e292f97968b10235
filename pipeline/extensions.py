"""What a processed Doc says, on the Doc and its spans (spaCy extension attributes).

- ``doc._.published``: the publication date (a ``datetime.date`` or None), set before the
  pipeline runs; relative years ("next year") are resolved from it.
- ``doc._.article_id``: the article's id for its record (None: "article").
- ``doc._.record``: the validated ``ArticleRecord`` (``records_from_doc(doc)``), built once.
- ``doc._.facts``: its facts (``record.facts``): who plans what, by when.
- ``span._.record``: the record of a span of ``doc.spans["capacities"]``, ``["money"]`` or
  ``["target_years"]`` (a ``Capacity``, ``Money`` or ``TargetYear``), or the ``Organization`` of a
  span of ``doc.spans["organizations"]``; None where the record was dropped or for other spans.
- ``span._.value``: a capacity's value in its unit (None for a range: ``span._.record.min``/``max``).
- ``span._.amount`` and ``span._.currency``: an amount of money (Decimal) and its ISO 4217 code.
- ``span._.year``: a target year's year.

Every getter reads the one record that ``build.py`` builds from the Doc; nothing here normalizes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from pipeline.records import ArticleRecord

RECORD = ("battery_extract", "record")
GROUPS = {"CAPACITY": "capacities", "MONEY": "money", "TARGET_YEAR": "target_years"}


def records_from_doc(doc: Doc, article_id: str | None = None) -> ArticleRecord:
    """The ``ArticleRecord`` of a Doc the extraction pipeline has processed, dated by
    ``doc._.published``; built once per Doc and id (``build.py``), then read from the Doc."""
    from pipeline.build import build_record

    name = article_id or doc._.article_id or "article"
    key = (*RECORD, name, doc._.published)
    if key not in doc.user_data:
        doc.user_data[key] = build_record(doc, name, doc._.published)
    return doc.user_data[key]


def _span_record(span: Span) -> Any:
    record = span.doc._.record
    if span.label_ in GROUPS:
        from pipeline.components.spans import exact_offsets

        start = exact_offsets(span)[0]
        return next((item for item in getattr(record, GROUPS[span.label_]) if item.start == start), None)
    return next((o for o in record.organizations if o.name == span.kb_id_), None) if span.kb_id_ else None


def _field(name: str, label: str) -> Any:
    def get(span: Span) -> Any:
        found = _span_record(span) if span.label_ == label else None
        return getattr(found, name) if found is not None else None

    return get


def register_extensions() -> None:
    """Register the attributes above (once; registering again changes nothing)."""
    defaults = {"published": None, "article_id": None}
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    doc_getters = {"record": records_from_doc, "facts": lambda doc: records_from_doc(doc).facts}
    span_getters = {
        "record": _span_record,
        "value": _field("value", "CAPACITY"),
        "amount": _field("amount", "MONEY"),
        "currency": _field("currency", "MONEY"),
        "year": _field("year", "TARGET_YEAR"),
    }
    for owner, getters in ((Doc, doc_getters), (Span, span_getters)):
        for name, getter in getters.items():
            if not owner.has_extension(name):
                owner.set_extension(name, getter=getter)


register_extensions()
