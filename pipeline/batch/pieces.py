"""Articles longer than the model's ``nlp.max_length``: cut into pieces, extract each, merge the records.

Cuts fall at the last paragraph break inside the limit, else the last line break, else the last
sentence end, else the last space, else at the limit. Each piece's offsets are shifted by where the
piece starts, so ``text == article[start:end]`` holds for the merged record; organizations of the
same canonical name are merged (mentions in text order). An organization introduced in one piece
and named by a short form only in a later piece is not linked across the cut.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.build import dropped_items, with_dropped
from pipeline.records import ArticleRecord, Mention, item_models, offset_fields

BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))
# Lists whose items are located in the article themselves (organizations are, through their mentions).
LOCATED = tuple(name for name, model in item_models().items() if offset_fields(model))
# Fields that hold a character offset into the article (shifted by the piece's start), by their marks.
OFFSETS = frozenset().union(*map(offset_fields, (*item_models().values(), Mention)))


def cut_points(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces that cover ``text``, each at most ``limit`` characters."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit])
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _cut(window: str) -> int:
    """Where to end a piece within ``window``: after the last boundary of the best kind found."""
    for boundary in BOUNDARIES:
        ends = [match.end() for match in boundary.finditer(window)]
        if ends and ends[-1] > 0:
            return ends[-1]
    return len(window)


def _shift(item: dict[str, Any], offset: int) -> dict[str, Any]:
    return {key: value + offset if key in OFFSETS and value is not None else value for key, value in item.items()}


def merge_records(parts: list[tuple[int, ArticleRecord]]) -> ArticleRecord:
    """One record from the records of the pieces, each given with the offset where its piece starts."""
    first = parts[0][1]
    merged: dict[str, Any] = {**first.model_dump(), **{name: [] for name in (*LOCATED, "organizations")}}
    organizations: dict[str, dict[str, Any]] = {}
    for offset, record in parts:
        data = record.model_dump()
        for name in LOCATED:
            merged[name].extend(_shift(item, offset) for item in data[name])
        for organization in data["organizations"]:  # the first piece's id, kind and country stand
            merged_one = organizations.setdefault(organization["name"], {**organization, "mentions": []})
            merged_one["mentions"].extend(_shift(mention, offset) for mention in organization["mentions"])
    merged["organizations"] = list(organizations.values())
    dropped = sum((Counter(dropped_items(record)) for _, record in parts), Counter())
    return with_dropped(ArticleRecord.model_validate(merged), dropped)
