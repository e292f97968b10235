"""Turning character matches into spans of a Doc."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.attrs import IDX, LENGTH, LOWER, ORTH, TAG
from spacy.tokens import Doc, Span, Token

FACTS = "battery_extract"
_TEXT_KEY, _ORTH_KEY, _LOWER_KEY, _TAG_KEY = ((FACTS, name) for name in ("text", "orth", "lower", "tag"))
_SENTENCES_KEY = (FACTS, "sentences")
_ENTITIES_KEY, _SENTENCE_STARTS_KEY, _BREAKS_AFTER_KEY, _TOKEN_OFFSETS_KEY = (
    (FACTS, name) for name in ("entities", "sentence_starts", "breaks_after", "token_offsets")
)
_FLAG_KEYS: dict[int, tuple[str, str, int]] = {}


def _sentences(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Token starts (and the Doc's length) and character bounds of the sentences, read once:
    ``Span.sent`` walks the Doc's sentences on every call, which makes long articles quadratic."""
    known = doc.user_data.get(_SENTENCES_KEY)
    if known is None:
        found = list(doc.sents)
        known = ([s.start for s in found] + [len(doc)], [(s.start_char, s.end_char) for s in found])
        doc.user_data[_SENTENCES_KEY] = known
    return known


def _sentence_index(item: Span | Token) -> int:
    return bisect_right(_sentences(item.doc)[0], item.start if isinstance(item, Span) else item.i) - 1


def sentence(item: Span | Token) -> Span:
    """The sentence of a span or token."""
    starts, index = _sentences(item.doc)[0], _sentence_index(item)
    return item.doc[starts[index] : starts[index + 1]]


def sentence_tokens(item: Span | Token) -> tuple[int, int]:
    """The token offsets (start, end) of the sentence of a span or token (no Span is made)."""
    starts, index = _sentences(item.doc)[0], _sentence_index(item)
    return starts[index], starts[index + 1]


def _token_strings(doc: Doc, attribute: int, key: tuple[str, str]) -> list[str]:
    """A string attribute of every token, read once per Doc (a ``Token`` per read is slow). One
    dictionary look-up with a ready key: these are read in the innermost loops."""
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[value] for value in doc.to_array(attribute).tolist()]
    return found


# The readers below are called in the innermost loops of every finder: each looks its list up
# first and reads the Doc only the first time (one call less than going through a helper each time).


def lower_words(doc: Doc) -> list[str]:
    """Every token's lower-case text, read once per Doc (``Token.lower_`` makes a Token each time)."""
    found = doc.user_data.get(_LOWER_KEY)
    return found if found is not None else _token_strings(doc, LOWER, _LOWER_KEY)


def words(doc: Doc) -> list[str]:
    """Every token's text, read once per Doc."""
    found = doc.user_data.get(_ORTH_KEY)
    return found if found is not None else _token_strings(doc, ORTH, _ORTH_KEY)


def tags(doc: Doc) -> list[str]:
    """Every token's fine-grained tag, read once per Doc."""
    found = doc.user_data.get(_TAG_KEY)
    return found if found is not None else _token_strings(doc, TAG, _TAG_KEY)


def flags(doc: Doc, attribute: int) -> list[int]:
    """A numeric attribute of every token (``IS_LOWER``, ``LIKE_NUM``, ``SENT_START`` …), read once per Doc."""
    key = _FLAG_KEYS.get(attribute)
    if key is None:
        key = _FLAG_KEYS[attribute] = (FACTS, "flag", attribute)
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(attribute).tolist()
    return found


def entities(doc: Doc) -> list[tuple[int, int, str, int, int]]:
    """The model's entities as (start, end, label, start_char, end_char), read once per Doc
    (``Doc.ents`` makes a Span of every entity on each access)."""
    key = _ENTITIES_KEY
    if key not in doc.user_data:
        doc.user_data[key] = [(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
    return doc.user_data[key]


def sentence_starts(doc: Doc) -> frozenset[int]:
    """The token offsets where sentences start, read once per Doc."""
    key = _SENTENCE_STARTS_KEY
    if key not in doc.user_data:
        doc.user_data[key] = frozenset(_sentences(doc)[0][:-1])
    return doc.user_data[key]


def breaks_after(doc: Doc) -> list[bool]:
    """Whether a line break follows each token (in its trailing space or the tokens of space after it)."""
    key = _BREAKS_AFTER_KEY
    if key not in doc.user_data:
        starts, ends = token_offsets(doc)
        text = doc_text(doc)
        following = [*starts[1:], len(text)][: len(starts)]  # an empty Doc has no tokens
        doc.user_data[key] = ["\n" in text[end:after] for end, after in zip(ends, following, strict=True)]
    return doc.user_data[key]


def sentence_bounds(item: Span | Token) -> tuple[int, int]:
    """The character offsets of the sentence of a span or token (no Span is made)."""
    return _sentences(item.doc)[1][_sentence_index(item)]


def doc_text(doc: Doc) -> str:
    """The text of a Doc, read once: ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` sliced from the Doc's text (``Span.text`` joins its tokens again on each access)."""
    doc = span.doc
    text = doc.user_data.get(_TEXT_KEY)
    return (text if text is not None else doc_text(doc))[span.start_char : span.end_char]


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from (equal to ``doc.text``), so it is never rebuilt."""
    doc.user_data[_TEXT_KEY] = text


def set_fact(span: Span, name: str, value: object) -> None:
    """A fact a finder learns about a span that its text does not carry (a rate, a link). Kept in
    ``doc.user_data`` under the span's label and offsets, so spans of different finders never share
    facts (a Span extension would: it is keyed by offsets alone)."""
    span.doc.user_data[(FACTS, span.label_, name, span.start_char, span.end_char)] = value


def get_fact(span: Span, name: str) -> object | None:
    return span.doc.user_data.get((FACTS, span.label_, name, span.start_char, span.end_char))


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Where each token starts and ends in the text, read once per Doc."""
    found = doc.user_data.get(_TOKEN_OFFSETS_KEY)
    if found is None:
        values = doc.to_array([IDX, LENGTH])
        found = doc.user_data[_TOKEN_OFFSETS_KEY] = (values[:, 0].tolist(), (values[:, 0] + values[:, 1]).tolist())
    return found


def aligned_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token offsets of the tokens that start at ``start`` and end at ``end`` exactly, else None."""
    starts, ends = token_offsets(doc)
    first = bisect_left(starts, start)
    last = bisect_left(ends, end)
    if first >= len(starts) or last >= len(ends) or starts[first] != start or ends[last] != end or last < first:
        return None
    return first, last + 1


def aligned_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of tokens that start at ``start`` and end at ``end`` exactly, else None: what
    ``doc.char_span`` gives in strict mode, by bisecting token offsets read once."""
    tokens = aligned_tokens(doc, start, end)
    return None if tokens is None else Span(doc, *tokens, label=label)


def to_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of tokens covering characters ``start:end`` (widened to whole tokens); where the
    match is narrower than its tokens ("$0=" is one token), the match's own offsets are kept.
    What ``doc.char_span(start, end, alignment_mode="expand")`` gives, found by bisecting token
    offsets read once, instead of making Tokens on every call."""
    starts, ends = token_offsets(doc)
    length = len(doc_text(doc))
    if not (0 <= start < length and 0 < end <= length):
        return None
    first = bisect_right(starts, start) - 1  # the token (with its trailing space) holding ``start``
    if start == ends[first]:  # in the space after a token: the span starts with the next one
        first += 1
    span = Span(doc, first, bisect_right(starts, end - 1), label=label)
    if (span.start_char, span.end_char) != (start, end):
        set_fact(span, "exact", (start, end))
    return span


def exact_offsets(span: Span) -> tuple[int, int]:
    """The record's offsets: the match itself, not the tokens around it."""
    exact = get_fact(span, "exact")
    return exact if isinstance(exact, tuple) else (span.start_char, span.end_char)


def longest_first(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, preferring the longer (then the earlier) one, in text order."""
    chosen: list[Span] = []
    starts: list[int] = []  # character offsets of the spans taken so far, in text order
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start_char)):
        start, end = span.start_char, span.end_char
        at = bisect_left(starts, start)
        overlaps = (at > 0 and ends[at - 1] > start) or (at < len(starts) and starts[at] < end)
        if start == end or not overlaps:
            chosen.append(span)
            if start < end:
                starts.insert(at, start)
                ends.insert(at, end)
    return sorted(chosen, key=lambda s: s.start_char)
