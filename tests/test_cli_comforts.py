"""The command line's comforts: --version, -h, log levels, real metavars and shown defaults,
examples in the help, and evaluate --baseline."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app

CORPUS = Path(__file__).parent.parent / "corpus"
COMMANDS = ("extract", "schemas", "version", "evaluate", "batch", "bench")
DROPPED = "Acme aims to be carbon neutral by 2150."  # a year no record can hold: logged as a warning


@pytest.fixture()
def runner():
    return CliRunner()


def test_version_option_prints_the_versions(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"battery-extract {__version__}, schema ")


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_short_help_shows_real_metavars_not_type_placeholders(runner, command):
    result = runner.invoke(app, [*([command] if command else []), "-h"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>", result.stdout), result.stdout


def test_help_shows_defaults_and_examples(runner):
    top, evaluate, bench = (runner.invoke(app, [*args, "--help"]).stdout for args in ([], ["evaluate"], ["bench"]))
    assert "Examples:" in top and "battery-extract batch" in top
    assert "Examples:" in evaluate and "--baseline FILE" in evaluate and "[default: corpus]" in evaluate
    assert "--workers N" in bench and "[default: 2]" in bench


@pytest.mark.parametrize(
    "options, logged",
    [
        pytest.param([], True, id="warnings-by-default"),
        pytest.param(["-v"], True, id="verbose"),
        pytest.param(["--quiet"], False, id="quiet-leaves-warnings-out"),
    ],
)
def test_log_levels(runner, options, logged):
    result = runner.invoke(app, [*options, "extract", "-", "--model", "blank"], input=DROPPED)
    assert result.exit_code == 0, result.output
    assert ("dropped" in result.stderr) is logged
    assert json.loads(result.stdout)["article_id"] == "stdin"


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(CORPUS.glob("000_*")):
        shutil.copy(path, folder / path.name)
    return folder


def test_baseline_prints_what_got_better_and_worse_item_by_item(runner, small_corpus, tmp_path):
    scores = tmp_path / "scores.json"
    assert runner.invoke(app, ["evaluate", str(small_corpus), "--model", "blank", "--json", str(scores)]).exit_code == 0
    previous = json.loads(scores.read_text(encoding="utf-8"))
    assert previous["versions"]["schema"] and previous["per_article"] and previous["errors"]
    gone = previous["errors"].pop(0)  # now an error the baseline did not have
    old = {"article_id": "000_x", "row": "money", "kind": "miss", "record": "'$9' at 1:3", "sentence": ""}
    previous["errors"].append(old)  # an error the baseline had and this run has not
    previous["strict"]["money"]["f1"] = 0.5
    scores.write_text(json.dumps(previous), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(small_corpus), "--model", "blank", "--baseline", str(scores)])
    assert result.exit_code == 0, result.output
    report = result.stdout.split("Compared with", 1)[1]
    assert re.search(r"^money\s+0\.500\s+1\.000\s+\+0\.500\s+better", report, re.M)
    better, worse = report.split("Better: errors fixed (1)")[1].split("Worse: new errors (1)")
    assert "[000_x] miss     money: '$9' at 1:3" in better
    assert f"[{gone['article_id']}] {gone['kind']:<8} {gone['row']}: {gone['record']}" in worse


@pytest.mark.parametrize(
    "content, reason",
    [
        pytest.param(None, "no such baseline file", id="missing"),
        pytest.param("{not json", "not a JSON file", id="not-json"),
        pytest.param('{"strict": {}}', "not an evaluation report", id="no-errors-list"),
    ],
)
def test_a_bad_baseline_is_a_one_line_usage_error_naming_it(runner, small_corpus, tmp_path, content, reason):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(small_corpus), "--model", "blank", "--baseline", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: {reason}") and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "options, level",
    [([], logging.WARNING), (["-q"], logging.ERROR), (["-v"], logging.INFO), (["-vv"], logging.DEBUG)],
    ids=["default", "quiet", "verbose", "very-verbose"],
)
def test_log_level_options_set_the_level(runner, options, level):
    assert runner.invoke(app, [*options, "version"]).exit_code == 0
    assert logging.getLogger().level == level
