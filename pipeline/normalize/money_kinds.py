"""What an amount of money is (investment, revenue, a price per kWh …), from the words around it.

Pure functions over the words right after the amount and its clause before it, with the cue words
of ``money_kinds.toml``, in order: a unit after the amount ("$98 per kWh", "64.2 cents a dozen",
"HK$30 each") makes it a unit price, or a share price where the clause speaks of shares; then a
cue among the first words after it ("$2 billion loan", "€1.1 billion ($1.2 billion) of state
aid"); a share price (an amount without a scale word just after "shares … to"); the cue nearest
before it since the previous amount of its clause; the previous amount's kind; the cue nearest
before it in its clause; else "other"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.normalize.alternation import alternation
from pipeline.resources import table

# A new sentence (a full stop before a capital: "Corp. for" goes on), a semicolon or a line break.
CLAUSE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z0-9\"“‘])|;\s|\n")
PER_UNIT = frozenset({"unit_price", "share_price"})
WINDOW = 120  # characters of the clause read before an amount
AFTER_WORDS = 5  # words read after an amount (past a bracketed equivalent)
ENDINGS = r"(?:s|es|ed|d|ing|ment|ments|er|ers|or|ors)?(?![\w-])"
SCALED = re.compile(r"(?i:thousand|million|billion|trillion|crore|lakh|\d\s?(?:k|m|mn|bn|b|tn|trn|mln|bln|tln)\b)")
# The words after an amount that can say what it is (its own noun phrase: "of state aid", "in
# debt funding") end at a clause mark, a conjunction, a preposition leading away, or another
# amount ("RMB 9.64 bln last year as lithium prices slumped", "¥120 billion of the ¥350bn cost").
AFTER_END = re.compile(
    r"[,;:()\n]|\.(?=\s+[A-Z]|\s*$)|[\d$€£¥₹]"
    r"|\b(?:as|while|after|before|when|and|but|which|that|because|since|with|to|from|by|for|at|on|into)\b"
)


@dataclass(frozen=True)
class Cues:
    unit: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    shares: re.Pattern[str]
    kind_after: dict[str, str]
    kind_before: dict[str, str]


def _key(cue: str) -> str:
    return " ".join(cue.lower().split())


@cache
def cues() -> Cues:
    data = table("money_kinds.toml")
    units = alternation(data["unit"]["words"], ignore_case=True)
    unit = re.compile(rf"\s*(?:(?:per|an?|every|/)\s*(?P<unit>{units})(?![\w-])|(?P<alone>each|apiece)\b)", re.I)
    after = {_key(c): kind for kind, found in data["cues"].items() for c in found["after"]}
    before = {_key(c): kind for kind, found in data["cues"].items() for c in found["before"]}
    words = {
        side: rf"\b(?P<cue>{alternation(found, ignore_case=True)}){ENDINGS}"
        for side, found in (("a", after), ("b", before))
    }
    shares = re.compile(rf"\b(?:{alternation(data['share_price']['before'], ignore_case=True)})\b", re.I)
    return Cues(unit, re.compile(words["a"], re.I), re.compile(words["b"], re.I), shares, after, before)


def clause_start(text: str, start: int) -> int:
    """Where the clause of the amount at ``start`` begins: its sentence, at most WINDOW characters back."""
    low = max(0, start - WINDOW)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
    return breaks[-1] if breaks else low


def per_unit(after: str) -> str | None:
    """The unit of a price per unit written right after the amount ("per kWh" -> "kWh", "each")."""
    match = cues().unit.match(after)
    if match is None:
        return None
    unit = match["unit"] or match["alone"]
    return None if unit.lower() in {u.lower() for u in table("money_kinds.toml")["unit"]["not_prices"]} else unit


def _after_kind(after: str) -> str | None:
    rest = re.sub(r"^\s*\([^)]*\)", "", after)  # "(US$352 million) of German state aid"
    rest = AFTER_END.split(rest, maxsplit=1)[0]
    words = " ".join(rest.split()[:AFTER_WORDS])
    match = cues().after.search(words)
    return cues().kind_after[_key(match["cue"])] if match else None


def _nearest_before(before: str) -> str | None:
    found = list(cues().before.finditer(before))
    return cues().kind_before[_key(found[-1]["cue"])] if found else None


@lru_cache(maxsize=4096)
def money_kind(
    clause: str, since_previous: str | None, amount: str, after: str, previous: str | None
) -> tuple[str, str | None]:
    """(kind, unit) of ``amount``: ``clause`` is its clause up to it, ``since_previous`` the text
    since the previous amount of that clause (None if there is none) and ``previous`` that
    amount's kind; ``after`` the text that follows."""
    unit = per_unit(after)
    if unit is not None:
        return ("share_price" if unit.lower() == "share" or cues().shares.search(clause) else "unit_price"), unit
    kind = _after_kind(after)
    if kind is None and cues().shares.search(clause[-60:]) and not SCALED.search(amount):
        kind = "share_price"
    if kind is None and since_previous is not None:  # a per-unit price needs its own unit
        kind = _nearest_before(since_previous) or (previous if previous not in PER_UNIT else None)
    return kind or _nearest_before(clause) or "other", None
