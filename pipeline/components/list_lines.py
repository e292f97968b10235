"""Lists and tables as the fact linker reads them: whether a figure stands on a short line of a
list or a table ("- Capex plan: about ¥300 billion", "Plant | 20 GWh"), and where the list it
belongs to begins (its first line, or the short heading above it: "Key figures"). The lines of one
list are each a sentence of their own, so how far back the article last named an organization is
counted from the list's beginning, alike for every line."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from pipeline.components.spans import doc_text
from pipeline.resources import table

MAX_LIST_LINE_WORDS = 14
MAX_HEADING_WORDS = 6
MAX_LIST_LINES = 40  # how far back a list's beginning is looked for
LIST_BULLETS = "-•–*·"


def line_bounds(text: str, char: int) -> tuple[int, int]:
    """Where the line holding character ``char`` starts and ends (its line break excluded)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, end if end >= 0 else len(text)


def _is_list_line(text: str, start: int, end: int, char: int | None = None) -> bool:
    """A bullet, cells, or a label before a colon (before ``char``, where given)."""
    line = text[start:end].strip()
    if not line or len(line.split()) > MAX_LIST_LINE_WORDS:
        return False
    return line[:1] in LIST_BULLETS or "|" in line or ":" in text[start : char if char is not None else end]


def _is_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return 0 < len(line.split()) <= MAX_HEADING_WORDS and line[-1:] not in ".!?\"”"


def in_list_line(doc: Doc, at: int) -> bool:
    """Whether token ``at`` stands on a short line of a list or a table."""
    text, char = doc_text(doc), doc[at].idx
    start, end = line_bounds(text, char)
    return _is_list_line(text, start, end, char)


def list_start(doc: Doc, at: int) -> int:
    """The token where the list of token ``at`` begins: its first line, or the heading above it."""
    text = doc_text(doc)
    start, _ = line_bounds(text, doc[at].idx)
    for _ in range(MAX_LIST_LINES):
        if start == 0:
            break
        previous, end = line_bounds(text, start - 1)
        while previous > 0 and not text[previous:end].strip():  # blank lines between
            previous, end = line_bounds(text, previous - 1)
        if _is_list_line(text, previous, end):
            start = previous
            continue
        if _is_heading(text, previous, end):
            start = previous
        break
    char = start + len(text[start:]) - len(text[start:].lstrip())
    return min(_token_at(doc, char), at)


def list_lines(doc: Doc, at: int) -> list[tuple[int, int]]:
    """The character bounds of the lines of the list holding token ``at``: from where it begins
    (``list_start``) to its last list line."""
    text = doc_text(doc)
    start, _ = line_bounds(text, doc[list_start(doc, at)].idx)
    found: list[tuple[int, int]] = []
    while start < len(text) and len(found) < 2 * MAX_LIST_LINES:
        line_start, end = line_bounds(text, start)
        if text[line_start:end].strip():
            if not _is_list_line(text, line_start, end) and line_start > doc[at].idx:
                break
            found.append((line_start, end))
        start = end + 1
    return found


def list_owner(doc: Doc, at: int, mentions: list[Span]) -> str | None:
    """The one organization a fact list gives as the whole value of a line ("• Beneficiary: GIB
    EnergyX Slovakia s.r.o." above "• Phase 1: 20 GWh/year"), or None."""
    text, owners = doc_text(doc), set()
    by_start = {m.start_char: m for m in mentions}
    for start, end in list_lines(doc, at):
        colon = text.find(":", start, end)
        value = text[colon + 1 : end] if colon >= 0 else ""
        mention = by_start.get(colon + 1 + len(value) - len(value.lstrip())) if value.strip() else None
        rest = text[mention.end_char : end].split() if mention is not None else []
        if mention is not None and len(rest) <= 2 and not any(c.isdigit() for word in rest for c in word):
            owners.add(mention.kb_id_)
    return owners.pop() if len(owners) == 1 else None


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def table_header(doc: Doc, at: int) -> str:
    """The first cell of the first row of the table holding token ``at`` ("Region" of "Region |
    2024 | 2030F"), lower-cased; empty where the token is on no table row."""
    text = doc_text(doc)
    start, end = line_bounds(text, doc[at].idx)
    if "|" not in text[start:end]:
        return ""
    for _ in range(MAX_LIST_LINES):
        if start == 0:
            break
        previous, before = line_bounds(text, start - 1)
        if "|" not in text[previous:before]:
            break
        start, end = previous, before
    return text[start:end].split("|", 1)[0].strip().lower()


def list_reference(doc: Doc, at: int) -> int:
    """Where a list of token ``at`` counts from when the linker asks who was named before it: its
    beginning, or the end of its first line where that line introduces it ("X outlined its plans:"),
    so that the organization the introduction names counts."""
    start = list_start(doc, at)
    text = doc_text(doc)
    line_start, line_end = line_bounds(text, doc[start].idx)
    if not text[line_start:line_end].rstrip().endswith(":") or text[line_start:line_end].lstrip()[:1] in LIST_BULLETS:
        return start
    return min(_token_at(doc, max(line_end - 1, line_start)), at)


@cache
def _link_line() -> re.Pattern[str]:
    """The openings of lines that link to other stories ("Read more:", "See also:"), as the years rules list them."""
    openings = "|".join(map(re.escape, table("years.toml")["lists"]["skipped"]))
    return re.compile(rf"(?i)\s*(?:{openings})\s*:")


def is_link_line(text: str, char: int) -> bool:
    """Whether the line at ``char`` links to another story: "Also read: X raises $300 million"."""
    return _link_line().match(text, line_bounds(text, char)[0]) is not None


def line_company(span: Span, mentions: list[Span]) -> str | None:
    """The first organization named on the line of ``span``, before it."""
    start, _ = line_bounds(doc_text(span.doc), span.start_char)
    return next((m.kb_id_ for m in mentions if start <= m.start_char < span.start_char), None)
