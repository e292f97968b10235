"""Read WARC archives: each HTML response an input whose id is the WARC target URL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.batch.entries import Failure, RawInput, Source
from pipeline.batch.inputs import InputFile
from pipeline.web.warc import responses

if TYPE_CHECKING:
    from pipeline.batch.readers import Read, ReadOptions


def read_warc(file: InputFile, options: ReadOptions) -> Iterator[Read]:
    """Every HTML response of the archive, in order (``row`` is the record's number in it)."""
    from pipeline.batch.readers import from_page

    for response in responses(file.path):
        source = Source(file.name, row=response.number)
        if response.problem is not None:
            yield Failure(source, response.problem, response.url)
        elif not response.url:
            yield Failure(source, "WARC response without a WARC-Target-URI", None)
        else:
            fields = {"id": response.url, "url": response.url, "html": response.body}
            yield from_page(RawInput(source, fields), options, response.content_type)
