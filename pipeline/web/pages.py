"""One web page to the fields of an article (``id``, ``text``, ``published``, ``published_from``,
``title``, ``url``, ``site``), or the reason the relevance gate skips it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pipeline.web.dates import iso_date, resolve
from pipeline.web.html import decode_page, read_page
from pipeline.web.relevance import raw_reason, text_reason


@dataclass(frozen=True)
class Skip:
    """A page the relevance gate keeps out, and why."""

    reason: str


def page_fields(data: bytes | str, fields: dict[str, Any], gate: bool, content_type: str | None = None) -> dict | Skip:
    """The article of a page (raw bytes, or text already decoded); ``fields`` are what the input
    said about it (id, url, published …) and win over the page's own. PageError if unreadable."""
    if gate and (reason := raw_reason(data if isinstance(data, bytes) else data.encode("utf-8", "replace"))):
        return Skip(reason)
    page = read_page(data if isinstance(data, str) else decode_page(data, content_type))
    if gate and (reason := text_reason(f"{page.title or ''}\n{page.text}")):
        return Skip(reason)
    url = fields.get("url")
    site = page.site or (urlsplit(url).hostname if isinstance(url, str) else None)
    found = {"text": page.text, "title": page.title, "site": site, "page_published": page.published}
    return {**found, **{key: value for key, value in fields.items() if value is not None and key != "html"}}


def dated(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with ``published`` resolved (input, page metadata, URL, dateline) and
    ``published_from``; an input's own ``published`` is left for validation to check."""
    given = fields.get("published")
    if given is not None:
        return {**fields, "published_from": "input"}
    text = fields.get("text") if isinstance(fields.get("text"), str) else ""
    url = fields.get("url") if isinstance(fields.get("url"), str) else None
    day, origin = resolve(None, fields.get("page_published"), url, text)
    return {**fields, "published": day.isoformat() if day else None, "published_from": origin}


__all__ = ["Skip", "dated", "iso_date", "page_fields"]
