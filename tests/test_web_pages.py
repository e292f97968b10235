"""Web pages to articles: main text without boilerplate, charsets, dates and the relevance gate."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.batch.webgen import page_html
from pipeline.web.dates import page_date, resolve, text_date, url_date
from pipeline.web.html import PageError, decode_page, parse, read_page
from pipeline.web.relevance import raw_reason, text_reason

ARTICLE = "\n\n".join(
    [
        "LG Energy Solution said on Monday it will build a 30 GWh battery plant in Arizona by 2027, its second "
        "cell factory in the United States, as carmakers sign up for more local supply of electric vehicle cells.",
        "The plant will cost about $5.5bn and employ some 2,800 people, the company said in a statement. Production "
        "of cylindrical cells for electric vehicles is due to start in the second half of 2026.",
        "The South Korean battery maker also plans an energy storage line at the site, with 16 GWh of annual "
        "capacity, to supply utilities in the region from 2027, a spokesperson told reporters.",
    ]
)


def test_the_main_text_keeps_the_article_and_drops_scripts_menus_banners_and_footers():
    page = read_page(page_html(ARTICLE, "LGES to build Arizona plant", date(2025, 3, 1)))
    assert page.text.endswith(ARTICLE) and page.text.startswith("LGES to build Arizona plant\n\n")
    for boilerplate in ("$5 a month", "cookies", "Related articles", "All rights reserved", "dataLayer", "Markets"):
        assert boilerplate not in page.text
    assert (page.title, page.site, page.published) == (
        "LGES to build Arizona plant",
        "Daily Wire Review",
        date(2025, 3, 1),
    )


def test_entities_are_decoded():
    entities = "Northvolt raised &euro;2bn for lithium-ion cells &amp; a 16&nbsp;GWh line."
    page = read_page(f"<html><body><article><p>{entities}</p></article></body></html>")
    assert page.text == "Northvolt raised €2bn for lithium-ion cells & a 16 GWh line."  # no-break space: a space


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        ("café".encode(), "text/html; charset=utf-8", "café"),
        ("café".encode("latin-1"), "text/html; charset=ISO-8859-1", "café"),
        (b'<meta charset="windows-1252">caf\xe9', None, '<meta charset="windows-1252">café'),
        ("café".encode("latin-1"), None, "café"),  # nothing declared, not UTF-8: the web's default
    ],
    ids=["header-utf8", "header-latin1", "meta", "undeclared"],
)
def test_pages_decode_by_their_declared_charset(data, header, expected):
    assert decode_page(data, header) == expected


@pytest.mark.parametrize(
    ("data", "header", "reason"),
    [
        ("café".encode("latin-1"), "text/html; charset=utf-8", "bytes do not decode as its headers declare (utf-8)"),
        (b"x", "text/html; charset=klingon", "unknown charset 'klingon' declared"),
        (b"x" * (16 * 1024 * 1024 + 1), None, "page of 16,777,217 bytes: over the limit"),
    ],
    ids=["wrong-header", "unknown-charset", "too-large"],
)
def test_a_page_that_cannot_be_decoded_is_a_page_error(data, header, reason):
    with pytest.raises(PageError, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        decode_page(data, header)


def test_a_page_without_main_text_is_a_page_error():
    with pytest.raises(PageError, match="no main text"):
        read_page("<html><head><script>var price = '$5';</script></head><body><nav>Home</nav></body></html>")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2025-03-01T23:30:00-05:00">', date(2025, 3, 1)),
        (
            '<script type="application/ld+json">{"@graph": [{"datePublished": "2024-11-05"}]}</script>',
            date(2024, 11, 5),
        ),
        ('<meta name="pubdate" content="2023-07-09">', date(2023, 7, 9)),
        ('<meta property="article:modified_time" content="2025-03-01">', None),  # an update is no publication
        ("<title>© 2019 Wire</title>", None),
    ],
    ids=["og", "json-ld", "pubdate", "modified-only", "copyright"],
)
def test_page_metadata_dates(head, expected):
    assert page_date(parse(f"<html><head>{head}</head><body><p>x</p></body></html>")) == expected


def test_dates_from_urls_and_datelines_never_from_a_copyright_line():
    assert url_date("https://news.example.com/2025/03/01/catl-plant") == date(2025, 3, 1)
    assert url_date("https://news.example.com/energy/20240229-story.html") == date(2024, 2, 29)
    assert url_date("https://news.example.com/2025/13/01/x") is None and url_date("https://x.com/2025/03/x") is None
    assert text_date("SEOUL, March 3, 2025 (Yonhap) -- LG said") == date(2025, 3, 3)
    assert text_date("BERLIN, 4 Feb. 2026 -- Kessler") == date(2026, 2, 4)
    assert text_date("SEOUL, Oct. 30 (Yonhap) -- LG said") is None  # no year: not guessed
    assert text_date("© March 3, 2019 Wire Corp. All rights reserved.") is None
    assert text_date("Intro line.\nMarch 3, 2025 -- later") is None  # only the dateline counts


def test_the_date_comes_from_the_first_source_that_has_one():
    assert resolve(date(2025, 1, 1), date(2024, 1, 1), "/2023/01/01/", "") == (date(2025, 1, 1), "input")
    assert resolve(None, date(2024, 1, 1), "/2023/01/01/", "") == (date(2024, 1, 1), "html")
    assert resolve(None, None, "https://x.com/2023/01/02/a", "May 1, 2022") == (date(2023, 1, 2), "url")
    assert resolve(None, None, None, "May 1, 2022 -- CATL") == (date(2022, 5, 1), "text")
    assert resolve(None, None, "https://x.com/a", "CATL said") == (None, "none")


@pytest.mark.parametrize(
    ("page", "skipped"),
    [
        (b"<p>The home side won 3-1 after a late goal.</p>", True),
        (b"<p>Rain expected; ah, the weekend.</p>", True),  # 'ah' is no unit
        (b"<p>A 40 GWh plant.</p>", False),
        (b"<nav>Batteries</nav><p>Rain expected.</p>", False),  # raw bytes pass; the main text decides
    ],
    ids=["sport", "interjection", "unit", "nav-keyword"],
)
def test_the_raw_byte_gate(page, skipped):
    assert (raw_reason(page) is not None) is skipped


def test_the_text_gate_needs_a_keyword_in_the_main_text_and_english():
    assert text_reason("Rain is expected this weekend, with a car show on Sunday.").startswith(
        "not battery or EV news: 0 keyword(s)"
    )
    assert text_reason("Shares of CATL rose 6 percent.") is None  # a cell maker's name counts
    assert text_reason("The catl show.") is not None  # names count in their own case only
    assert text_reason(ARTICLE) is None
    german = "Der Batteriehersteller baut eine Fabrik mit 40 GWh Kapazität und Lithium-Zellen aus Nickel in Sachsen."
    assert text_reason(german) == "not in English (language identified: de)"
