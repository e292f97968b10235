"""Local engines: extraction in this process (one worker) or in a pool of worker processes.

An engine takes chunks and gives back each chunk with one outcome per job, in chunk order. The
pool keeps a bounded number of batches in flight (memory stays flat), each worker loads the model
once (pool initializer), and a worker that dies (a crash, the OOM killer) costs only the article
it was extracting: the pool is restarted and the batches in flight are redone one article at a time.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from pipeline.batch.entries import Chunk, Failed, Outcome
from pipeline.batch.worker import extract_batch, start_worker, worker_pid
from pipeline.extraction import Article

WORKER_DIED = "the worker process died while extracting this article (a crash or out of memory)"
TIMED_OUT = "extraction took longer than {seconds:g} s (--timeout); the worker was stopped"
Results = Iterator[tuple[Chunk, list[Outcome]]]
Task = Callable[[Sequence[Article], str | None, int], list[Outcome]]


class Engine(Protocol):
    def run(self, chunks: Iterable[Chunk]) -> Results: ...

    def close(self) -> None: ...


def batched(items: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    """At most ``size`` items a batch, in as few batches as that takes, of even sizes: 100 items at
    32 are 4 batches of 25, not 32+32+32+4, so that no worker waits for the others on a short one."""
    count = -(-len(items) // size)
    for n in range(count):
        yield items[len(items) * n // count : len(items) * (n + 1) // count]


def articles_of(chunk: Chunk) -> list[Article]:
    return [job.article for job in chunk.jobs]


class InlineEngine:
    """Extraction in the calling process: no start-up cost, no isolation from a crash."""

    def __init__(self, model: str | None, batch_size: int) -> None:
        self.model, self.batch_size = model, batch_size
        start_worker(model)

    def run(self, chunks: Iterable[Chunk]) -> Results:
        for chunk in chunks:
            outcomes: list[Outcome] = []
            for batch in batched(articles_of(chunk), self.batch_size):
                outcomes.extend(extract_batch(batch, self.model, self.batch_size))
            yield chunk, outcomes

    def close(self) -> None:
        pass


def start_pool_worker(model: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    start_worker(model)


Pending = tuple[Sequence[Article], "Future[list[Outcome]]", int]


class PoolEngine:
    """Extraction in ``workers`` processes (spawned: the same on every platform); ``task`` runs a batch.

    With ``timeout`` (seconds an article may take), a batch that takes longer than that per article
    has its workers stopped; its articles are then redone one at a time, and the one that takes too
    long fails alone, so one pathological article never stalls the run."""

    def __init__(
        self, model: str | None, batch_size: int, workers: int, task: Task = extract_batch, timeout: float | None = None
    ) -> None:
        self.model, self.batch_size, self.workers, self.task = model, batch_size, workers, task
        self.timeout = timeout
        self.generation = 0
        self.pool = self._new_pool()
        if timeout is not None:  # the clock of an article must not count a worker's start-up
            self.warm_up()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, context, initializer=start_pool_worker, initargs=(self.model,))

    def _restart(self, stop_workers: bool = False) -> None:
        processes = list((getattr(self.pool, "_processes", None) or {}).values()) if stop_workers else []
        for process in processes:  # a stuck worker never returns: stop it (the executor has no API for this)
            process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        self.generation += 1
        if self.timeout is not None:
            self.warm_up()

    def _limit(self, articles: int) -> float | None:
        return None if self.timeout is None else self.timeout * articles

    def warm_up(self, timeout: float = 300.0) -> None:
        """Return once every worker process has started and loaded the model (they start on demand)."""
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            probes = [self.pool.submit(worker_pid, 0.05) for _ in range(2 * self.workers)]
            seen.update(probe.result() for probe in probes)

    def _submit(self, batch: Sequence[Article]) -> Pending:
        return batch, self.pool.submit(self.task, batch, self.model, self.batch_size), self.generation

    def run(self, chunks: Iterable[Chunk]) -> Results:
        window: deque[tuple[Chunk, list[Pending]]] = deque()
        for chunk in chunks:
            window.append((chunk, [self._submit(b) for b in batched(articles_of(chunk), self.batch_size)]))
            while len(window) > 1 and sum(len(pending) for _, pending in window) > 4 * self.workers:
                yield self._collect(*window.popleft())
        while window:
            yield self._collect(*window.popleft())

    def _collect(self, chunk: Chunk, pending: list[Pending]) -> tuple[Chunk, list[Outcome]]:
        return chunk, [outcome for item in pending for outcome in self._result(*item)]

    def _result(self, batch: Sequence[Article], future: Future[list[Outcome]], generation: int) -> list[Outcome]:
        try:
            return future.result(timeout=self._limit(len(batch)))
        except BrokenProcessPool:
            if generation == self.generation:
                self._restart()
        except TimeoutError:  # its clock starts when its turn to be collected comes: a generous limit
            if generation == self.generation:
                self._restart(stop_workers=True)
        except Exception:  # the batch could not travel to or from the worker: try its articles alone
            pass
        return [self._alone(article) for article in batch]

    def _alone(self, article: Article) -> Outcome:
        try:
            return self.pool.submit(self.task, [article], self.model, 1).result(timeout=self._limit(1))[0]
        except BrokenProcessPool:
            self._restart()
            return Failed(WORKER_DIED)
        except TimeoutError:
            self._restart(stop_workers=True)
            return Failed(TIMED_OUT.format(seconds=self.timeout))
        except Exception as error:
            return Failed(f"extraction failed: {type(error).__name__}: {error}")

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def local_engine(model: str | None, batch_size: int, workers: int, timeout: float | None = None) -> Engine:
    """In this process for one worker; in a pool for more, or for a timeout (only a worker process
    can be stopped in the middle of an article)."""
    if workers == 1 and timeout is None:
        return InlineEngine(model, batch_size)
    return PoolEngine(model, batch_size, workers, timeout=timeout)
