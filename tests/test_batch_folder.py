"""Operating the output and input folders: the lock, planted links, every input file accounted for,
--overwrite, a full disk, the exit codes, and the smaller defects of the same issue."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import extract
from pipeline.batch.run import BatchSettings, UsageError, run_batch
from pipeline.batch.store import FolderLock, Store
from pipeline.batch.textgen import ArticleGenerator, write_jsonl
from pipeline.cli import app

ARTICLE = "Harrow Motors Inc. plans a 40 GWh plant by 2028."
AS_ROOT = pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")


def cli(*arguments: str):
    return CliRunner().invoke(app, ["batch", *arguments, "--model", "blank"])


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.fixture
def news(tmp_path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", ArticleGenerator(4).records(5))


def test_a_second_run_on_a_locked_folder_exits_2_naming_the_holder(tmp_path, news):
    out = tmp_path / "out"
    (out / "_batch").mkdir(parents=True)
    lock = FolderLock(out / "_batch" / "lock")
    lock.acquire()
    try:
        result = cli(str(news), "--out", str(out))
        assert result.exit_code == 2 and f"another batch run (pid {os.getpid()}) is using {out}" in result.stderr
    finally:
        lock.release()
    assert cli(str(news), "--out", str(out)).exit_code == 0


def test_concurrent_runs_of_real_processes_one_waits_for_nothing(tmp_path):
    source = write_jsonl(tmp_path / "big.jsonl", ArticleGenerator(8).records(3000))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "batch", str(source), "--out", str(out), "--model", "blank"]
    first = subprocess.Popen(command, stderr=subprocess.DEVNULL, cwd=Path(__file__).parent.parent)
    try:
        deadline = time.monotonic() + 60
        while not (out / "_batch" / "ledger.jsonl").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        second = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
        assert second.returncode == 2 and f"pid {first.pid}" in second.stderr
        assert time.monotonic() - started < 30
    finally:
        first.kill()
        first.wait()


@pytest.mark.parametrize(
    "planted", ["_batch/.probe.tmp", ".records.jsonl.tmp", "_batch/chunks/.00000000.records.jsonl.tmp"]
)
def test_a_link_planted_under_out_is_never_followed(tmp_path, news, planted):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    (out / planted).parent.mkdir(parents=True, exist_ok=True)
    (out / planted).symlink_to(victim)
    assert cli(str(news), "--out", str(out)).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert len(lines(out / "records.jsonl")) == 5


def test_a_work_folder_that_is_a_link_is_refused(tmp_path, news):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_batch").symlink_to(tmp_path / "elsewhere")
    result = cli(str(news), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr


def test_every_file_in_an_input_folder_is_read_or_listed_as_skipped(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "B.TXT").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "linked").symlink_to(folder / "sub")
    os.mkfifo(folder / "pipe.txt")
    result = cli(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert [r["article_id"] for r in lines(tmp_path / "out" / "records.jsonl")] == ["a", "sub/B"]
    skipped = {Path(s["file"]).name: s["reason"] for s in lines(tmp_path / "out" / "skipped.jsonl")}
    assert skipped == {
        "notes.md": "not a .txt or .html file (a folder gives its .txt, .html and .htm files)",
        "broken.txt": "broken or looping link",
        "loop.txt": "broken or looping link",
        "linked": "link to a folder (not followed)",
        "pipe.txt": "not a regular file (a pipe, socket or device)",
    }
    assert "5 files not read (see skipped.jsonl)" in result.stderr
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["counts"]["files_skipped"] == 5


@AS_ROOT
def test_an_unreadable_sub_folder_is_listed_as_skipped(tmp_path):
    folder = tmp_path / "news"
    (folder / "closed").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "closed").chmod(0)
    try:
        assert cli(str(folder), "--out", str(tmp_path / "out")).exit_code == 0
        assert [s["reason"] for s in lines(tmp_path / "out" / "skipped.jsonl")] == [
            "folder cannot be read: permission denied"
        ]
    finally:
        (folder / "closed").chmod(0o755)


def test_overwrite_replaces_the_outputs_of_another_job(tmp_path, news):
    other = write_jsonl(tmp_path / "other.jsonl", ArticleGenerator(6).records(2))
    out = tmp_path / "out"
    assert cli(str(news), "--out", str(out)).exit_code == 0
    refused = cli(str(other), "--out", str(out))
    assert refused.exit_code == 2 and "--overwrite" in refused.stderr
    assert cli(str(other), "--out", str(out), "--overwrite").exit_code == 0
    assert [r["article_id"] for r in lines(out / "records.jsonl")] == [a["id"] for a in lines(other)]


def test_a_full_disk_is_one_line_and_exit_3_and_the_rerun_resumes(tmp_path, news, monkeypatch):
    real = Store.write_chunk

    def full(self, output):
        raise OSError(errno.ENOSPC, "No space left on device", str(self.chunks / "x"))

    monkeypatch.setattr(Store, "write_chunk", full)
    result = cli(str(news), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if not line.startswith("batch: ")]  # progress lines
    assert len(errors) == 1 and errors[0].startswith("error: no space left on the device of --out")
    monkeypatch.setattr(Store, "write_chunk", real)
    assert cli(str(news), "--out", str(tmp_path / "out")).exit_code == 0
    assert len(lines(tmp_path / "out" / "records.jsonl")) == 5


def test_a_kill_between_complete_and_cleanup_leaves_no_chunks_after_the_rerun(tmp_path, news):
    out = tmp_path / "out"
    settings = BatchSettings((str(news),), out, model="blank")
    run_batch(settings, stream=StringIO())
    (out / "_batch" / "chunks").mkdir()
    (out / "_batch" / "chunks" / "00000000.records.jsonl").write_text("a second copy\n", encoding="utf-8")
    assert run_batch(settings, stream=StringIO()).resumed_complete
    assert not (out / "_batch" / "chunks").exists()


def test_a_rerun_of_a_finished_job_reports_no_stale_skipped(tmp_path, news):
    assert cli(str(news), "--out", str(tmp_path / "out")).exit_code == 0
    again = cli(str(news), "--out", str(tmp_path / "out"))
    assert again.exit_code == 0 and "already complete: 5 read, 5 ok, 0 failed" in again.stderr
    assert "skipped" not in again.stderr


def test_extract_drops_a_leading_bom_as_batch_does(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + ARTICLE.encode())
    result = CliRunner().invoke(app, ["extract", str(path), "--model", "blank"])
    record = json.loads(result.stdout)
    assert record == json.loads(extract(ARTICLE, "bom", model="blank").model_dump_json())
    assert record["capacities"][0]["start"] == ARTICLE.index("40 GWh")


@pytest.mark.parametrize(
    ("published", "day"),
    [("2025-03-01T08:00:00Z", "2025-03-01"), ("2025-03-01 23:59:00+05:30", "2025-03-01"), ("2025-03-01", "2025-03-01")],
    ids=["utc-time-stamp", "offset-time-stamp", "date"],
)
def test_published_with_a_time_counts_its_date(published, day):
    assert str(extract(ARTICLE, "t", published, model="blank").published) == day


def test_an_invalid_input_path_is_a_usage_error_before_anything_is_written(tmp_path, news):
    with pytest.raises(UsageError, match=r"missing\.txt: no such file or folder"):
        run_batch(BatchSettings((str(news), str(tmp_path / "missing.txt")), tmp_path / "out", model="blank"))
    assert not (tmp_path / "out").exists()
