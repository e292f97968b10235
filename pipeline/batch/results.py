"""What one chunk produced: its records.jsonl lines, its errors.jsonl lines and its table rows."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.batch.entries import Chunk, Extracted, Failure, Job, Outcome
from pipeline.batch.tables import LISTS, SCHEMAS
from pipeline.records import SCHEMA_VERSION

SENTENCE = "sentence"  # every located item's sentence (``Located.sentence``, optional in the schema)


@dataclass
class ChunkOutput:
    """Lines and rows of a chunk, in input order."""

    index: int
    records: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in SCHEMAS})
    first_key: str | None = None
    last_key: str | None = None
    dropped: Counter[str] = field(default_factory=Counter)  # items dropped from records, by reason

    @property
    def counts(self) -> dict[str, int]:
        return {"read": len(self.records) + len(self.errors), "ok": len(self.records), "failed": len(self.errors)}


def error_line(failure: Failure) -> str:
    """One errors.jsonl line: the input (file, line or row, id if known) and the reason."""
    return json.dumps(failure.as_dict(), ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")


def article_row(job: Job, extracted: Extracted) -> dict[str, Any]:
    counts = {name: len(extracted.rows[name]) for name in LISTS}
    return {
        "article_id": job.article.article_id,
        "input": job.source.key,
        "published": job.article.published,
        "published_from": getattr(job.article, "published_from", "input" if job.article.published else "none"),
        "title": job.title,
        "url": job.url,
        "source": job.origin,
        "site": getattr(job.article, "site", None),
        "text": job.article.text,
        "characters": len(job.article.text),
        "replaced_controls": job.replaced_controls,
        **counts,
        "schema_version": SCHEMA_VERSION,
    }


def _without(value: Any, key: str) -> Any:
    """``value`` with ``key`` left out of every dict inside it."""
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    return [_without(item, key) for item in value] if isinstance(value, list) else value


def _blanked(value: Any, key: str) -> Any:
    """``value`` with ``key`` set to None in every dict inside it (the tables keep their columns)."""
    if isinstance(value, dict):
        return {k: None if k == key else _blanked(v, key) for k, v in value.items()}
    return [_blanked(item, key) for item in value] if isinstance(value, list) else value


def without_sentences(extracted: Extracted) -> Extracted:
    """The record line without the items' sentences, and the table rows with null sentences
    (``--no-sentences``: the sentence text repeats, records.jsonl shrinks by about half)."""
    record = _without(json.loads(extracted.record_json), SENTENCE)
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    rows = {name: _blanked(rows, SENTENCE) for name, rows in extracted.rows.items()}
    return replace(extracted, record_json=line, rows=rows)


def chunk_output(chunk: Chunk, outcomes: list[Outcome], sentences: bool = True) -> ChunkOutput:
    """Join the chunk's entries with the outcomes of its jobs (one per job, in order); without
    ``sentences``, records and rows leave the items' sentence text out."""
    output = ChunkOutput(chunk.index)
    results = iter(outcomes)
    for entry in chunk.entries:
        if isinstance(entry, Failure):
            output.errors.append(error_line(entry))
            continue
        outcome = next(results)
        if isinstance(outcome, Extracted) and not sentences:
            outcome = without_sentences(outcome)
        if isinstance(outcome, Extracted):
            output.records.append(outcome.record_json)
            output.rows["articles"].append(article_row(entry, outcome))
            output.dropped.update(outcome.dropped)
            for name in LISTS:
                output.rows[name].extend(outcome.rows[name])
        else:
            output.errors.append(error_line(Failure(entry.source, outcome.reason, entry.article.article_id)))
    if next(results, None) is not None:
        raise RuntimeError(f"chunk {chunk.index}: more outcomes than articles")
    if chunk.entries:
        output.first_key, output.last_key = chunk.entries[0].source.key, chunk.entries[-1].source.key
    return output
