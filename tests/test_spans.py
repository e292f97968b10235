"""Character offsets to token spans: ``to_span`` gives what spaCy's ``char_span`` gives in "expand" mode."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.spans import aligned_span, exact_offsets, to_span
from pipeline.extraction import make_doc
from pipeline.nlp import load_pipeline

TEXT = "SEOUL, May 3 (Yonhap) --  LG Energy Solution plans 40GWh\n\nby 2030;  $1.2bn.\n"


@settings(max_examples=400, deadline=None)
@given(st.integers(-2, len(TEXT) + 2), st.integers(-2, len(TEXT) + 2))
def test_to_span_is_char_span_expanded(start, end):
    nlp = load_pipeline("blank")
    doc = make_doc(nlp, TEXT, None)
    expected = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    found = to_span(doc, start, end, "X") if start < end else None
    tokens = None if found is None else (found.start, found.end)
    assert tokens == (None if expected is None else (expected.start, expected.end))
    if found is not None:
        assert exact_offsets(found) == (start, end)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(0, len(TEXT)))
def test_aligned_span_is_char_span_strict(start, end):
    nlp = load_pipeline("blank")
    doc = make_doc(nlp, TEXT, None)
    expected = doc.char_span(start, end) if start < end else None
    found = aligned_span(doc, start, end, "X") if start < end else None
    assert (None if found is None else (found.start, found.end)) == (
        None if expected is None else (expected.start, expected.end)
    )
