"""``extract_many``: batches of articles extracted in this process or in worker processes, records
in input order. At most a few batches per worker are in flight, so memory stays flat."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from pipeline.batch.worker import STARTED, records_of, start_worker
from pipeline.extraction import Article, vocabulary_zone
from pipeline.nlp import load_pipeline
from pipeline.records import ArticleRecord
from pipeline.rules_dir import Rules, resolve_rules

IN_FLIGHT = 2  # batches per worker process submitted ahead


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles. An input that cannot be read (TypeError, ValueError) is raised
    after the batch of the articles before it, so that none of them is lost."""
    batch: list[Article] = []
    error: Exception | None = None
    try:
        for article in articles:
            batch.append(article)
            if len(batch) == size:
                yield batch
                batch = []
    except (TypeError, ValueError) as found:
        error = found
    if batch:
        yield batch
    if error is not None:
        raise error


def extract_batches(
    articles: Iterable[Article], n_process: int, batch_size: int, model: str | None, rules: Rules
) -> Iterator[ArticleRecord]:
    """The records of ``articles``, in order, from ``n_process`` processes (1: this one)."""
    found = resolve_rules(rules)
    if n_process <= 1:
        for batch in batches(articles, batch_size):
            yield from _records(batch, model, batch_size, found)
        return
    yield from _in_pool(articles, n_process, batch_size, model, found)


def _records(batch: list[Article], model: str | None, batch_size: int, rules: Rules = None) -> list[ArticleRecord]:
    rules = STARTED["rules"] if rules is None else rules
    with vocabulary_zone(load_pipeline(model, rules), len(batch)):
        return records_of(batch, model, batch_size, rules)


def _in_pool(
    articles: Iterable[Article], n_process: int, batch_size: int, model: str | None, rules: Rules
) -> Iterator[ArticleRecord]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(n_process, context, initializer=start_worker, initargs=(model, rules)) as pool:
        window: deque[Future[list[ArticleRecord]]] = deque()
        try:
            for batch in batches(articles, batch_size):
                window.append(pool.submit(_records, batch, model, batch_size))
                while len(window) > IN_FLIGHT * n_process:
                    yield from window.popleft().result()
        except (TypeError, ValueError):  # a bad input: the records of the inputs before it come first
            while window:
                yield from window.popleft().result()
            raise
        while window:
            yield from window.popleft().result()
