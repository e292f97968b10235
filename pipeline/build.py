"""The one place that reads a processed Doc and builds the validated ArticleRecord."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from pipeline.components.spans import doc_text, exact_offsets, get_fact, sentence
from pipeline.normalize.capacities import parse_capacity
from pipeline.normalize.money import parse_money, yen_sign_currency
from pipeline.normalize.years import parse_year_expression
from pipeline.records import ArticleRecord, Capacity, Fact, Mention, Money, Organization, TargetYear


def _where(span: Span, text: str) -> dict[str, object]:
    start, end = exact_offsets(span)
    found = sentence(span)
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "sentence": text[found.start_char : found.end_char].strip(),
    }


def _text(span: Span, text: str) -> str:
    start, end = exact_offsets(span)
    return text[start:end]


def capacities(doc: Doc, text: str) -> list[Capacity]:
    records = []
    for span in doc.spans["capacities"]:
        value = parse_capacity(_text(span, text))
        records.append(Capacity(**_where(span, text), **vars(value), rate=get_fact(span, "rate")))
    return records


def money(doc: Doc, text: str) -> list[Money]:
    yen_sign = yen_sign_currency(text)
    records = []
    for span in doc.spans["money"]:
        value = parse_money(_text(span, text), yen_sign)
        records.append(Money(**_where(span, text), **vars(value), equivalent_of=get_fact(span, "equivalent_of")))
    return records


def target_years(doc: Doc, text: str, published: date | None) -> list[TargetYear]:
    return [
        TargetYear(**_where(span, text), **vars(parse_year_expression(_text(span, text), published)))
        for span in doc.spans["target_years"]
    ]


def organizations(doc: Doc, text: str) -> list[Organization]:
    mentions: dict[str, list[Mention]] = {}
    for span in doc.spans["organizations"]:
        mentions.setdefault(span.kb_id_, []).append(Mention(**_where(span, text)))
    return [Organization(name=name, mentions=found) for name, found in mentions.items()]


def _clause(span: Span) -> tuple[int, int]:
    """The anchor's sentence and the verb that governs it (the sentence root without a parse)."""
    verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), sentence(span).root)
    return sentence(span).start, verb.i


def _partner(span: Span, others: list[Span], records: dict[int, object], clauses: dict) -> object | None:
    """The record of another type in the anchor's clause (or alone in its sentence)."""
    clause = clauses[(span.start, span.end)]
    same_clause = clauses["by_clause"].get((id(others), clause), [])
    same_sentence = clauses["by_sentence"].get((id(others), clause[0]), [])
    chosen = same_clause or (same_sentence if len(same_sentence) == 1 else [])
    return records[exact_offsets(chosen[0])[0]] if chosen else None


def _clause_index(groups: dict[str, list[Span]]) -> dict:
    """Each span's (sentence, governing verb), and the spans of each group by clause and by sentence."""
    index: dict = {"by_clause": {}, "by_sentence": {}}
    for spans in groups.values():
        for span in spans:
            clause = index[(span.start, span.end)] = _clause(span)
            index["by_clause"].setdefault((id(spans), clause), []).append(span)
            index["by_sentence"].setdefault((id(spans), clause[0]), []).append(span)
    return index


def facts(doc: Doc, text: str, years: list[TargetYear], caps: list[Capacity], amounts: list[Money]) -> list[Fact]:
    groups = {key: list(doc.spans[key]) for key in ("target_years", "capacities", "money")}
    by_start = {
        key: {r.start: r for r in records}
        for key, records in (("target_years", years), ("capacities", caps), ("money", amounts))
    }
    clauses = _clause_index(groups)
    found = []
    for key, anchor in (("target_years", "target_year"), ("capacities", "capacity"), ("money", "money")):
        for span in groups[key]:
            year = (
                by_start[key][exact_offsets(span)[0]]
                if key == "target_years"
                else _partner(span, groups["target_years"], by_start["target_years"], clauses)
            )
            capacity = (
                _partner(span, groups["capacities"], by_start["capacities"], clauses) if key != "capacities" else None
            )
            amount = _partner(span, groups["money"], by_start["money"], clauses) if key != "money" else None
            milestone = get_fact(span, "milestone")
            found.append(
                Fact(
                    **_where(span, text),
                    anchor=anchor,
                    organization=get_fact(span, "organization"),
                    link=get_fact(span, "link"),
                    milestone=text[milestone[0] : milestone[1]] if milestone else None,
                    milestone_start=milestone[0] if milestone else None,
                    year=getattr(year, "year", None),
                    end_year=getattr(year, "end_year", None),
                    capacity=getattr(capacity, "text", None),
                    money=getattr(amount, "text", None),
                )
            )
    return _with_equivalents(_shared_milestones(sorted(found, key=lambda f: f.start)), amounts)


def _shared_milestones(found: list[Fact]) -> list[Fact]:
    """A year without a milestone takes the one of the capacity or amount it dates, and back:
    "150-200GWh of annual capacity by FY2030" dates the capacity."""
    by_text = {(f.anchor, f.text): f for f in found if f.milestone}
    years = {(f.sentence, f.year): f for f in found if f.anchor == "target_year" and f.milestone}
    shared = []
    for fact in found:
        if fact.milestone is None:
            if fact.anchor == "target_year":
                source = by_text.get(("capacity", fact.capacity)) or by_text.get(("money", fact.money))
            else:
                source = years.get((fact.sentence, fact.year))
            if source is not None:
                fact = fact.model_copy(
                    update={"milestone": source.milestone, "milestone_start": source.milestone_start}
                )
        shared.append(fact)
    return shared


def _with_equivalents(found: list[Fact], amounts: list[Money]) -> list[Fact]:
    """A converted equivalent is about what the amount it translates is about."""
    by_start = {(f.anchor, f.start): f for f in found}
    sources = {m.start: m.equivalent_of for m in amounts if m.equivalent_of is not None}
    linked = []
    for fact in found:
        original = by_start.get(("money", sources.get(fact.start))) if fact.anchor == "money" else None
        if original is not None:
            copied = ("organization", "link", "milestone", "milestone_start", "year", "end_year")
            fact = fact.model_copy(update={k: getattr(original, k) for k in copied})
        linked.append(fact)
    return linked


def build_record(doc: Doc, article_id: str, published: date | None) -> ArticleRecord:
    """The record of one processed article."""
    text = doc_text(doc)  # Doc.text is rebuilt from the tokens on each access: read it once
    years, caps, amounts = target_years(doc, text, published), capacities(doc, text), money(doc, text)
    return ArticleRecord(
        article_id=article_id,
        published=published,
        organizations=organizations(doc, text),
        capacities=caps,
        money=amounts,
        target_years=years,
        facts=facts(doc, text, years, caps, amounts),
    )
