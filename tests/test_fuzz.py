"""Fuzz: random and adversarial texts (rules only) never crash the extraction, never give a record
that fails its own schema, and every record sits at its offsets. The default run is bounded to a
few seconds; ``-m slow`` runs the long fuzz (10,000 inputs, rules only and with the default model)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract
from pipeline.batch.worker import WARM_UP
from pipeline.records import ArticleRecord

SPACES = ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2007", " ", "\t", "\n"]
# Pieces news (and scraped pages) are made of, and the values a record may reject.
PIECES = [
    *("by", "until", "from", "between", "and", "to", "in", "next year", "FY", "mid-", "the end of"),
    *("1989", "1990", "2030", "2100", "2101", "2150", "9999", "0", "-", "–", "+", "/", ",", ".", "(", ")"),
    *("GWh", "MW", "h", "Ah", "mAh", "kWh", "TWh", "Wh/kg", "a year", "per year", "of annual capacity"),
    *("$", "US", "US$", "€", "£", "¥", "Rs", "RMB", "bn", "billion", "million", "tn", "crore", "lakh", "yuan"),
    *("up to", "about", "more than", "above", "Inc.", "Co., Ltd.", "CATL", "Harrow Motors", "(Reuters)"),
    *("9" * 40, "9" * 400, "1" + "0" * 33, "1e400", "0.000001", "1,000,000", "12.5", "3-5"),
]
space = st.sampled_from(SPACES)
number = st.one_of(
    st.integers(-10, 10**45).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["9" * 400, "1,000,000", "12.5", "3-5", "half", "half a", "a"]),
)
year = st.one_of(st.integers(1000, 9999).map(str), st.sampled_from(["next year", "FY2150", "mid-2150", "2027-2150"]))
# Shaped like the expressions the finders look for, with the values and spaces a record may reject.
phrases = st.one_of(
    st.tuples(st.sampled_from(["by", "until", "from", "between 2027 and", "in", "by the end of"]), space, year),
    st.tuples(number, space, st.sampled_from(["GWh", "MW h", "M W h", "Ah", "mAh", "TWh", "kWh a year"])),
    st.tuples(st.sampled_from(["$", "US", "US$", "€", "Rs", "RMB", "¥"]), space, number),
    st.tuples(number, space, st.sampled_from(["billion dollars", "bn yuan", "crore rupees", "million euros"])),
).map("".join)
pieces = st.one_of(phrases, st.sampled_from(PIECES), st.sampled_from(SPACES), st.text(max_size=6))
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.tuples(pieces, st.sampled_from(SPACES)).map("".join), max_size=40).map("".join),
)
published = st.one_of(st.none(), st.dates(min_value=date(1991, 1, 1), max_value=date(2099, 12, 31)))


def offset_errors(text: str, record: ArticleRecord) -> list[str]:
    """Every record whose text is not ``article[start:end]``, and every misplaced milestone."""
    items = [
        *(m for o in record.organizations for m in o.mentions),
        *record.capacities,
        *record.money,
        *record.target_years,
        *record.facts,
    ]
    wrong = [f"{i.text!r} at {i.start}:{i.end}" for i in items if text[i.start : i.end] != i.text]
    for fact in record.facts:
        if fact.milestone is not None and fact.milestone_start is not None:
            at = fact.milestone_start
            if text[at : at + len(fact.milestone)] != fact.milestone:
                wrong.append(f"milestone {fact.milestone!r} at {at}")
    return wrong


def check(text: str, day: date | None, model: str | None = "blank") -> None:
    record = extract(text, article_id="fuzz", published=day, model=model)
    printed = record.model_dump_json()
    assert ArticleRecord.model_validate_json(printed).model_dump_json() == printed  # valid against its own schema
    assert offset_errors(text, record) == []


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(texts, published)
def test_fuzz_no_crash_no_invalid_record_no_offset_error(text, day):
    check(text, day)


@pytest.mark.slow
@pytest.mark.parametrize("model", ["blank", None], ids=["rules-only", "default-model"])
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=texts, day=published)
def test_long_fuzz_ten_thousand_inputs(text, day, model):
    extract(WARM_UP.text, model=model)  # the pipeline and its unit tables load once, off the clock
    started = time.perf_counter()
    check(text, day, model)
    assert time.perf_counter() - started < 2.0 * max(1.0, len(text) / 10_000)  # nothing over 2 s per 10 KB
