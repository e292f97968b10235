"""JSON Schemas of the output record and of the gold format, generated from the pydantic models, and
``tables.md``, the description of the batch job's Parquet tables, generated from the same models."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel

from pipeline.gold import GoldArticle
from pipeline.records import SCHEMA_VERSION, ArticleRecord

SCHEMAS: dict[str, type[BaseModel]] = {
    "article_record.schema.json": ArticleRecord,
    "gold_article.schema.json": GoldArticle,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


TABLES_DOC = "tables.md"
GENERATED = "Generated from `pipeline/records.py` by `python -m pipeline schemas`; do not edit."
JOINS = """Every table has `article_id`, the key of the `articles` table. Rows of `capacities`, `money` and
`target_years` are keyed within an article by `start` (the character offset of the item), which
the `facts` table refers to; `organizations.organization_id` and `facts.organization_id` are the
gazetteer's stable ids, the same in every article (null where the gazetteer does not know the
organization: use `name` then)."""


def _rendered() -> dict[str, str]:
    return {**{name: render(model) for name, model in SCHEMAS.items()}, TABLES_DOC: render_tables()}


def render_tables() -> str:
    """The Parquet tables of a batch run as Markdown: every column with its Arrow type, whether it
    may be null, and the description of the record field it holds."""
    from pipeline.batch.tables import ARTICLE_COLUMNS, COLUMN_NAMES, ITEMS
    from pipeline.batch.tables import SCHEMAS as TABLES

    lines = [f"# Parquet tables (record schema {SCHEMA_VERSION})", "", GENERATED, "", JOINS, ""]
    described = {"articles": {name: text for name, _, _, text in ARTICLE_COLUMNS}}
    for table, model in ITEMS.items():
        fields = model.model_fields
        described[table] = {"article_id": "The article's identifier."} | {
            column: (fields[name].description or "").replace("|", "\\|") for name, column in COLUMN_NAMES[table].items()
        }
    for table, schema in TABLES.items():
        lines += [f"## `{table}`", "", "| column | type | null | description |", "|---|---|---|---|"]
        for field in schema:
            kind = str(field.type).replace("|", "\\|").replace("\n", " ")
            if len(kind) > 60:
                kind = kind.split("<", 1)[0] + "<…>"
            null, text = "yes" if field.nullable else "no", described[table].get(field.name, "")
            lines.append(f"| `{field.name}` | {kind} | {null} | {text} |")
        lines.append("")
    return "\n".join(lines)


VERSIONS = "versions.json"


def fingerprint(schema: dict) -> str:
    """A digest of a record schema, its own version number aside: what a version promises."""
    schema = json.loads(json.dumps(schema))
    schema.get("properties", {}).get("schema_version", {}).pop("default", None)
    text = json.dumps(schema, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_fingerprint() -> str:
    return fingerprint(ArticleRecord.model_json_schema(mode="serialization"))


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file and the tables' description; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in _rendered().items():
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    return written


def stale_schemas(directory: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, text in _rendered().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
