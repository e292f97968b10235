"""The one place that reads a processed Doc and builds the validated ArticleRecord. Each item is
validated by its own model: a value that a normalizer or a record rejects costs that item only
(dropped, logged and counted by reason on the record, see ``dropped_items``), never the article."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc, Span

from pipeline import gazetteer
from pipeline.components.spans import doc_text, exact_offsets, get_fact, sentence_bounds
from pipeline.normalize.capacities import parse_capacity
from pipeline.normalize.currency_context import resolved
from pipeline.normalize.money import parse_money
from pipeline.normalize.spaces import plain_spaces
from pipeline.normalize.years import parse_year_expression
from pipeline.records import ArticleRecord, Capacity, Fact, Money, TargetYear

Fields = dict[str, object]
Kept = dict[int, Fields]  # the fields of the items that passed their model, by start offset
log = logging.getLogger(__name__)


def _message(error: Exception) -> str:
    message = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
    return re.sub(r"^Value error, ", "", (message.splitlines() or [type(error).__name__])[0])


def drop_reason(kind: str, error: Exception) -> str:
    """A reason to count drops by: the error without the values in it ("target_years: N is not a
    plausible year")."""
    message = _message(error)
    return f"{kind}: " + re.sub(r"\d+(?:\.\d+)?(?:e[+-]?\d+)?", "N", re.sub(r"'[^']*'", "'…'", message))


class Items:
    """The items of one kind that passed their model: fields by start offset, and the records."""

    def __init__(self) -> None:
        self.fields: Kept = {}
        self.records: list[BaseModel] = []


def _kept(
    kind: str, spans: Iterable[Span], make: Callable[[Span], Fields], model: type[BaseModel], dropped: Counter[str]
) -> Items:
    """The items of the spans that their model accepts; the others are dropped, logged and counted."""
    items = Items()
    for span in spans:
        try:
            fields = make(span)
            record = model.model_validate(fields)
        except (ValueError, ArithmeticError, TypeError) as error:  # ValidationError is a ValueError
            dropped[drop_reason(kind, error)] += 1
            log.warning("%s %r dropped: %s", kind, span.text[:80], _message(error))
            continue
        items.fields[fields["start"]] = fields  # type: ignore[index]
        items.records.append(record)
    return items


def _where(span: Span, text: str) -> Fields:
    start, end = exact_offsets(span)
    sentence_start, sentence_end = sentence_bounds(span)
    return {"text": text[start:end], "start": start, "end": end, "sentence": text[sentence_start:sentence_end].strip()}


def _text(span: Span, text: str) -> str:
    """The surface a normalizer reads: the span's text with Unicode spaces as plain spaces."""
    start, end = exact_offsets(span)
    return plain_spaces(text[start:end])


def capacities(doc: Doc, text: str, dropped: Counter[str]) -> Items:
    def make(span: Span) -> Fields:
        return {**_where(span, text), **vars(parse_capacity(_text(span, text))), "rate": get_fact(span, "rate")}

    return _kept("capacities", doc.spans["capacities"], make, Capacity, dropped)


def money(doc: Doc, text: str, dropped: Counter[str]) -> Items:
    currencies = resolved(text)  # what the article makes of "$", "¥", "kr" …

    def make(span: Span) -> Fields:
        value = parse_money(_text(span, text) + (get_fact(span, "elided") or ""), currencies)
        facts = {name: get_fact(span, name) for name in ("equivalent_of", "per", "role")}
        return {**_where(span, text), **vars(value), **facts, "kind": get_fact(span, "kind") or "other"}

    return _kept("money", doc.spans["money"], make, Money, dropped)


def target_years(doc: Doc, text: str, published: date | None, dropped: Counter[str]) -> Items:
    def make(span: Span) -> Fields:
        base = None if get_fact(span, "anchored") else published  # "within two years of start-up"
        return {**_where(span, text), **vars(parse_year_expression(_text(span, text), base))}

    return _kept("target_years", doc.spans["target_years"], make, TargetYear, dropped)


def organizations(doc: Doc, text: str) -> list[Fields]:
    """One organization per canonical name, with its gazetteer id, kind and country when known."""
    mentions: dict[str, list[Fields]] = {}
    ids: dict[str, object] = {}
    for span in doc.spans["organizations"]:
        mentions.setdefault(span.kb_id_, []).append(_where(span, text))
        ids.setdefault(span.kb_id_, get_fact(span, "organization_id"))
    found = []
    for name, where in mentions.items():
        entry = gazetteer.by_id().get(ids[name]) or {}
        known = {"id": ids[name], "kind": entry.get("kind"), "country": entry.get("country")}
        found.append({"name": name, **known, "mentions": where})
    return found


def _with_organization_ids(facts: list[Fields], organizations: list[Fields]) -> list[Fields]:
    """Each fact's ``organization_id``: the id of the organization its ``organization`` names."""
    ids = {organization["name"]: organization["id"] for organization in organizations}
    return [{**fact, "organization_id": ids.get(fact["organization"])} for fact in facts]


def _partner(span: Span, records: Kept, anchor: str) -> Fields:
    """The record of type ``anchor`` the fact linker paired with the span: same clause, same
    organization (none without a parse, or where the clause has none)."""
    start = get_fact(span, f"{anchor}_partner")
    return records.get(start, {}) if isinstance(start, int) else {}


def facts(doc: Doc, text: str, years: Kept, caps: Kept, amounts: Kept) -> list[Fields]:
    records = {"target_years": years, "capacities": caps, "money": amounts}
    groups = {key: [s for s in doc.spans[key] if exact_offsets(s)[0] in records[key]] for key in records}
    found = []
    for key, anchor in (("target_years", "target_year"), ("capacities", "capacity"), ("money", "money")):
        for span in groups[key]:
            own = records[key][exact_offsets(span)[0]]
            year = own if key == "target_years" else _partner(span, years, "target_year")
            capacity = {} if key == "capacities" else _partner(span, caps, "capacity")
            amount = {} if key == "money" else _partner(span, amounts, "money")
            milestone = get_fact(span, "milestone")
            found.append(
                {
                    **_where(span, text),
                    "fact_id": f"{anchor}:{own['start']}",
                    "anchor": anchor,
                    "organization": get_fact(span, "organization"),
                    "link": get_fact(span, "link"),
                    "milestone": text[milestone[0] : milestone[1]] if milestone else None,
                    "milestone_start": milestone[0] if milestone else None,
                    "year": year.get("year"),
                    "end_year": year.get("end_year"),
                    "capacity": capacity.get("text"),
                    "money": amount.get("text"),
                    "year_start": year.get("start"),
                    "capacity_start": capacity.get("start"),
                    "money_start": amount.get("start"),
                }
            )
    return _with_equivalents(_shared_milestones(sorted(found, key=lambda f: f["start"])), list(amounts.values()))


def _shared_milestones(found: list[Fields]) -> list[Fields]:
    """A year without a milestone takes the one of the capacity or amount it dates, and back:
    "150-200GWh of annual capacity by FY2030" dates the capacity."""
    by_start = {(f["anchor"], f["start"]): f for f in found if f["milestone"]}
    shared = []
    for fact in found:
        if fact["milestone"] is None:
            if fact["anchor"] == "target_year":
                source = by_start.get(("capacity", fact["capacity_start"])) or by_start.get(
                    ("money", fact["money_start"])
                )
            else:
                source = by_start.get(("target_year", fact["year_start"]))
            if source is not None:
                fact = {**fact, "milestone": source["milestone"], "milestone_start": source["milestone_start"]}
        shared.append(fact)
    return shared


def _with_equivalents(found: list[Fields], amounts: list[Fields]) -> list[Fields]:
    """A converted equivalent is about what the amount it translates is about."""
    by_start = {(f["anchor"], f["start"]): f for f in found}
    sources = {m["start"]: m["equivalent_of"] for m in amounts if m["equivalent_of"] is not None}
    linked = []
    for fact in found:
        original = by_start.get(("money", sources.get(fact["start"]))) if fact["anchor"] == "money" else None
        if original is not None:
            copied = ("organization", "link", "milestone", "milestone_start", "year", "end_year", "year_start")
            fact = {**fact, **{k: original[k] for k in copied}}
        linked.append(fact)
    return linked


def _valid_facts(found: list[Fields], dropped: Counter[str]) -> list[Fact]:
    """The facts their model accepts, as records (validated once: the article's model takes them as
    they are); the others are dropped, logged and counted."""
    kept = []
    for fact in found:
        try:
            kept.append(Fact.model_validate(fact))
        except ValidationError as error:
            dropped[drop_reason("facts", error)] += 1
            log.warning("fact of %r dropped: %s", str(fact["text"])[:80], _message(error))
    return kept


def build_record(doc: Doc, article_id: str, published: date | None) -> ArticleRecord:
    """The record of one processed article; the items it had to drop are in ``dropped_items``."""
    text = doc_text(doc)  # Doc.text is rebuilt from the tokens on each access: read it once
    dropped: Counter[str] = Counter()
    years, caps = target_years(doc, text, published, dropped), capacities(doc, text, dropped)
    amounts, named = money(doc, text, dropped), organizations(doc, text)
    found = facts(doc, text, years.fields, caps.fields, amounts.fields)
    linked = _valid_facts(_with_organization_ids(found, named), dropped)
    record = ArticleRecord.model_validate(
        {
            "article_id": article_id,
            "published": published,
            "organizations": named,
            "capacities": caps.records,
            "money": amounts.records,
            "target_years": years.records,
            "facts": linked,
        }
    )
    return with_dropped(record, dropped)


def with_dropped(record: ArticleRecord, dropped: Counter[str] | dict[str, int]) -> ArticleRecord:
    """``record``, noting (outside its fields) the items dropped while building it, by reason."""
    record._dropped = dict(dropped)
    return record


def dropped_items(record: ArticleRecord) -> dict[str, int]:
    """How many items were dropped while building ``record``, by reason (none for a parsed record)."""
    return dict(record._dropped)
