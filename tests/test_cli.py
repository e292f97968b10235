"""The command line: JSON out, one-line errors naming the input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

ARTICLE = "Automaker Harrow Motors Inc. plans a 40 GWh plant by 2028 costing $1.2bn."


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harrow.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_prints_one_record_as_json(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--model", "blank", "--published", "2025-01-02"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article_id"] == "harrow" and record["published"] == "2025-01-02"
    assert [c["text"] for c in record["capacities"]] == ["40 GWh"]
    assert record["money"][0]["amount"] == 1200000000
    assert [o["name"] for o in record["organizations"]] == ["Harrow Motors Inc."]


def test_extract_reads_standard_input_with_an_id(runner):
    result = runner.invoke(app, ["extract", "-", "--id", "wire-1", "--model", "blank"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article_id"] == "wire-1"


def test_several_files_give_one_line_each(runner, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Nothing to see.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), str(other), "--model", "blank"])
    assert result.exit_code == 0
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["harrow", "other"]


def test_missing_file_is_a_one_line_error_naming_it(runner, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(missing), "--model", "blank"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {missing}: no such file"


def test_non_utf8_file_is_a_one_line_error(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kessler Elektrochemie GmbH plant in Sömmerda".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path), "--model", "blank"])
    assert result.exit_code == 1
    assert str(path) in result.stderr and "not UTF-8" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("date", ["2025-13-01", "yesterday", "01/02/2025"])
def test_invalid_date_is_a_usage_error(runner, article, date):
    result = runner.invoke(app, ["extract", str(article), "--published", date, "--model", "blank"])
    assert result.exit_code == 2
    assert date in result.stderr


def test_unknown_model_is_a_usage_error(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 2
    assert "en_core_web_nonexistent" in result.stderr


def test_schemas_check_passes_on_the_committed_files(runner):
    result = runner.invoke(app, ["schemas", "--check", "--dir", str(Path(__file__).parent.parent / "schemas")])
    assert result.exit_code == 0, result.output


def test_evaluate_prints_the_table_and_writes_json_and_html(runner, tmp_path):
    corpus = Path(__file__).parent.parent / "corpus"
    for name in ("000_0f55cbc97369d058.txt", "000_0f55cbc97369d058.gold.json"):
        (tmp_path / name).write_bytes((corpus / name).read_bytes())
    scores, page = tmp_path / "scores.json", tmp_path / "report.html"
    args = ["evaluate", str(tmp_path), "--model", "blank", "--json", str(scores), "--html", str(page), "--errors"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "strict" in result.stdout and "lenient" in result.stdout and "overall" in result.stdout
    data = json.loads(scores.read_text(encoding="utf-8"))
    assert data["articles"] == 1 and set(data["strict"]) >= {"organizations", "capacities", "money", "target_years"}
    assert data["strict"]["capacities"]["tp"] == 3
    html = page.read_text(encoding="utf-8")
    assert "<mark" in html and "000_0f55cbc97369d058" in html and html.count("class='side'") == 2


def test_evaluate_without_gold_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--model", "blank"])
    assert result.exit_code == 2 and "no gold articles" in result.stderr


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_an_unknown_blas_setting_is_a_usage_error_that_names_it(runner, article, tmp_path, monkeypatch, command):
    monkeypatch.setenv("BATTERY_EXTRACT_BLAS", "mkl")
    args = [command, str(article), "--model", "blank"]
    if command == "batch":
        args += ["--out", str(tmp_path / "out")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "BATTERY_EXTRACT_BLAS='mkl': expected one of numpy, blis" in result.stderr
    assert not (tmp_path / "out").exists()  # the batch job stops before it starts
