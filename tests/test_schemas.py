"""The JSON Schemas under schemas/ are generated from the records and must be current."""

from __future__ import annotations

from pathlib import Path

from pipeline.schemas import SCHEMAS, stale_schemas, write_schemas

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"


def test_committed_schemas_are_current():
    assert stale_schemas(SCHEMA_DIR) == [], "run `python -m pipeline schemas` and commit the result"


def test_check_notices_a_stale_file(tmp_path):
    write_schemas(tmp_path)
    name = next(iter(SCHEMAS))
    (tmp_path / name).write_text("{}\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == [name]


def test_amounts_are_numbers_in_the_record_schema():
    schema = SCHEMAS["article_record.schema.json"].model_json_schema(mode="serialization")
    amount = schema["$defs"]["Money"]["properties"]["amount"]

    def types(node):
        return {node["type"]} if "type" in node else set().union(*(types(o) for o in node.get("anyOf", [])))

    assert types(amount) == {"integer", "number", "null"}


def test_the_tables_description_lists_every_column_of_every_table():
    from pipeline.batch.tables import SCHEMAS as TABLES
    from pipeline.schemas import render_tables

    text = render_tables()
    for table, schema in TABLES.items():
        section = text.split(f"## `{table}`", 1)[1].split("\n## ", 1)[0]
        assert [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")] == schema.names


def test_the_tables_description_is_checked_like_the_schemas(tmp_path):
    write_schemas(tmp_path)
    (tmp_path / "tables.md").write_text("# old\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["tables.md"]
