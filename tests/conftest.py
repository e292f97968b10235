"""Shared fixtures: pipelines are built once per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pytest

from pipeline import extract
from pipeline.records import ArticleRecord

RULES_ONLY = "blank"


def project(records: Iterable[Any], keys: Iterable[str]) -> list[dict[str, Any]]:
    """The chosen fields of each record, for comparison with a table row."""
    keys = list(keys)
    return [{key: getattr(record, key) for key in keys} for record in records]


@pytest.fixture(scope="session")
def run_rules() -> Callable[..., ArticleRecord]:
    """Extract with the rules only (``spacy.blank("en")``): fast, no statistical model."""

    def run(text: str, published: date | str | None = None) -> ArticleRecord:
        return extract(text, article_id="t", published=published, model=RULES_ONLY)

    return run


@pytest.fixture(scope="session")
def run_model() -> Callable[..., ArticleRecord]:
    """Extract with the default English model (NER and parser)."""

    def run(text: str, published: date | str | None = None) -> ArticleRecord:
        return extract(text, article_id="t", published=published)

    return run
