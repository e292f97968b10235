"""Coordinations of names in running text: "Tesla, GM, Ford, Great Wall, Dongfeng and CRRC",
"Banco Santander, CaixaBank, ING and Novo Banco", "Standard Lithium and Equinor". When one member
is a name already found, the others are names of the same kind; the finder still checks each one.

The scan reads token texts, sentence starts and line breaks from arrays read once per Doc (no
Token objects), and is linear in the length of the article."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.components.spans import breaks_after, sentence_starts, words
from pipeline.normalize.places import is_place
from pipeline.resources import table

CONJUNCTIONS = {"and", "or"}
# Inside a name: "Caixa Geral de Depósitos", "Nord/LB" (the connectors of names, less the conjunctions
# that join the members of a coordination).
INSIDE = (set(table("organizations.toml")["clean"]["connectors"]) | {"/"}) - CONJUNCTIONS
MAX_WORDS = 6


@dataclass(frozen=True)
class _Tokens:
    words: list[str]
    sentence_starts: frozenset[int]
    breaks: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        return cls(words(doc), sentence_starts(doc), breaks_after(doc))

    def is_name_word(self, i: int, first: bool) -> bool:
        return _is_name_word(self.words[i], first)

    def continues(self, start: int, end: int) -> bool:
        if self.is_name_word(end, first=end == start):
            return True
        inside = self.words[end] in INSIDE and end > start and end + 1 < len(self.words)
        return inside and self.is_name_word(end + 1, False)


@lru_cache(maxsize=65536)
def _is_name_word(text: str, first: bool) -> bool:
    """A word that can be part of a name (the first one of a name when ``first``); read once per word."""
    if text.isspace():
        return False
    if text[:1].isdigit():
        return not first  # "Element 25"
    if not any(c.isalpha() for c in text):
        return False
    return text[:1].isupper() or (not first and any(c.isupper() for c in text[1:]))  # "Lectric eBikes"


def _item(tokens: _Tokens, start: int) -> int:
    """The end of a name-shaped run of words starting at ``start`` (``start`` when there is none)."""
    end = start
    while end < len(tokens.words) and end - start < MAX_WORDS and tokens.continues(start, end):
        end += 1
        if tokens.breaks[end - 1]:
            break
    return end


def _coordination(tokens: _Tokens, start: int) -> tuple[list[tuple[int, int]], int]:
    """The items of a coordination starting at ``start`` (empty unless it closes with "and"/"or"
    before its last item), and where the scan goes on."""
    count = len(tokens.words)
    end = _item(tokens, start)
    if end == start:
        return [], start + 1
    items = [(start, end)]
    while end < count:
        step = end + 1
        if tokens.words[end] == "," and step < count and tokens.words[step].lower() in CONJUNCTIONS:
            step += 1
        closing = tokens.words[step - 1].lower() in CONJUNCTIONS
        if tokens.words[end] != "," and not closing:
            break
        following = _item(tokens, step)
        if following == step or step in tokens.sentence_starts:
            break
        items.append((step, following))
        end = following
        if closing:
            return items, end
    return [], end


def _adds_only_a_place(doc: Doc, item: tuple[int, int], trusted: list[Span]) -> bool:
    """The member is a trusted name with a place before it: "Zhuhai CosMX Battery"."""
    start, end = item
    inner = next((s for s in trusted if start < s.start and s.end == end), None)
    return inner is not None and is_place(doc[start : inner.start].text)


def _sentences_with(tokens: _Tokens, named: set[int]) -> list[tuple[int, int]]:
    """(start, end) of the sentences that hold a known name and a comma or a conjunction: the only
    places a coordination with a known member can be."""
    bounds = sorted({0, *tokens.sentence_starts, len(tokens.words)})
    holding = {bisect_right(bounds, i) - 1 for i in named}
    spans = []
    for index in sorted(holding):
        start, end = bounds[index], bounds[index + 1]
        words = tokens.words[start:end]
        if "," in words or "and" in words or "or" in words:
            spans.append((start, end))
    return spans


def _coordinations(tokens: _Tokens, sentences: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    found = []
    for start, end in sentences:
        at = start
        while at < end:
            items, at = _coordination(tokens, at)
            if items:
                found.append(items)
    return found


def coordinated(doc: Doc, known: list[Span], label: str, trusted: list[Span]) -> list[Span]:
    """Members of coordinations that hold a known name, other than the known names themselves and
    members that overlap a ``trusted`` name without being it, unless by a place before it
    ("Lenders Commonwealth Bank" is no name, "Zhuhai CosMX Battery" is)."""
    tokens = _Tokens.of(doc)
    exact = {(s.start, s.end) for s in known}
    named = {i for s in known for i in range(s.start, s.end)}
    held = {i for s in trusted for i in range(s.start, s.end)}
    found = []
    for items in _coordinations(tokens, _sentences_with(tokens, named)):
        if not any(named.intersection(range(a, b)) for a, b in items):
            continue
        for item in items:
            overlaps = held.intersection(range(*item))
            if item not in exact and (not overlaps or _adds_only_a_place(doc, item, trusted)):
                found.append(Span(doc, *item, label=label))
    return found
