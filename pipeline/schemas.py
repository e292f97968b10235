"""JSON Schemas of the output record and of the gold format, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from pipeline.gold import GoldArticle
from pipeline.records import ArticleRecord

SCHEMAS: dict[str, type[BaseModel]] = {
    "article_record.schema.json": ArticleRecord,
    "gold_article.schema.json": GoldArticle,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        (directory / name).write_text(render(model), encoding="utf-8")
        written.append(directory / name)
    return written


def stale_schemas(directory: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, model in SCHEMAS.items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(model):
            stale.append(name)
    return stale
