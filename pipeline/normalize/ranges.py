"""Grammar shared by capacities and money: a qualifier, then a value or a range."""

from __future__ import annotations

import re

from pipeline.normalize.numerals import normalize_qualifier

# "and" joins a range only after "between" ("between 3 and 5 GWh"; "5,000mAh and 6,000 mAh" are two).
QUALIFIER = r"(?:(?P<between>(?i:between))\s+|(?P<qualifier>{qualifiers})\s+)?"
RANGE_SEPARATOR = r"(?(between)\s*(?:-|–|—|(?i:to|and))\s*|\s*(?:-|–|—|(?i:to))\s*)"


def is_range_qualifier_valid(match: re.Match[str]) -> bool:
    """ "between" and "from" only qualify a range ("between 3 and 5 GWh")."""
    qualifier = match["between"] or match["qualifier"]
    return match["high"] is not None or normalize_qualifier(qualifier) not in {"between", "from"}
