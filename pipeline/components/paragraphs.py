"""A line break ends a sentence: a headline, a dateline paragraph or a credit line is never one
sentence with the text after it. Runs before the parser, which keeps boundaries already set."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.spans import doc_text

LINE_BREAK = re.compile(r"\n")
# A sentence may end after these; the parser is not let to start one after any other token of a line
# ("- St. Thomas: up to 50 GWh\n\nPowerCo | has said …" is no sentence break).
SENTENCE_ENDS = frozenset('.!?…:;"”’\')]—–')


def mark_line_breaks(doc: Doc) -> Doc:
    """The token after each line break starts a sentence. A line break is in a whitespace token
    or in the whitespace after a token; either way it belongs to the last token starting at or
    before it, so the breaks are found in the text and placed with one search over token offsets."""
    breaks = [match.start() for match in LINE_BREAK.finditer(doc_text(doc))]
    if not breaks or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    after_break = set(numpy.searchsorted(starts, breaks, side="right").tolist())
    for index in after_break:
        if 0 < index < len(doc):
            doc[index].is_sent_start = True
    return doc


def keep_lines_whole(doc: Doc) -> Doc:
    """Inside a line, a sentence starts only after sentence-ending punctuation: the token after
    any other token is marked as no sentence start (the parser keeps that too). Only tokens left
    unmarked are touched, so a sentencizer's decisions stand."""
    for token in doc[1:]:
        if token.is_sent_start is None and not token.is_space:
            previous = doc[token.i - 1]
            if not previous.is_space and previous.text[-1] not in SENTENCE_ENDS:
                token.is_sent_start = False
    return doc


@Language.component("line_breaks", assigns=["token.is_sent_start", "doc.user_data"])
def line_breaks(doc: Doc) -> Doc:
    return keep_lines_whole(mark_line_breaks(doc))
