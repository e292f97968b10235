"""Read inputs as a stream: text and HTML files, JSONL (optionally gzipped), Parquet and WARC
archives, one RawInput each.

Nothing is checked here beyond what reading needs (the bytes decode, the line is a JSON object,
the page has a main text); a file, line or page that cannot be read becomes a Failure naming it,
and reading goes on. Pages (and, with ``relevance="on"``, texts) that the relevance gate keeps out
become Skipped. Every input gets its publication date and where it came from (``web.pages.dated``).
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from pipeline.batch.entries import Failure, RawInput, Skipped, Source
from pipeline.batch.inputs import STDIN, InputFile
from pipeline.batch.limits import MAX_ARTICLE_CHARS, MAX_JSON_DEPTH, MAX_LINE_BYTES, TooLong, bounded_lines, depth
from pipeline.web.html import MAX_PAGE_BYTES, PageError
from pipeline.web.pages import Skip, dated, page_fields
from pipeline.web.relevance import text_reason

BOM = "\ufeff"
PARQUET_COLUMNS = ("id", "text", "html", "published", "title", "url", "source")
PARQUET_BATCH_ROWS = 1024
RELEVANCE = ("auto", "on", "off")
Read = RawInput | Failure | Skipped


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: the relevance gate (``auto``: on for HTML and WARC pages, off for text;
    ``on``: for every input; ``off``: keep everything) and the id and text field of JSONL and Parquet."""

    relevance: str = "auto"
    id_field: str = "id"
    text_field: str = "text"


def read_all(files: Iterable[InputFile], options: ReadOptions = ReadOptions()) -> Iterator[Read]:
    """Every input of every file, in order, dated, each read, failed or skipped."""
    for file in files:
        if file.skipped:
            continue  # listed in skipped.jsonl, see run.py
        for item in _read(file, options):
            yield finish(item, options)


def _read(file: InputFile, options: ReadOptions) -> Iterator[Read]:
    if file.kind == "text":
        yield read_text_file(file)
    elif file.kind == "html":
        yield read_html_file(file, options)
    elif file.kind == "jsonl":
        yield from read_jsonl(file, options)
    elif file.kind == "parquet":
        yield from read_parquet(file, options)
    elif file.kind == "warc":
        from pipeline.batch.webreaders import read_warc

        yield from read_warc(file, options)
    elif not file.path.exists():
        yield Failure(Source(file.name), "no such file or folder")
    else:
        yield Failure(Source(file.name), "unsupported input: expected .txt, .html, .jsonl, .parquet or .warc")


def finish(item: Read, options: ReadOptions) -> Read:
    """A read input dated, or Skipped where ``--relevance on`` keeps a text out."""
    if not isinstance(item, RawInput):
        return item
    fields = item.fields
    text = fields.get("text")
    on_text = options.relevance == "on" and "page_published" not in fields and isinstance(text, str)
    if on_text and (reason := text_reason(f"{fields.get('title') or ''}\n{text}")):
        return Skipped(item.source, reason, _id(fields))
    return RawInput(item.source, dated(fields))


def gate(options: ReadOptions) -> bool:
    """Whether pages go through the relevance gate."""
    return options.relevance != "off"


def _id(fields: dict[str, Any]) -> str | None:
    value = fields.get("id")
    return str(value) if isinstance(value, str | int) else None


def from_page(raw: RawInput, options: ReadOptions, content_type: str | None = None) -> Read:
    """A raw input that holds a page (``html``) as the article of the page, or Skipped, or Failure."""
    data = raw.fields["html"]
    try:
        fields = page_fields(data, raw.fields, gate(options), content_type)
    except PageError as error:
        return Failure(raw.source, str(error), _id(raw.fields))
    if isinstance(fields, Skip):
        return Skipped(raw.source, fields.reason, _id(raw.fields))
    return RawInput(raw.source, fields)


def decode(data: bytes) -> str:
    """UTF-8 text without a leading byte-order mark; ValueError naming the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start}: {error.reason})") from None


def read_html_file(file: InputFile, options: ReadOptions) -> Read:
    source, article_id = Source(file.name), file.article_id or file.path.stem
    try:
        if file.path.stat().st_size > MAX_PAGE_BYTES:
            return Failure(source, f"page over {MAX_PAGE_BYTES:,} bytes", article_id=article_id)
        data = file.path.read_bytes()
    except OSError as error:
        return Failure(source, _describe(error), article_id=article_id)
    return from_page(RawInput(source, {"id": article_id, "html": data}), options)


def read_text_file(file: InputFile) -> RawInput | Failure:
    source, article_id = Source(file.name), file.article_id or file.path.stem
    try:
        if file.path.stat().st_size > 4 * MAX_ARTICLE_CHARS:  # more characters than the limit, in any UTF-8
            return Failure(
                source,
                f"file over {4 * MAX_ARTICLE_CHARS:,} bytes: longer than the article limit "
                f"of {MAX_ARTICLE_CHARS:,} characters",
                article_id=article_id,
            )
        text = decode(file.path.read_bytes())
        sidecar = read_sidecar(file)
    except (OSError, ValueError) as error:
        return Failure(source, _describe(error), article_id=article_id)
    return RawInput(source, {**sidecar, "id": article_id, "text": text})


SIDECAR_FIELDS = ("published", "title", "url", "source")


def read_sidecar(file: InputFile) -> dict[str, Any]:
    """The metadata of a text file from ``name.json`` beside it, if there is one; ValueError if broken."""
    path = file.path.with_suffix(".json")
    if not path.is_file():
        return {}
    try:
        found = json.loads(decode(path.read_bytes()))
    except ValueError as error:
        raise ValueError(f"sidecar {path.name} is not valid JSON: {error}") from None
    if not isinstance(found, dict):
        raise ValueError(f"sidecar {path.name}: a JSON object was expected, not {_json_type(found)}")
    return {name: found[name] for name in SIDECAR_FIELDS if name in found}


def _open_lines(file: InputFile) -> IO[bytes]:
    if str(file.path) == STDIN:
        return open(sys.stdin.fileno(), "rb", closefd=False)
    return gzip.open(file.path, "rb") if file.path.name.lower().endswith(".gz") else open(file.path, "rb")  # type: ignore[return-value]


def renamed(raw: RawInput | Failure, options: ReadOptions) -> RawInput | Failure:
    """The input with its ``--id-field`` and ``--text-field`` as ``id`` and ``text``."""
    if not isinstance(raw, RawInput) or (options.id_field, options.text_field) == ("id", "text"):
        return raw
    fields = {k: v for k, v in raw.fields.items() if k not in ("id", "text")}
    for name, field in (("id", options.id_field), ("text", options.text_field)):
        if field in raw.fields:
            fields[name] = raw.fields[field]
    return RawInput(raw.source, fields)


def with_page(raw: RawInput | Failure, options: ReadOptions) -> Read:
    """An input with an ``html`` field and no text: the article of that page."""
    raw = renamed(raw, options)
    if isinstance(raw, RawInput) and raw.fields.get("text") is None and raw.fields.get("html") is not None:
        if not isinstance(raw.fields["html"], str):
            return Failure(raw.source, "html must be a string", _id(raw.fields))
        return from_page(raw, options)
    return raw


def read_jsonl(file: InputFile, options: ReadOptions = ReadOptions()) -> Iterator[Read]:
    number = 0
    try:
        with _open_lines(file) as stream:
            for number, line in enumerate(bounded_lines(stream, MAX_LINE_BYTES), start=1):
                if line is TooLong:
                    yield Failure(Source(file.name, line=number), f"line longer than {MAX_LINE_BYTES:,} bytes")
                elif line.strip():
                    yield with_page(parse_line(line, Source(file.name, line=number)), options)
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


def read_parquet(file: InputFile, options: ReadOptions = ReadOptions()) -> Iterator[Read]:
    import pyarrow.parquet as pq

    row = 0
    try:
        table = pq.ParquetFile(file.path)
        names = set(table.schema_arrow.names)
        if options.text_field not in names and "html" not in names:
            found = ", ".join(sorted(names))
            yield Failure(Source(file.name), f"no {options.text_field!r} or 'html' column (columns: {found})")
            return
        wanted = (*PARQUET_COLUMNS, options.id_field, options.text_field)
        columns = [name for name in dict.fromkeys(wanted) if name in names]
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for fields in batch.to_pylist():
                yield with_page(RawInput(Source(file.name, row=row), fields), options)
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
