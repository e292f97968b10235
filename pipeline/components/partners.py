"""What the fact linker adds to each record once the links are known: the year, capacity and
amount of its own clause about the same organization (stored as the partner's start offset), and
the milestone a coordinated figure shares. ``anchors`` maps span group names to anchor types."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

from pipeline.components.clauses import clause_of, is_starting_value
from pipeline.components.spans import exact_offsets, get_fact, set_fact


def link_partners(doc: Doc, anchors: Mapping[str, str]) -> None:
    """Each record's year, capacity and amount: the nearest record of that type in the same clause
    about the same organization, else none ("Tesla … ; LG will invest KRW 1.5 trillion" gives LG's
    amount to no Tesla fact). Stored as the partner's start offset under ``<anchor>_partner``."""
    clauses: dict[tuple[str, tuple[int, int]], list[Span]] = {}
    of: dict[tuple[str, int], tuple[int, int]] = {}
    for key in anchors:
        for span in doc.spans[key]:
            clause = of[(key, span.start)] = clause_of(span)
            clauses.setdefault((key, clause), []).append(span)
    for key in anchors:
        for span in doc.spans[key]:
            organization = get_fact(span, "organization")
            for other, anchor in anchors.items():
                if other == key:
                    continue
                same = [
                    s
                    for s in clauses.get((other, of[(key, span.start)]), [])
                    if get_fact(s, "organization") == organization and not _dated_start(span, s)
                ]
                # the amount as written before its bracketed conversion: "2.5 billion yuan (US$352 million)"
                nearest = min(same, key=lambda s: (_is_conversion(s), abs(s.start - span.start)), default=None)
                set_fact(span, f"{anchor}_partner", exact_offsets(nearest)[0] if nearest is not None else None)


def share_coordinated_milestones(doc: Doc, anchors: Mapping[str, str]) -> None:
    """A figure coordinated with another record shares its milestone where it has none of its own:
    "annual output is set to reach 20 GWh by the end of 2023 and 40 GWh in 2024"; so does a year that
    dates a figure: "plans 20 GWh of cells by 2027" (not the nearer "40 GWh of modules" after it)."""
    spans = [span for key in anchors for span in doc.spans[key]]
    at = {i: span for span in spans for i in range(span.start, span.end)}
    for span in spans:
        if get_fact(span, "milestone") is not None:
            continue
        source = _coordinated(span, at) or _dated_figure(span, at)
        milestone = get_fact(source, "milestone") if source is not None else None
        if milestone is not None:
            set_fact(span, "milestone", milestone)


def _coordinated(span: Span, at: Mapping[int, Span]) -> Span | None:
    head = span.root.head
    return at.get(head.i) if span.root.dep_ == "conj" else None


def _dated_figure(span: Span, at: Mapping[int, Span]) -> Span | None:
    """The figure a year's preposition hangs on: "20 GWh of cells by 2027" -> "20 GWh"."""
    preposition = span.root if span.root.dep_ == "prep" else span.root.head  # "by 2027" or "2027"
    if span.label_ != "TARGET_YEAR" or preposition.dep_ != "prep":
        return None
    figure = at.get(preposition.head.i)
    return figure if figure is not None and figure.label_ != "TARGET_YEAR" else None


def _dated_start(span: Span, other: Span) -> bool:
    """A year and the value a change starts from ("from 0.5 GWh to 2 GWh by 2026"): the year dates
    where the change ends, not where it starts."""
    return (span.label_ == "TARGET_YEAR" and is_starting_value(other)) or (
        other.label_ == "TARGET_YEAR" and is_starting_value(span)
    )


def _is_conversion(span: Span) -> bool:
    return get_fact(span, "equivalent_of") is not None
