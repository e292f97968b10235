"""The one place that reads a processed Doc and builds the validated ArticleRecord. Records are
gathered as plain dicts and validated once, as a whole, by the ArticleRecord model."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from pipeline import gazetteer
from pipeline.components.spans import doc_text, exact_offsets, get_fact, sentence, sentence_bounds
from pipeline.normalize.capacities import parse_capacity
from pipeline.normalize.money import parse_money, yen_sign_currency
from pipeline.normalize.years import parse_year_expression
from pipeline.records import ArticleRecord

Fields = dict[str, object]


def _where(span: Span, text: str) -> Fields:
    start, end = exact_offsets(span)
    sentence_start, sentence_end = sentence_bounds(span)
    return {"text": text[start:end], "start": start, "end": end, "sentence": text[sentence_start:sentence_end].strip()}


def _text(span: Span, text: str) -> str:
    start, end = exact_offsets(span)
    return text[start:end]


def capacities(doc: Doc, text: str) -> list[Fields]:
    records = []
    for span in doc.spans["capacities"]:
        value = parse_capacity(_text(span, text))
        records.append({**_where(span, text), **vars(value), "rate": get_fact(span, "rate")})
    return records


def money(doc: Doc, text: str) -> list[Fields]:
    yen_sign = yen_sign_currency(text)
    records = []
    for span in doc.spans["money"]:
        value = parse_money(_text(span, text), yen_sign)
        records.append({**_where(span, text), **vars(value), "equivalent_of": get_fact(span, "equivalent_of")})
    return records


def target_years(doc: Doc, text: str, published: date | None) -> list[Fields]:
    return [
        {**_where(span, text), **vars(parse_year_expression(_text(span, text), published))}
        for span in doc.spans["target_years"]
    ]


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


def _clause(span: Span) -> tuple[int, int]:
    """The anchor's sentence and the verb that governs it (the sentence root without a parse)."""
    verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), sentence(span).root)
    return sentence(span).start, verb.i


class _Clauses:
    """The records of each group by clause (sentence and governing verb) and by sentence, so a
    fact finds the year, capacity or amount of its own clause without a pairwise search."""

    def __init__(self, groups: dict[str, list[Span]], records: dict[str, dict[int, Fields]]) -> None:
        self.records = records
        self.of: dict[tuple[int, int], tuple[int, int]] = {}
        self.by_clause: dict[tuple[str, tuple[int, int]], list[Span]] = {}
        self.by_sentence: dict[tuple[str, int], list[Span]] = {}
        for key, spans in groups.items():
            for span in spans:
                clause = self.of[(span.start, span.end)] = _clause(span)
                self.by_clause.setdefault((key, clause), []).append(span)
                self.by_sentence.setdefault((key, clause[0]), []).append(span)

    def partner(self, span: Span, key: str) -> Fields:
        """The ``key`` record in the span's clause, or the only one in its sentence."""
        clause = self.of[(span.start, span.end)]
        same_sentence = self.by_sentence.get((key, clause[0]), [])
        chosen = self.by_clause.get((key, clause)) or (same_sentence if len(same_sentence) == 1 else [])
        return self.records[key][exact_offsets(chosen[0])[0]] if chosen else {}


def facts(doc: Doc, text: str, years: list[Fields], caps: list[Fields], amounts: list[Fields]) -> list[Fields]:
    groups = {key: list(doc.spans[key]) for key in ("target_years", "capacities", "money")}
    records = {
        key: {r["start"]: r for r in found}
        for key, found in (("target_years", years), ("capacities", caps), ("money", amounts))
    }
    clauses = _Clauses(groups, records)
    found = []
    for key, anchor in (("target_years", "target_year"), ("capacities", "capacity"), ("money", "money")):
        for span in groups[key]:
            own = records[key][exact_offsets(span)[0]]
            year = own if key == "target_years" else clauses.partner(span, "target_years")
            capacity = {} if key == "capacities" else clauses.partner(span, "capacities")
            amount = {} if key == "money" else clauses.partner(span, "money")
            milestone = get_fact(span, "milestone")
            found.append(
                {
                    **_where(span, text),
                    "anchor": anchor,
                    "organization": get_fact(span, "organization"),
                    "link": get_fact(span, "link"),
                    "milestone": text[milestone[0] : milestone[1]] if milestone else None,
                    "milestone_start": milestone[0] if milestone else None,
                    "year": year.get("year"),
                    "end_year": year.get("end_year"),
                    "capacity": capacity.get("text"),
                    "money": amount.get("text"),
                }
            )
    return _with_equivalents(_shared_milestones(sorted(found, key=lambda f: f["start"])), amounts)


def _shared_milestones(found: list[Fields]) -> list[Fields]:
    """A year without a milestone takes the one of the capacity or amount it dates, and back:
    "150-200GWh of annual capacity by FY2030" dates the capacity."""
    by_text = {(f["anchor"], f["text"]): f for f in found if f["milestone"]}
    years = {(f["sentence"], f["year"]): f for f in found if f["anchor"] == "target_year" and f["milestone"]}
    shared = []
    for fact in found:
        if fact["milestone"] is None:
            if fact["anchor"] == "target_year":
                source = by_text.get(("capacity", fact["capacity"])) or by_text.get(("money", fact["money"]))
            else:
                source = years.get((fact["sentence"], fact["year"]))
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
            copied = ("organization", "link", "milestone", "milestone_start", "year", "end_year")
            fact = {**fact, **{k: original[k] for k in copied}}
        linked.append(fact)
    return linked


def build_record(doc: Doc, article_id: str, published: date | None) -> ArticleRecord:
    """The record of one processed article."""
    text = doc_text(doc)  # Doc.text is rebuilt from the tokens on each access: read it once
    years, caps, amounts = target_years(doc, text, published), capacities(doc, text), money(doc, text)
    named = organizations(doc, text)
    return ArticleRecord.model_validate(
        {
            "article_id": article_id,
            "published": published,
            "organizations": named,
            "capacities": caps,
            "money": amounts,
            "target_years": years,
            "facts": _with_organization_ids(facts(doc, text, years, caps, amounts), named),
        }
    )
