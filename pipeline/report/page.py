"""The HTML report of an evaluation, a triage tool: the scores, an index of the articles with their
error counts (anchors to each), and per article its errors with the fields that differ, its facts
and its correct items, and the text with gold and predicted spans. One self-contained file: inline
style and script, no server, nothing fetched; "Errors only" hides whatever is right."""

from __future__ import annotations

from html import escape

from pipeline.evaluate import ROWS, TOTALS, ArticleResult, Report
from pipeline.report.assets import SCRIPT, STYLE
from pipeline.report.sections import anchor_id, counts_table, errors_table, facts_table, items_table, show, table
from pipeline.report.spans import spans_html
from pipeline.scoring import MODES

TITLE = "battery-extract evaluation"


def scores_table(report: Report) -> str:
    head = ["row"] + [f"{mode} {name}" for mode in MODES for name in ("TP", "FP", "FN", "F1")]
    rows = []
    for row in (*ROWS, *TOTALS):
        cells = ""
        for mode in MODES:
            c = report.scores[mode].get(row)
            values = (c.tp, c.fp, c.fn, f"{c.f1:.3f}") if c else ("", "", "", "")
            cells += "".join(f"<td class='n'>{v}</td>" for v in values)
        rows.append(f"<tr><td>{row}</td>{cells}</tr>")
    return table(head, rows, "scores")


def _error_cell(result: ArticleResult, row: str) -> str:
    c = result.scores("strict").get(row)
    if c is None:
        return "<td class='n zero'>·</td>"
    errors = c.fp + c.fn
    return f"<td class='n{' bad' if errors else ' zero'}'>{errors}</td>"


def index_table(report: Report) -> str:
    """One line per article: its errors (FP + FN, strict) per row, linking to its section."""
    rows = []
    for result in report.articles:
        count = len(result.errors("strict"))
        link = f"<a href='#{anchor_id(result.article_id)}'>{escape(result.article_id)}</a>"
        cells = "".join(_error_cell(result, row) for row in ROWS)
        css = " class='ok'" if count == 0 else ""
        rows.append(f"<tr{css}><td>{link}</td><td class='n{' bad' if count else ''}'>{count}</td>{cells}</tr>")
    return table(["article", "errors", *ROWS], rows, "index")


def article_section(result: ArticleResult) -> str:
    count = len(result.errors("strict"))
    css = "article" + ("" if count else " ok")
    published = f", published {result.gold.published}" if result.gold.published else ""
    return (
        f"<section id='{anchor_id(result.article_id)}' class='{css}' data-errors='{count}'>"
        f"<h2>{escape(result.article_id)} <small>({count} errors{published})</small></h2>"
        f"{counts_table(result)}{errors_table(result)}{facts_table(result)}{items_table(result)}"
        "<details><summary>Text: gold spans (misses in red) beside predicted (spurious in yellow)</summary>"
        f"{spans_html(result)}</details><p><a href='#top'>back to the index</a></p></section>"
    )


def _versions(report: Report) -> str:
    v = report.versions
    model = v.get("model") or {}
    return f"pipeline {show(v.get('pipeline'))}, schema {show(v.get('schema'))}, model {show(model.get('name'))} " \
        f"{show(model.get('version'))}"


def render_report(report: Report) -> str:
    """A self-contained HTML page."""
    errors = len(report.errors("strict"))
    parts = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{TITLE}</title>",
        f"<style>{STYLE}</style></head><body><h1 id='top'>Evaluation</h1>",
        f"<p>{len(report.articles)} articles, {errors} errors (strict mode) · {_versions(report)}</p>",
        "<div class='toolbar'><label><input type='checkbox' id='errors-only'> Errors only</label>"
        " <small>hides what is right: articles, rows and items without errors</small></div>",
        "<h2>Scores</h2>", scores_table(report),
        "<h2>Articles</h2><p>Errors per row (FP + FN, strict); · where the article's gold does not score it.</p>",
        index_table(report),
        *(article_section(result) for result in report.articles),
        f"<script>{SCRIPT}</script></body></html>",
    ]
    return "".join(parts)
