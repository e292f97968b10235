"""Scoring predicted records against gold: counts, precision, recall and F1 per record type.

Capacities, money and target years match as multisets of keys per article. *Strict* keys hold the
span and every value field; *lenient* keys hold the core value only (numbers and unit, currency or
year). Organizations match per article by canonical name, accepting any of the gold's aliases, in
both modes; their mentions are scored as a type of their own (span in strict mode, text in lenient).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel

from pipeline.gold import GoldArticle
from pipeline.normalize.orgnames import name_key
from pipeline.records import Located, marks

RECORD_TYPES = ("organizations", "capacities", "money", "target_years")
MODES = ("strict", "lenient")
# Rows scoring the facts: who each year, capacity and amount is about, what it dates, its own fields.
FACT_ROWS = ("links", "milestones", "fact_fields")


def _fields(model: type[BaseModel], strict: bool) -> tuple[str, ...]:
    """Value fields of a gold record type compared in a mode, from the marks in ``records.py``:
    strict compares every scored field besides the location, lenient only the core ones."""
    located = set(Located.model_fields)
    return tuple(
        name for name, mark in marks(model).items() if name not in located and (mark.scored if strict else mark.core)
    )


GOLD_ITEMS = {name: get_args(GoldArticle.model_fields[name].annotation)[0] for name in RECORD_TYPES[1:]}
CORE_FIELDS = {name: _fields(model, strict=False) for name, model in GOLD_ITEMS.items()}
VALUE_FIELDS = {name: _fields(model, strict=True) for name, model in GOLD_ITEMS.items()}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was missed, else 0.0 if nothing predicted."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Error:
    """A miss (in gold, not predicted) or a spurious record (predicted, not in gold)."""

    kind: str  # "miss" or "spurious"
    record_type: str
    mode: str
    article_id: str
    record: Any


@dataclass
class Comparison:
    counts: Counts = field(default_factory=Counts)
    misses: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)


def comparable(value: Any) -> Any:
    """Numbers compare by value to nine significant digits (0.2 GWh == 0.2000000001 GWh)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return float(f"{float(value):.9g}")


def total(comparisons: dict[str, Comparison], rows: Iterable[str]) -> Counts:
    """The counts of ``rows`` summed (rows an article does not score are left out)."""
    summed = Counts()
    for row in rows:
        if row in comparisons:
            summed.add(comparisons[row].counts)
    return summed


def record_key(record: Any, record_type: str, mode: str) -> tuple:
    fields = VALUE_FIELDS[record_type] if mode == "strict" else CORE_FIELDS[record_type]
    values = tuple(comparable(getattr(record, name, None)) for name in fields)
    return (record.start, record.end, *values) if mode == "strict" else values


def match_multisets(gold: Iterable[Any], predicted: Iterable[Any], key: Callable[[Any], Any]) -> Comparison:
    """Pairs gold and predicted records with equal keys, each used at most once."""
    remaining = Counter(key(g) for g in gold)
    result = Comparison()
    for record in predicted:
        k = key(record)
        if remaining[k] > 0:
            remaining[k] -= 1
            result.counts.tp += 1
        else:
            result.spurious.append(record)
    for record in gold:
        k = key(record)
        if remaining[k] > 0:
            remaining[k] -= 1
            result.misses.append(record)
    result.counts.fp, result.counts.fn = len(result.spurious), len(result.misses)
    return result


def match_organizations(gold: list[Any], predicted: list[Any]) -> Comparison:
    """Per-article sets of organizations: a predicted name matches a gold organization when it
    equals its name or one of its aliases (case and punctuation aside)."""
    unmatched = list(gold)
    result = Comparison()
    for organization in predicted:
        key = name_key(organization.name)
        found = next((g for g in unmatched if key in {name_key(n) for n in (g.name, *g.aliases)}), None)
        if found is None:
            result.spurious.append(organization)
        else:
            unmatched.remove(found)
            result.counts.tp += 1
    result.misses = unmatched
    result.counts.fp, result.counts.fn = len(result.spurious), len(result.misses)
    return result


def _accepted_names(gold: Any) -> dict[str, set[str]]:
    return {o.name: {name_key(n) for n in (o.name, *o.aliases)} for o in gold.organizations}


def match_facts(gold: Any, predicted: Any) -> tuple[Comparison, Comparison]:
    """Links (anchor, organization) and milestones per anchor record, for articles whose gold has facts.
    A predicted link or milestone that disagrees with the gold's is both spurious and a miss; a
    milestone agrees when one phrase contains the other, ignoring case."""
    names = _accepted_names(gold)
    guessed = {(f.anchor, f.start): f for f in predicted.facts}
    links, milestones = Comparison(), Comparison()
    for fact in gold.facts:
        other = guessed.pop((fact.anchor, fact.start), None)
        _score(links, fact, other, "organization", lambda g, p: name_key(p) in names.get(g, {name_key(g)}))
        _score(milestones, fact, other, "milestone", lambda g, p: g.lower() in p.lower() or p.lower() in g.lower())
    for other in guessed.values():  # anchors the gold does not have
        for comparison, field_name in ((links, "organization"), (milestones, "milestone")):
            if getattr(other, field_name):
                comparison.spurious.append(other)
    for comparison in (links, milestones):
        comparison.counts.fp, comparison.counts.fn = len(comparison.spurious), len(comparison.misses)
    return links, milestones


OWN_FIELD = {"target_year": "year", "capacity": "capacity", "money": "money"}


def match_fact_fields(gold: Any, predicted: Any) -> Comparison:
    """The year, capacity and amount each fact takes from its clause (about the same organization),
    where the gold writes them down: a field left out is not scored, a null is. A predicted value
    that differs from the gold's is spurious, and a miss when the gold has one; a right null counts
    nothing (as for links). A year fact's own year, and so on, is not compared."""
    guessed = {(f.anchor, f.start): f for f in predicted.facts}
    result = Comparison()
    for fact in gold.facts:
        other = guessed.get((fact.anchor, fact.start))
        for name in fact.annotated_fields():
            if name == OWN_FIELD[fact.anchor]:
                continue
            expected, found = getattr(fact, name), getattr(other, name) if other is not None else None
            if expected is not None and found == expected:
                result.counts.tp += 1
                continue
            if expected is not None:
                result.misses.append(fact)
            if found is not None:
                result.spurious.append(other)
    result.counts.fp, result.counts.fn = len(result.spurious), len(result.misses)
    return result


def match_money_kinds(gold: Any, predicted: Any) -> Comparison:
    """What each gold amount is (``kind``), where the gold writes it down: the predicted amount at
    the same start with the same kind is a hit; a different kind is spurious and a miss; no
    predicted amount there is a miss. Amounts the gold does not have are the money row's concern."""
    guessed = {m.start: m for m in predicted.money}
    result = Comparison()
    for amount in gold.money:
        if "kind" not in amount.model_fields_set:
            continue
        other = guessed.get(amount.start)
        if other is not None and other.kind == amount.kind:
            result.counts.tp += 1
            continue
        result.misses.append(amount)
        if other is not None:
            result.spurious.append(other)
    result.counts.fp, result.counts.fn = len(result.spurious), len(result.misses)
    return result


def _score(
    comparison: Comparison, gold: Any, predicted: Any, field_name: str, agree: Callable[[str, str], bool]
) -> None:
    expected = getattr(gold, field_name)
    found = getattr(predicted, field_name) if predicted is not None else None
    if expected and found and agree(expected, found):
        comparison.counts.tp += 1
        return
    if expected:
        comparison.misses.append(gold)
    if found:
        comparison.spurious.append(predicted)


def compare_article(gold: Any, predicted: Any, mode: str) -> dict[str, Comparison]:
    """Comparisons per record type, plus organization mentions and (where the gold has facts) the
    facts' links and milestones, and (where the gold writes them down) the facts' year, capacity
    and amount, and what each amount is, for one article."""
    results = {"organizations": match_organizations(gold.organizations, predicted.organizations)}
    for record_type in ("capacities", "money", "target_years"):
        results[record_type] = match_multisets(
            getattr(gold, record_type), getattr(predicted, record_type), lambda r, t=record_type: record_key(r, t, mode)
        )
    mention_key = (lambda m: (m.start, m.end)) if mode == "strict" else (lambda m: m.text)
    results["mentions"] = match_multisets(
        [m for o in gold.organizations for m in o.mentions],
        [m for o in predicted.organizations for m in o.mentions],
        mention_key,
    )
    if any("kind" in amount.model_fields_set for amount in gold.money):
        results["money_kinds"] = match_money_kinds(gold, predicted)
    if getattr(gold, "facts", None):
        results["links"], results["milestones"] = match_facts(gold, predicted)
        if any(fact.annotated_fields() for fact in gold.facts):
            results["fact_fields"] = match_fact_fields(gold, predicted)
    return results
