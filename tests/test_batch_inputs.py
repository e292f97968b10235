"""Batch inputs: reading text, JSONL(.gz) and Parquet files, and checking each input, with bad ones named."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.batch.entries import Failure, Job, RawInput, Source
from pipeline.batch.idindex import IdIndex
from pipeline.batch.inputs import count_inputs, expand, fingerprint
from pipeline.batch.readers import read_all
from pipeline.batch.validation import Checker

GOOD = {"id": "a1", "text": "CATL plans a 40 GWh plant by 2030.", "published": "2025-03-01"}


def read(*paths: Path) -> list[RawInput | Failure]:
    return list(read_all(expand([str(path) for path in paths])))


@pytest.fixture()
def checker(tmp_path: Path):
    ids = IdIndex(tmp_path / "ids.sqlite")
    yield Checker(ids)
    ids.close()


def check(checker: Checker, fields: dict) -> Job | Failure:
    return checker(RawInput(Source("in.jsonl", line=1), fields))


def test_a_folder_gives_its_txt_files_sorted_and_recursively(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    found = read(tmp_path)
    assert [item.fields["id"] for item in found] == ["a", "b", "sub/c"]  # nested: the relative path
    assert found[0].source.key == str(tmp_path / "a.txt")


def test_text_files_lose_a_byte_order_mark_and_non_utf8_is_named(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffCATL plans".encode())
    (tmp_path / "latin.txt").write_bytes("Sömmerda".encode("latin-1"))
    bom, latin = read(tmp_path / "bom.txt", tmp_path / "latin.txt")
    assert bom.fields == {"id": "bom", "text": "CATL plans", "published": None, "published_from": "none"}
    assert isinstance(latin, Failure) and latin.article_id == "latin"
    assert latin.reason == "not UTF-8 text (byte 1: invalid start byte)"


def test_jsonl_lines_are_numbered_and_bad_lines_are_named(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(GOOD).encode(), b"", b"{not json", b"[1, 2]", b'{"id": "x", "text": "caf\xe9"}']
    path.write_bytes(b"\n".join(lines) + b"\n")
    good, broken, array, latin = read(path)
    assert good.source.key == f"{path}:1" and good.fields == {**GOOD, "published_from": "input"}
    assert (broken.source.line, broken.reason) == (
        3,
        "invalid JSON at column 2: Expecting property name enclosed in double quotes",
    )
    assert array.reason == "a JSON object was expected, not an array"
    assert latin.source.line == 5 and latin.reason.startswith("not UTF-8 text (byte 24")


def test_gzipped_jsonl_reads_like_jsonl_and_a_truncated_file_is_named(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    body = "".join(json.dumps({**GOOD, "id": f"a{n}"}) + "\n" for n in range(200)).encode()
    path.write_bytes(gzip.compress(body))
    assert len(read(path)) == 200 and count_inputs(expand([str(path)])) == 200
    path.write_bytes(gzip.compress(body)[:-300])
    found = read(path)
    assert isinstance(found[-1], Failure) and found[-1].reason.startswith("file cannot be read after line")
    assert all(isinstance(item, RawInput) for item in found[:-1])


def test_parquet_rows_are_inputs_with_their_columns(tmp_path):
    path = tmp_path / "in.parquet"
    table = pa.table(
        {"id": ["p1", "p2"], "text": ["One.", None], "published": [date(2025, 1, 2), None], "extra": [1, 2]}
    )
    pq.write_table(table, path)
    first, second = read(path)
    assert first.source.key == f"{path}#0" and first.fields == {
        "id": "p1",
        "text": "One.",
        "published": date(2025, 1, 2),
        "published_from": "input",
    }
    assert second.source.row == 1 and second.fields["text"] is None


def test_a_parquet_file_without_text_or_unreadable_is_one_failure(tmp_path):
    pq.write_table(pa.table({"id": ["p1"]}), tmp_path / "notext.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    notext, broken = read(tmp_path / "notext.parquet", tmp_path / "broken.parquet")
    assert notext.reason == "no 'text' or 'html' column (columns: id)"
    assert broken.reason.startswith("Parquet file cannot be read at the start")


def test_missing_and_unsupported_files_are_failures(tmp_path):
    (tmp_path / "data.csv").write_text("id,text\n", encoding="utf-8")
    missing, csv = read(tmp_path / "nope.jsonl", tmp_path / "data.csv")
    assert missing.reason == "no such file or folder"
    assert csv.reason == "unsupported input: expected .txt, .html, .jsonl, .parquet or .warc"


def test_the_fingerprint_changes_when_a_file_changes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One.", encoding="utf-8")
    before = fingerprint(expand([str(tmp_path)]))
    assert fingerprint(expand([str(tmp_path)])) == before
    path.write_text("One more.", encoding="utf-8")
    assert fingerprint(expand([str(tmp_path)])) != before


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"text": "x"}, "missing id"),
        ({"id": "", "text": "x"}, "empty id"),
        ({"id": ["a"], "text": "x"}, "id must be a string, not an array"),
        ({"id": "a\x00b", "text": "x"}, "id 'a\\x00b' contains a control character or a lone surrogate"),
        ({"id": "a"}, "missing text"),
        ({"id": "a", "text": None}, "missing text"),
        ({"id": "a", "text": 42}, "text must be a string, not a number"),
        ({"id": "a", "text": ""}, "empty text"),
        ({"id": "a", "text": " \n\t "}, "text is only whitespace or control characters"),
        ({"id": "a", "text": "\x00\x1b"}, "text is only whitespace or control characters"),
        ({"id": "a", "text": "ok \ud800 no"}, "text is not valid Unicode: lone surrogate U+D800 at offset 3"),
        (
            {"id": "a", "text": "x", "published": "2025-02-30"},
            "invalid publication date '2025-02-30': expected YYYY-MM-DD",
        ),
        ({"id": "a", "text": "x", "published": 20250101}, "published must be a YYYY-MM-DD string, not a number"),
        ({"id": "a", "text": "x", "title": 7}, "title must be a string or null, not a number"),
        ({"id": "a", "text": "x", "url": "\udcff"}, "url is not valid Unicode: lone surrogate U+DCFF at offset 0"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_bad_inputs_are_failures_with_a_reason(checker, fields, reason):
    found = check(checker, fields)
    assert isinstance(found, Failure) and found.reason == reason


def test_control_characters_become_spaces_one_for_one(checker):
    text = "CATL\x00 plans\x0c a 40 GWh\x1b[0m plant\x85 by 2030.\r\n\tEnd."
    job = check(checker, {"id": "c", "text": text, "title": "A\x07title"})
    assert isinstance(job, Job) and len(job.article.text) == len(text)
    assert job.article.text == "CATL  plans  a 40 GWh [0m plant  by 2030.\r\n\tEnd."
    assert (job.title, job.replaced_controls) == ("A title", 5)


def test_a_good_input_becomes_a_job(checker):
    job = check(checker, {**GOOD, "id": 17, "url": "https://example.com/a", "source": "wire"})
    assert isinstance(job, Job)
    assert (job.article.article_id, job.article.published, job.url, job.origin) == (
        "17",
        date(2025, 3, 1),
        "https://example.com/a",
        "wire",
    )


def test_a_duplicate_id_names_where_the_first_was_seen(checker):
    assert isinstance(checker(RawInput(Source("a.jsonl", line=4), GOOD)), Job)
    second = checker(RawInput(Source("b.parquet", row=9), {**GOOD, "text": "Other."}))
    assert isinstance(second, Failure) and second.article_id == "a1"
    assert second.reason == "duplicate id 'a1': first seen at a.jsonl:4"


def test_the_id_index_keeps_the_first_location(tmp_path):
    ids = IdIndex(tmp_path / "ids.sqlite")
    assert [ids.claim(f"id{n % 3000}", f"loc{n}") for n in range(6000)][3000:3002] == ["loc0", "loc1"]
    ids.close()
    assert not (tmp_path / "ids.sqlite").exists()
