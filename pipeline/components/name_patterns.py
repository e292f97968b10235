"""The name-shape rules of ``org_patterns.jsonl``, each run only on articles that hold the tokens it
cannot match without: a rule ending in "University" is not tried on an article with no such word,
nor "Nikkei reported" ({"LOWER": {"IN": ["reported", "reports"]}}) on one with neither word.

The Matcher's cost grows with the number of rules it steps through at every token, while most
articles hold the required words of only a few rules; skipping the others changes no match.

Repeated name words are bounded ("{0,8}", not "*"): a name has at most a few words, and an
unbounded operator makes the Matcher quadratic on a run of name-shaped tokens ("Inc. Inc. …")."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import IDS, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.token_classes import flagged, readable, register_flags
from pipeline.resources import jsonl

PATTERN_FILE = "org_patterns.jsonl"
REQUIRED = {None, "+"}  # a pattern token without an operator, or with "+", must be in the text
WORD_ATTRIBUTES = {"ORTH": ORTH, "LOWER": LOWER}  # the word predicates that make a word required
Choice = tuple[int, frozenset[int]]  # an attribute, and the words of which the text must hold one


def _required(op: str | None) -> bool:
    """Whether a pattern token with this operator must be in the text ("{1,8}" must, "{0,8}" need not)."""
    if op in REQUIRED:
        return True
    return bool(op) and op.startswith("{") and int(op[1:].split(",")[0] or 0) >= 1


def _choice(key: str, value: object, vocab: Vocab) -> Choice | None:
    """A word predicate as the words of which one must be there: "ORTH": "-", "LOWER": {"IN": […]}."""
    if key not in WORD_ATTRIBUTES:
        return None
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, Mapping) and set(value) == {"IN"}:
        words = list(value["IN"])
    else:
        return None
    return WORD_ATTRIBUTES[key], frozenset(vocab.strings.add(word) for word in words)


def _requirements(pattern: list[dict], vocab: Vocab) -> tuple[frozenset[int], frozenset[Choice]]:
    """The lexical flags that every match of ``pattern`` has, and the words it holds one of each."""
    flags, choices = set(), set()
    for token in pattern:
        if not _required(token.get("OP")):
            continue
        flags.update(IDS[key] for key, value in token.items() if key.startswith("FLAG") and value is True)
        choices.update(c for c in (_choice(key, value, vocab) for key, value in token.items()) if c is not None)
    return frozenset(flags), frozenset(choices)


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
        self.needs = {rule: _requirements(pattern, vocab) for rule, pattern in self.patterns.items()}
        self.flags = sorted({flag for flags, _ in self.needs.values() for flag in flags})
        self.matchers: dict[frozenset[str], Matcher] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every rule, as one Matcher of all the rules would give them."""
        rules = self._applicable(doc)
        if not rules:
            return []
        if rules not in self.matchers:
            self.matchers[rules] = self._matcher(rules)
        return self.matchers[rules](doc)

    def _applicable(self, doc: Doc) -> frozenset[str]:
        values = doc.to_array([*self.flags, ORTH, LOWER])
        flags = {flag for flag, present in zip(self.flags, values[:, :-2].any(axis=0), strict=True) if present}
        held = {ORTH: set(values[:, -2].tolist()), LOWER: set(values[:, -1].tolist())}
        return frozenset(
            rule
            for rule, (needed, choices) in self.needs.items()
            if needed <= flags and all(not held[attribute].isdisjoint(words) for attribute, words in choices)
        )

    def _matcher(self, rules: frozenset[str]) -> Matcher:
        matcher = Matcher(self.vocab, validate=False)  # validated above, in their readable form
        for rule in self.patterns:
            if rule in rules:
                matcher.add(rule, [self.patterns[rule]], greedy="LONGEST")
        return matcher
