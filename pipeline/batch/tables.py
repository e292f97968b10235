"""The Parquet tables of a batch run: an explicit Arrow schema per table, and the rows of one record.

Columns carry the names of the record fields they hold; ``article_id`` is the key of every table.
Amounts are ``decimal128(38, 6)`` (exact; an amount with more than 6 decimal places or 32 integer
digits is refused rather than rounded), years ``int16``, dates ``date32``, offsets ``int64``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pyarrow as pa

from pipeline.records import SCHEMA_VERSION, ArticleRecord

AMOUNT = pa.decimal128(38, 6)
AMOUNT_SCALE = 6
METADATA = {b"battery_extract.schema_version": SCHEMA_VERSION.encode()}


def _required(name: str, kind: pa.DataType) -> pa.Field:
    return pa.field(name, kind, nullable=False)


KEY = _required("article_id", pa.string())
LOCATED = [_required("text", pa.string()), _required("start", pa.int64()), _required("end", pa.int64())]
LOCATED.append(pa.field("sentence", pa.string()))
MENTION = pa.struct(LOCATED)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            KEY,
            _required("input", pa.string()),
            pa.field("published", pa.date32()),
            pa.field("title", pa.string()),
            pa.field("url", pa.string()),
            pa.field("source", pa.string()),
            _required("characters", pa.int64()),
            _required("replaced_controls", pa.int32()),
            *(
                _required(name, pa.int32())
                for name in ("organizations", "capacities", "money", "target_years", "facts")
            ),
            _required("schema_version", pa.string()),
        ],
        metadata=METADATA,
    ),
    "organizations": pa.schema(
        [KEY, _required("name", pa.string()), _required("mentions", pa.list_(pa.field("element", MENTION, False)))],
        metadata=METADATA,
    ),
    "capacities": pa.schema(
        [
            KEY,
            *LOCATED,
            *(pa.field(name, pa.float64()) for name in ("value", "min", "max")),
            _required("unit", pa.string()),
            _required("kind", pa.string()),
            pa.field("qualifier", pa.string()),
            pa.field("rate", pa.string()),
            *(pa.field(name, pa.float64()) for name in ("normalized_value", "normalized_min", "normalized_max")),
            _required("normalized_unit", pa.string()),
        ],
        metadata=METADATA,
    ),
    "money": pa.schema(
        [
            KEY,
            *LOCATED,
            *(pa.field(name, AMOUNT) for name in ("amount", "min", "max")),
            _required("currency", pa.string()),
            pa.field("qualifier", pa.string()),
            pa.field("equivalent_of", pa.int64()),
        ],
        metadata=METADATA,
    ),
    "target_years": pa.schema(
        [
            KEY,
            *LOCATED,
            pa.field("year", pa.int16()),
            pa.field("end_year", pa.int16()),
            pa.field("qualifier", pa.string()),
            _required("relative", pa.bool_()),
        ],
        metadata=METADATA,
    ),
    "facts": pa.schema(
        [
            KEY,
            *LOCATED,
            _required("anchor", pa.string()),
            *(pa.field(name, pa.string()) for name in ("organization", "link", "milestone")),
            pa.field("milestone_start", pa.int64()),
            pa.field("year", pa.int16()),
            pa.field("end_year", pa.int16()),
            *(pa.field(name, pa.string()) for name in ("capacity", "money")),
        ],
        metadata=METADATA,
    ),
}
LISTS = ("organizations", "capacities", "money", "target_years", "facts")


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
        columns = SCHEMAS[table].names[1:]
        rows[table] = [
            {"article_id": record.article_id, **{name: item[name] for name in columns}} for item in data[table]
        ]
    for money in rows["money"]:
        for name in ("amount", "min", "max"):
            check_amount(money[name])
    return rows


def table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of the declared schema (an empty list gives an empty table)."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
