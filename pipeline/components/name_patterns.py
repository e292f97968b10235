"""The name-shape rules of ``org_patterns.jsonl``, each run only on articles that hold the tokens it
cannot match without: a rule ending in "University" is not tried on an article with no such word,
nor "Nikkei reported" ({"LOWER": {"IN": ["reported", "reports"]}}) on one with neither word.

The Matcher's cost grows with the number of rules it steps through at every token, while most
articles hold the required words of only a few rules; skipping the others changes no match. A rule
that is tried runs alone, and only on the tokens around the places of its rarest required token
(an "anchor"): every match holds that token, with at most as many tokens before and after it as the
pattern allows, so the ranges around its places hold every match whole (a match found in a range is
one in the Doc, and the longest-match filter keeps the same ones, since ranges do not overlap).

Repeated name words are bounded ("{0,8}", not "*"): a name has at most a few words, and an
unbounded operator makes the Matcher quadratic on a run of name-shaped tokens ("Inc. Inc. …")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.attrs import IDS, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.spans import words as token_texts
from pipeline.components.token_classes import flagged, readable, register_flags
from pipeline.resources import jsonl

PATTERN_FILE = "org_patterns.jsonl"
WORD_ATTRIBUTES = {"ORTH": ORTH, "LOWER": LOWER}  # the word predicates that make a word required
KNOWN_WORDS = 200_000  # distinct words whose anchor flags are kept (``_learn``) before they are read afresh
UNBOUNDED = 1 << 30  # the tokens a "+" or "*" may take: a rule with one is run on the whole Doc


@dataclass(frozen=True, eq=False)  # told apart by identity: hashed per Doc, kept per rule
class Anchor:
    """A pattern token that every match of a rule holds: a lexical flag (``words`` empty) or one of
    ``words`` in the ``attribute`` column; a match has at most ``before`` tokens before the token
    that meets it and ``after`` after."""

    attribute: int
    words: frozenset[int]
    before: int
    after: int


def _widths(op: str | None) -> tuple[int, int]:
    """The fewest and most tokens a pattern token with this operator takes ("{0,8}": 0 and 8)."""
    if op is None:
        return 1, 1
    if op in {"?", "!"}:
        return 0, 1
    if op in {"+", "*"}:
        return int(op == "+"), UNBOUNDED
    low, _, high = op.strip("{}").partition(",")
    if "," not in op:
        return int(low), int(low)
    return int(low or 0), int(high) if high else UNBOUNDED


def _predicates(token: Mapping[str, object], vocab: Vocab) -> list[tuple[int, frozenset[int]]]:
    """A pattern token's flags and word lists, each as (attribute, words): "FLAG19": True, "ORTH":
    "-", "LOWER": {"IN": […]}; other predicates say nothing about which words are there."""
    found = []
    for key, value in token.items():
        if key.startswith("FLAG") and value is True:
            found.append((IDS[key], frozenset()))
        elif key in WORD_ATTRIBUTES and isinstance(value, str):
            found.append((WORD_ATTRIBUTES[key], frozenset({vocab.strings.add(value)})))
        elif key in WORD_ATTRIBUTES and isinstance(value, Mapping) and set(value) == {"IN"}:
            found.append((WORD_ATTRIBUTES[key], frozenset(vocab.strings.add(word) for word in value["IN"])))
    return found


def _anchors(pattern: list[dict], vocab: Vocab) -> tuple[Anchor, ...]:
    """Every predicate of a token that each match of ``pattern`` has, with the room around it."""
    widths = [_widths(token.get("OP")) for token in pattern]
    anchors = []
    for at, token in enumerate(pattern):
        fewest, most = widths[at]
        if fewest == 0:
            continue
        before = sum(high for _, high in widths[:at]) + most - 1
        after = sum(high for _, high in widths[at + 1 :]) + most - 1
        anchors += [Anchor(key, words, before, after) for key, words in _predicates(token, vocab)]
    return tuple(anchors)


class NamePatterns:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        attributes = register_flags(vocab)
        self.patterns: dict[str, list[dict]] = {}
        for rule in jsonl(PATTERN_FILE):
            problems = validate_token_pattern(readable(rule["pattern"]))
            if problems:
                raise ValueError(f"rule file {PATTERN_FILE}, rule {rule['id']!r}: {'; '.join(problems)}")
            self.patterns[rule["id"]] = flagged(rule["pattern"], attributes)
        self.anchors = {rule: _anchors(pattern, vocab) for rule, pattern in self.patterns.items()}
        every = self.every = frozenset(anchor for anchors in self.anchors.values() for anchor in anchors)
        self.flags = sorted({anchor.attribute for anchor in every if not anchor.words})
        self.words = {
            attribute: {w for a in every if a.attribute == attribute for w in a.words} for attribute in (ORTH, LOWER)
        }
        self.known: dict[str, tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}  # by ``_learn``
        self.known_words = KNOWN_WORDS
        self.matchers = {rule: self._matcher(frozenset({rule})) for rule in self.patterns}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every rule, as one Matcher of all the rules would give them."""
        hits, found = self._hits(doc), []
        for rule in self._applicable(hits):
            matcher = self.matchers[rule]
            for start, end in _merged(self._windows(rule, hits, len(doc))):
                if end - start == len(doc):
                    found += matcher(doc)
                else:
                    found += [(key, start + first, start + last) for key, first, last in matcher(doc[start:end])]
        return found

    def _hits(self, doc: Doc) -> dict[Anchor, list[int]]:
        """Where each anchor's flag or words are in the Doc, for the anchors of every rule."""
        flags: dict[int, list[int]] = {flag: [] for flag in self.flags}
        words: dict[tuple[int, int], list[int]] = {}
        for i, text in enumerate(token_texts(doc)):
            word_flags, word_keys = self.known.get(text) or self._learn(text)
            for flag in word_flags:
                flags[flag].append(i)
            for key in word_keys:
                words.setdefault(key, []).append(i)
        hits = {}
        for anchor in self.every:
            if not anchor.words:
                hits[anchor] = flags[anchor.attribute]
            else:
                hits[anchor] = sorted(i for w in anchor.words for i in words.get((anchor.attribute, w), ()))
        return hits

    def _learn(self, text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        """The anchor flags a word has and its (attribute, word) keys among the anchors' words, read
        once per distinct word: flags and lower-case forms are lexical, the same at every token of
        the word (``Doc.to_array`` of all the flag columns cost more per Doc than this look-up)."""
        if len(self.known) >= self.known_words:
            self.known.clear()  # new words keep coming over millions of articles: memory stays flat
        lexeme = self.vocab[text]
        word_flags = tuple(flag for flag in self.flags if lexeme.check_flag(flag))
        keys = ((ORTH, lexeme.orth), (LOWER, lexeme.lower))
        found = self.known[text] = (word_flags, tuple(key for key in keys if key[1] in self.words[key[0]]))
        return found

    def _applicable(self, hits: Mapping[Anchor, list[int]]) -> list[str]:
        """The rules whose every anchor is in the Doc, in the file's order."""
        return [rule for rule, anchors in self.anchors.items() if all(hits[a] for a in anchors)]

    def _windows(self, rule: str, hits: Mapping[Anchor, list[int]], length: int) -> list[tuple[int, int]]:
        """Token ranges that hold every match of ``rule``: around each place of its rarest anchor."""
        if not self.anchors[rule]:
            return [(0, length)]
        anchor = min(self.anchors[rule], key=lambda a: len(hits[a]))
        return [(max(0, i - anchor.before), min(length, i + anchor.after + 1)) for i in hits[anchor]]

    def _matcher(self, rules: frozenset[str]) -> Matcher:
        matcher = Matcher(self.vocab, validate=False)  # validated above, in their readable form
        for rule in self.patterns:
            if rule in rules:
                matcher.add(rule, [self.patterns[rule]], greedy="LONGEST")
        return matcher


def _merged(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping token ranges joined: a match never crosses from one range of the result to another."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
