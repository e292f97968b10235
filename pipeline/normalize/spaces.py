"""Unicode spaces as plain spaces, one for one: scraped pages write "5 MW\u00a0h" and "US\u00a0$"."""

from __future__ import annotations

import re

# Every character Python counts as whitespace except the ASCII ones the rules already expect
# (tab, line feed, carriage return …): no-break, thin, narrow no-break, ideographic, en and em spaces.
_UNICODE_SPACES = re.compile(r"[^\S\t\n\v\f\r ]")


def plain_spaces(surface: str) -> str:
    """``surface`` with each Unicode space replaced by " " (same length, so offsets stay valid)."""
    return _UNICODE_SPACES.sub(" ", surface) if not surface.isascii() else surface
