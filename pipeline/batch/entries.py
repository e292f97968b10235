"""The units of work a batch run passes around: inputs, checked articles, chunks and outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.extraction import Article
from pipeline.records import ArticleRecord


@dataclass(frozen=True)
class PageArticle(Article):
    """An article with what its input said about it, which its record carries."""

    published_from: str = "none"
    title: str | None = None
    url: str | None = None
    site: str | None = None


def with_metadata(record: ArticleRecord, article: Article) -> ArticleRecord:
    """``record`` with the title, URL, site and date origin of its article (where it has them)."""
    if not isinstance(article, PageArticle):
        return record
    update = {"published_from": article.published_from, "title": article.title, "url": article.url}
    return record.model_copy(update={**update, "site": article.site})


@dataclass(frozen=True)
class Source:
    """Where one input came from: a file, and the line (JSONL) or row (Parquet) in it."""

    file: str
    line: int | None = None
    row: int | None = None

    @property
    def key(self) -> str:
        """A stable key for the input: ``file``, ``file:line`` or ``file#row``."""
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file if self.row is None else f"{self.file}#{self.row}"

    def as_dict(self) -> dict[str, Any]:
        place: dict[str, Any] = {"file": self.file}
        if self.line is not None:
            place["line"] = self.line
        if self.row is not None:
            place["row"] = self.row
        return place


@dataclass(frozen=True)
class RawInput:
    """One input as read, before any check: its fields (``id``, ``text``, ``published`` …)."""

    source: Source
    fields: dict[str, Any]


@dataclass(frozen=True)
class Job:
    """A checked article, ready for extraction, with the metadata that goes to the articles table."""

    source: Source
    article: Article
    title: str | None = None
    url: str | None = None
    origin: str | None = None
    replaced_controls: int = 0


@dataclass(frozen=True)
class Skipped:
    """An input the relevance gate kept out (not battery or EV news, not English), with the reason."""

    source: Source
    reason: str
    article_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"input": {**self.source.as_dict(), "id": self.article_id}, "reason": self.reason}


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with a reason a person understands."""

    source: Source
    reason: str
    article_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"input": {**self.source.as_dict(), "id": self.article_id}, "reason": self.reason}


Entry = Job | Failure


@dataclass(frozen=True)
class Extracted:
    """A worker's result for one article: the record as JSON and its rows for the Parquet tables."""

    record_json: str
    rows: dict[str, list[dict[str, Any]]]
    dropped: dict[str, int] = field(default_factory=dict)  # items the record could not hold, by reason


@dataclass(frozen=True)
class Failed:
    """A worker's result for an article whose extraction raised."""

    reason: str


Outcome = Extracted | Failed


@dataclass
class Chunk:
    """A run of consecutive inputs committed together; ``index`` is its place in the input stream."""

    index: int
    entries: list[Entry] = field(default_factory=list)

    @property
    def jobs(self) -> list[Job]:
        return [entry for entry in self.entries if isinstance(entry, Job)]
