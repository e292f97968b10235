"""A line break ends a sentence: a headline, a dateline paragraph or a credit line is never one
sentence with the text after it. Runs before the parser, which keeps boundaries already set."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = token.nbor(-1)
        if (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
