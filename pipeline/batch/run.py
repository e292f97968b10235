"""The batch job: read inputs as a stream, extract chunk by chunk, commit each chunk, assemble at the end.

Inputs are numbered in the order they are read, and cut into chunks of ``chunk_size`` consecutive
inputs; chunk *i* is always the same inputs, so the ledger only has to name committed chunks. A
resumed run reads (and checks) every input again, which rebuilds the duplicate-id index, but sends
only the inputs of uncommitted chunks to the model.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from pipeline.batch.engines import Engine, local_engine
from pipeline.batch.entries import Chunk, Entry, Failure, Skipped
from pipeline.batch.idindex import IdIndex
from pipeline.batch.inputs import count_inputs, expand, fingerprint
from pipeline.batch.ledger import Ledger, LedgerMismatch
from pipeline.batch.manifest import build_manifest, model_info, read_manifest, write_manifest
from pipeline.batch.preflight import path_problems, skipped_files, skipped_lines
from pipeline.batch.progress import Progress
from pipeline.batch.readers import RELEVANCE, ReadOptions, read_all
from pipeline.batch.results import chunk_output
from pipeline.batch.skiplog import SkipLog
from pipeline.batch.store import RECORD_FORMATS, FolderInUse, FolderLock, Store, write_atomic, write_lines
from pipeline.batch.validation import Checker
from pipeline.matrix import SettingError, blas_choice
from pipeline.nlp import ModelNotFound

ENGINES = ("local", "dask")


class UsageError(ValueError):
    """The run cannot start as asked (exit code 2)."""


class RunFailed(RuntimeError):
    """The run started but could not go on (exit code 3): a full disk, an output that cannot be
    written. Committed chunks are kept: the same command resumes once the cause is fixed."""


@dataclass(frozen=True)
class BatchSettings:
    inputs: tuple[str, ...]
    out: Path
    model: str | None = None
    workers: int = 1
    batch_size: int = 32
    chunk_size: int = 500
    engine: str = "local"
    scheduler: str | None = None
    timeout: float | None = None
    overwrite: bool = False
    rules: str | None = None  # a rules directory (--rules): its files extend or override the shipped rules
    relevance: str = "auto"
    id_field: str = "id"
    text_field: str = "text"
    records: str = "jsonl"  # --records: jsonl, jsonl.gz or none
    sentences: bool = True  # --no-sentences leaves the items' sentence text out of records and tables

    @property
    def reading(self) -> ReadOptions:
        return ReadOptions(self.relevance, self.id_field, self.text_field)

    def check(self) -> None:
        if not self.inputs:
            raise UsageError("no inputs: give .txt, .html, .jsonl, .parquet or .warc files, or folders of .txt files")
        if self.relevance not in RELEVANCE:
            raise UsageError(f"unknown --relevance {self.relevance!r}: use {', '.join(RELEVANCE)}")
        if not str(self.out) or str(self.out) == ".":
            raise UsageError("--out must name an output folder, not the current one")
        problems = path_problems(self.inputs)
        if problems:
            raise UsageError("\n".join(problems))
        if self.records not in RECORD_FORMATS:
            raise UsageError(f"unknown --records {self.records!r}: use {', '.join(RECORD_FORMATS)}")
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}: use {' or '.join(ENGINES)}")
        if self.scheduler and self.engine != "dask":
            raise UsageError("--scheduler needs --engine dask")
        if self.timeout is not None and self.timeout <= 0:
            raise UsageError("--timeout must be a positive number of seconds")
        if self.timeout is not None and self.engine == "dask":
            raise UsageError("--timeout works with the local engine only: a Dask worker cannot be stopped mid-task")
        for name in ("workers", "batch_size", "chunk_size"):
            if getattr(self, name) < 1:
                raise UsageError(f"--{name.replace('_', '-')} must be at least 1")

    def as_dict(self) -> dict[str, Any]:
        settings = {**asdict(self), "inputs": list(self.inputs), "out": str(self.out)}
        del settings["overwrite"]  # how this invocation treated the folder, not a setting of the job
        return settings


@dataclass(frozen=True)
class BatchSummary:
    out: Path
    manifest: dict[str, Any] = field(repr=False)
    resumed_complete: bool = False

    @property
    def counts(self) -> dict[str, int]:
        return self.manifest["counts"]

    @property
    def exit_code(self) -> int:
        return 0 if self.counts["failed"] == 0 else 1


def prepare_output(out: Path, overwrite: bool = False, records: str = "jsonl") -> tuple[Store, FolderLock]:
    """The output folder, ready and locked for this run (emptied of an earlier job's outputs first
    with ``overwrite``); UsageError if it cannot be written or another run holds it."""
    store = Store(out, records)
    lock = FolderLock(store.work / "lock")
    try:
        store.make_work_folder()
        lock.acquire()  # before anything in the folder is touched: it may be another run's
        store.prepare()
        if overwrite:
            store.wipe()
            store.prepare()
        write_atomic(store.work / "probe", lambda stream: None)
        (store.work / "probe").unlink()
    except FolderInUse as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        lock.release()
        raise UsageError(f"cannot write to --out {out}: {error.strerror or error}") from None
    return store, lock


def chunks_to_do(
    settings: BatchSettings, checker: Checker, committed: set[int], skips: SkipLog | None = None
) -> Iterator[Chunk]:
    """The chunks of the input stream that the ledger does not commit yet; inputs the relevance
    gate keeps out go to ``skips`` (they are in no chunk)."""
    entries: Iterator[Entry] = (
        item if isinstance(item, Failure) else checker(item)
        for item in read_all(expand(settings.inputs), settings.reading)
        if not (isinstance(item, Skipped) and (skips is None or skips.add(item) or True))
    )
    index = 0
    while group := list(islice(entries, settings.chunk_size)):
        if index not in committed:
            yield Chunk(index, group)
        index += 1


def make_engine(settings: BatchSettings) -> Engine:
    if settings.engine == "dask":
        from pipeline.batch.dask_engine import DaskEngine

        try:
            return DaskEngine(settings.model, settings.batch_size, settings.workers, settings.scheduler, settings.rules)
        except OSError as error:
            raise UsageError(f"cannot reach the dask scheduler {settings.scheduler}: {error}") from None
    return local_engine(settings.model, settings.batch_size, settings.workers, settings.timeout, settings.rules)


def open_job(settings: BatchSettings, model: dict[str, str]) -> tuple[Store, FolderLock, Ledger]:
    store, lock = prepare_output(settings.out, settings.overwrite, settings.records)
    job = {
        "inputs": list(settings.inputs),
        "fingerprint": fingerprint(expand(settings.inputs)),
        "model": model["requested"],
        "model_version": model["version"],
        "chunk_size": settings.chunk_size,
        **({} if settings.sentences else {"sentences": False}),  # chunks of one job all have them, or none
    }
    try:
        return store, lock, Ledger(store.work / "ledger.jsonl", job)
    except LedgerMismatch as error:
        lock.release()
        raise UsageError(f"{error}, or add --overwrite") from None


def run_batch(settings: BatchSettings, stream: TextIO | None = None, bar: bool | None = None) -> BatchSummary:
    """Run (or resume) the job; UsageError when it cannot start, KeyboardInterrupt passes through."""
    started, started_at = time.monotonic(), datetime.now(UTC)
    settings.check()
    try:
        model = model_info(settings.model)
        blas_choice()  # a bad setting stops the job here, not in every worker
    except (ModelNotFound, SettingError) as error:
        raise UsageError(str(error)) from None
    store, lock, ledger = open_job(settings, model)
    try:
        return _run(settings, model, store, ledger, stream, bar, started, started_at)
    except OSError as error:
        raise RunFailed(_failure(error)) from None
    finally:
        lock.release()


def _run(
    settings: BatchSettings,
    model: dict[str, str],
    store: Store,
    ledger: Ledger,
    stream: TextIO | None,
    bar: bool | None,
    started: float,
    started_at: datetime,
) -> BatchSummary:
    skipped = ledger.totals()["read"]
    if ledger.complete:
        store.clean()  # a run killed between "complete" and its clean-up left the chunk lines
        manifest = read_manifest(settings.out) or _manifest(settings, model, ledger, skipped, 0, started, started_at)
        return BatchSummary(settings.out, manifest, resumed_complete=True)
    write_lines(settings.out / "skipped.jsonl", skipped_lines(skipped_files(settings.inputs)))
    skips = SkipLog(store.work / "skipped-inputs.jsonl")
    progress = Progress(count_inputs(expand(settings.inputs)), skipped, stream, bar)
    try:
        processed = _process(settings, store, ledger, progress, skips)
        skips.write(settings.out, skipped_lines(skipped_files(settings.inputs)))
    finally:
        skips.close()
    store.drop_uncommitted(ledger.chunks)
    store.assemble(ledger.chunks)
    manifest = _manifest(settings, model, ledger, skipped, processed, started, started_at)
    manifest["skipped_inputs"] = {"total": skips.total, "by_reason": dict(sorted(skips.reasons.items()))}
    write_manifest(settings.out, manifest)
    ledger.mark_complete()
    store.clean()
    return BatchSummary(settings.out, manifest)


def _failure(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left on the device of --out{where}: free some and run the same command again to resume"
    return f"cannot go on: {(error.strerror or str(error)).lower()}{where}; run the same command again to resume"


def _manifest(
    settings: BatchSettings,
    model: dict[str, str],
    ledger: Ledger,
    skipped: int,
    processed: int,
    started: float,
    started_at: datetime,
) -> dict[str, Any]:
    counts = {**ledger.totals(), "skipped": skipped, "processed": processed}
    counts["files_skipped"] = len(skipped_files(settings.inputs))
    manifest = build_manifest(settings.as_dict(), model, counts, time.monotonic() - started, ledger.dropped())
    manifest["started_at"], manifest["finished_at"] = started_at.isoformat(), datetime.now(UTC).isoformat()
    write_manifest(settings.out, manifest)
    return manifest


def _process(settings: BatchSettings, store: Store, ledger: Ledger, progress: Progress, skips: SkipLog) -> int:
    """Extract and commit every chunk still to do; the number of inputs processed."""
    ids = IdIndex(store.work / "ids.sqlite")
    engine: Engine | None = None
    processed = 0
    try:
        engine = make_engine(settings)
        for chunk, outcomes in engine.run(chunks_to_do(settings, Checker(ids), set(ledger.chunks), skips)):
            output = chunk_output(chunk, outcomes, settings.sentences)
            store.write_chunk(output)
            ledger.commit(output.index, output.counts, output.first_key, output.last_key, output.dropped)
            for reason, count in sorted(output.dropped.items()):
                progress.note(f"batch: chunk {output.index}: {count} item(s) dropped ({reason})")
            processed += len(chunk.entries)
            progress.advance(len(chunk.entries))
    finally:
        if engine is not None:
            engine.close()
        ids.close()
        progress.close()
    return processed
