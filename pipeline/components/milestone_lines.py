"""Milestones of table rows and list lines: the row's label ("Phase 2 | +10 GWh | €1.3bn" -> "Phase 2"),
the label after a company's name ("• Factorial – latest round: $140 million" -> "latest round"), and
the words after a figure that opens its line ("- 1.2 TWh: capacity announced by companies")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.components.list_lines import LIST_BULLETS, MAX_LIST_LINE_WORDS, is_link_line, line_bounds
from pipeline.components.org_lines import WORD, is_title_case
from pipeline.components.spans import doc_text

PLACES = {"GPE", "LOC", "DATE", "TIME"}  # "Bengaluru", "Monday" name no milestone
MAX_LABEL_WORDS = 6  # a list line's label before its colon ("Energy segment sales, Q2: …")
MAX_GLOSS_WORDS = 8  # words after the colon that say what a leading figure is
DASHES = re.compile(r"\s[–—-]\s")  # "Factorial – latest round": a company, then what its figure is


def line_label(span: Span, owner: dict[int, str]) -> Span | None:
    """The label of a table row or a list line: "Phase 2 | +10 GWh | €1.3bn" -> "Phase 2", "• Sicily:
    €15,846/MWh-year" -> "Sicily". A row whose label is its company has no milestone (an empty span);
    None where the line is neither."""
    text = doc_text(span.doc)
    start, end = line_bounds(text, span.start_char)
    line = text[start:end]
    before = text[start : span.start_char]
    if line.count("|") >= 2 and "|" in before:
        cell = before.split("|", 1)[0]
    elif start > 0 and _is_list_line(line, before):  # a title's "Tested: …" or "Exclusive: …" is no label
        cell = before.split(":", 1)[0]
    else:
        return _gloss(span, line, start)
    stripped = cell.strip().lstrip(LIST_BULLETS).strip()
    if not any(c.isalpha() for c in stripped):
        return None
    at = start + cell.index(stripped)
    return _label_span(span, at, stripped, owner)


def in_title(span: Span) -> bool:
    """Whether a span lies in the article's first line written in Title Case ("Calyra Energy Signs €1.6bn
    Debt Package For Sines LFP Gigafactory"), which the parser reads badly: its verbs look like names."""
    text = doc_text(span.doc)
    first_line = text.split("\n", 1)[0]
    if span.end_char > len(first_line) or first_line.rstrip().endswith("."):
        return False
    return is_title_case(WORD.findall(first_line))


def other_cell(found: Span, span: Span) -> bool:
    """Whether a phrase lies in another cell of a table row than the figure: "Mine and HPAL refinery | East
    Halmahera, North Maluku | US$3.3 billion" (the place is no milestone of the amount)."""
    text = doc_text(span.doc)
    first, second = sorted((found, span), key=lambda s: s.start_char)
    return "|" in text[first.end_char : second.start_char]


def _is_list_line(line: str, before: str) -> bool:
    # the cheap tests first: most figures stand in a paragraph, with no colon before them on their line
    if ":" not in before or len(line.split()) > MAX_LIST_LINE_WORDS or is_link_line(line, 0):
        return False  # "Also read: X raises $300 million" links to another story: no label of its figure
    return sum(any(c.isalnum() for c in word) for word in before.split(":", 1)[0].split()) <= MAX_LABEL_WORDS


def _label_span(span: Span, at: int, label: str, owner: dict[int, str]) -> Span | None:
    doc = span.doc
    found = doc.char_span(at, at + len(label), alignment_mode="expand")
    parts = DASHES.split(label, maxsplit=1)  # "Factorial – latest round": what the company's figure is
    if found is not None and len(parts) == 2 and _names_only(doc.char_span(at, at + len(parts[0])), owner):
        found = doc.char_span(at + label.rindex(parts[1]), at + len(label), alignment_mode="expand")
    if found is None or _names_only(found, owner):
        return doc[span.start : span.start]  # the row's company: no milestone
    if any(t.ent_type_ in PLACES for t in found):
        return None  # a market table's region: "China | 101 GWh | 350 GWh"
    return found


def _names_only(words: Span | None, owner: dict[int, str]) -> bool:
    """Whether a label is only a company and its places: "Novonix Anode Materials, Chattanooga, Tennessee"."""
    if words is None:
        return False
    named = [t for t in words if t.is_alpha and t.i not in owner and t.ent_type_ not in PLACES]
    return not named and any(t.i in owner for t in words)


def _gloss(span: Span, line: str, start: int) -> Span | None:
    """ "- 1.2 TWh: capacity announced by companies for the same year": a figure that opens its line
    is what the words after its colon say."""
    head = line[: span.start_char - start].strip().lstrip(LIST_BULLETS).strip()
    rest = line[span.end_char - start :]
    if head or not rest.startswith(":"):
        return None
    gloss = re.split(r"[,;(]", rest[1:], maxsplit=1)[0].strip()
    if not gloss or len(gloss.split()) > MAX_GLOSS_WORDS or not any(c.isalpha() for c in gloss):
        return None
    at = span.end_char + rest.index(gloss)
    return span.doc.char_span(at, at + len(gloss), alignment_mode="expand")
