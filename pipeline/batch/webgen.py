"""Web pages and WARC archives made from article text, for tests and the benchmark: the text inside
realistic boilerplate (navigation, scripts with prices, a cookie banner, related articles, a
footer with a copyright year), with its date as ``og:``/JSON-LD metadata. Nothing is downloaded."""

from __future__ import annotations

import gzip
import html
import json
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.extraction import Article

OTHER_TOPICS = (
    "The city council voted on {day} to extend the opening hours of public libraries, citing strong demand "
    "from students during the exam season.",
    "The home side won {n}-{m} after a late goal, moving up to {n}th place in the league table with {m} games left.",
    "Forecasters expect heavy rain over the weekend, with temperatures falling to {n} degrees in the north.",
    "The museum's new exhibition of {n}th-century paintings opens on {day} and runs until the end of the season.",
    "Ticket prices for the festival start at ${n}, organisers said, and about {m},000 visitors are expected.",
    "The bakery chain said it would open {n} new shops this year and hire about {m}00 staff.",
    "Parliament debated the new housing bill for {n} hours on {day} before adjourning until next week.",
)
SPANISH = "El ayuntamiento aprobó el {day} un nuevo plan de transporte para la ciudad, con {n} líneas de autobús más."


@dataclass(frozen=True)
class Page:
    url: str
    html: str


def page_html(text: str, title: str, published: date | None, site: str = "Daily Wire Review") -> str:
    """``text`` (paragraphs split on blank lines) as the article of a news page with boilerplate."""
    body = "\n".join(f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>" for part in text.split("\n\n"))
    stamp = published.isoformat() if published else None
    meta = f'<meta property="article:published_time" content="{stamp}T08:30:00+00:00">' if stamp else ""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    if stamp:
        ld["datePublished"] = f"{stamp}T08:30:00Z"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>
<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="{site}">{meta}
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>var offer = {{"price": "$5", "plan": "Subscribe for &euro;2bn"}}; window.dataLayer = [];</script>
<style>.nav {{ color: #333 }}</style></head>
<body><div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/energy">Energy</a></li><li><a href="/subscribe">Subscribe for $5 a month</a></li></ul></nav></header>
<main><article><h1>{html.escape(title)}</h1><div class="byline">By Staff Reporter</div>
{body}
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a1">Shares slip as investors weigh rate outlook</a></li>
<li><a href="/a2">Five things to watch this week</a></li></ul></aside></main>
<footer><p>&copy; 2019 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
"""


def other_text(rng: random.Random, paragraphs: int = 4, template: str | None = None) -> str:
    """An article about something other than batteries (or ``template`` filled, repeated)."""
    slots = lambda: {"day": rng.choice(("Monday", "Friday")), "n": rng.randint(2, 19), "m": rng.randint(1, 9)}  # noqa: E731
    return "\n\n".join((template or rng.choice(OTHER_TOPICS)).format(**slots()) for _ in range(paragraphs))


def warc_archive(path: Path, pages: int, relevant: int, seed: int = 0) -> tuple[Path, list[Article]]:
    """A WARC of ``pages`` generated pages, ``relevant`` of them battery news spread evenly, and
    those articles (as the text run would extract them)."""
    from pipeline.batch.textgen import ArticleGenerator

    rng, news = random.Random(seed), list(ArticleGenerator(seed).records(relevant))
    articles = [Article(str(r["id"]), str(r["text"])) for r in news]
    every = max(1, pages // max(1, relevant))

    def records() -> Iterable[bytes]:
        for number in range(pages):
            if number % every == 0 and number // every < relevant:
                article = articles[number // every]
                yield warc_record(
                    f"https://news.example.com/{article.article_id}", page_html(article.text, "News", None).encode()
                )
            else:
                yield warc_record(
                    f"https://news.example.com/other-{number}", page_html(other_text(rng), "Local", None).encode()
                )

    return write_warc(path, records()), articles


def warc_record(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    """One WARC/1.0 response record (uncompressed) holding an HTTP response with ``body``."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    payload = http + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2026-01-15T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[bytes]) -> Path:
    """Records to ``path``; a ``.gz`` path gets one gzip member per record, as crawlers write them."""
    with path.open("wb") as stream:
        for record in records:
            stream.write(gzip.compress(record) if path.name.endswith(".gz") else record)
    return path
