"""The output folder: chunk parts written atomically, then records.jsonl and errors.jsonl assembled.

Layout of ``--out DIR``::

    records.jsonl  errors.jsonl  manifest.json     assembled at the end of the job
    articles/part-00000000.parquet …               one Parquet part per chunk: each table is a
    organizations/ capacities/ money/ target_years/   dataset (``pyarrow.parquet.read_table(DIR/"money")``)
    _batch/ledger.jsonl                             progress ledger (see ledger.py)
    _batch/chunks/00000000.records.jsonl …          a chunk's lines until the job is assembled

Every file is written under a hidden temporary name, fsynced and renamed into place, so a reader or
a resumed run never sees half a file. Parquet readers skip names starting with "." or "_".
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.batch.results import ChunkOutput
from pipeline.batch.tables import SCHEMAS, table

WORK = "_batch"


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write ``path`` through ``write(temporary)``, then fsync and rename it into place."""
    temporary = path.with_name(f".{path.name}.tmp")
    write(temporary)
    fsync_path(temporary)
    os.replace(temporary, path)


def write_lines(path: Path, lines: Iterable[str]) -> None:
    write_atomic(path, lambda tmp: tmp.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8"))


class Store:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.work = out / WORK
        self.chunks = self.work / "chunks"

    def prepare(self) -> None:
        """Create the folders and remove temporary files left by an interrupted run."""
        for folder in (self.chunks, *(self.out / name for name in SCHEMAS)):
            folder.mkdir(parents=True, exist_ok=True)
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
            write_atomic(self.part_path(name, output.index), lambda tmp, part=part: pq.write_table(part, tmp))
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
        """records.jsonl and errors.jsonl: the chunks' lines in input order."""
        indexes = sorted(committed)
        for kind in ("records", "errors"):
            write_atomic(self.out / f"{kind}.jsonl", lambda tmp, kind=kind: self._concatenate(tmp, kind, indexes))
        fsync_path(self.out)

    def _concatenate(self, target: Path, kind: str, indexes: list[int]) -> None:
        with target.open("wb") as sink:
            for index in indexes:
                with self.lines_path(index, kind).open("rb") as part:
                    shutil.copyfileobj(part, sink)

    def clean(self) -> None:
        """Remove the chunk lines once the job is assembled (the ledger stays)."""
        shutil.rmtree(self.chunks, ignore_errors=True)
