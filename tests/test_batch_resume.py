"""Resume after kill -9: a real run is killed mid-way, run again, and matches an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

from pipeline.batch.run import BatchSettings, run_batch
from pipeline.batch.textgen import ArticleGenerator, write_jsonl

ARTICLES = 300
OPTIONS = ["--model", "blank", "--chunk-size", "20", "--batch-size", "10"]


def committed_chunks(out: Path) -> int:
    ledger = out / "_batch" / "ledger.jsonl"
    return ledger.read_text(encoding="utf-8").count('"chunk"') if ledger.exists() else 0


def start(source: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "pipeline", "batch", str(source), "--out", str(out), *OPTIONS]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def kill_after_first_chunk(run: subprocess.Popen, out: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while committed_chunks(out) < 1:
        assert run.poll() is None and time.monotonic() < deadline, "the run ended before committing a chunk"
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()


def ids_in(out: Path) -> list[str]:
    records = [json.loads(line)["article_id"] for line in (out / "records.jsonl").open(encoding="utf-8")]
    errors = [json.loads(line)["input"]["id"] for line in (out / "errors.jsonl").open(encoding="utf-8")]
    return records + errors


def test_a_run_killed_mid_way_finishes_on_the_second_try_with_nothing_lost_or_doubled(tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", ArticleGenerator(11).records(ARTICLES, paragraphs=(1, 2)))
    with source.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "blank-text", "text": ""}\n{"id": "gen-000007", "text": "A duplicate."}\n')
    out = tmp_path / "out"
    first = start(source, out)
    kill_after_first_chunk(first, out)
    assert first.returncode == -signal.SIGKILL
    done_at_kill = committed_chunks(out)
    assert not (out / "manifest.json").exists() and done_at_kill < (ARTICLES + 2) // 20

    second = start(source, out)
    assert second.wait(timeout=300) == 1, second.stderr.read().decode()  # two inputs fail, by design
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["skipped"] == 20 * done_at_kill > 0
    assert manifest["counts"]["read"] == ARTICLES + 2 and manifest["counts"]["failed"] == 2

    ids = ids_in(out)
    assert sorted(ids) == sorted([f"gen-{n:06d}" for n in range(ARTICLES)] + ["blank-text", "gen-000007"])
    reference = tmp_path / "reference"
    settings = BatchSettings((str(source),), reference, model="blank", chunk_size=20, batch_size=10)
    run_batch(settings, stream=StringIO())
    for name in ("records.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()
