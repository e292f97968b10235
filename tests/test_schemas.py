"""The JSON Schemas under schemas/ are generated from the records and must be current."""

from __future__ import annotations

import json
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


def test_a_changed_record_schema_has_a_new_version():
    """The records are a contract: a change to them needs a new SCHEMA_VERSION, its fingerprint in
    schemas/versions.json and a CHANGELOG entry; a released version's fingerprint never changes."""
    from pipeline.records import SCHEMA_VERSION
    from pipeline.schemas import VERSIONS, current_fingerprint

    versions = json.loads((SCHEMA_DIR / VERSIONS).read_text(encoding="utf-8"))
    assert SCHEMA_VERSION in versions, f"add {SCHEMA_VERSION}: {current_fingerprint()} to schemas/{VERSIONS}"
    assert versions[SCHEMA_VERSION] == current_fingerprint(), (
        f"the record schema changed under version {SCHEMA_VERSION}: bump SCHEMA_VERSION in records.py, "
        f"add the new version with `python -m pipeline schemas --fingerprint` to schemas/{VERSIONS} "
        "and say what changed in CHANGELOG.md"
    )
    assert len(set(versions.values())) == len(versions), "two versions with one schema"
    assert f"## {SCHEMA_VERSION}" in (SCHEMA_DIR.parent / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_fingerprint_ignores_only_the_version_number():
    from pipeline.schemas import fingerprint

    schema = SCHEMAS["article_record.schema.json"].model_json_schema(mode="serialization")
    other = json.loads(json.dumps(schema))
    other["properties"]["schema_version"]["default"] = "9.9.9"
    assert fingerprint(other) == fingerprint(schema)
    other["properties"]["article_id"]["description"] = "changed"
    assert fingerprint(other) != fingerprint(schema)
