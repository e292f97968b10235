"""Item-level isolation: a value that a normalizer or a record rejects costs that item only, never
the article; each drop is counted by reason. Regression tests named after the defects they caught."""

from __future__ import annotations

import json
from io import StringIO

import pytest

from pipeline.batch.run import BatchSettings, run_batch
from pipeline.build import drop_reason, dropped_items
from pipeline.normalize.spaces import plain_spaces
from pipeline.records import ArticleRecord

GOOD = " CATL plans a 40 GWh plant by 2030."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Acme aims to be carbon neutral by 2150.", "target_years", id="year-2150-after-by"),
        pytest.param("Acme will run it until 2150.", "target_years", id="year-2150-after-until"),
        pytest.param("Acme will build cells from 2150.", "target_years", id="year-2150-after-from"),
        pytest.param("It raised $" + "9" * 40 + " in funding.", "money", id="amount-of-40-digits"),
        pytest.param("A plant of " + "9" * 400 + " GWh.", "capacities", id="capacity-too-large-for-a-float"),
    ],
)
def test_a_rejected_value_costs_the_item_not_the_article(run_rules, text, kind):
    record = run_rules(text + GOOD)
    assert [c.text for c in record.capacities][-1:] == ["40 GWh"]
    assert [y.year for y in record.target_years][-1:] == [2030]
    assert sum(n for reason, n in dropped_items(record).items() if reason.startswith(kind + ":")) == 1


def test_a_capacity_too_large_for_a_float_is_never_null_in_records(run_rules):
    record = run_rules("A plant of " + "9" * 400 + " GWh.")
    assert record.capacities == []
    ArticleRecord.model_validate_json(record.model_dump_json())


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        pytest.param("A 5 MW\u00a0h battery.", "5 MW\u00a0h", 5.0, id="no-break-space-inside-a-unit"),
        pytest.param("A 5\u2009GWh battery.", "5\u2009GWh", 5.0, id="thin-space-before-a-unit"),
        pytest.param("A 5\u202fGWh battery.", "5\u202fGWh", 5.0, id="narrow-no-break-space-before-a-unit"),
    ],
)
def test_unicode_space_in_a_capacity(run_rules, text, surface, value):
    (capacity,) = run_rules(text).capacities
    assert (capacity.text, capacity.value) == (surface, value)  # the text as written, offsets kept


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        pytest.param("It raised US\u00a0$5 million.", "USD", id="no-break-space-in-a-currency-prefix"),
        pytest.param("It paid \u20ac\u00a05 million.", "EUR", id="no-break-space-after-a-symbol"),
    ],
)
def test_unicode_space_in_an_amount(run_rules, text, currency):
    (amount,) = run_rules(text).money
    assert (amount.currency, int(amount.amount)) == (currency, 5_000_000)


@pytest.mark.parametrize(
    ("surface", "plain"),
    [
        pytest.param("5 MW\u00a0h", "5 MW h", id="no-break"),
        pytest.param("US\u2007$", "US $", id="figure-space"),
        pytest.param("\u3000x\u205f", " x ", id="ideographic-and-math"),
        pytest.param("a\tb\nc", "a\tb\nc", id="ascii-whitespace-kept"),
        pytest.param("Sömmerda", "Sömmerda", id="non-ascii-letters-kept"),
    ],
)
def test_plain_spaces(surface, plain):
    assert plain_spaces(surface) == plain
    assert len(plain_spaces(surface)) == len(surface)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        pytest.param(ValueError("2150 is not a plausible year"), "years: N is not a plausible year", id="number"),
        pytest.param(ValueError("unknown unit in '5 MWx'"), "years: unknown unit in '…'", id="quoted"),
    ],
)
def test_drop_reasons_leave_the_values_out(error, reason):
    assert drop_reason("years", error) == reason


def test_half_a_and_2_billion_dollars_costs_the_item_not_the_article(run_rules):
    record = run_rules("It will invest between half a and 2 billion dollars." + GOOD)
    assert [c.text for c in record.capacities] == ["40 GWh"]


def test_batch_counts_dropped_items_by_reason_in_the_manifest(tmp_path):
    lines = [
        {"id": "far", "text": "Acme aims to be carbon neutral by 2150 and by 2160." + GOOD},
        {"id": "huge", "text": "It raised $" + "9" * 40 + "." + GOOD},
        {"id": "fine", "text": GOOD},
    ]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    summary = run_batch(BatchSettings((str(source),), tmp_path / "out", model="blank"), stream=StringIO())
    assert (summary.exit_code, summary.counts["ok"], summary.counts["failed"]) == (0, 3, 0)
    assert summary.manifest["dropped_items"] == {
        "total": 3,
        "by_reason": {
            "money: an amount of more than N digits before the point": 1,
            "target_years: N is not a plausible year": 2,
        },
    }
    records = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    assert [[y["year"] for y in r["target_years"]] for r in records] == [[2030], [2030], [2030]]
