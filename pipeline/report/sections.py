"""The parts of one article in the report: its counts, its errors side by side with the field
differences, its facts (organization, link, milestone and fields, gold beside predicted) and its
correct items. Anything right is marked ``ok`` (hidden by the page's "Errors only")."""

from __future__ import annotations

from html import escape
from typing import Any

from pipeline.evaluate import ROWS, ArticleResult, describe, sentence_of
from pipeline.gold import FACT_FIELDS
from pipeline.report.pairs import Pair, pair_errors
from pipeline.scoring import FACT_ROWS, OWN_FIELD, RECORD_TYPES

STRICT = "strict"


def anchor_id(article_id: str) -> str:
    return "a-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in article_id)


def show(value: Any) -> str:
    return "—" if value is None or value == "" else escape(str(value))


def table(head: list[str], rows: list[str], css: str = "") -> str:
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table class='{css}'><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def counts_table(result: ArticleResult) -> str:
    scores = result.scores(STRICT)
    rows = []
    for row in (r for r in ROWS if r in scores):
        c = scores[row]
        css = "" if c.fp or c.fn else " class='ok'"
        cells = "".join(f"<td class='n{' bad' if n and k != 'tp' else ''}'>{n}</td>" for k, n in zip(
            ("tp", "fp", "fn"), (c.tp, c.fp, c.fn), strict=True))
        rows.append(f"<tr{css}><td>{row}</td>{cells}<td class='n'>{c.f1:.3f}</td></tr>")
    return table(["row", "TP", "FP", "FN", "F1"], rows, "counts")


def _status(pair: Pair) -> str:
    return "differs" if len(pair.kinds) == 2 else pair.kinds[0]


def _what_differs(pair: Pair) -> str:
    if pair.gold is None:
        return "not in the gold"
    if pair.predicted is None:
        return "not found"
    shown = [
        f"{escape(d.name)}: <span class='gold'>{show(d.gold)}</span> → <span class='pred'>{show(d.predicted)}</span>"
        for d in pair.differences
    ]
    return "<br>".join(shown) or "same values (a different match)"


def error_row(result: ArticleResult, row: str, pair: Pair) -> str:
    record = pair.gold if pair.gold is not None else pair.predicted
    cells = [
        f"<td>{row}</td><td class='kind'>{_status(pair)}</td>",
        f"<td class='gold'>{show(describe(pair.gold)) if pair.gold is not None else ''}</td>",
        f"<td class='pred'>{show(describe(pair.predicted)) if pair.predicted is not None else ''}</td>",
        f"<td class='diff'>{_what_differs(pair)}</td>",
        f"<td class='sentence'>{show(sentence_of(result.doc, record))}</td>",
    ]
    kinds = " ".join(pair.kinds)
    return f"<tr class='{_status(pair)}' data-row='{row}' data-errors='{kinds}'>{''.join(cells)}</tr>"


def errors_table(result: ArticleResult) -> str:
    rows = [
        error_row(result, row, pair)
        for row, comparison in result.comparisons[STRICT].items()
        for pair in pair_errors(row, comparison)
    ]
    if not rows:
        return "<p class='ok'>No errors.</p>"
    head = ["row", "error", "gold", "predicted", "what differs", "sentence"]
    return "<h3>Errors</h3>" + table(head, rows, "errors")


def _flagged(result: ArticleResult, row: str) -> set[int]:
    comparison = result.comparisons[STRICT].get(row)
    return {id(r) for r in (*comparison.misses, *comparison.spurious)} if comparison else set()


def _fact_cells(gold: Any, predicted: Any, name: str, wrong: bool) -> str:
    css = " class='wrong'" if wrong else ""
    expected = show(getattr(gold, name)) if gold is not None and name in _gold_fields(gold) else ""
    found = show(getattr(predicted, name)) if predicted is not None else "—"
    link = f" <small>({show(predicted.link)})</small>" if name == "organization" and predicted is not None else ""
    return f"<td class='gold'>{expected}</td><td{css}><span class='pred'>{found}</span>{link}</td>"


def _gold_fields(gold: Any) -> set[str]:
    return {"organization", "milestone", *gold.annotated_fields()}


def _field_wrong(gold: Any, predicted: Any, name: str) -> bool:
    """As the fact_fields row scores it: a field the gold writes down (not the anchor's own) that differs."""
    if gold is None or name not in gold.annotated_fields() or name == OWN_FIELD[gold.anchor]:
        return False
    return getattr(gold, name) != (getattr(predicted, name) if predicted is not None else None)


def fact_row(result: ArticleResult, gold: Any, predicted: Any, flagged: dict[str, set[int]]) -> str:
    record = gold if gold is not None else predicted
    ids = {id(gold), id(predicted)}
    checks = {"organization": bool(ids & flagged["links"]), "milestone": bool(ids & flagged["milestones"])}
    checks.update({name: _field_wrong(gold, predicted, name) for name in FACT_FIELDS})
    cells = "".join(_fact_cells(gold, predicted, name, wrong) for name, wrong in checks.items())
    css = "" if any(checks.values()) and result.gold.facts else " class='ok'"
    return f"<tr{css}><td>{record.anchor}</td><td>{show(record.text)} <small>@{record.start}</small></td>{cells}</tr>"


def facts_table(result: ArticleResult) -> str:
    gold = {(f.anchor, f.start): f for f in result.gold.facts}
    predicted = {(f.anchor, f.start): f for f in result.predicted.facts}
    if not gold and not predicted:
        return ""
    flagged = {row: _flagged(result, row) for row in FACT_ROWS}
    rows = [fact_row(result, gold.get(k), predicted.get(k), flagged) for k in sorted({*gold, *predicted},
                                                                                      key=lambda k: k[1])]
    head = ["anchor", "text"]
    for name in ("organization", "milestone", *FACT_FIELDS):
        head += [f"{name} (gold)", f"{name} (predicted)"]
    note = "" if result.gold.facts else " <small>(the gold has no facts here: not scored)</small>"
    return f"<h3>Facts{note}</h3>" + table(head, rows, "facts")


def items_table(result: ArticleResult) -> str:
    """The predicted records the gold agrees with (strict mode)."""
    rows = []
    for record_type in RECORD_TYPES:
        spurious = _flagged(result, record_type)
        rows += [
            f"<tr class='ok'><td>{record_type}</td><td>{show(describe(record))}</td></tr>"
            for record in getattr(result.predicted, record_type)
            if id(record) not in spurious
        ]
    return f"<div class='ok'><h3>Correct items ({len(rows)})</h3>{table(['type', 'record'], rows, 'items')}</div>"
