"""Word lists as regex alternations that the regex engine can scan quickly.

A plain alternation "yuan|yen|US dollars|…" makes the engine try every option, one after the
other, at every position of the text. The same options written as a trie, "y(?:uan|en)|US\\s+…",
let it follow the next character instead. Matching is unchanged: the options that can match at
one position are prefixes of each other, so they lie on one path of the trie, where the longer
option is tried first, exactly as in a longest-first alternation."""

from __future__ import annotations

import re

_END = ""  # marks the end of an option in the trie
_SPACE = " "  # a space in an option matches any run of whitespace


def alternation(options, *, ignore_case: bool = False, space: str = r"\s+") -> str:
    """A regex (no groups) matching any of ``options``, longest first; a space in an option
    matches ``space``. With ``ignore_case`` the caller wraps the result in ``(?i:…)``: options
    are then grouped without regard to case."""
    trie: dict = {}
    for option in options:
        node = trie
        for char in option.lower() if ignore_case else option:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie, space) if trie else "(?!)"


def _depth(node: dict) -> int:
    return max((0 if key == _END else 1 + _depth(child)) for key, child in node.items()) if node else 0


def _emit(node: dict, space: str) -> str:
    children = sorted(((k, v) for k, v in node.items() if k != _END), key=lambda item: -_depth(item[1]))
    parts = [(space if key == _SPACE else re.escape(key)) + _emit(child, space) for key, child in children]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END not in node:
        return body
    one_char = len(children) == 1 and children[0][0] != _SPACE and parts[0] == re.escape(children[0][0])
    return f"{body}?" if len(parts) > 1 or one_char else f"(?:{body})?"
