"""The dask engine: each chunk is one task on a dask.distributed cluster; the driver commits the results.

Without a scheduler address a LocalCluster of ``workers`` processes (one thread each) is started.
A worker plugin loads the model once per worker process when the worker joins, and the task reuses
that cached pipeline. Chunks come back in the order they finish; the ledger does not need them in
order, and records.jsonl is assembled in input order at the end, so the outputs match the local
engine's. Workers need this package and the model installed; the output folder is only written by
the driver (the process that runs ``battery-extract batch``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from distributed import Client, Future, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.batch.engines import Results, articles_of, batched
from pipeline.batch.entries import Chunk, Failed, Outcome
from pipeline.batch.worker import extract_batch, start_worker
from pipeline.extraction import Article
from pipeline.resources import UserRules
from pipeline.rules_dir import Rules, resolve_rules

TASKS_PER_THREAD = 2
CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler


class ModelLoader(WorkerPlugin):
    """Loads the extraction pipeline in every worker process, once, as the worker starts."""

    name = "battery-extract-model"

    def __init__(self, model: str | None, rules: UserRules | None = None) -> None:
        self.model, self.rules = model, rules

    def setup(self, worker: Any) -> None:
        start_worker(self.model, self.rules)


def extract_chunk(articles: list[Article], model: str | None, batch_size: int) -> list[Outcome]:
    """The task: one outcome per article of a chunk (batches isolate failures as in the local engine)."""
    outcomes: list[Outcome] = []
    for batch in batched(articles, batch_size):
        outcomes.extend(extract_batch(batch, model, batch_size))
    return outcomes


class DaskEngine:
    def __init__(
        self, model: str | None, batch_size: int, workers: int, scheduler: str | None, rules: Rules = None
    ) -> None:
        self.model, self.batch_size = model, batch_size
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.client.register_plugin(ModelLoader(model, resolve_rules(rules)))  # the rules travel as content

    def _submit(self, articles: list[Article]) -> Future:
        return self.client.submit(extract_chunk, articles, self.model, self.batch_size, pure=False)

    def run(self, chunks: Iterable[Chunk]) -> Results:
        limit = TASKS_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        running: dict[Future, Chunk] = {}
        finished = as_completed()
        for chunk in chunks:
            if not chunk.jobs:
                yield chunk, []
                continue
            future = self._submit(articles_of(chunk))
            running[future] = chunk
            finished.add(future)
            while len(running) >= limit:
                yield self._collect(running, next(finished))
        for future in finished:
            yield self._collect(running, future)

    def _collect(self, running: dict[Future, Chunk], future: Future) -> tuple[Chunk, list[Outcome]]:
        chunk = running.pop(future)
        try:
            return chunk, future.result()
        except Exception:  # a worker died (KilledWorker) or the task could not run: one article at a time
            return chunk, [self._alone(article) for article in articles_of(chunk)]

    def _alone(self, article: Article) -> Outcome:
        try:
            return self._submit([article]).result()[0]
        except Exception as error:
            return Failed(f"extraction failed on the dask cluster: {type(error).__name__}: {error}")

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
