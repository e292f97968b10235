"""Turning character matches into spans of a Doc."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def to_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of tokens covering characters ``start:end`` (widened to whole tokens)."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def longest_first(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, preferring the longer (then the earlier) one, in text order."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start_char)):
        if not taken.intersection(range(span.start_char, span.end_char)):
            chosen.append(span)
            taken.update(range(span.start_char, span.end_char))
    return sorted(chosen, key=lambda s: s.start_char)
