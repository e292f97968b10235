"""Articles longer than nlp.max_length: cut at paragraph or sentence boundaries, offsets shifted back."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from pipeline import extract
from pipeline.batch.entries import Extracted
from pipeline.batch.pieces import LOCATED, OFFSETS, cut_points, merge_records
from pipeline.batch.textgen import ArticleGenerator
from pipeline.batch.worker import extract_batch
from pipeline.extraction import Article
from pipeline.nlp import load_pipeline
from pipeline.records import ArticleRecord, Mention


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_cover_the_text_in_order_within_the_limit(text, limit):
    pieces = cut_points(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in pairwise(pieces))
    assert all(0 < end - start <= limit for start, end in pieces) or text == ""


def test_cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces():
    def pieces(text: str, limit: int) -> list[str]:
        return [text[start:end] for start, end in cut_points(text, limit)]

    text = "One two. Three four.\nFive six.\n\nSeven eight. Nine."
    assert pieces(text, 40) == ["One two. Three four.\nFive six.\n\n", "Seven eight. Nine."]
    assert pieces(text, 25)[0] == "One two. Three four.\n"
    assert pieces(text, 18)[0] == "One two. "
    assert pieces("abcdefgh ijklm", 6) == ["abcdef", "gh ", "ijklm"]


def test_every_offset_field_of_the_records_is_shifted():
    models = (ArticleRecord.model_fields[name].annotation.__args__[0] for name in (*LOCATED, "organizations"))
    offsets = {
        name
        for model in (*models, Mention)
        for name, field in model.model_fields.items()
        if "offset" in (field.description or "") or "`start`" in (field.description or "")
    }
    assert offsets == set(OFFSETS)


def located(record: ArticleRecord) -> list:
    return [
        *(m for o in record.organizations for m in o.mentions),
        *record.capacities,
        *record.money,
        *record.target_years,
        *record.facts,
    ]


def test_merged_records_shift_offsets_and_merge_organizations_by_name():
    first, second = "Harrow Motors Inc. plans 40 GWh.\n\n", "Harrow Motors Inc. paid $1.2bn (€1.1 billion) by 2028."
    text = first + second
    parts = [(0, extract(first, "m", model="blank")), (len(first), extract(second, "m", model="blank"))]
    merged = merge_records(parts)
    assert [o.name for o in merged.organizations] == ["Harrow Motors Inc."]
    assert [m.start for m in merged.organizations[0].mentions] == [0, len(first)]
    assert all(item.text == text[item.start : item.end] for item in located(merged))
    converted = merged.money[1]
    assert converted.equivalent_of == merged.money[0].start == text.index("$1.2bn")


def test_an_article_over_max_length_is_extracted_in_pieces(monkeypatch):
    text = ArticleGenerator(5).text(10)
    whole = extract(text, article_id="long", model="blank")
    monkeypatch.setattr(load_pipeline("blank"), "max_length", 400)
    assert len(text) > 1000 and len(cut_points(text, 400)) > 3
    (outcome,) = extract_batch([Article("long", text)], "blank", 8)
    assert isinstance(outcome, Extracted)
    record = ArticleRecord.model_validate_json(outcome.record_json)
    assert all(item.text == text[item.start : item.end] for item in located(record))
    assert (record.capacities, record.money, record.target_years) == (whole.capacities, whole.money, whole.target_years)
    assert {o.name for o in record.organizations} == {o.name for o in whole.organizations}


def test_merged_organizations_keep_their_gazetteer_id_kind_and_country():
    first, second = "CATL plans 40 GWh.\n\n", "CATL paid $1.2bn by 2028."
    parts = [(0, extract(first, "m", model="blank")), (len(first), extract(second, "m", model="blank"))]
    (catl,) = merge_records(parts).organizations
    assert (catl.id, catl.kind, catl.country, len(catl.mentions)) == ("catl", "battery_maker", "CN", 2)
