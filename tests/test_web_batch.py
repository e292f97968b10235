"""Batch runs over web inputs: WARC archives and HTML files, bad pages as one error line each,
pages kept out by the relevance gate listed and counted, and the input comforts."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

from pipeline.batch.run import BatchSettings, run_batch
from pipeline.batch.webgen import other_text, page_html, warc_record, write_warc

CORPUS = Path(__file__).parent.parent / "corpus"
NEWS = (CORPUS / "101_korea_cell_makers_q3.txt").read_text(encoding="utf-8")
LATIN = NEWS.replace("won", "wön").encode("latin-1")  # sent with a header saying UTF-8


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(tmp_path: Path, *inputs: str, **options) -> Path:
    out = tmp_path / "out"
    run_batch(BatchSettings(tuple(inputs), out, model="blank", **options), stream=StringIO())
    return out


def test_a_warc_with_bad_pages_gives_one_error_line_each_and_goes_on(tmp_path):
    news = page_html(NEWS, "Korea cell makers", date(2025, 10, 30)).encode()
    sport = page_html(other_text(random.Random(1)), "Cup final", date(2025, 10, 30)).encode()
    broken = warc_record("https://a.example/broken", news).replace(b"HTTP/1.1 200 OK\r\n", b"HTPT nonsense\r\n")
    records = [
        warc_record("https://a.example/2025/10/30/cells", news),
        broken,
        warc_record("https://a.example/latin", LATIN),
        warc_record("https://a.example/sport", sport),
        warc_record("https://a.example/big", b"<p>battery</p>" * (16 * 1024 * 1024 // 14 + 1)),
        warc_record("https://a.example/news-again", news),
    ]
    archive = write_warc(tmp_path / "crawl.warc.gz", records)
    data = archive.read_bytes()
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(data[: len(data) - 500])
    out = run(tmp_path, str(archive), str(truncated))
    records_out = lines(out / "records.jsonl")
    assert [r["article_id"] for r in records_out] == [
        "https://a.example/2025/10/30/cells",
        "https://a.example/news-again",
    ]
    assert (records_out[0]["published"], records_out[0]["published_from"]) == ("2025-10-30", "html")
    reasons = [
        (e["input"]["file"].endswith("cut.warc.gz"), e["input"]["id"], e["reason"]) for e in lines(out / "errors.jsonl")
    ]
    assert reasons[:3] == [
        (False, "https://a.example/broken", "broken HTTP header in the WARC record"),
        (
            False,
            "https://a.example/latin",
            f"bytes do not decode as its headers declare (utf-8): byte {LATIN.index(0xF6)}: invalid start byte",
        ),
        (False, "https://a.example/big", "record of 16,777,222 bytes: over 16,777,216"),  # its body,
    ]
    assert reasons[-1][0] and reasons[-1][2].startswith("archive cannot be read after record")
    skipped = lines(out / "skipped.jsonl")  # the sport page of each archive (the cut breaks after it)
    assert [s["input"]["id"] for s in skipped] == ["https://a.example/sport"] * 2
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["skipped_inputs"]["total"] == len(skipped) == 2
    assert manifest["skipped_inputs"]["by_reason"] == {"not battery or EV news": 2}


def test_relevance_off_keeps_every_page_and_on_gates_text_inputs(tmp_path):
    sport = other_text(random.Random(2))
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "sport.html").write_text(page_html(sport, "Cup", None), encoding="utf-8")
    (tmp_path / "texts.jsonl").write_text(json.dumps({"id": "s", "text": sport}) + "\n", encoding="utf-8")
    kept = run(tmp_path, str(tmp_path / "pages"), str(tmp_path / "texts.jsonl"), relevance="off")
    assert [r["article_id"] for r in lines(kept / "records.jsonl")] == ["sport", "s"]
    gated = run(tmp_path, str(tmp_path / "texts.jsonl"), relevance="on", overwrite=True)
    assert lines(gated / "records.jsonl") == [] and [s["input"]["id"] for s in lines(gated / "skipped.jsonl")] == ["s"]


def test_input_comforts_fields_sidecars_ndjson_and_html_columns(tmp_path):
    (tmp_path / "in.ndjson").write_text(
        json.dumps({"key": "k1", "body": NEWS, "url": "https://b.example/2024/05/06/x"})
        + "\n"
        + json.dumps({"key": "k2", "html": page_html(NEWS, "T", date(2023, 1, 2))})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "news" / "a.json").write_text(json.dumps({"published": "2025-10-30T09:00:00+09:00", "title": "LGES"}))
    out = run(tmp_path, str(tmp_path / "in.ndjson"), str(tmp_path / "news"), id_field="key", text_field="body")
    found = {r["article_id"]: (r["published"], r["published_from"], r["title"]) for r in lines(out / "records.jsonl")}
    assert found == {
        "k1": ("2024-05-06", "url", None),
        "k2": ("2023-01-02", "html", "T"),
        "a": ("2025-10-30", "input", "LGES"),
    }
    assert lines(out / "skipped.jsonl") == []  # a sidecar is read with its text, not listed as skipped


def test_standard_input_is_read_as_jsonl(tmp_path):
    line = json.dumps({"id": "stdin-1", "text": NEWS}) + "\n"
    command = [sys.executable, "-m", "pipeline", "batch", "-", "--out", str(tmp_path / "o"), "--model", "blank"]
    done = subprocess.run(command, input=line.encode(), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [r["article_id"] for r in lines(tmp_path / "o" / "records.jsonl")] == ["stdin-1"]
