"""Batch Parquet tables: one column per record field, explicit types that survive a round trip."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import extract
from pipeline.batch.tables import LISTS, SCHEMAS, check_amount, list_rows, table
from pipeline.records import ArticleRecord, Capacity, Fact, Money, Organization, TargetYear

ARTICLE = (
    "Harrow Motors Inc. will invest $1.2bn (€1.1 billion) in a 40 GWh plant by 2028. "
    "Harrow Motors also plans 20-40 Ah cells next year."
)
FIELDS = {"organizations": Organization, "capacities": Capacity, "money": Money, "target_years": TargetYear}
FIELDS["facts"] = Fact


def test_every_list_of_the_record_has_a_table():
    lists = [name for name, field in ArticleRecord.model_fields.items() if str(field.annotation).startswith("list[")]
    assert lists == list(LISTS) == SCHEMAS["articles"].names[11:-1]


@pytest.mark.parametrize("name", LISTS)
def test_every_record_field_has_a_column(name):
    renamed = {"id": "organization_id"} if name == "organizations" else {}
    assert SCHEMAS[name].names == ["article_id", *(renamed.get(f, f) for f in FIELDS[name].model_fields)]


def test_organization_ids_join_the_organizations_and_facts_tables():
    record = extract("CATL will build a 40 GWh plant by 2030, CATL said.", article_id="ids")
    rows = list_rows(record)
    assert [row["organization_id"] for row in rows["organizations"]] == ["catl"]
    assert rows["organizations"][0]["kind"] == "battery_maker" and rows["organizations"][0]["country"] == "CN"
    assert {row["organization_id"] for row in rows["facts"]} == {"catl"}


def test_types_are_exact_and_explicit():
    assert SCHEMAS["money"].field("amount").type == pa.decimal128(38, 6)
    assert SCHEMAS["target_years"].field("year").type == pa.int16()
    assert SCHEMAS["articles"].field("published").type == pa.date32()
    mention = SCHEMAS["organizations"].field("mentions").type.value_type
    assert [field.name for field in mention] == ["text", "start", "end", "sentence"]


@pytest.mark.parametrize("name", SCHEMAS)
def test_an_empty_part_keeps_its_schema_through_parquet(tmp_path, name):
    pq.write_table(table(name, []), tmp_path / "part.parquet")
    assert pq.read_table(tmp_path / "part.parquet").schema.equals(SCHEMAS[name], check_metadata=True)


def test_a_record_round_trips_through_parquet(tmp_path):
    record = extract(ARTICLE, article_id="rt", published=date(2025, 3, 1), model="blank")
    rows = list_rows(record)
    assert {name: len(rows[name]) for name in LISTS} == {
        "organizations": len(record.organizations),
        "capacities": len(record.capacities),
        "money": len(record.money),
        "target_years": len(record.target_years),
        "facts": len(record.facts),
    }
    assert rows["money"] and rows["capacities"] and rows["target_years"]
    for name in LISTS:
        pq.write_table(table(name, rows[name]), tmp_path / f"{name}.parquet")
        assert pq.read_table(tmp_path / f"{name}.parquet").to_pylist() == rows[name]
    back = pq.read_table(tmp_path / "money.parquet").to_pylist()
    assert back[0]["amount"] == Decimal("1200000000") and back[0]["min"] is None


@pytest.mark.parametrize(
    ("amount", "fits"),
    [
        (Decimal("2500000000"), True),
        (Decimal("0.000001"), True),
        (Decimal("1.50000000"), True),
        (Decimal("0E-9"), True),
        (Decimal("1E+31"), True),
        (Decimal("0.0000001"), False),
        (Decimal("1E+32"), False),
        (Decimal("NaN"), False),
    ],
    ids=str,
)
def test_amounts_that_do_not_fit_decimal128_are_refused_not_rounded(amount, fits):
    if fits:
        check_amount(amount)
        table("money", [{"article_id": "a", "text": "x", "start": 0, "end": 1, "amount": amount, "currency": "USD"}])
    else:
        with pytest.raises(ValueError, match="amount"):
            check_amount(amount)
