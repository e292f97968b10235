"""Property tests: arbitrary text never crashes the pipeline, and every record sits at its offsets."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract

PIECES = [
    "40 GWh",
    "314Ah",
    "$1.2bn",
    "€500m",
    "Rs 4,500 crore",
    "by 2030",
    "between 2027 and 2030",
    "next year",
    "20–40 Ah",
    "300 Wh/kg",
    "CATL",
    "Harrow Motors Inc.",
    "(Reuters)",
    "the",
    "a year",
    "up to",
    "¥3.5tn",
    "FY2028",
    "half a billion dollars",
    "(",
    ")",
    "-",
    ",",
    ".",
    "\n\n",
    "2 GW / 8 GWh",
    "Co., Ltd. (HXL)",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join),
)
RELAXED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def located(record):
    return [
        *(m for o in record.organizations for m in o.mentions),
        *record.capacities,
        *record.money,
        *record.target_years,
    ]


@RELAXED
@given(texts, st.one_of(st.none(), st.dates(min_value=date(1991, 1, 1), max_value=date(2099, 12, 31))))
def test_no_crash_and_every_record_sits_at_its_offsets(text, published):
    record = extract(text, article_id="p", published=published, model="blank")
    for item in located(record):
        assert text[item.start : item.end] == item.text


@RELAXED
@given(texts)
def test_repeated_runs_give_identical_output(text):
    first = extract(text, article_id="p", model="blank").model_dump_json()
    assert extract(text, article_id="p", model="blank").model_dump_json() == first
