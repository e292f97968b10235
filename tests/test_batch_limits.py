"""Bounded input: JSON nesting, line length and article size limits, each refused with a reason."""

from __future__ import annotations

import gzip
import io
import json
from io import StringIO

import pytest

import pipeline.batch.readers as readers
import pipeline.batch.validation as validation
from pipeline.batch.limits import MAX_JSON_DEPTH, TooLong, bounded_lines, depth
from pipeline.batch.run import BatchSettings, run_batch

GOOD = {"id": "good", "text": "CATL plans a 40 GWh plant by 2030."}


def batch(tmp_path, lines: list[bytes], name: str = "news.jsonl"):
    source = tmp_path / name
    data = b"".join(line + b"\n" for line in lines)
    source.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    summary = run_batch(BatchSettings((str(source),), tmp_path / "out", model="blank"), stream=StringIO())
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    records = [json.loads(line)["article_id"] for line in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    return summary, records, errors


def test_a_line_nested_1000_deep_fails_alone_with_a_reason(tmp_path):
    deep = b'{"id": "deep", "text": "x", "title": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    summary, records, errors = batch(tmp_path, [json.dumps(GOOD).encode(), deep, b"[" * 100_000])
    assert (summary.exit_code, records) == (1, ["good"])
    assert [(e["input"]["line"], e["reason"]) for e in errors] == [
        (2, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
        (3, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
    ]


def test_a_line_over_the_limit_fails_alone_and_the_next_lines_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    huge = json.dumps({"id": "huge", "text": "x " * 5000}).encode()
    _, records, errors = batch(tmp_path, [huge, json.dumps(GOOD).encode()], name="news.jsonl.gz")
    assert records == ["good"]
    assert [(e["input"]["line"], e["reason"]) for e in errors] == [(1, "line longer than 1,000 bytes")]


def test_an_article_over_the_size_limit_is_refused_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(validation, "MAX_ARTICLE_CHARS", 100)
    long = json.dumps({"id": "long", "text": "CATL plans 40 GWh. " * 10}).encode()
    _, records, errors = batch(tmp_path, [long, json.dumps(GOOD).encode()])
    assert records == ["good"]
    assert errors[0]["reason"] == "text of 190 characters: over the article limit of 100"


@pytest.mark.parametrize(
    ("data", "limit", "lines"),
    [
        pytest.param(b"ab\ncd\n", 10, [b"ab\n", b"cd\n"], id="short-lines"),
        pytest.param(b"abcdefgh\ncd", 4, [TooLong, b"cd"], id="long-line-skipped-next-read"),
        pytest.param(b"abcd\n", 4, [b"abcd\n"], id="exactly-the-limit"),
        pytest.param(b"abcde", 4, [TooLong], id="long-last-line"),
    ],
)
def test_bounded_lines(data, limit, lines):
    assert list(bounded_lines(io.BytesIO(data), limit)) == lines


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 0), ({}, 1), ({"a": [1, {"b": []}]}, 4), ([[[]]], 3)],
    ids=["scalar", "empty-object", "mixed", "lists"],
)
def test_depth(value, expected):
    assert depth(value) == expected
