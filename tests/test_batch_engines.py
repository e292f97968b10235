"""Engines: one bad article never sinks the others, in process or in a pool, even when a worker dies."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import pytest

import pipeline.batch.worker as worker
from pipeline.batch.engines import TIMED_OUT, WORKER_DIED, InlineEngine, PoolEngine, batched
from pipeline.batch.entries import Chunk, Extracted, Failed, Job, Outcome, Source
from pipeline.batch.textgen import ArticleGenerator
from pipeline.extraction import Article
from pipeline.nlp import load_pipeline

MODEL = "blank"


def articles(count: int, seed: int = 3) -> list[Article]:
    return [Article(str(f["id"]), str(f["text"])) for f in ArticleGenerator(seed).records(count)]


def chunks(items: list[Article], size: int) -> list[Chunk]:
    jobs = [Job(Source("t.jsonl", line=n), article) for n, article in enumerate(items)]
    return [Chunk(n // size, jobs[n : n + size]) for n in range(0, len(jobs), size)]


def run(engine, items: list[Article], size: int = 5) -> list[Outcome]:
    try:
        return [outcome for _, outcomes in engine.run(chunks(items, size)) for outcome in outcomes]
    finally:
        engine.close()


def crash_on_marker(batch: Sequence[Article], model: str | None, batch_size: int) -> list[Outcome]:
    """A batch task whose process dies (as under the OOM killer) when it meets the article "crash"."""
    if any(article.article_id == "crash" for article in batch):
        os._exit(3)
    return worker.extract_batch(batch, model, batch_size)


def hang_on_marker(batch: Sequence[Article], model: str | None, batch_size: int) -> list[Outcome]:
    """A batch task that never returns (as on a pathological text) when it meets the article "hang"."""
    if any(article.article_id == "hang" for article in batch):
        time.sleep(3600)
    return worker.extract_batch(batch, model, batch_size)


@pytest.fixture(scope="module")
def inline_outcomes() -> list[Outcome]:
    return run(InlineEngine(MODEL, 4), articles(12))


def test_an_article_that_raises_fails_alone(monkeypatch, inline_outcomes):
    real = worker.process

    def process(items, model=None, batch_size=32, rules=None):
        for article in items:
            if article.article_id == "gen-000005":
                raise ValueError("not an amount of money: 'Rs 1.2,000'")
        yield from real(items, model, batch_size, rules)

    monkeypatch.setattr(worker, "process", process)
    outcomes = run(InlineEngine(MODEL, 4), articles(12))
    assert outcomes[5] == Failed("extraction failed: ValueError: not an amount of money: 'Rs 1.2,000'")
    assert outcomes[:5] + outcomes[6:] == inline_outcomes[:5] + inline_outcomes[6:]
    assert all(isinstance(outcome, Extracted) for outcome in inline_outcomes)


def test_a_pool_of_two_gives_what_one_process_gives(inline_outcomes):
    assert run(PoolEngine(MODEL, 4, workers=2), articles(12)) == inline_outcomes


def test_a_worker_that_dies_costs_only_its_article(inline_outcomes):
    items = articles(12)
    items[3] = Article("crash", items[3].text)
    outcomes = run(PoolEngine(MODEL, 4, workers=1, task=crash_on_marker), items)
    assert outcomes[3] == Failed(WORKER_DIED)
    assert outcomes[:3] + outcomes[4:] == inline_outcomes[:3] + inline_outcomes[4:]


def test_an_article_over_the_timeout_fails_alone_and_the_run_goes_on(inline_outcomes):
    items = articles(12)
    items[6] = Article("hang", items[6].text)
    started = time.monotonic()
    outcomes = run(PoolEngine(MODEL, 4, workers=2, task=hang_on_marker, timeout=2.0), items)
    assert outcomes[6] == Failed(TIMED_OUT.format(seconds=2.0))
    assert outcomes[:6] + outcomes[7:] == inline_outcomes[:6] + inline_outcomes[7:]
    assert time.monotonic() - started < 120


@pytest.mark.parametrize(
    ("count", "size", "sizes"),
    [(100, 32, [25, 25, 25, 25]), (64, 32, [32, 32]), (7, 32, [7]), (0, 32, []), (33, 32, [16, 17])],
)
def test_batches_are_as_few_as_the_size_allows_and_even(count, size, sizes):
    items = list(range(count))
    batches = list(batched(items, size))
    assert [len(b) for b in batches] == sizes
    assert [item for batch in batches for item in batch] == items


def test_after_the_learning_articles_an_article_leaves_no_words_behind(monkeypatch):
    import pipeline.extraction as extraction

    nlp = load_pipeline(MODEL)
    monkeypatch.setattr(extraction, "_learned", {})
    monkeypatch.setattr(extraction, "LEARNING_ARTICLES", 1)
    worker.extract_batch([Article("a", "Zorblax Qentium Corp plans 7 GWh by 2031.")], MODEL, 1)
    learned = len(nlp.vocab.strings)
    assert "Zorblax" in nlp.vocab.strings  # the first article is learned from
    outcomes = worker.extract_batch([Article("b", "Vintrobe Xelmar Ltd plans 9 GWh by 2032.")], MODEL, 1)
    assert isinstance(outcomes[0], Extracted) and "Vintrobe Xelmar Ltd" in outcomes[0].record_json
    assert len(nlp.vocab.strings) == learned and "Vintrobe" not in nlp.vocab.strings
