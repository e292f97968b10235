"""The benchmark's parts: generated articles, rates and the printed table (no timing is asserted)."""

from __future__ import annotations

from io import StringIO

import pytest

from pipeline.batch.bench import format_report, speed
from pipeline.batch.progress import Progress
from pipeline.batch.textgen import ArticleGenerator
from pipeline.extraction import Article, extract


def test_generated_articles_are_reproducible_and_full_of_facts():
    first, again = list(ArticleGenerator(4).records(5)), list(ArticleGenerator(4).records(5))
    assert first == again and len({record["id"] for record in first}) == 5
    record = extract(str(first[0]["text"]), model="blank", published=str(first[0]["published"]))
    assert record.organizations and (record.capacities or record.money or record.target_years)


def test_a_long_article_is_at_least_the_size_asked():
    assert 100_000 <= len(ArticleGenerator(1).text_of_size(100_000)) < 110_000


def test_rates_are_per_second_of_articles_and_words():
    rates = speed(2.0, [Article("a", "one two three"), Article("b", "four five six seven eight")])
    assert rates == {"seconds": 2.0, "articles_per_s": 1.0, "words_per_s": 4.0}


RATES = {"seconds": 10.0, "articles_per_s": 20.0, "words_per_s": 2600.0}
NAMES = ["full", "bare_model", "rules_only", "one_worker", "workers", "long_article", "long_article_rules_only"]


def a_report() -> dict:
    """A report as written before the bare model was also measured with the extraction's products."""
    return {
        "settings": {"workers": 2},
        "cpus": 2,
        "full": RATES,
        "bare_model": {**RATES, "articles_per_s": 40.0},
        "rules_only": RATES,
        "one_worker": {**RATES, "articles_per_s": 19.0},
        "workers": {**RATES, "articles_per_s": 36.0},
        "long_article": {"characters": 100_123, "words": 15_000, "seconds": 3.0},
        "long_article_rules_only": {"characters": 100_123, "words": 15_000, "seconds": 0.5},
        "rounds": {name: [1000.0, 3000.0, 2000.0] for name in NAMES},
        "full_vs_bare": 0.5,
        "full_vs_bare_median": 0.45,
        "speed_up": 1.8,
        "speed_up_median": 1.7,
        "memory": [{"articles": 1000, "peak_rss_mb": 301.4, "seconds": 60.0}],
    }


def test_the_report_is_a_table_with_the_ratios_and_memory_peaks():
    report = a_report()
    lines = format_report(report).splitlines()
    assert lines[0].split() == ["measure", "(best", "round)", "articles/s", "words/s", "seconds", "median", "words/s"]
    assert lines[2].split() == ["full", "extraction", "20.0", "2600", "10.0", "2000"]
    assert lines[5].split() == ["batch", "job,", "1", "worker", "19.0", "2600", "10.0", "2000"]
    assert lines[7].split() == ["one", "100", "KB", "article", "5000", "3.00", "2000"]
    assert lines[8].split() == ["one", "100", "KB", "article,", "rules", "only", "30000", "0.50", "2000"]
    assert "0.50 of the bare model's speed (median within rounds 0.45)" in lines[10]
    assert "2 workers: 1.80x on 2 CPUs (median within rounds 1.70x)" in lines[11]
    assert lines[12] == "peak memory of a batch run over 1000 articles: 301 MB (60 s)"


@pytest.mark.parametrize("bar", [True, False], ids=["terminal", "log"])
def test_progress_shows_articles_rate_and_eta(bar):
    stream = StringIO()
    progress = Progress(total=10, stream=stream, bar=bar)
    progress.advance(4)
    progress.close()
    shown = stream.getvalue()
    assert "4/10" in shown and ("article/s" in shown or "articles/s" in shown)


def test_bare_model_of_a_rules_only_bench_is_the_blank_tokenizer():
    from pipeline.batch.bench import bare_model

    articles = [Article(str(n), text) for n, text in enumerate(["CATL plans 40 GWh by 2030."] * 3)]
    rates = bare_model(articles, "blank", batch_size=2)
    assert rates["articles_per_s"] > 0


def test_both_sides_are_warmed_up_on_articles_that_load_every_table():
    """The warm-up builds what the first articles would (units, currencies, places): its articles
    hold capacities, amounts and years, and are none of the measured ones."""
    from pipeline.batch.bench import warm_up_articles

    warm = warm_up_articles()
    records = [extract(article.text, model="blank") for article in warm]
    assert all(any(getattr(r, kind) for r in records) for kind in ("capacities", "money", "target_years"))
    measured = {str(record["text"]) for record in ArticleGenerator(1000).records(50)}
    assert not measured.intersection(article.text for article in warm)


def test_the_bare_model_is_loaded_once_like_the_extraction_pipeline():
    from pipeline.batch.bench import bare_pipeline

    assert bare_pipeline("blank") is bare_pipeline("blank")


def test_the_report_gives_the_cost_of_the_rules_against_the_model_with_the_same_products():
    report = a_report() | {"full_vs_bare": 1.2, "full_vs_bare_median": 1.15, "memory": []}
    report |= {"full_vs_same_products": 0.91, "full_vs_same_products_median": 0.9}
    report["bare_same_products"] = {**RATES, "articles_per_s": 22.0}
    report["rounds"] = {**report["rounds"], "bare_same_products": [1000.0, 3000.0, 2000.0]}
    lines = format_report(report).splitlines()
    assert lines[4].split() == ["bare", "model,", "our", "matrix", "products", "22.0", "2600", "10.0", "2000"]
    assert "1.20 of the bare model's speed (median within rounds 1.15)" in lines[11]
    assert lines[12] == (
        "full extraction / bare model with the same matrix products: 0.91 (median within rounds 0.90): "
        "the cost of the rules alone"
    )
