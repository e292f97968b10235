"""Evaluate the pipeline on a folder of gold articles: a report of scores and errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.components.spans import sentence
from pipeline.extraction import Article, process
from pipeline.gold import GoldArticle, corpus_articles, load_gold
from pipeline.records import ArticleRecord
from pipeline.scoring import MODES, RECORD_TYPES, Comparison, Counts, Error, compare_article

OVERALL = "overall"
ROWS = (*RECORD_TYPES, "mentions", "links", "milestones", "fact_fields", "money_kinds")


@dataclass
class ArticleResult:
    gold: GoldArticle
    predicted: ArticleRecord
    doc: Doc
    comparisons: dict[str, dict[str, Comparison]]


@dataclass
class Report:
    """Scores per mode and record type, micro-averaged over the articles; ``overall`` sums the four
    record types (organization mentions and fact links and milestones are reported, not summed)."""

    articles: list[ArticleResult] = field(default_factory=list)
    scores: dict[str, dict[str, Counts]] = field(default_factory=lambda: {m: {} for m in MODES})

    def add(self, result: ArticleResult) -> None:
        self.articles.append(result)
        for mode in MODES:
            for row, comparison in result.comparisons[mode].items():
                self.scores[mode].setdefault(row, Counts()).add(comparison.counts)
            overall = self.scores[mode].setdefault(OVERALL, Counts())
            for record_type in RECORD_TYPES:
                overall.add(result.comparisons[mode][record_type].counts)

    def errors(self, mode: str = "strict") -> list[Error]:
        found = []
        for result in self.articles:
            for row, comparison in result.comparisons[mode].items():
                found += [Error("miss", row, mode, result.gold.article_id, r) for r in comparison.misses]
                found += [Error("spurious", row, mode, result.gold.article_id, r) for r in comparison.spurious]
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            **{mode: {row: counts.as_dict() for row, counts in rows.items()} for mode, rows in self.scores.items()},
        }


def load_corpus(directory: Path) -> list[tuple[Article, GoldArticle]]:
    """Articles with gold, validated: every gold record must sit at its offsets."""
    pairs = []
    for article_path, gold_path in corpus_articles(directory):
        gold = load_gold(gold_path)
        text = article_path.read_text(encoding="utf-8")
        gold.check_against(text)
        pairs.append((Article(gold.article_id, text, gold.published), gold))
    return pairs


def evaluate(directory: Path, model: str | None = None) -> Report:
    """Run the pipeline over every article with gold in ``directory`` and score it."""
    corpus = load_corpus(directory)
    if not corpus:
        raise FileNotFoundError(f"{directory}: no gold articles (*.gold.json next to *.txt)")
    report = Report()
    processed = process((article for article, _ in corpus), model=model)
    for (_, gold), (doc, predicted) in zip(corpus, processed, strict=True):
        comparisons = {mode: compare_article(gold, predicted, mode) for mode in MODES}
        report.add(ArticleResult(gold, predicted, doc, comparisons))
    return report


def format_table(report: Report) -> str:
    """The scores as a plain-text table, one block per mode."""
    lines = [f"{len(report.articles)} articles"]
    for mode in MODES:
        lines += ["", f"{mode:<14}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        for row in (*ROWS, OVERALL):
            c = report.scores[mode].get(row, Counts())
            lines.append(f"{row:<14}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    return "\n".join(lines)


def describe(record: Any) -> str:
    """A one-line description of a record for error listings."""
    if hasattr(record, "anchor"):
        link = f"organization={record.organization!r}, milestone={record.milestone!r}"
        return f"{record.anchor} {record.text!r} at {record.start}: {link}"
    if hasattr(record, "mentions"):
        return f"{record.name!r} ({len(record.mentions)} mentions)"
    fields = record.model_dump(exclude={"text", "start", "end", "sentence"}, exclude_none=True)
    values = ", ".join(f"{k}={v}" for k, v in fields.items() if k not in {"mentions", "aliases"})
    return f"{record.text!r} at {record.start}:{record.end} [{values}]"


def sentence_of(doc: Doc, record: Any) -> str:
    start = record.mentions[0].start if hasattr(record, "mentions") else record.start
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return sentence(span).text.strip() if span is not None else ""


def format_errors(report: Report, mode: str = "strict") -> str:
    """Every miss and spurious record, with its sentence."""
    docs = {result.gold.article_id: result.doc for result in report.articles}
    lines = []
    for error in report.errors(mode):
        lines.append(f"[{error.article_id}] {error.kind:<8} {error.record_type}: {describe(error.record)}")
        lines.append(f"    | {sentence_of(docs[error.article_id], error.record)}")
    return "\n".join(lines) if lines else "no errors"
