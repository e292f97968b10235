"""The dask engine on a small LocalCluster (2 worker processes, 1 thread each) matches the local engine."""

from __future__ import annotations

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
        assert runs[engine].counts == {"read": 42, "ok": 40, "failed": 2, "skipped": 0, "processed": 42}
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
