"""Trie alternations match exactly what a longest-first alternation of the same words matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.alternation import alternation

WORDS = st.lists(st.text(alphabet="abAB -$.", min_size=1, max_size=5), min_size=1, max_size=8)
TEXT = st.text(alphabet="abAB -$.x", max_size=40)


def longest_first(options: list[str]) -> str:
    ordered = sorted(set(options), key=len, reverse=True)
    return "|".join(re.escape(option).replace(r"\ ", r"\s+") for option in ordered)


def matches(pattern: str, text: str) -> list[tuple[int, int]]:
    # the continuation makes the engine backtrack into the alternation, as the real patterns do
    return [m.span() for m in re.finditer(rf"(?:{pattern})(?=[ .]|$)", text)]


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_trie_matches_like_longest_first(words, text):
    assert matches(alternation(words), text) == matches(longest_first(words), text)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_trie_ignoring_case_matches_like_longest_first(words, text):
    trie, plain = f"(?i:{alternation(words, ignore_case=True)})", f"(?i:{longest_first(words)})"
    assert matches(trie, text) == matches(plain, text)


def test_shared_prefixes_are_written_once():
    assert alternation(["yuan", "yen", "US dollars", "US dollar"]) == r"(?:US\s+dollars?|y(?:uan|en))"
    assert re.fullmatch(alternation(["one", "one and a half"]), "one and  a half")
    assert alternation([]) == "(?!)"
