"""The tokenizer in linear time: long runs without spaces are tokenized in pieces (spaCy's
tokenizer is quadratic on them: '$' * 12000 took a minute), and nothing else changes."""

from __future__ import annotations

import pytest
import spacy

from pipeline.tokenization import RUN_PIECE, bounded_doc, customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    return nlp


@pytest.mark.parametrize(
    "text",
    ["$" * 1000, "x " + "$" * 450 + " y", "Inc." * 300, "see https://example.com/" + "a/b-c" * 100 + " now", "$" * 200],
    ids=["dollars", "dollars-between-words", "glued-abbreviations", "long-url", "exactly-the-limit"],
)
def test_a_long_run_without_spaces_keeps_its_text_in_bounded_tokens(nlp, text):
    doc = bounded_doc(nlp, text)
    assert doc.text == text
    assert max(len(token.text) for token in doc) <= RUN_PIECE or len(text) < 200


@pytest.mark.parametrize(
    "text",
    [
        "CATL will invest RMB10bn in a 314Ah cell line by 2030.",
        "A\n\nB  C",
        "",
        "Contemporary Amperex Technology Co. Ltd.",
    ],
    ids=["sentence", "breaks-and-spaces", "empty", "legal-name"],
)
def test_ordinary_text_is_tokenized_as_before(nlp, text):
    assert [t.text_with_ws for t in bounded_doc(nlp, text)] == [t.text_with_ws for t in nlp.make_doc(text)]
