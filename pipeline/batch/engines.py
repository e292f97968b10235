"""Local engines: extraction in this process (one worker) or in a pool of worker processes.

An engine takes chunks and gives back each chunk with one outcome per job, in chunk order. The
pool keeps a bounded number of batches in flight (memory stays flat), each worker loads the model
once (pool initializer), and a worker that dies (a crash, the OOM killer) costs only the article
it was extracting: the pool replaces it, and that batch is redone one article at a time.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from pebble import ProcessExpired, ProcessPool

from pipeline.batch.entries import Chunk, Failed, Outcome
from pipeline.batch.worker import extract_batch, start_worker, worker_pid
from pipeline.extraction import Article
from pipeline.rules_dir import Rules, resolve_rules

WORKER_DIED = "the worker process died while extracting this article (a crash or out of memory)"
TIMED_OUT = "extraction took longer than {seconds:g} s (--timeout); the worker was stopped"
Results = Iterator[tuple[Chunk, list[Outcome]]]
Task = Callable[[Sequence[Article], str | None, int], list[Outcome]]
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
WATCHDOG_SECONDS = 1.0
TRIES = 3  # tries of an article whose pool broke under it (not its fault: no worker died on it)
POLL_SECONDS = 1.0  # how often a wait for a task checks that its pool is still there


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

    def __init__(self, model: str | None, batch_size: int, rules: Rules = None) -> None:
        self.model, self.batch_size, self.rules = model, batch_size, resolve_rules(rules)
        start_worker(model, self.rules)

    def run(self, chunks: Iterable[Chunk]) -> Results:
        for chunk in chunks:
            outcomes: list[Outcome] = []
            for batch in batched(articles_of(chunk), self.batch_size):
                outcomes.extend(extract_batch(batch, self.model, self.batch_size, self.rules))
            yield chunk, outcomes

    def close(self) -> None:
        pass


def start_pool_worker(model: str | None, parent: int, rules: Rules = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    start_worker(model, rules)


def die_with_parent(parent: int) -> None:
    """End this worker when the batch process ends, however it ends (``kill -9`` included): the Linux
    parent-death signal where there is one, and a watchdog thread that checks the parent's pid."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


Pending = tuple[Sequence[Article], "Future[list[Outcome]]", int]


class PoolEngine:
    """Extraction in ``workers`` processes (spawned: the same on every platform); ``task`` runs a batch.

    The pool is pebble's ``ProcessPool``: a worker that dies fails only the task it was running, and
    is replaced. A dead worker's batch is redone one article at a time, so the article that kills it
    fails alone. With ``timeout`` (seconds an article may take), each article is a task of its own
    whose clock starts when a worker begins it; a slower one fails alone, its worker is stopped and
    replaced, and the run goes on. pebble gives up on the whole pool when a worker dies between
    tasks (an idle worker killed): the pool is then started again and the tasks it dropped are
    redone one article at a time, each at most three times. Every worker extracts with ``rules``
    (their content is sent to it: the workers need no access to the rules directory)."""

    def __init__(
        self,
        model: str | None,
        batch_size: int,
        workers: int,
        task: Task = extract_batch,
        timeout: float | None = None,
        rules: Rules = None,
    ) -> None:
        self.model, self.workers, self.task, self.timeout = model, workers, task, timeout
        self.rules = resolve_rules(rules)
        self.batch_size = batch_size if timeout is None else 1
        self.generation = 0
        self.pool = self._new_pool()
        if timeout is not None:  # the first article of a worker must not wait for the others to start
            self.warm_up()

    def _new_pool(self) -> ProcessPool:
        context = multiprocessing.get_context("spawn")
        return ProcessPool(
            self.workers,
            initializer=start_pool_worker,
            initargs=(self.model, os.getpid(), self.rules),
            context=context,
        )

    def _restart(self, generation: int) -> None:
        """A new pool in place of a broken one (once per breakage, however many tasks it dropped)."""
        if generation == self.generation:
            self.pool.stop()
            self.pool.join()
            self.pool = self._new_pool()
            self.generation += 1

    def warm_up(self, timeout: float = 300.0) -> None:
        """Return once every worker process has started and loaded the model."""
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            probes = [self.pool.schedule(worker_pid, args=(0.05,)) for _ in range(2 * self.workers)]
            seen.update(probe.result() for probe in probes)

    def _schedule(self, batch: Sequence[Article], batch_size: int) -> Pending:
        try:
            future = self.pool.schedule(self.task, args=(batch, self.model, batch_size), timeout=self.timeout)
        except RuntimeError:  # the pool broke since the last task
            self._restart(self.generation)
            future = self.pool.schedule(self.task, args=(batch, self.model, batch_size), timeout=self.timeout)
        return batch, future, self.generation

    def run(self, chunks: Iterable[Chunk]) -> Results:
        window: deque[tuple[Chunk, list[Pending]]] = deque()
        for chunk in chunks:
            batches = batched(articles_of(chunk), self.batch_size)
            window.append((chunk, [self._schedule(b, self.batch_size) for b in batches]))
            while len(window) > 1 and sum(len(pending) for _, pending in window) > 4 * self.workers:
                yield self._collect(*window.popleft())
        while window:
            yield self._collect(*window.popleft())

    def _collect(self, chunk: Chunk, pending: list[Pending]) -> tuple[Chunk, list[Outcome]]:
        return chunk, [outcome for item in pending for outcome in self._result(*item)]

    def _result(
        self, batch: Sequence[Article], future: Future[list[Outcome]], generation: int, tries: int = 1
    ) -> list[Outcome]:
        try:
            return self._wait(future, generation)
        except (
            BrokenProcessPool,
            CancelledError,
        ) as error:  # the pool gave up, not this batch: a new pool, another try
            self._restart(generation)
            if len(batch) == 1 and tries >= TRIES:
                return [Failed(_reason(error, self.timeout))]
            tries += 1
        except (ProcessExpired, TimeoutError) as error:
            if len(batch) == 1:
                return [Failed(_reason(error, self.timeout))]
        except Exception as error:  # the batch could not travel to or from the worker: try its articles alone
            if len(batch) == 1:
                return [Failed(f"extraction failed: {type(error).__name__}: {error}")]
        alone = [self._schedule([article], 1) for article in batch]
        return [outcome for item in alone for outcome in self._result(*item, tries=tries)]

    def _wait(self, future: Future[list[Outcome]], generation: int) -> list[Outcome]:
        """The task's result; BrokenProcessPool if its pool stopped or was replaced without settling it."""
        while True:
            try:
                return future.result(timeout=POLL_SECONDS)
            except TimeoutError:
                if future.done():  # the task's own timeout
                    raise
                if generation != self.generation or not self.pool.active:
                    raise BrokenProcessPool("the pool stopped before this task ended") from None

    def close(self) -> None:
        """Stop the workers: idle after a finished run, or abandoned by an interrupted one."""
        self.pool.stop()
        self.pool.join()


def _reason(error: BaseException, timeout: float | None) -> str:
    if isinstance(error, TimeoutError):
        return TIMED_OUT.format(seconds=timeout)
    return WORKER_DIED


def local_engine(
    model: str | None, batch_size: int, workers: int, timeout: float | None = None, rules: Rules = None
) -> Engine:
    """In this process for one worker; in a pool for more, or for a timeout (only a worker process
    can be stopped in the middle of an article). Every worker extracts with ``rules``."""
    if workers == 1 and timeout is None:
        return InlineEngine(model, batch_size, rules)
    return PoolEngine(model, batch_size, workers, timeout=timeout, rules=rules)
