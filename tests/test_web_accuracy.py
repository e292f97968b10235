"""The corpus articles wrapped as web pages (navigation, scripts with prices, a cookie banner,
related articles, a copyright footer, og:/JSON-LD dates) score as the plain texts do: the records
of the page's main text, mapped back onto the article, give strict F1 within 0.01 of the text run."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch.pieces import OFFSETS
from pipeline.batch.webgen import page_html
from pipeline.evaluate import ArticleResult, Report, evaluate, load_corpus
from pipeline.extraction import Article, process
from pipeline.records import ArticleRecord
from pipeline.scoring import MODES, compare_article
from pipeline.web.html import decode_page, read_page

CORPUS = Path(__file__).parent.parent / "corpus"


def offset_map(page_text: str, article: str) -> dict[int, int]:
    """Offsets of the page text that are characters of the article, to the article's offsets."""
    matcher = SequenceMatcher(None, page_text, article, autojunk=False)
    return {a + n: b + n for a, b, size in matcher.get_matching_blocks() for n in range(size)}


def mapped(value: Any, places: dict[int, int]) -> Any:
    """A dumped record with every offset moved from the page text onto the article."""
    if isinstance(value, list):
        return [mapped(item, places) for item in value]
    if not isinstance(value, dict):
        return value
    moved = {}
    for key, item in value.items():
        if key in OFFSETS and isinstance(item, int):
            moved[key] = places.get(item - 1, -2) + 1 if key.endswith("end") else places.get(item, -1)
        else:
            moved[key] = mapped(item, places)
    return moved


@pytest.fixture(scope="module")
def page_report() -> Report:
    corpus = load_corpus(CORPUS)
    pages = []
    for article, gold in corpus:
        markup = page_html(article.text, f"Industry news {gold.article_id}", gold.published).encode("utf-8")
        pages.append(read_page(decode_page(markup, "text/html; charset=utf-8")))
    assert all(page.published == gold.published for page, (_, gold) in zip(pages, corpus, strict=True))
    report = Report()
    articles = [Article(a.article_id, page.text, page.published) for page, (a, _) in zip(pages, corpus, strict=True)]
    for page, (article, gold), (doc, record) in zip(pages, corpus, process(articles), strict=True):
        places = offset_map(page.text, article.text)
        predicted = ArticleRecord.model_validate(mapped(record.model_dump(), places))
        report.add(ArticleResult(gold, predicted, doc, {m: compare_article(gold, predicted, m) for m in MODES}))
    return report


def test_the_corpus_as_web_pages_scores_within_0_01_of_the_text_run(page_report):
    text_run = evaluate(CORPUS).scores["strict"]
    for row in ("organizations", "capacities", "money", "target_years", "overall"):
        assert abs(page_report.scores["strict"][row].f1 - text_run[row].f1) <= 0.01, row
