"""What runs where the model is: extract a batch of articles, isolating the failure of any one of them.

The pipeline is loaded once per process (``load_pipeline`` caches it), with the user rules the
worker was started with (``start_worker``): they travel as their content, so a worker needs no
access to the rules directory. A batch goes through
``nlp.pipe``; if anything in it raises, the batch is redone article by article so that only the
article at fault fails. Records are serialised here, in the worker, so that the parent only writes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from pipeline.batch.entries import Extracted, Failed, Outcome, with_metadata
from pipeline.batch.pieces import cut_points, merge_records
from pipeline.batch.tables import list_rows
from pipeline.build import dropped_items
from pipeline.extraction import Article, process, vocabulary_zone
from pipeline.nlp import load_pipeline
from pipeline.records import ArticleRecord
from pipeline.resources import UserRules
from pipeline.rules_dir import Rules, resolve_rules

# The rules this worker process was started with: what a task extracts with unless it names its own.
STARTED: dict[str, UserRules | None] = {"rules": None}
WARM_UP = Article("warm-up", "Harrow Motors Inc. plans a 40 GWh plant by 2030 costing $1.2bn (Rs 9,000 crore).")


def start_worker(model: str | None, rules: Rules = None) -> None:
    """Process-pool initializer: load the pipeline (with ``rules``) and run it once before the first
    batch arrives, so that what the components build on first use (regexes, tables, caches) is never
    on an article's clock."""
    STARTED["rules"] = resolve_rules(rules)
    load_pipeline(model, STARTED["rules"])
    extract_one(WARM_UP, model)


def worker_pid(pause: float) -> int:
    """The id of the process that ran this (after ``pause`` seconds): which workers are up."""
    time.sleep(pause)
    return os.getpid()


def extract_batch(
    articles: Sequence[Article], model: str | None, batch_size: int, rules: Rules = None
) -> list[Outcome]:
    """One outcome per article, in order; an article that fails never takes the others with it.
    Past the first articles, the words a batch adds to the vocabulary are dropped after it (see
    ``vocabulary_zone``), so a worker's memory stays flat however many articles stream through.
    Without ``rules``, the rules the worker was started with."""
    rules = STARTED["rules"] if rules is None else rules
    with vocabulary_zone(load_pipeline(model, rules), len(articles)):
        if len(articles) == 1:
            return [extract_one(articles[0], model, rules)]
        try:
            return [_extracted(record) for record in records_of(articles, model, batch_size, rules)]
        except Exception:
            return [extract_one(article, model, rules) for article in articles]


def extract_one(article: Article, model: str | None, rules: Rules = None) -> Outcome:
    rules = STARTED["rules"] if rules is None else rules
    try:
        return _extracted(next(iter(records_of([article], model, 1, rules))))
    except Exception as error:
        return Failed(f"extraction failed: {type(error).__name__}: {error}")


def _extracted(record: ArticleRecord) -> Extracted:
    return Extracted(record.model_dump_json(), list_rows(record), dropped_items(record))


def records_of(
    articles: Sequence[Article], model: str | None, batch_size: int, rules: Rules = None
) -> list[ArticleRecord]:
    """The records of ``articles``, in order; one longer than the model's ``max_length`` is
    extracted in pieces, offsets kept."""
    limit = load_pipeline(model, rules).max_length
    fitting = [article for article in articles if len(article.text) <= limit]
    records = iter([record for _, record in process(fitting, model, batch_size, rules)])
    found = [next(records) if len(a.text) <= limit else extract_long(a, model, limit, rules) for a in articles]
    return [with_metadata(record, article) for record, article in zip(found, articles, strict=True)]


def extract_long(article: Article, model: str | None, limit: int, rules: Rules = None) -> ArticleRecord:
    """The record of an article longer than ``limit``, extracted in pieces and merged."""
    cuts = cut_points(article.text, limit)
    pieces = [Article(article.article_id, article.text[start:end], article.published) for start, end in cuts]
    records = [record for _, record in process(pieces, model, 1, rules)]
    return merge_records([(start, record) for (start, _), record in zip(cuts, records, strict=True)])
