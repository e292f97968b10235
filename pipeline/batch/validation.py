"""Check one raw input and turn it into a Job (an article to extract) or a Failure saying why not.

Text policy: C0 and C1 control characters other than tab, line feed and carriage return (NUL,
form feed, ESC, DEL, U+0080–U+009F …) are *replaced by a space* in the text and the metadata, one
character for one, so every offset still points at the same place in the input; the articles table
counts the replacements. Ids are identifiers, not prose: an id with a control character is rejected.
A lone surrogate (U+D800–U+DFFF, only possible through a JSON ``\\ud800`` escape) means the input is
not valid Unicode: the article is rejected, as it could be written to no UTF-8 output.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from pipeline.batch.entries import Failure, Job, PageArticle, RawInput
from pipeline.batch.idindex import IdIndex
from pipeline.batch.limits import MAX_ARTICLE_CHARS
from pipeline.extraction import parse_published

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile("[\ud800-\udfff]")
METADATA = ("title", "url", "source", "site")
DATE_ORIGINS = ("input", "html", "url", "text", "none")


class InputError(ValueError):
    """Why an input is rejected; the message is the reason written to errors.jsonl."""


def type_name(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def check_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None:
        raise InputError("missing id")
    if not isinstance(value, str):
        raise InputError(f"id must be a string, not {type_name(value)}")
    if not value.strip():
        raise InputError("empty id")
    if SURROGATE.search(value) or CONTROLS.search(value):
        raise InputError(f"id {value!r} contains a control character or a lone surrogate")
    return value


def clean(value: str, field: str) -> tuple[str, int]:
    """``value`` with control characters replaced by spaces, and how many were replaced."""
    found = SURROGATE.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise InputError(f"{field} is not valid Unicode: lone surrogate {code} at offset {found.start()}")
    return CONTROLS.subn(" ", value)


def check_text(value: Any) -> tuple[str, int]:
    if value is None:
        raise InputError("missing text")
    if not isinstance(value, str):
        raise InputError(f"text must be a string, not {type_name(value)}")
    if len(value) > MAX_ARTICLE_CHARS:
        raise InputError(f"text of {len(value):,} characters: over the article limit of {MAX_ARTICLE_CHARS:,}")
    text, replaced = clean(value, "text")
    if not text.strip():
        raise InputError("empty text" if not value else "text is only whitespace or control characters")
    return text, replaced


def check_published(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"published must be a YYYY-MM-DD string, not {type_name(value)}")
    try:
        return parse_published(value)
    except ValueError as error:
        raise InputError(str(error)) from None


def check_metadata(fields: dict[str, Any]) -> tuple[dict[str, str | None], int]:
    found: dict[str, str | None] = {}
    replaced = 0
    for name in METADATA:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be a string or null, not {type_name(value)}")
        found[name], count = clean(value, name) if value is not None else (None, 0)
        replaced += count
    return found, replaced


class Checker:
    """Checks inputs in stream order; the first input with an id claims it, later ones are duplicates."""

    def __init__(self, ids: IdIndex) -> None:
        self.ids = ids

    def __call__(self, raw: RawInput) -> Job | Failure:
        try:
            article_id = check_id(raw.fields.get("id"))
        except InputError as error:
            return Failure(raw.source, str(error))
        first = self.ids.claim(article_id, raw.source.key)
        if first is not None:
            return Failure(raw.source, f"duplicate id {article_id!r}: first seen at {first}", article_id)
        try:
            return self._job(raw, article_id)
        except InputError as error:
            return Failure(raw.source, str(error), article_id)

    def _job(self, raw: RawInput, article_id: str) -> Job:
        text, replaced = check_text(raw.fields.get("text"))
        published = check_published(raw.fields.get("published"))
        metadata, in_metadata = check_metadata(raw.fields)
        origin = raw.fields.get("published_from")
        origin = origin if origin in DATE_ORIGINS else ("input" if published else "none")
        meta = {"title": metadata["title"], "url": metadata["url"], "site": metadata["site"]}
        article = PageArticle(article_id, text, published, published_from=origin, **meta)
        return Job(
            raw.source,
            article,
            title=metadata["title"],
            url=metadata["url"],
            origin=metadata["source"],
            replaced_controls=replaced + in_metadata,
        )
