"""The progress ledger: an append-only JSONL file saying which chunks of the input stream are committed.

The first line describes the job (inputs with size and modification time, model, chunk size);
a resumed run must describe the same job. Each further line commits one chunk: its index, its
first and last input keys and its counts. A line is appended (and fsynced) only after the chunk's
files are in place, so a chunk in the ledger is complete on disk; a line torn by a crash is cut off
on the next start. The last line, ``{"complete": true}``, says the outputs are assembled.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

COUNTS = ("read", "ok", "failed")


class LedgerMismatch(ValueError):
    """The output folder holds a job with other inputs or settings."""


class Ledger:
    def __init__(self, path: Path, job: dict[str, Any]) -> None:
        self.path = path
        self.chunks: dict[int, dict[str, Any]] = {}
        self.complete = False
        lines = self._read_valid_lines()
        if not lines:
            self._append({"job": job})
            return
        if lines[0].get("job") != job:
            folder = path.parent.parent
            raise LedgerMismatch(f"{folder} holds a job with other inputs or settings: {_diff(lines[0], job)}")
        for line in lines[1:]:
            if "chunk" in line:
                self.chunks[line["chunk"]] = line
            self.complete = self.complete or bool(line.get("complete"))

    def _read_valid_lines(self) -> list[dict[str, Any]]:
        """The parsed lines; anything after the last complete line (a torn write) is cut off the file."""
        if not self.path.exists():
            return []
        data = self.path.read_bytes()
        lines, good = [], 0
        for raw in data.splitlines(keepends=True):
            try:
                if not raw.endswith(b"\n"):
                    raise ValueError("torn line")
                lines.append(json.loads(raw))
            except ValueError:
                break
            good += len(raw)
        if good < len(data):
            with self.path.open("r+b") as stream:
                stream.truncate(good)
                os.fsync(stream.fileno())
        return lines

    def _append(self, line: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())

    def commit(
        self, index: int, counts: dict[str, int], first: str | None, last: str | None, dropped: dict[str, int]
    ) -> None:
        line = {"chunk": index, **counts, "first": first, "last": last, "dropped": dict(sorted(dropped.items()))}
        self._append(line)
        self.chunks[index] = line

    def mark_complete(self) -> None:
        self._append({"complete": True})
        self.complete = True

    def totals(self) -> dict[str, int]:
        return {name: sum(chunk[name] for chunk in self.chunks.values()) for name in COUNTS}

    def dropped(self) -> dict[str, int]:
        """Items dropped from the records of the committed chunks, by reason."""
        found: Counter[str] = Counter()
        for chunk in self.chunks.values():
            found.update(chunk.get("dropped", {}))
        return dict(sorted(found.items()))


def _diff(found: dict[str, Any], wanted: dict[str, Any]) -> str:
    before, after = found.get("job") or {}, wanted
    keys = sorted(key for key in {*before, *after} if before.get(key) != after.get(key))
    return "differs in " + ", ".join(keys) + "; use another --out folder, or delete this one to start over"
