"""The output folder: chunk parts written atomically, then records.jsonl and errors.jsonl assembled.

Layout of ``--out DIR``::

    records.jsonl  errors.jsonl  manifest.json     assembled at the end of the job
    articles/part-00000000.parquet …               one Parquet part per chunk: each table is a
    organizations/ capacities/ money/ target_years/   dataset (``pyarrow.parquet.read_table(DIR/"money")``)
    _batch/ledger.jsonl                             progress ledger (see ledger.py)
    _batch/chunks/00000000.records.jsonl …          a chunk's lines until the job is assembled

Every file is written under a hidden temporary name, fsynced and renamed into place, so a reader or
a resumed run never sees half a file. Parquet readers skip names starting with "." or "_". A
temporary file is created new (``O_EXCL``) and never through a symbolic link (``O_NOFOLLOW``): a link
planted under ``--out`` cannot make the job write anywhere else. ``_batch/lock`` holds an advisory
lock (``flock``) with the pid of the run that holds it: one run at a time per folder.
"""

from __future__ import annotations

import fcntl
import gzip
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import pyarrow.parquet as pq

from pipeline.batch.results import ChunkOutput
from pipeline.batch.tables import SCHEMAS, table

WORK = "_batch"
# --records: how records.jsonl is written (the chunk lines are kept either way until the job is assembled).
RECORD_FORMATS = {"jsonl": "records.jsonl", "jsonl.gz": "records.jsonl.gz", "none": None}


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``path`` through ``write(stream)`` on a new temporary file, then fsync it and rename it
    into place. A leftover temporary (or a link planted in its place) is removed, never followed."""
    temporary = path.with_name(f".{path.name}.tmp")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    with os.fdopen(os.open(temporary, NEW_FILE, 0o644), "wb") as stream:
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def write_lines(path: Path, lines: Iterable[str]) -> None:
    write_atomic(path, lambda stream: stream.write("".join(f"{line}\n" for line in lines).encode("utf-8")))


class FolderInUse(RuntimeError):
    """Another run holds the lock of the output folder."""


class FolderLock:
    """An advisory lock on the output folder, released when the run (or its process) ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.descriptor: int | None = None

    def acquire(self) -> None:
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(descriptor)
            raise FolderInUse(f"another batch run (pid {holder}) is using {self.path.parent.parent}") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        self.descriptor = descriptor

    def release(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)  # closing the descriptor releases the lock
            self.descriptor = None


class Store:
    def __init__(self, out: Path, records: str = "jsonl") -> None:
        self.out = out
        self.records = RECORD_FORMATS[records]
        self.work = out / WORK
        self.chunks = self.work / "chunks"

    def make_work_folder(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        if self.work.is_symlink():
            raise OSError(f"{self.work} is a symbolic link")
        self.work.mkdir(exist_ok=True)

    def folders(self) -> list[Path]:
        return [self.work, self.chunks, *(self.out / name for name in SCHEMAS)]

    def prepare(self) -> None:
        """Create the folders and remove temporary files left by an interrupted run; a folder of ours
        that is a symbolic link is refused (OSError), as the job would write through it."""
        self.out.mkdir(parents=True, exist_ok=True)
        for folder in self.folders():
            if folder.is_symlink():
                raise OSError(f"{folder} is a symbolic link")
            folder.mkdir(exist_ok=True)
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink()

    def lines_path(self, index: int, kind: str) -> Path:
        return self.chunks / f"{index:08d}.{kind}.jsonl"

    def part_path(self, name: str, index: int) -> Path:
        return self.out / name / f"part-{index:08d}.parquet"

    def write_chunk(self, output: ChunkOutput) -> None:
        """Every file of one chunk, in place and durable (the caller then commits it to the ledger)."""
        write_lines(self.lines_path(output.index, "records"), output.records)
        write_lines(self.lines_path(output.index, "errors"), output.errors)
        for name, rows in output.rows.items():
            part = table(name, rows)
            write_atomic(self.part_path(name, output.index), lambda stream, part=part: pq.write_table(part, stream))
        for folder in (self.chunks, *(self.out / name for name in SCHEMAS)):
            fsync_path(folder)

    def drop_uncommitted(self, committed: Iterable[int]) -> None:
        """Remove parts of chunks that no ledger line commits (written just before a crash)."""
        keep = {f"part-{index:08d}.parquet" for index in committed}
        for name in SCHEMAS:
            for part in (self.out / name).glob("part-*.parquet"):
                if part.name not in keep:
                    part.unlink()

    def assemble(self, committed: Iterable[int]) -> None:
        """records.jsonl (or records.jsonl.gz, or none: ``--records``) and errors.jsonl: the chunks'
        lines in input order. A records file of another format from an earlier run is removed."""
        indexes = sorted(committed)
        write_atomic(self.out / "errors.jsonl", lambda sink: self._concatenate(sink, "errors", indexes))
        if self.records is not None:
            write_atomic(self.out / self.records, lambda sink: self._records(sink, indexes))
        for name in RECORD_FORMATS.values():
            if name is not None and name != self.records:
                (self.out / name).unlink(missing_ok=True)
        fsync_path(self.out)

    def _records(self, sink: BinaryIO, indexes: list[int]) -> None:
        if not self.records or not self.records.endswith(".gz"):
            self._concatenate(sink, "records", indexes)
            return
        with gzip.GzipFile(fileobj=sink, mode="wb", mtime=0) as packed:
            self._concatenate(packed, "records", indexes)  # type: ignore[arg-type]

    def _concatenate(self, sink: BinaryIO, kind: str, indexes: list[int]) -> None:
        for index in indexes:
            with self.lines_path(index, kind).open("rb") as part:
                shutil.copyfileobj(part, sink)

    def wipe(self) -> None:
        """Remove what a batch job writes here (records, errors, tables, manifest, progress), for
        ``--overwrite``; other files in the folder and the lock are left alone."""
        for name in ("records.jsonl", "records.jsonl.gz", "errors.jsonl", "skipped.jsonl", "manifest.json"):
            (self.out / name).unlink(missing_ok=True)
        for folder in (self.chunks, *(self.out / name for name in SCHEMAS)):
            shutil.rmtree(folder, ignore_errors=True)
        for name in ("ledger.jsonl", "ids.sqlite"):
            (self.work / name).unlink(missing_ok=True)

    def clean(self) -> None:
        """Remove the chunk lines once the job is assembled (the ledger stays)."""
        shutil.rmtree(self.chunks, ignore_errors=True)
