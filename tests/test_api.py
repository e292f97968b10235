"""The spaCy-native API: saved pipelines load again with spacy.load and give the same records, Doc and
Span extensions read the record, extract_many, and every component declares what it writes."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, HEAD, POS, SENT_START, TAG
from spacy.tokens import Doc

from pipeline import extract, extract_many, records_from_doc
from pipeline.extraction import Article, make_doc
from pipeline.nlp import DEFAULT_MODEL, RULES_ONLY, load_pipeline

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
OURS = {"pos_from_tags", "line_breaks", "capacity_finder", "money_finder", "target_year_finder", "organization_finder"}
OURS |= {"fact_linker"}
TEXT = "CATL said it will invest 5 billion yuan ($700 million) in a 40 GWh plant by 2027, the company said."


def corpus() -> list[tuple[str, str, date | None]]:
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        found.append((path.stem, path.read_text(encoding="utf-8"), published))
    return found


@pytest.mark.parametrize("model", [RULES_ONLY, DEFAULT_MODEL])
def test_a_saved_pipeline_loads_again_and_gives_the_same_records(tmp_path, model):
    live = load_pipeline(model)
    live.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == live.pipe_names
    for name, text, published in corpus():
        expected = extract(text, article_id=name, published=published, model=model)
        doc = make_doc(loaded, text, published)
        doc._.article_id = name
        assert records_from_doc(loaded(doc)).model_dump() == expected.model_dump(), name


def test_a_saved_pipeline_keeps_its_user_rules(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    entry = {"id": "zorvex_cells", "name": "Zorvex Cells GmbH", "aliases": ["Zorvex"], "kind": "battery_maker"}
    (rules / "organizations.jsonl").write_text(json.dumps({**entry, "country": "DE"}) + "\n", encoding="utf-8")
    load_pipeline(RULES_ONLY, rules).to_disk(tmp_path / "saved")
    text = "Zorvex will build a 12 GWh plant by 2028."
    assert extract(text, model=RULES_ONLY).organizations == []  # the shipped rules are in effect again
    loaded = spacy.load(tmp_path / "saved")
    record = records_from_doc(loaded(text))
    assert [(o.name, o.id) for o in record.organizations] == [("Zorvex", "zorvex_cells")]


def test_span_extensions_read_the_record():
    nlp = load_pipeline(RULES_ONLY)
    doc = nlp.make_doc(TEXT)
    doc._.published = date(2025, 3, 1)
    doc = nlp(doc)
    record = records_from_doc(doc)
    assert [(s._.amount, s._.currency) for s in doc.spans["money"]] == [(m.amount, m.currency) for m in record.money]
    assert [s._.currency for s in doc.spans["money"]] == ["CNY", "USD"]
    assert [s._.value for s in doc.spans["capacities"]] == [40.0]
    assert [s._.year for s in doc.spans["target_years"]] == [2027]
    assert doc.spans["capacities"][0]._.record.normalized_value == 4e10
    assert doc.spans["money"][0]._.year is None and doc.spans["target_years"][0]._.amount is None
    assert {s._.record.id for s in doc.spans["organizations"]} == {"catl"}
    assert doc._.facts == record.facts and doc._.record is record  # built once per Doc


def test_doc_facts_link_with_the_parser():
    doc = load_pipeline()(TEXT)
    assert {(f.anchor, f.organization) for f in doc._.facts} >= {("capacity", "CATL"), ("target_year", "CATL")}


def test_extract_many_gives_the_records_of_extract_in_order():
    texts = [TEXT, "BYD plans 20 GWh by 2030.", "No figures here."]
    items = [texts[0], Article("byd", texts[1], date(2025, 1, 1)), {"id": "none", "text": texts[2]}]
    expected = [
        extract(texts[0], article_id="0", model=RULES_ONLY),
        extract(texts[1], article_id="byd", published="2025-01-01", model=RULES_ONLY),
        extract(texts[2], article_id="none", model=RULES_ONLY),
    ]
    got = list(extract_many(items, batch_size=2, model=RULES_ONLY))
    assert [r.model_dump() for r in got] == [r.model_dump() for r in expected]
    alone = list(extract_many(items * 3, batch_size=2, model=RULES_ONLY))
    pooled = list(extract_many(items * 3, n_process=2, batch_size=2, model=RULES_ONLY))
    assert [r.model_dump() for r in pooled] == [r.model_dump() for r in alone]
    assert [r.article_id for r in pooled] == ["0", "byd", "none", "3", "byd", "none", "6", "byd", "none"]


@pytest.mark.parametrize(
    ("item", "message"),
    [(5, "input 1: expected a text"), ({"id": "x", "text": None}, "input 1 (id x): 'text' must be a string"),
     ({"id": "x", "text": "t", "published": "March"}, "input 1 (id x): invalid publication date")],
    ids=["not-text", "no-text", "bad-date"],
)  # fmt: skip
def test_extract_many_names_a_bad_input_after_the_records_before_it(item, message):
    records = extract_many(["BYD plans 20 GWh by 2030.", item], model=RULES_ONLY)
    assert next(records).article_id == "0"
    with pytest.raises((TypeError, ValueError), match=re.escape(message)):
        next(records)


def _state(doc: Doc) -> dict[str, object]:
    arrays = {"token.tag": TAG, "token.pos": POS, "token.dep": DEP, "token.head": HEAD}
    arrays |= {"token.is_sent_start": SENT_START, "doc.ents": ENT_IOB}
    state: dict[str, object] = {key: doc.to_array([attr]).tolist() for key, attr in arrays.items()}
    state["doc.spans"] = {key: [(s.start, s.end, s.label_) for s in group] for key, group in doc.spans.items()}
    state["doc.user_data"] = set(doc.user_data)
    return state


@pytest.mark.parametrize("model", [RULES_ONLY, DEFAULT_MODEL])
def test_every_component_declares_what_it_writes(model):
    nlp = load_pipeline(model)
    doc = nlp.make_doc(TEXT + "\nRead more: BYD's 2026 outlook")
    doc._.published = date(2025, 3, 1)
    for name, component in nlp.pipeline:
        before = _state(doc)
        doc = component(doc)
        written = {key for key, value in _state(doc).items() if value != before[key]}
        if name in OURS:
            assert written <= set(nlp.get_pipe_meta(name).assigns), name


def test_a_loaded_pipeline_is_out_of_the_garbage_collectors_reach():
    """The model and tables live as long as the process: frozen, a full collection does not walk them."""
    import gc

    nlp = load_pipeline(RULES_ONLY)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000
    tracked = {id(o) for o in gc.get_objects()}
    assert id(nlp) not in tracked and id(nlp.get_pipe("organization_finder")) not in tracked
