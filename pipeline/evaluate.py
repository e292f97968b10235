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
from pipeline.scoring import FACT_ROWS, MODES, RECORD_TYPES, Comparison, Counts, Error, compare_article, total

OVERALL = "overall"  # the four record types: what the accuracy gate's `overall` floor has always meant
OVERALL_FACTS = "overall_facts"  # the fact rows (links, milestones, fact fields), reported alongside
ROWS = (*RECORD_TYPES, "mentions", *FACT_ROWS, "money_kinds")
TOTALS = {OVERALL: RECORD_TYPES, OVERALL_FACTS: FACT_ROWS}


@dataclass
class ArticleResult:
    gold: GoldArticle
    predicted: ArticleRecord
    doc: Doc
    comparisons: dict[str, dict[str, Comparison]]

    @property
    def article_id(self) -> str:
        return self.gold.article_id

    def scores(self, mode: str) -> dict[str, Counts]:
        """This article's counts per row it scores, and its totals."""
        rows = {row: comparison.counts for row, comparison in self.comparisons[mode].items()}
        return {**rows, **{name: total(self.comparisons[mode], summed) for name, summed in TOTALS.items()}}

    def errors(self, mode: str = "strict") -> list[Error]:
        return [
            Error(kind, row, mode, self.article_id, record)
            for row, comparison in self.comparisons[mode].items()
            for kind, records in (("miss", comparison.misses), ("spurious", comparison.spurious))
            for record in records
        ]


@dataclass
class Report:
    """Scores per mode and row, micro-averaged over the articles. ``overall`` sums the four record
    types (organization mentions and the fact rows are reported, not summed into it);
    ``overall_facts`` sums the fact rows. ``versions`` say what produced the scores."""

    articles: list[ArticleResult] = field(default_factory=list)
    scores: dict[str, dict[str, Counts]] = field(default_factory=lambda: {m: {} for m in MODES})
    versions: dict[str, Any] = field(default_factory=dict)

    def add(self, result: ArticleResult) -> None:
        self.articles.append(result)
        for mode in MODES:
            for row, counts in result.scores(mode).items():
                self.scores[mode].setdefault(row, Counts()).add(counts)

    def errors(self, mode: str = "strict") -> list[Error]:
        return [error for result in self.articles for error in result.errors(mode)]

    def as_dict(self) -> dict[str, Any]:
        """Scores per mode and row, per article, the versions, and the strict errors one by one."""
        return {
            "articles": len(self.articles),
            "versions": self.versions,
            **{mode: _counts(rows) for mode, rows in self.scores.items()},
            "per_article": {r.article_id: {mode: _counts(r.scores(mode)) for mode in MODES} for r in self.articles},
            "errors": [error_dict(error, r.doc) for r in self.articles for error in r.errors("strict")],
        }


def error_dict(error: Error, doc: Doc) -> dict[str, str]:
    """One error as the JSON report lists it; ``record`` identifies it across runs (see baseline.py)."""
    return {
        "article_id": error.article_id,
        "row": error.record_type,
        "kind": error.kind,
        "record": describe(error.record),
        "sentence": sentence_of(doc, error.record),
    }


def _counts(rows: dict[str, Counts]) -> dict[str, dict[str, float | int]]:
    return {row: counts.as_dict() for row, counts in rows.items()}


def versions(model: str | None) -> dict[str, Any]:
    """Pipeline, schema and model versions of an evaluation."""
    import pipeline
    from pipeline.batch.manifest import model_info
    from pipeline.records import SCHEMA_VERSION

    return {"pipeline": pipeline.__version__, "schema": SCHEMA_VERSION, "model": model_info(model)}


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
    report = Report(versions=versions(model))
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
        for row in (*ROWS, *TOTALS):
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
