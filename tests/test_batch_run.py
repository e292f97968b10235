"""The batch job end to end (rules only, in process): outputs, never losing an input, resume, exit codes."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import __version__, extract
from pipeline.batch.progress import Progress
from pipeline.batch.run import BatchSettings, UsageError, run_batch
from pipeline.batch.store import Store
from pipeline.batch.textgen import ArticleGenerator, write_jsonl
from pipeline.cli import app
from pipeline.records import SCHEMA_VERSION

BAD_LINES = [
    b"{oops",
    b'{"id": "gen-000003", "text": "A second article with the id of the fourth."}',
    b'{"id": "empty", "text": "   "}',
    b'{"id": "surrogate", "text": "bad \\ud800 text"}',
    b'{"id": "date", "text": "CATL plans 40 GWh.", "published": "2025-13-01"}',
    b'{"id": "controls", "text": "CATL\\u0000 plans a 40 GWh\\u001b plant by 2030."}',
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    path = write_jsonl(folder / "news.jsonl", ArticleGenerator(7).records(30))
    with path.open("ab") as stream:
        stream.write(b"\n".join(BAD_LINES) + b"\n")
    texts = folder / "texts"
    texts.mkdir()
    (texts / "harrow.txt").write_text(
        "Harrow Motors Inc. plans a 40 GWh plant by 2028 costing $1.2bn.", encoding="utf-8"
    )
    (texts / "latin.txt").write_bytes("Kessler GmbH in Sömmerda".encode("latin-1"))
    return [str(path), str(texts)]


def settings(inputs: list[str], out: Path, **changes) -> BatchSettings:
    return BatchSettings(tuple(inputs), out, model="blank", **{"chunk_size": 7, "batch_size": 4, **changes})


def outputs(out: Path) -> tuple[list[str], list[dict]]:
    records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return records, [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def finished(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    summary = run_batch(settings(inputs, out), stream=StringIO())
    assert summary.exit_code == 1
    return out


def test_every_input_is_in_records_or_errors_exactly_once(finished):
    records, errors = outputs(finished)
    keys = pq.read_table(finished / "articles").column("input").to_pylist()
    keys += [":".join(str(e["input"][k]) for k in ("file", "line") if k in e["input"]) for e in errors]
    assert len(keys) == len(set(keys)) == 30 + len(BAD_LINES) + 2
    assert len(records) == 30 + 2 and len(errors) == len(BAD_LINES) - 1 + 1


def test_errors_name_the_input_and_the_reason(finished, inputs):
    _, errors = outputs(finished)
    reasons = {(e["input"].get("id"), e["reason"].split(":")[0]) for e in errors}
    assert reasons == {
        (None, "invalid JSON at column 2"),
        ("gen-000003", "duplicate id 'gen-000003'"),
        ("empty", "text is only whitespace or control characters"),
        ("surrogate", "text is not valid Unicode"),
        ("date", "invalid publication date '2025-13-01'"),
        ("latin", "not UTF-8 text (byte 17"),
    }
    duplicate = next(e for e in errors if e["input"].get("id") == "gen-000003")
    assert duplicate["input"] == {"file": inputs[0], "line": 32, "id": "gen-000003"}
    assert duplicate["reason"].endswith(f"first seen at {inputs[0]}:4")


def test_records_are_what_extract_prints(finished, inputs):
    records, _ = outputs(finished)
    sources = [json.loads(line) for line in Path(inputs[0]).read_text(encoding="utf-8").splitlines()[:3]]
    # what extract prints, with what the input says of the article (its title, URL, site)
    meta = [{"title": s.get("title"), "url": s.get("url")} for s in sources]
    printed = [extract(s["text"], s["id"], s["published"], model="blank") for s in sources]
    expected = [record.model_copy(update=m).model_dump_json() for record, m in zip(printed, meta, strict=True)]
    assert records[:3] == expected
    assert json.loads(records[-1])["article_id"] == "harrow"


def test_records_of_the_default_model_are_what_extract_prints(tmp_path):
    sources = list(ArticleGenerator(9).records(4))
    out = tmp_path / "out"
    run_batch(BatchSettings((str(write_jsonl(tmp_path / "in.jsonl", sources)),), out, batch_size=3), stream=StringIO())
    printed = [extract(str(s["text"]), str(s["id"]), str(s["published"])) for s in sources]
    expected = [
        r.model_copy(update={"title": s["title"]}).model_dump_json() for r, s in zip(printed, sources, strict=True)
    ]
    assert outputs(out)[0] == expected


def test_the_tables_hold_the_records_rows(finished):
    records = [json.loads(line) for line in outputs(finished)[0]]
    articles = pq.read_table(finished / "articles").to_pylist()
    assert [a["article_id"] for a in articles] == [r["article_id"] for r in records]
    controls = next(a for a in articles if a["article_id"] == "controls")
    assert controls["replaced_controls"] == 2 and controls["source"] is None
    for name in ("organizations", "capacities", "money", "target_years", "facts"):
        rows = pq.read_table(finished / name).to_pylist()
        assert len(rows) == sum(len(r[name]) for r in records) == sum(a[name] for a in articles)
    assert len(list((finished / "money").glob("part-*.parquet"))) == 6


def test_the_manifest_says_what_was_done(finished):
    manifest = json.loads((finished / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {
        "read": 38,
        "ok": 32,
        "failed": 6,
        "skipped": 0,
        "processed": 38,
        "files_skipped": 0,
    }
    assert (manifest["pipeline_version"], manifest["schema_version"]) == (__version__, SCHEMA_VERSION)
    assert manifest["model"]["requested"] == "blank" and manifest["settings"]["chunk_size"] == 7
    assert manifest["wall_time_s"] > 0 and manifest["articles_per_s"] > 0
    assert not (finished / "_batch" / "chunks").exists()


def test_a_run_interrupted_mid_way_resumes_to_the_same_outputs(inputs, finished, tmp_path, monkeypatch):
    out = tmp_path / "out"
    original = Store.write_chunk

    def interrupt_at_chunk_3(store, output):
        if output.index == 3:
            raise KeyboardInterrupt
        original(store, output)

    monkeypatch.setattr(Store, "write_chunk", interrupt_at_chunk_3)
    with pytest.raises(KeyboardInterrupt):
        run_batch(settings(inputs, out), stream=StringIO())
    monkeypatch.setattr(Store, "write_chunk", original)
    with (out / "_batch" / "ledger.jsonl").open("ab") as ledger:
        ledger.write(b'{"chunk": 4, "read"')  # torn by a crash
    (out / "money" / "part-00000004.parquet").write_bytes(b"half a file")  # written, never committed
    summary = run_batch(settings(inputs, out, workers=1, batch_size=3), stream=StringIO())
    assert summary.counts["skipped"] == 21 and summary.counts["processed"] == 17
    assert outputs(out) == outputs(finished)
    assert pq.read_table(out / "money").equals(pq.read_table(finished / "money"))
    (out / "manifest.json").unlink()
    again = run_batch(settings(inputs, out), stream=StringIO())
    assert again.resumed_complete and again.counts["read"] == 38 and (out / "manifest.json").exists()


def test_a_finished_job_is_not_run_again(inputs, finished):
    before = outputs(finished)
    summary = run_batch(settings(inputs, finished), stream=StringIO())
    assert summary.resumed_complete and summary.exit_code == 1 and outputs(finished) == before


def test_resuming_with_other_inputs_or_settings_is_refused(inputs, finished):
    with pytest.raises(UsageError, match="differs in chunk_size"):
        run_batch(settings(inputs, finished, chunk_size=8), stream=StringIO())
    with pytest.raises(UsageError, match="differs in fingerprint, inputs"):
        run_batch(settings(inputs[:1], finished), stream=StringIO())


def test_the_command_exits_0_when_all_succeed_and_1_when_some_failed(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", ArticleGenerator(1).records(3))
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(good), "--out", str(tmp_path / "a"), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert "done: 3 read, 3 ok, 0 failed" in result.stderr
    (tmp_path / "bad.jsonl").write_text("[]\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(good), str(tmp_path / "bad.jsonl"), "--out", str(tmp_path / "b")])
    assert result.exit_code == 1, result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "{tmp}/o"], "no inputs"),
        (["{good}", "--out", "{tmp}/o", "--engine", "spark"], "unknown engine 'spark'"),
        (["{good}", "--out", "{good}"], "cannot write to --out"),
        (["{good}", "--out", "{tmp}/o", "--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
        (["{good}", "--out", "{tmp}/o", "--workers", "0"], "--workers must be at least 1"),
        (["{good}", "--out", "{tmp}/o", "--model", "en_core_web_nonexistent"], "en_core_web_nonexistent"),
        (["{good}"], "--out is required"),
        (["{good}", "--out", "{tmp}/o", "--timeout", "0"], "--timeout must be a positive number"),
        (["{good}", "--out", "{tmp}/o", "--engine", "dask", "--timeout", "5"], "--timeout works with the local"),
        (["{good}", "{tmp}/missing.jsonl", "--out", "{tmp}/o"], "{tmp}/missing.jsonl: no such file or folder"),
        (["{good}", "{tmp}/good.csv", "--out", "{tmp}/o"], "{tmp}/good.csv: unsupported input"),
        (["{good}", "--out", ""], "--out is required"),
        (["{good}", "--out", "."], "--out must name an output folder"),
        (["{tmp}/empty", "--out", "{tmp}/o"], "{tmp}/empty: no .txt or .html file in this folder"),
    ],
    ids=[
        *("no-inputs", "engine", "out-is-a-file", "scheduler", "workers", "model", "no-out", "timeout"),
        *("dask-timeout", "missing-path", "unsupported-extension", "empty-out", "out-is-here", "no-txt-in-folder"),
    ],
)
def test_usage_errors_exit_2(tmp_path, arguments, message):
    good = write_jsonl(tmp_path / "good.jsonl", ArticleGenerator(1).records(1))
    (tmp_path / "good.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not an article", encoding="utf-8")
    filled = [argument.format(tmp=tmp_path, good=good) for argument in arguments]
    message = message.format(tmp=tmp_path)
    result = CliRunner().invoke(
        app, ["batch", *filled, "--model", "blank"] if "--model" not in filled else ["batch", *filled]
    )
    assert result.exit_code == 2 and message in result.stderr


def test_progress_without_a_terminal_is_plain_log_lines():
    stream = StringIO()
    progress = Progress(total=100, done=20, stream=stream)
    progress.advance(30)
    progress.close()
    assert stream.getvalue().startswith("batch: 50/100 articles (50%), ") and "ETA" in stream.getvalue()


def test_a_run_with_a_timeout_extracts_everything(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ArticleGenerator(2).records(6))
    result = CliRunner().invoke(
        app, ["batch", str(source), "--out", str(tmp_path / "o"), "--model", "blank", "--timeout", "60"]
    )
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "o" / "records.jsonl").read_text().splitlines()) == 6
    assert json.loads((tmp_path / "o" / "manifest.json").read_text())["settings"]["timeout"] == 60
