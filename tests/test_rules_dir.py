"""A user's rules directory (--rules, rules_dir=): organizations, units and currencies that extend or
override the shipped rules, checked with the shipped files' checks, one-line errors naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import RulesError, extract
from pipeline.batch.engines import PoolEngine
from pipeline.batch.entries import Extracted
from pipeline.cli import app
from pipeline.extraction import Article
from pipeline.nlp import load_pipeline
from pipeline.resources import active_rules
from pipeline.rules_dir import resolve_rules

RULES_ONLY = "blank"
ZORVEX = {
    "id": "zorvex_cells", "name": "Zorvex Cells GmbH", "aliases": ["Zorvex"], "kind": "battery_maker", "country": "DE"
}
ARTICLE = "Zorvex said on Monday it will build a 12 GWh plant by 2028."
UNITS = '[units.GWh]\nsymbols = ["GWhr"]  # a spelling of our trade press\n'
CURRENCIES = "[words]\nbolivars = \"VES\"\n"


def write_rules(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def gazetteer(*entries: dict) -> str:
    return "".join(json.dumps(entry) + "\n" for entry in entries)


@pytest.fixture()
def rules(tmp_path: Path) -> Path:
    files = {"organizations.jsonl": gazetteer(ZORVEX), "units.toml": UNITS, "currencies.toml": CURRENCIES}
    return write_rules(tmp_path / "rules", files)


def ids(record) -> dict[str, tuple]:
    return {o.name: (o.id, o.kind, o.country) for o in record.organizations}


def test_a_user_gazetteer_entry_is_found_with_its_id_kind_and_country(rules):
    assert "Zorvex" not in ids(extract(ARTICLE, model=RULES_ONLY))
    record = extract(ARTICLE, model=RULES_ONLY, rules_dir=rules)
    assert ids(record)["Zorvex"] == ("zorvex_cells", "battery_maker", "DE")


def test_the_shipped_rules_come_back_without_the_directory(rules):
    extract(ARTICLE, model=RULES_ONLY, rules_dir=rules)
    assert "Zorvex" not in ids(extract(ARTICLE, model=RULES_ONLY))
    assert active_rules() is None


def test_a_user_entry_overrides_the_shipped_entry_of_its_id(tmp_path):
    catl = {"id": "catl", "name": "CATL Group", "aliases": ["CATL"], "kind": "materials", "country": "HK"}
    folder = write_rules(tmp_path / "r", {"organizations.jsonl": gazetteer(catl)})
    record = extract("CATL will open a 40 GWh plant by 2027.", model=RULES_ONLY, rules_dir=folder)
    assert ids(record)["CATL"] == ("catl", "materials", "HK")


def test_user_units_and_currencies_extend_the_shipped_ones(rules):
    text = "CATL plans 40 GWhr of cells by 2030. The state will spend 5 billion bolivars on it."
    plain = extract(text, model=RULES_ONLY)
    assert plain.capacities == [] and plain.money == []
    record = extract(text, model=RULES_ONLY, rules_dir=rules)
    assert [(c.text, c.unit, c.normalized_value) for c in record.capacities] == [("40 GWhr", "GWh", 4e10)]
    assert [(m.text, m.currency, int(m.amount)) for m in record.money] == [("5 billion bolivars", "VES", 5 * 10**9)]
    assert [c.text for c in extract("a 5 GWh site", model=RULES_ONLY, rules_dir=rules).capacities] == ["5 GWh"]


def test_pipelines_are_cached_per_model_and_rules_directory(rules):
    assert load_pipeline(RULES_ONLY, rules) is load_pipeline(RULES_ONLY, str(rules))
    assert load_pipeline(RULES_ONLY, rules) is not load_pipeline(RULES_ONLY)
    before = load_pipeline(RULES_ONLY, rules)
    other = {**ZORVEX, "id": "zorvex_energy", "name": "Zorvex Energy AG", "aliases": []}
    (rules / "organizations.jsonl").write_text(gazetteer(ZORVEX, other), encoding="utf-8")
    assert load_pipeline(RULES_ONLY, rules) is not before  # a changed file is another rule set


BAD = [
    ("organizations.jsonl", gazetteer(ZORVEX) + "{not json\n", 2, "Expecting property name"),
    ("organizations.jsonl", gazetteer({**ZORVEX, "kind": "bakery"}), 1, "kind 'bakery' is not one of"),
    ("organizations.jsonl", gazetteer(ZORVEX, {**ZORVEX, "country": "UK"}), 2, "country 'UK' is not an ISO"),
    ("organizations.jsonl", gazetteer({**ZORVEX, "aliases": ["Power"]}), 1, "'Power' is a common word"),
    ("organizations.jsonl", gazetteer({**ZORVEX, "id": "Zorvex-Cells"}), 1, "not lower snake case"),
    ("organizations.jsonl", gazetteer({**ZORVEX, "url": "x"}), 1, "fields must be exactly"),
    ("organizations.jsonl", gazetteer(ZORVEX, ZORVEX), 2, "'zorvex_cells' is already on line 1"),
    ("organizations.jsonl", gazetteer({**ZORVEX, "aliases": ["CATL"]}), 1, "'CATL' names two organizations"),
    ("units.toml", "[units.GWh]\nsymbols = [\"GWhr\"\n", 2, "Unclosed array"),
    ("units.toml", "[units.GWh]\nsymbols = = 1\n", 2, "Invalid value (column 11)"),
    ("units.toml", "# more units\n[units.PWh]\npint = \"petawatt_hour\"\nkind = \"energy\"\n", 2, "'PWh' is not one"),
    ("units.toml", "[units.GWh]\nsymbols = [\"Ah\"]\n", 2, "'Ah' names two units"),
    ("currencies.toml", "[words]\nquatloos = \"QTL\"\n", 2, "'QTL' is not an ISO 4217 currency"),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "reason"),
    BAD,
    ids=[
        "bad-json", "unknown-kind", "bad-country", "common-word", "id-shape", "extra-field", "repeated-id",
        "shipped-surface", "toml-unclosed", "toml-syntax", "unknown-unit", "shared-unit-surface", "unknown-currency",
    ],
)  # fmt: skip
def test_a_broken_rule_file_is_one_line_naming_file_and_line(tmp_path, name, text, line, reason):
    folder = write_rules(tmp_path / "r", {name: text})
    with pytest.raises(RulesError) as raised:
        resolve_rules(folder)
    message = str(raised.value)
    assert "\n" not in message and reason in message
    assert message.startswith(f"{folder / name}, line {line}: ")


def test_a_missing_directory_or_an_unknown_file_is_refused(tmp_path):
    with pytest.raises(RulesError, match="no such rules directory"):
        resolve_rules(tmp_path / "nowhere")
    with pytest.raises(RulesError, match="not a rule file that can be extended"):
        resolve_rules(write_rules(tmp_path / "r", {"unit.toml": UNITS}))
    with pytest.raises(RulesError, match="holds none of the rule files"):
        resolve_rules(write_rules(tmp_path / "empty", {"notes.txt": "x"}))


def test_cli_extract_uses_the_rules_and_refuses_a_broken_file(tmp_path, rules):
    article = tmp_path / "zorvex.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--model", RULES_ONLY, "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    assert [o["id"] for o in json.loads(result.stdout)["organizations"]] == ["zorvex_cells"]
    broken = write_rules(tmp_path / "broken", {"organizations.jsonl": gazetteer({**ZORVEX, "kind": "bakery"})})
    result = CliRunner().invoke(app, ["extract", str(article), "--model", RULES_ONLY, "--rules", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "organizations.jsonl, line 1: kind 'bakery'" in result.stderr


def test_pool_workers_extract_with_the_rules_of_the_run(rules):
    engine = PoolEngine(RULES_ONLY, 4, workers=1, rules=rules)
    try:
        outcome = engine._result(*engine._schedule([Article("z", ARTICLE)], 4))[0]
    finally:
        engine.close()
    assert isinstance(outcome, Extracted)
    assert [o["id"] for o in json.loads(outcome.record_json)["organizations"]] == ["zorvex_cells"]
