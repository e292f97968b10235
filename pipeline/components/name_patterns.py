"""The name-shape rules of ``org_patterns.jsonl``, each run only on articles that hold the tokens it
cannot match without: a rule ending in "University" is not tried on an article with no such word.

The Matcher's cost grows with the number of rules it steps through at every token, while most
articles hold the required words of only a few rules; skipping the others changes no match.

Repeated name words are bounded ("{0,8}", not "*"): a name has at most a few words, and an
unbounded operator makes the Matcher quadratic on a run of name-shaped tokens ("Inc. Inc. …")."""

from __future__ import annotations

from spacy.attrs import IDS, ORTH
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.token_classes import flagged, readable, register_flags
from pipeline.resources import jsonl

PATTERN_FILE = "org_patterns.jsonl"
REQUIRED = {None, "+"}  # a pattern token without an operator, or with "+", must be in the text


def _required(op: str | None) -> bool:
    """Whether a pattern token with this operator must be in the text ("{1,8}" must, "{0,8}" need not)."""
    if op in REQUIRED:
        return True
    return bool(op) and op.startswith("{") and int(op[1:].split(",")[0] or 0) >= 1


def _requirements(pattern: list[dict], vocab: Vocab) -> tuple[frozenset[int], frozenset[int]]:
    """The lexical flags and the exact words that every match of ``pattern`` contains."""
    flags, words = set(), set()
    for token in pattern:
        if not _required(token.get("OP")):
            continue
        flags.update(IDS[key] for key, value in token.items() if key.startswith("FLAG") and value is True)
        if isinstance(token.get("ORTH"), str):
            words.add(vocab.strings.add(token["ORTH"]))
    return frozenset(flags), frozenset(words)


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
        values = doc.to_array([*self.flags, ORTH])
        flags = {flag for flag, present in zip(self.flags, values[:, :-1].any(axis=0), strict=True) if present}
        words = set(values[:, -1].tolist())
        return frozenset(rule for rule, (f, w) in self.needs.items() if f <= flags and w <= words)

    def _matcher(self, rules: frozenset[str]) -> Matcher:
        matcher = Matcher(self.vocab, validate=False)  # validated above, in their readable form
        for rule in self.patterns:
            if rule in rules:
                matcher.add(rule, [self.patterns[rule]], greedy="LONGEST")
        return matcher
