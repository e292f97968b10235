"""Token classes for Matcher patterns: a regular expression or a word list over a token's text,
named in the pattern as ``{"CLASS": "name_start"}`` and defined in ``token_classes.toml``.

Each class becomes a lexical flag of the vocabulary, computed once per distinct word (and for new
words as they appear), so the Matcher tests a bit instead of calling a Python predicate on every
token. ``readable`` gives the same pattern with plain REGEX/IN predicates, for validation."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import IDS
from spacy.vocab import Vocab

from pipeline.resources import table, thaw

CLASS_FILE = "token_classes.toml"
CLASS = "CLASS"
# Flag bits that spaCy leaves free for custom lexical flags (FLAG19 … FLAG63).
FREE_FLAGS = tuple(IDS[f"FLAG{bit}"] for bit in range(19, 64))


@dataclass(frozen=True)
class TokenClass:
    """Whether a word belongs to the class: matches ``regex`` or is one of ``words``."""

    regex: str | None = None
    words: frozenset[str] = frozenset()

    def __call__(self, text: str) -> bool:
        return text in self.words if self.regex is None else re.search(self.regex, text) is not None

    def readable(self) -> dict[str, object]:
        """The class as a plain Matcher predicate."""
        return {"TEXT": {"REGEX": self.regex}} if self.regex is not None else {"ORTH": {"IN": sorted(self.words)}}


def token_classes() -> dict[str, TokenClass]:
    classes = {}
    for name, spec in table(CLASS_FILE).items():
        if ("regex" in spec) == ("words" in spec):
            raise ValueError(f"rule file {CLASS_FILE}, class {name!r}: give either a regex or words")
        classes[name] = TokenClass(spec.get("regex"), frozenset(spec.get("words", ())))
    return classes


def _rewrite(pattern: Sequence[Mapping[str, object]], spell: Callable[[str], dict[str, object]]) -> list[dict]:
    """``pattern`` as plain lists and dicts, each ``CLASS`` key replaced by ``spell(name)``."""
    tokens = []
    for token in pattern:
        plain = thaw(token)
        name = plain.pop(CLASS, None)
        tokens.append(plain if name is None else {**plain, **spell(name)})
    return tokens


def _known(name: str, classes: Mapping[str, object]) -> object:
    if name not in classes:
        raise ValueError(f"pattern names unknown token class {name!r} (not in {CLASS_FILE})")
    return classes[name]


def readable(pattern: Sequence[Mapping[str, object]]) -> list[dict]:
    """``pattern`` with each class written out as REGEX/IN: what spaCy's validator understands."""
    classes = token_classes()
    return _rewrite(pattern, lambda name: _known(name, classes).readable())


def register_flags(vocab: Vocab) -> dict[str, str]:
    """Each token class as a lexical flag of ``vocab``: class name -> Matcher attribute ("FLAG19").
    A class already registered on this vocabulary keeps its flag."""
    names = {flag: name for name, flag in IDS.items() if flag in FREE_FLAGS}
    attributes = {}
    for name, token_class in token_classes().items():
        flag = next((f for f, getter in vocab.lex_attr_getters.items() if getter == token_class), None)
        if flag is None:
            free = [f for f in FREE_FLAGS if f not in vocab.lex_attr_getters]
            if not free:
                raise ValueError(f"no lexical flag left for token class {name!r}")
            flag = vocab.add_flag(token_class, free[0])
        attributes[name] = names[flag]
    return attributes


def flagged(pattern: Sequence[Mapping[str, object]], attributes: Mapping[str, str]) -> list[dict]:
    """``pattern`` with each class written as its lexical flag."""
    return _rewrite(pattern, lambda name: {_known(name, attributes): True})
