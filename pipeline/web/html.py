"""HTML pages to articles: bytes decoded by their declared charset, then the main text, title,
publication date, URL and site name.

The main text comes from trafilatura (boilerplate, scripts, menus, cookie banners, related-article
lists and footers removed; entities decoded); its paragraphs, headings, list items and table rows
are joined by blank lines and its line breaks kept, so the text reads as a plain-text article.
Offsets of the records refer to this text, which the ``articles`` table keeps."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from pipeline.web.dates import page_date

MAX_PAGE_BYTES = 16 * 1024 * 1024  # a page larger than this is refused, not parsed
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
BLOCKS = ("head", "p", "item", "row", "quote", "code")


class PageError(ValueError):
    """Why a page cannot be read; the message is the reason written to errors.jsonl."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    site: str | None
    published: date | None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset of the HTTP ``Content-Type`` header, else of a ``<meta>`` in the first 4 KB."""
    found = HEADER_CHARSET.search(content_type or "")
    if found:
        return found[1]
    meta = META_CHARSET.search(data[:4096])
    return meta[1].decode("ascii", "replace") if meta else None


def decode_page(data: bytes, content_type: str | None = None) -> str:
    """The page as text: a byte-order mark, else the declared charset (the bytes must fit it), else
    UTF-8, else windows-1252 (the web's default); PageError naming the first bad byte."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"page of {len(data):,} bytes: over the limit of {MAX_PAGE_BYTES:,}")
    charset = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else declared_charset(data, content_type)
    tries = [charset] if charset else ["utf-8", "windows-1252"]
    for name in tries:
        try:
            return data.decode(name)
        except LookupError:
            raise PageError(f"unknown charset {name!r} declared") from None
        except UnicodeDecodeError as error:
            if name == tries[-1]:
                said = f"as its headers declare ({name})" if charset else "(UTF-8 or windows-1252, none declared)"
                raise PageError(f"bytes do not decode {said}: byte {error.start}: {error.reason}") from None
    raise AssertionError("unreachable")


def parse(markup: str) -> HtmlElement:
    try:
        return lxml.html.document_fromstring(markup.encode("utf-8"), parser=_parser())
    except (ParserError, ValueError) as error:
        raise PageError(f"not an HTML page: {error}") from None


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def read_page(markup: str) -> Page:
    """The article of a page; PageError if it has no main text."""
    import trafilatura

    tree = parse(markup)
    title, site, published = _meta(tree, "og:title") or _title(tree), _meta(tree, "og:site_name"), page_date(tree)
    document = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, deduplicate=False, with_metadata=False, as_dict=False
    )
    text = main_text(document.body) if document is not None and document.body is not None else ""
    if not text.strip():
        raise PageError("no main text found in the page")
    return Page(text, title, site, published)


def main_text(body: HtmlElement) -> str:
    """Blocks of trafilatura's output joined by blank lines, line breaks kept, cells by tabs."""
    for brk in body.iter("lb"):
        brk.tail = "\n" + (brk.tail or "")
    for cell in body.iter("cell"):
        cell.tail = "\t" + (cell.tail or "")
    blocks = [block for block in body.iter(*BLOCKS) if not any(p.tag in BLOCKS for p in block.iterancestors())]
    texts = ("".join(block.itertext()).strip() for block in blocks)
    return "\n\n".join(text for text in texts if text)


def _meta(tree: HtmlElement, name: str) -> str | None:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name")) == name and (meta.get("content") or "").strip():
            return " ".join(meta.get("content").split())
    return None


def _title(tree: HtmlElement) -> str | None:
    found = tree.find(".//title")
    text = " ".join(found.text_content().split()) if found is not None else ""
    return text or None
