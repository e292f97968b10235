"""Which files a batch run reads: arguments expanded to files, their fingerprint and a quick count."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl",
    ".ndjson.gz": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
}
FOLDER_KINDS = ("text", "html")  # what a folder gives; a .txt file's sidecar name.json is read with it
STDIN = "-"  # the argument that reads JSONL from standard input


@dataclass(frozen=True)
class InputFile:
    """One file to read; ``kind`` is "text", "jsonl", "parquet", or None (missing or unsupported).
    A file of an input folder that is not read has ``skipped``, the reason why."""

    path: Path
    kind: str | None
    skipped: str | None = None
    article_id: str | None = None  # a folder's file: its path under the folder, without the suffix

    @property
    def name(self) -> str:
        """The path as text that any UTF-8 output can hold (undecodable bytes of a name are escaped)."""
        return str(self.path).encode("utf-8", "backslashreplace").decode("utf-8")


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), None)


def expand(arguments: Iterable[str]) -> Iterator[InputFile]:
    """Files in argument order; a folder gives every file under it, sorted by path: its ``.txt``
    files (any case) to read, and every other entry with the reason it is skipped."""
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            yield InputFile(path, "jsonl")
        elif path.is_dir():
            yield from sorted(folder_files(path), key=lambda file: str(file.path))
        else:
            yield InputFile(path, kind_of(path) if path.is_file() else None)


def folder_files(folder: Path) -> Iterator[InputFile]:
    """Every entry under ``folder`` (links to folders are not followed), each read or skipped."""
    unreadable: list[InputFile] = []

    def note(error: OSError) -> None:
        where = Path(error.filename or folder)
        unreadable.append(InputFile(where, None, f"folder cannot be read: {(error.strerror or str(error)).lower()}"))

    for root, folders, files in os.walk(folder, onerror=note):
        for name in folders:
            if (Path(root) / name).is_symlink():
                yield InputFile(Path(root) / name, None, "link to a folder (not followed)")
        for name in files:
            if not is_sidecar(Path(root) / name):
                yield folder_entry(Path(root) / name, folder)
    yield from unreadable


def relative_id(path: Path, folder: Path) -> str:
    """The id of a folder's file: its path under the folder without the suffix ("asia/seoul-42")."""
    relative = path.relative_to(folder)
    return relative.with_name(relative.name[: -len(path.suffix)] if path.suffix else relative.name).as_posix()


def is_sidecar(path: Path) -> bool:
    """A ``name.json`` next to a ``name.txt``: the metadata of that text file, read with it."""
    return path.suffix.lower() == ".json" and any(path.with_suffix(s).is_file() for s in (".txt", ".TXT"))


def folder_entry(path: Path, folder: Path) -> InputFile:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        reason = "broken or looping link" if path.is_symlink() else (error.strerror or str(error)).lower()
        return InputFile(path, None, reason)
    if not stat.S_ISREG(mode):
        return InputFile(path, None, "not a regular file (a pipe, socket or device)")
    if kind_of(path) not in FOLDER_KINDS:
        return InputFile(path, None, "not a .txt or .html file (a folder gives its .txt, .html and .htm files)")
    if not os.access(path, os.R_OK):
        return InputFile(path, None, "permission denied")
    return InputFile(path, kind_of(path), article_id=relative_id(path, folder))


def fingerprint(files: Iterable[InputFile]) -> str:
    """What a resumed run must find unchanged: a digest of each file's absolute path, size and mtime."""
    digest = hashlib.sha256()
    for file in files:
        if str(file.path) == STDIN:  # standard input: a resumed run must be given the same lines
            digest.update(b"-\n")
            continue
        try:
            stat = file.path.stat()
            mark = [str(file.path.resolve()), stat.st_size, stat.st_mtime_ns]
        except OSError:
            mark = [str(file.path.absolute()), None, None]
        digest.update(json.dumps(mark, ensure_ascii=True).encode() + b"\n")
    return digest.hexdigest()


def count_inputs(files: Iterable[InputFile]) -> int:
    """About how many inputs the files hold (for progress and ETA): non-blank lines, rows, text files."""
    return sum(_count(file) for file in files)


def _count(file: InputFile) -> int:
    try:
        if str(file.path) == STDIN:
            return 1
        if file.kind == "jsonl":
            opener = gzip.open if file.path.name.lower().endswith(".gz") else open
            with opener(file.path, "rb") as stream:  # newlines counted in blocks: a huge line is never held
                return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b"")) or 1
        if file.kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(file.path).metadata.num_rows
    except Exception:  # a broken file is reported when it is read; the count is only a guide
        return 1
    return 1
