"""Steps that read arrays once per Doc (or per text) instead of making Tokens say what the
Token-based definitions say: the model's entities, a page's lines, the all-capitals test and the
line-break cut of a candidate name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IS_DIGIT, IS_LOWER, IS_PUNCT, IS_UPPER, LIKE_NUM, SENT_START
from spacy.tokens import Doc, Span

from pipeline.components.org_cleaning import _before_break
from pipeline.components.org_lines import _is_capitals, lines
from pipeline.components.spans import entities, flags, tags
from pipeline.extraction import make_doc
from pipeline.nlp import load_pipeline

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def corpus_docs() -> list[Doc]:
    nlp = load_pipeline()
    paths = sorted(CORPUS.glob("*.txt"))[:6]
    return [nlp(make_doc(nlp, path.read_text(encoding="utf-8"), None)) for path in paths]


def test_entities_are_the_models_entities(corpus_docs):
    for doc in corpus_docs:
        expected = [(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
        assert expected and entities(doc) == expected


def test_token_arrays_say_what_tokens_say(corpus_docs):
    for doc in corpus_docs:
        assert tags(doc) == [t.tag_ for t in doc]
        assert [bool(v) for v in flags(doc, IS_LOWER)] == [t.is_lower for t in doc]
        assert [bool(v) for v in flags(doc, IS_UPPER)] == [t.is_upper for t in doc]
        assert [bool(v) for v in flags(doc, IS_PUNCT)] == [t.is_punct for t in doc]
        assert [bool(v) for v in flags(doc, LIKE_NUM)] == [t.like_num for t in doc]
        assert [bool(v) for v in flags(doc, IS_DIGIT)] == [t.is_digit for t in doc]
        assert [v == 1 for v in flags(doc, SENT_START)] == [bool(t.is_sent_start) for t in doc]
        assert any(t.is_lower for t in doc) and any(t.is_punct for t in doc) and any(t.like_num for t in doc)


def _cut_with_tokens(span: Span) -> Span:
    for token in span[1:]:
        if token.text in {"(", "["} or (token.is_space and "\n" in token.text) or "\n" in token.nbor(-1).whitespace_:
            return span.doc[span.start : token.i]
    return span


def test_line_break_cut_reads_the_break_array_as_tokens_say(corpus_docs):
    checked = 0
    for doc in corpus_docs:
        for start in range(len(doc) - 1):
            for end in range(start + 1, min(len(doc), start + 8) + 1):
                span = doc[start:end]
                assert _before_break(doc, span.start, span.end) == _cut_with_tokens(span).end
                checked += 1
    assert checked > 1000


def _lines_by_splitting(text: str) -> list[tuple[int, int]]:
    found, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((at, at + len(line)))
        at += len(line) + 1
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab C\n\t ."), max_size=60))
def test_lines_are_the_non_blank_lines_of_each_text(text):
    assert list(lines(text)) == _lines_by_splitting(text)
    assert list(lines(text + "\nZ")) == _lines_by_splitting(text + "\nZ")  # no stale result from the cache


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ABCDEFGHxyzÉé中 1.-"), max_size=40))
def test_all_capitals_means_eight_letters_all_upper_case(line):
    letters = [c for c in line if c.isalpha()]
    assert _is_capitals(line) == (len(letters) >= 8 and all(c.isupper() for c in letters))
