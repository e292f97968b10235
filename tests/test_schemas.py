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
