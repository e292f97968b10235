"""The Parquet tables of a batch run: an explicit Arrow schema per table, and the rows of one record.

Each list of ``ArticleRecord`` is a table whose columns are derived from the record model: one per
field, in declaration order, typed from its annotation; ``article_id`` is the key of every table.
Amounts are ``decimal128(38, 6)`` (exact; an amount with more than 6 decimal places or 32 integer
digits is refused rather than rounded), years ``int16``, dates ``date32``, offsets ``int64``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from pipeline.records import SCHEMA_VERSION, ArticleRecord, item_models, marks

AMOUNT = pa.decimal128(38, 6)
AMOUNT_SCALE = 6
METADATA = {b"battery_extract.schema_version": SCHEMA_VERSION.encode()}


def _required(name: str, kind: pa.DataType) -> pa.Field:
    return pa.field(name, kind, nullable=False)


PYTHON_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    Decimal: AMOUNT,
    dt.date: pa.date32(),
}
STORAGE = {"int16": pa.int16()}


def _arrow_type(annotation: object) -> tuple[pa.DataType, bool]:
    """The Arrow type of a field's Python type, and whether it may be null."""
    if get_origin(annotation) is Annotated:
        return _arrow_type(get_args(annotation)[0])
    if get_origin(annotation) in {Union, UnionType}:
        kinds = [arg for arg in get_args(annotation) if arg is not type(None)]
        kind, _ = _arrow_type(kinds[0])
        return kind, len(kinds) < len(get_args(annotation))
    if get_origin(annotation) is Literal:
        return pa.string(), False
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return pa.list_(pa.field("element", pa.struct(columns(item)), False)), False
    return PYTHON_TYPES[annotation], False


def columns(model: type[BaseModel]) -> list[pa.Field]:
    """One column per field of ``model``, in declaration order, typed from the field's annotation
    (narrowed by its ``storage`` mark); non-optional fields are not nullable."""
    fields = []
    for name, info in model.model_fields.items():
        kind, nullable = _arrow_type(info.annotation)
        mark = marks(model)[name]
        fields.append(pa.field(mark.name or name, STORAGE[mark.storage] if mark.storage else kind, nullable=nullable))
    return fields


KEY = _required("article_id", pa.string())
# The record lists of an article, each a table of its own, named after the list.
ITEMS = item_models()
LISTS = tuple(ITEMS)

# Record field -> column name, per table (a field's ``name`` mark renames its column).
COLUMN_NAMES = {
    table: {name: mark.name or name for name, mark in marks(model).items()} for table, model in ITEMS.items()
}

# The articles table: one row per article that was extracted, with what the input said about it.
# (name, type, required, description): the one declaration of its columns, also documented in
# schemas/tables.md.
ARTICLE_COLUMNS: tuple[tuple[str, pa.DataType, bool, str], ...] = (
    ("article_id", pa.string(), True, "The article's identifier: the key of every table."),
    ("input", pa.string(), True, "The input it was read from (a file, with the line or row where it has one)."),
    ("published", pa.date32(), False, "Publication date, if known."),
    ("published_from", pa.string(), True, "Where the date came from: input, html, url, text or none."),
    ("title", pa.string(), False, "Title, if the input gave one."),
    ("url", pa.string(), False, "Address of the page, if the input gave one."),
    ("source", pa.string(), False, "Source or outlet, if the input gave one."),
    ("site", pa.string(), False, "Site name of a web page (og:site_name, else the URL's host)."),
    ("text", pa.string(), True, "The article's text: every record's offsets point into it (a page's main text)."),
    ("characters", pa.int64(), True, "Length of the text in characters."),
    ("replaced_controls", pa.int32(), True, "Control characters replaced by spaces (offsets are kept)."),
    *((name, pa.int32(), True, f"Number of rows of the article in the `{name}` table.") for name in LISTS),
    ("schema_version", pa.string(), True, "Version of the record schema the rows follow."),
)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [pa.field(name, kind, nullable=not required) for name, kind, required, _ in ARTICLE_COLUMNS],
        metadata=METADATA,
    ),
    **{name: pa.schema([KEY, *columns(model)], metadata=METADATA) for name, model in ITEMS.items()},
}


def check_amount(value: Decimal | None) -> None:
    """ValueError unless ``value`` fits ``decimal128(38, 6)`` exactly."""
    if value is None:
        return
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"amount {value} is not a finite number")
    if not any(digits):
        return
    significant = list(digits)
    while exponent < 0 and len(significant) > 1 and significant[-1] == 0:
        significant.pop()
        exponent += 1
    if exponent < -AMOUNT_SCALE:
        raise ValueError(f"amount {value} has more than {AMOUNT_SCALE} decimal places")
    if len(significant) + exponent > 38 - AMOUNT_SCALE:
        raise ValueError(f"amount {value} has more than {38 - AMOUNT_SCALE} integer digits")


def list_rows(record: ArticleRecord) -> dict[str, list[dict[str, Any]]]:
    """The rows of each of ``record``'s lists (not the articles table, which needs the input)."""
    data = record.model_dump()
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in LISTS:
        columns = COLUMN_NAMES[table]
        rows[table] = [
            {"article_id": record.article_id, **{column: item[name] for name, column in columns.items()}}
            for item in data[table]
        ]
    for money in rows["money"]:
        for name in ("amount", "min", "max"):
            check_amount(money[name])
    return rows


def table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of the declared schema (an empty list gives an empty table)."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
