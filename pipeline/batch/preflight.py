"""Before a batch run starts: every input path is checked (a bad one is a usage error, exit 2, one
line per path), and the files of input folders that will not be read are listed with a reason."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.batch.inputs import FOLDER_KINDS, STDIN, InputFile, expand

UNSUPPORTED = (
    "unsupported input: expected .txt, .html, .htm, .jsonl, .jsonl.gz, .ndjson, .parquet, .warc or .warc.gz, "
    "a folder of .txt or .html files, or - for standard input"
)


def path_problems(arguments: Iterable[str]) -> list[str]:
    """One line per input argument that cannot be read as asked."""
    problems = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            continue
        if not argument:
            problems.append("an input path is empty")
        elif not path.exists():
            problems.append(f"{argument}: {'broken link' if path.is_symlink() else 'no such file or folder'}")
        elif path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                problems.append(f"{argument}: folder cannot be read (permission denied)")
            elif not any(file.kind in FOLDER_KINDS for file in expand([argument])):
                problems.append(f"{argument}: no .txt or .html file in this folder or under it")
        elif next(expand([argument])).kind is None:
            problems.append(f"{argument}: {UNSUPPORTED}")
        elif not os.access(path, os.R_OK):
            problems.append(f"{argument}: permission denied")
    return problems


def skipped_files(arguments: Iterable[str]) -> list[InputFile]:
    return [file for file in expand(arguments) if file.skipped]


def skipped_lines(files: Iterable[InputFile]) -> list[str]:
    """skipped.jsonl: one line per file of an input folder that was not read, with the reason."""
    return [json.dumps({"file": file.name, "reason": file.skipped}, ensure_ascii=False) for file in files]
