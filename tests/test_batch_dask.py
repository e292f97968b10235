"""The dask engine matches the local engine: on a LocalCluster, and on a scheduler and worker started
as separate processes with dask's command line, reached by address."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from io import StringIO

import pyarrow.parquet as pq
import pytest

from pipeline.batch.run import BatchSettings, UsageError, run_batch
from pipeline.batch.tables import SCHEMAS
from pipeline.batch.textgen import ArticleGenerator, write_jsonl

pytest.importorskip("distributed")


def test_the_dask_engine_writes_what_the_local_engine_writes(tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", ArticleGenerator(21).records(40, paragraphs=(1, 3)))
    with source.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "gen-000002", "text": "Duplicate."}\nnot json\n')
    runs = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        workers = 2 if engine == "dask" else 1
        settings = BatchSettings((str(source),), out, "blank", workers, batch_size=3, chunk_size=6, engine=engine)
        runs[engine] = run_batch(settings, stream=StringIO())
        assert runs[engine].counts == {
            "read": 42,
            "ok": 40,
            "failed": 2,
            "skipped": 0,
            "processed": 42,
            "files_skipped": 0,
        }
    local, dask = tmp_path / "local", tmp_path / "dask"
    for name in ("records.jsonl", "errors.jsonl"):
        assert (dask / name).read_bytes() == (local / name).read_bytes()
    for name in SCHEMAS:
        assert len(list((dask / name).glob("part-*.parquet"))) == 7
        assert pq.read_table(dask / name).equals(pq.read_table(local / name))
    assert runs["dask"].manifest["settings"]["engine"] == "dask"


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, monkeypatch):
    import pipeline.batch.dask_engine

    monkeypatch.setattr(pipeline.batch.dask_engine, "CONNECT_TIMEOUT", 0.5)
    source = write_jsonl(tmp_path / "news.jsonl", ArticleGenerator(1).records(1))
    settings = BatchSettings((str(source),), tmp_path / "out", "blank", engine="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(UsageError, match=r"cannot reach the dask scheduler tcp://127\.0\.0\.1:9"):
        run_batch(settings, stream=StringIO())


def _wait_for(path, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while not path.exists() or not path.read_text(encoding="utf-8").strip():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} was not written in {seconds:g} s")
        time.sleep(0.2)
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_run_on_an_external_scheduler_and_worker_writes_what_the_local_engine_writes(tmp_path):
    """A scheduler and a worker started as separate processes with dask's own command line, as on a
    real cluster; the batch reaches them by address."""
    source = write_jsonl(tmp_path / "news.jsonl", ArticleGenerator(22).records(12))
    scheduler_command = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    worker_command = [sys.executable, "-m", "distributed.cli.dask_worker"]
    info = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    started = [
        subprocess.Popen(
            [*scheduler_command, "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
            **quiet,
        )
    ]
    try:
        address = _wait_for(info)["address"]
        started.append(
            subprocess.Popen(
                [*worker_command, address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], **quiet
            )
        )
        runs = {}
        for engine, scheduler in (("local", None), ("dask", address)):
            settings = BatchSettings(
                (str(source),),
                tmp_path / engine,
                "blank",
                batch_size=4,
                chunk_size=5,
                engine=engine,
                scheduler=scheduler,
            )
            runs[engine] = run_batch(settings, stream=StringIO())
        assert (
            runs["dask"].counts
            == runs["local"].counts
            == {"read": 12, "ok": 12, "failed": 0, "skipped": 0, "processed": 12, "files_skipped": 0}
        )
        assert (tmp_path / "dask" / "records.jsonl").read_bytes() == (tmp_path / "local" / "records.jsonl").read_bytes()
        assert runs["dask"].manifest["settings"]["scheduler"] == address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=30)
