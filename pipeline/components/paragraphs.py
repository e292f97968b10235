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


def mark_line_breaks(doc: Doc) -> Doc:
    """The token after each line break starts a sentence. A line break is in a whitespace token
    or in the whitespace after a token; either way it belongs to the last token starting at or
    before it, so the breaks are found in the text and placed with one search over token offsets."""
    breaks = [match.start() for match in LINE_BREAK.finditer(doc_text(doc))]
    if not breaks or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    for index in set(numpy.searchsorted(starts, breaks, side="right").tolist()):
        if 0 < index < len(doc):
            doc[index].is_sent_start = True
    return doc


@Language.component("line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
