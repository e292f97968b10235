"""Bounded work per input: the largest article, JSONL line and JSON nesting a batch run accepts.

An input over a limit fails alone in errors.jsonl with the limit in its reason; reading it never
holds more than the limit in memory (the rest of an overlong line is skipped in blocks)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

# Characters of one article (the model's own max_length; the stages grow faster than linearly
# on texts far beyond it). Longer articles are refused, not cut: split them into their stories.
MAX_ARTICLE_CHARS = 1_000_000
# Bytes of one JSONL line: room for an article at the limit with every character escaped (\uXXXX).
MAX_LINE_BYTES = 8 * MAX_ARTICLE_CHARS
# Nesting of a JSON value: an article is a flat object; deeper lines are not articles.
MAX_JSON_DEPTH = 32
SKIP_BLOCK = 1 << 20

TooLong = None  # what ``bounded_lines`` yields in place of a line over the limit


def bounded_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The lines of ``stream``; ``TooLong`` (None) for a line of more than ``limit`` bytes, whose
    bytes are skipped without being held."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(SKIP_BLOCK)) and not rest.endswith(b"\n"):
                pass
            yield TooLong
        else:
            yield line


def depth(value: Any) -> int:
    """How deep a parsed JSON value nests (a scalar is 0, ``{}`` is 1), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
