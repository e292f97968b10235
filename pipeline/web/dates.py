"""Publication dates of web pages and articles, each with where it came from.

In order: the input's own ``published``; the page's metadata (``article:published_time`` and the
other publication-date meta tags, JSON-LD ``datePublished``, a ``<time>`` marked as the publication
time); a date in the URL path (``/2025/03/01/``, ``/2025-03-01-``, ``/20250301/``); a dated dateline
at the start of the text ("March 3, 2025", "3 March 2025", "2025-03-03" in the first line). A date
is never taken from a copyright line, a crawl date, a modification time or today's date: where the
page states none, it stays null (``published_from: none``)."""

from __future__ import annotations

import json
import re
from datetime import date

from lxml.html import HtmlElement

META_NAMES = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "date",
)  # fmt: skip
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-]?)(\d{2})\2(\d{2})(?=[/_.-]|$)")
MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|"
    "nov(?:ember)?|dec(?:ember)?"
)
SPELLED = re.compile(
    rf"\b(?:(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d{{2}})|"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})\.?,?\s+(?P<y2>(?:19|20)\d{{2}}))\b",
    re.IGNORECASE,
)
DATELINE_CHARS = 200
COPYRIGHT = re.compile(r"©|&copy;|\(c\)|copyright", re.IGNORECASE)


def iso_date(value: str) -> date | None:
    """The date at the start of an ISO date or time stamp ("2025-03-01T08:30:00+09:00" is 2025-03-01,
    the date the page states), or None."""
    found = ISO.match(value.strip())
    return _date(int(found[1]), int(found[2]), int(found[3])) if found else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def page_date(tree: HtmlElement) -> date | None:
    """The publication date a page's metadata states, or None."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in META_NAMES and (found := iso_date(meta.get("content") or "")):
            return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        if found := _ld_date(script.text_content()):
            return found
    for stamp in tree.xpath('//time[@itemprop="datePublished" or @pubdate]'):
        if found := iso_date(stamp.get("datetime") or ""):
            return found
    return None


def _ld_date(text: str) -> date | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str) and (found := iso_date(item["datePublished"])):
                return found
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return None


def url_date(url: str | None) -> date | None:
    """A year, month and day in the path of ``url``, or None."""
    found = URL_DATE.search(url or "")
    return _date(int(found[1]), int(found[3]), int(found[4])) if found else None


def text_date(text: str) -> date | None:
    """A full date in the dateline (the start of the first line), never in a copyright line."""
    line = text.lstrip()[:DATELINE_CHARS].split("\n", 1)[0]
    if COPYRIGHT.search(line):
        return None
    if found := ISO.search(line):
        return _date(int(found[1]), int(found[2]), int(found[3]))
    found = SPELLED.search(line)
    if not found:
        return None
    month = (found["m1"] or found["m2"])[:3].lower()
    number = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(month) + 1
    return _date(int(found["y1"] or found["y2"]), number, int(found["d1"] or found["d2"]))


def resolve(given: date | None, page: date | None, url: str | None, text: str) -> tuple[date | None, str]:
    """The publication date and where it came from: input, html, url, text or none."""
    for found, origin in ((given, "input"), (page, "html")):
        if found is not None:
            return found, origin
    if (found := url_date(url)) is not None:
        return found, "url"
    if (found := text_date(text)) is not None:
        return found, "text"
    return None, "none"
