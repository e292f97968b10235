"""batch --records jsonl|jsonl.gz|none and --sentences/--no-sentences: what lands in the output folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import ArticleRecord

TEXTS = [
    "Harrow Motors Inc. plans a 40 GWh plant by 2028 costing $1.2bn. Harrow Motors Inc. said so on Monday.",
    "Kessler Elektrochemie GmbH will raise €180m for a 5 GWh line, with output from 2027.",
]


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    return path


def run(news: Path, out: Path, *options: str):
    return CliRunner().invoke(app, ["batch", str(news), "--out", str(out), "--model", "blank", *options])


def keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    return {k for v in value for k in keys(v)} if isinstance(value, list) else set()


def test_no_sentences_leaves_them_out_of_records_and_tables(news, tmp_path):
    full, lean = tmp_path / "full", tmp_path / "lean"
    assert run(news, full).exit_code == 0
    result = run(news, lean, "--no-sentences", "--records", "jsonl.gz")
    assert result.exit_code == 0, result.output
    assert not (lean / "records.jsonl").exists()
    lines = gzip.decompress((lean / "records.jsonl.gz").read_bytes()).decode("utf-8").splitlines()
    with_sentences = (full / "records.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(with_sentences) == 2
    for line, other in zip(lines, with_sentences, strict=True):
        assert "sentence" not in keys(json.loads(line)) and "sentence" in keys(json.loads(other))
        lean_record, full_record = ArticleRecord.model_validate_json(line), ArticleRecord.model_validate_json(other)
        assert lean_record.capacities and lean_record.capacities[0].sentence is None
        stripped = json.loads(full_record.model_dump_json(exclude={"capacities": {"__all__": {"sentence"}}}))
        assert json.loads(lean_record.model_dump_json(exclude={"capacities": {"__all__": {"sentence"}}}))[
            "capacities"] == stripped["capacities"]  # fmt: skip
        assert len(line) < len(other)
    capacities = pq.read_table(lean / "capacities").to_pylist()
    assert capacities and all(row["sentence"] is None for row in capacities)
    mentions = [m for row in pq.read_table(lean / "organizations").to_pylist() for m in row["mentions"]]
    assert mentions and all(m["sentence"] is None for m in mentions)
    assert pq.read_table(lean / "capacities").schema == pq.read_table(full / "capacities").schema


def test_records_none_writes_the_tables_only(news, tmp_path):
    out = tmp_path / "out"
    result = run(news, out, "--records", "none")
    assert result.exit_code == 0, result.output
    assert not (out / "records.jsonl").exists() and not (out / "records.jsonl.gz").exists()
    assert pq.read_table(out / "articles").num_rows == 2
    assert json.loads((out / "manifest.json").read_text("utf-8"))["counts"]["ok"] == 2


def test_an_unknown_records_format_is_a_one_line_usage_error(news, tmp_path):
    result = run(news, tmp_path / "out", "--records", "csv")
    assert result.exit_code == 2
    assert "--records 'csv'" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_job_keeps_its_sentence_setting(news, tmp_path):
    out = tmp_path / "out"
    assert run(news, out, "--no-sentences").exit_code == 0
    result = run(news, out)  # the same folder with sentences: another job
    assert result.exit_code == 2 and "sentences" in result.stderr
