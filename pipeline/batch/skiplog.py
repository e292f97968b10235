"""Inputs the relevance gate kept out: written one line each as they are read (memory stays flat),
counted by reason, and listed in skipped.jsonl after the files of input folders that were not read.

Every run reads every input again (see run.py), so the log is rebuilt whole by each run."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from pipeline.batch.entries import Skipped
from pipeline.batch.store import write_atomic


class SkipLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stream = path.open("w", encoding="utf-8")
        self.reasons: Counter[str] = Counter()

    def add(self, skipped: Skipped) -> None:
        line = json.dumps(skipped.as_dict(), ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")
        self.stream.write(line + "\n")
        self.reasons[reason_kind(skipped.reason)] += 1

    @property
    def total(self) -> int:
        return sum(self.reasons.values())

    def write(self, out: Path, file_lines: list[str]) -> None:
        """skipped.jsonl: ``file_lines`` (the folder files not read), then the skipped inputs."""
        self.stream.close()

        def copy(stream) -> None:
            stream.write("".join(f"{line}\n" for line in file_lines).encode("utf-8"))
            with self.path.open("rb") as pages:
                shutil.copyfileobj(pages, stream)

        write_atomic(out / "skipped.jsonl", copy)

    def close(self) -> None:
        self.stream.close()


def reason_kind(reason: str) -> str:
    """A reason to count by: the reason up to its colon ("not battery or EV news", "not in English …")."""
    return reason.split(":", 1)[0].split(" (", 1)[0]
