"""A line break ends a sentence: a headline, a dateline paragraph or a credit line is never one
sentence with the text after it. Runs before the parser, which keeps boundaries already set."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.spans import doc_text

LINE_BREAK = re.compile(r"\n")
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
MAX_DATELINE_TOKENS = 12  # "ST. THOMAS, Ont., Nov. 26 (Reuters) —"
# A sentence may end after these; the parser is not let to start one after any other token of a line
# ("- St. Thomas: up to 50 GWh\n\nPowerCo | has said …" is no sentence break).
SENTENCE_ENDS = frozenset('.!?…:;"”’\')]—–')


def mark_line_breaks(doc: Doc) -> Doc:
    """The token after each line break starts a sentence. A line break is in a whitespace token
    or in the whitespace after a token; either way it belongs to the last token starting at or
    before it, so the breaks are found in the text and placed with one search over token offsets."""
    breaks = [match.start() for match in LINE_BREAK.finditer(doc_text(doc))]
    if len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    after_break = set(numpy.searchsorted(starts, breaks, side="right").tolist())
    marked = {index for index in after_break if 0 < index < len(doc)} | after_datelines(doc, after_break | {0})
    # one write of the whole array: the Token.is_sent_start setter checks the whole Doc for a parse
    # on every call, which made this step quadratic on long articles
    array = doc.to_array([SENT_START]).reshape(-1, 1)
    array[sorted(marked), 0] = 1
    doc.from_array([SENT_START], array)
    return doc


def after_datelines(doc: Doc, line_starts: set[int]) -> set[int]:
    """ "JAKARTA – PT HLI Green Power, the venture of …, will …": the sentence starts after the
    dateline's dash (an upper-case place opening the line), so the parser never makes the place
    the subject."""
    marked = set()
    for start in line_starts:
        if start >= len(doc) or not _is_upper_word(doc[start].text):
            continue
        end = min(start + MAX_DATELINE_TOKENS, len(doc) - 1)
        dash = next((t for t in doc[start + 1 : end] if t.text in DATELINE_DASHES or t.text == "\n"), None)
        if dash is not None and dash.text != "\n" and doc[dash.i + 1].text[:1].isupper():
            marked.add(dash.i + 1)
    return marked


def _is_upper_word(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def keep_lines_whole(doc: Doc) -> Doc:
    """Inside a line, a sentence starts only after sentence-ending punctuation: the token after
    any other token is marked as no sentence start (the parser keeps that too). Only tokens left
    unmarked are touched, so a sentencizer's decisions stand. Read and written as one array
    (``Token.is_sent_start`` checks the whole Doc on every read)."""
    if len(doc) < 2:
        return doc
    array = doc.to_array([SENT_START]).reshape(-1, 1)
    starts = array.view(numpy.int64)[:, 0]  # 1 starts, -1 does not, 0 unset
    texts = [token.text for token in doc]
    unset = numpy.flatnonzero(starts == 0).tolist()
    for i in unset:
        previous = texts[i - 1] if i else ""
        if i and not texts[i].isspace() and not previous.isspace() and previous[-1] not in SENTENCE_ENDS:
            starts[i] = -1
    if unset:
        doc.from_array([SENT_START], array)
    return doc


@Language.component("line_breaks", assigns=["token.is_sent_start", "doc.user_data"])
def line_breaks(doc: Doc) -> Doc:
    return keep_lines_whole(mark_line_breaks(doc))
