"""The article text with gold and predicted spans side by side (displaCy): misses marked on the
gold side, spurious records on the predicted side (strict mode)."""

from __future__ import annotations

from typing import Any

from spacy import displacy

from pipeline.evaluate import ArticleResult
from pipeline.scoring import RECORD_TYPES

LABELS = {"organizations": "ORG", "capacities": "CAPACITY", "money": "MONEY", "target_years": "YEAR"}
COLORS = {"ORG": "#7aecec", "CAPACITY": "#bfeeb7", "MONEY": "#feca74", "YEAR": "#aa9cfc"}
MISSED, SPURIOUS = " MISSED", " SPURIOUS"


def _located(record_type: str, record: Any) -> list[Any]:
    return list(record.mentions) if record_type == "organizations" else [record]


def _spans(result: ArticleResult, side: str) -> list[dict[str, Any]]:
    """Spans of one side ("gold" or "predicted"); errors of strict mode carry a marker."""
    source = result.gold if side == "gold" else result.predicted
    spans = []
    for record_type in RECORD_TYPES:
        comparison = result.comparisons["strict"][record_type]
        flagged = comparison.misses if side == "gold" else comparison.spurious
        flagged_ids = {id(r) for r in flagged}
        marker = MISSED if side == "gold" else SPURIOUS
        for record in getattr(source, record_type):
            label = LABELS[record_type] + (marker if id(record) in flagged_ids else "")
            spans += [{"start": r.start, "end": r.end, "label": label} for r in _located(record_type, record)]
    return _without_overlaps(spans)


def _without_overlaps(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    return kept


def _colors() -> dict[str, str]:
    colors = dict(COLORS)
    colors.update({label + MISSED: "#ff8a80" for label in COLORS})
    colors.update({label + SPURIOUS: "#ffd54f" for label in COLORS})
    return colors


def spans_html(result: ArticleResult) -> str:
    """Both sides, each rendered by displaCy's entity view."""
    options = {"colors": _colors()}
    parts = []
    for side in ("gold", "predicted"):
        rendered = displacy.render(
            {"text": result.doc.text, "ents": _spans(result, side), "title": side},
            style="ent",
            manual=True,
            page=False,
            jupyter=False,
            options=options,
        )
        parts.append(f"<div class='side'>{rendered}</div>")
    return "".join(parts)
