"""Read inputs as a stream: text files, JSONL (optionally gzipped) and Parquet, one RawInput each.

Nothing is checked here beyond what reading needs (the bytes decode, the line is a JSON object);
a file or line that cannot be read becomes a Failure naming it, and reading goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.batch.entries import Failure, RawInput, Source
from pipeline.batch.inputs import InputFile
from pipeline.batch.limits import MAX_ARTICLE_CHARS, MAX_JSON_DEPTH, MAX_LINE_BYTES, TooLong, bounded_lines, depth

BOM = "\ufeff"
PARQUET_COLUMNS = ("id", "text", "published", "title", "url", "source")
PARQUET_BATCH_ROWS = 1024


def read_all(files: Iterable[InputFile]) -> Iterator[RawInput | Failure]:
    """Every input of every file, in order."""
    for file in files:
        if file.skipped:
            continue  # listed in skipped.jsonl, see run.py
        if file.kind == "text":
            yield read_text_file(file)
        elif file.kind == "jsonl":
            yield from read_jsonl(file)
        elif file.kind == "parquet":
            yield from read_parquet(file)
        elif not file.path.exists():
            yield Failure(Source(file.name), "no such file or folder")
        else:
            yield Failure(Source(file.name), "unsupported input: expected .txt, .jsonl, .jsonl.gz or .parquet")


def decode(data: bytes) -> str:
    """UTF-8 text without a leading byte-order mark; ValueError naming the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start}: {error.reason})") from None


def read_text_file(file: InputFile) -> RawInput | Failure:
    source = Source(file.name)
    try:
        if file.path.stat().st_size > 4 * MAX_ARTICLE_CHARS:  # more characters than the limit, in any UTF-8
            return Failure(
                source,
                f"file over {4 * MAX_ARTICLE_CHARS:,} bytes: longer than the article limit "
                f"of {MAX_ARTICLE_CHARS:,} characters",
                article_id=file.path.stem,
            )
        text = decode(file.path.read_bytes())
    except (OSError, ValueError) as error:
        return Failure(source, _describe(error), article_id=file.path.stem)
    return RawInput(source, {"id": file.path.stem, "text": text})


def read_jsonl(file: InputFile) -> Iterator[RawInput | Failure]:
    opener = gzip.open if file.path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(file.path, "rb") as stream:
            for number, line in enumerate(bounded_lines(stream, MAX_LINE_BYTES), start=1):
                if line is TooLong:
                    yield Failure(Source(file.name, line=number), f"line longer than {MAX_LINE_BYTES:,} bytes")
                elif line.strip():
                    yield parse_line(line, Source(file.name, line=number))
    except (OSError, EOFError, zlib.error) as error:
        where = f"after line {number}" if number else "at the start"
        yield Failure(Source(file.name, line=number + 1), f"file cannot be read {where}: {_describe(error)}")


def parse_line(line: bytes, source: Source) -> RawInput | Failure:
    """One JSONL line: a JSON object, else a Failure saying what is wrong with it."""
    try:
        fields = json.loads(decode(line))
    except json.JSONDecodeError as error:
        return Failure(source, f"invalid JSON at column {error.colno}: {error.msg}")
    except ValueError as error:
        return Failure(source, str(error))
    except RecursionError:
        return Failure(source, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    if depth(fields) > MAX_JSON_DEPTH:
        return Failure(source, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    if not isinstance(fields, dict):
        return Failure(source, f"a JSON object was expected, not {_json_type(fields)}")
    return RawInput(source, fields)


def read_parquet(file: InputFile) -> Iterator[RawInput | Failure]:
    import pyarrow.parquet as pq

    row = 0
    try:
        table = pq.ParquetFile(file.path)
        names = set(table.schema_arrow.names)
        if "text" not in names:
            yield Failure(Source(file.name), f"no 'text' column (columns: {', '.join(sorted(names))})")
            return
        columns = [name for name in PARQUET_COLUMNS if name in names]
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for fields in batch.to_pylist():
                yield RawInput(Source(file.name, row=row), fields)
                row += 1
    except Exception as error:  # pyarrow raises several types for a corrupt file
        where = f"after row {row - 1}" if row else "at the start"
        yield Failure(Source(file.name, row=row), f"Parquet file cannot be read {where}: {_describe(error)}")


def _describe(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), "null")
