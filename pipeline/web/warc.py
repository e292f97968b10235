"""WARC and WARC.gz archives, streamed record by record: HTTP responses with HTML bodies only.

Records are parsed by fastwarc; a gzipped archive is decompressed by Python's gzip module, so that
a truncated archive raises (fastwarc alone stops quietly at the break) and is reported."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from pipeline.web.html import MAX_PAGE_BYTES

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Response:
    """One HTML response of an archive: its number among the archive's records, target URL, body
    and ``Content-Type``; or ``problem``, why it cannot be read (body empty then)."""

    number: int
    url: str | None
    body: bytes = b""
    content_type: str | None = None
    problem: str | None = None


class Guarded:
    """A byte stream that ends at a read error instead of raising, keeping the error: fastwarc then
    yields every complete record before the break, and the reader reports the break after them."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.error, self.position = stream, None, 0

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.stream.read(size)
        except (OSError, EOFError, zlib.error) as error:
            self.error, data = error, b""
        self.position += len(data)
        return data

    def tell(self) -> int:
        return self.position


def open_archive(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def responses(path: Path) -> Iterator[Response]:
    """Every HTML response of the archive at ``path``, in order; a record that cannot be read is a
    Response with its problem, and a broken archive ends with one (the records before it stand)."""
    number, error = 0, None
    try:
        with open_archive(path) as raw:
            stream = Guarded(raw)
            for number, record in enumerate(ArchiveIterator(stream, record_types=WarcRecordType.response), start=1):
                if (found := _response(number, record)) is not None:
                    yield found
            error = stream.error
    except OSError as failure:
        error = failure
    if error is not None:
        where = f"after record {number}" if number else "at the start"
        yield Response(number + 1, None, problem=f"archive cannot be read {where}: {error}")


def _response(number: int, record) -> Response | None:
    url = record.headers.get("WARC-Target-URI")
    http = record.http_headers
    if http is None or http.status_code is None:
        return Response(number, url, problem="broken HTTP header in the WARC record")
    content_type = http.get("Content-Type") or ""
    if http.status_code != 200 or not content_type.lower().startswith(HTML_TYPES):
        return None  # not a page: redirects, errors, images, scripts …
    if record.content_length > MAX_PAGE_BYTES:
        return Response(number, url, problem=f"record of {record.content_length:,} bytes: over {MAX_PAGE_BYTES:,}")
    return Response(number, url, record.reader.read(), content_type)
