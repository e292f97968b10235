"""Organizations carry the gazetteer's stable id, kind and country: one id for every name of one
company, in every article; null for an organization the gazetteer does not know."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.gazetteer import by_id, entries, identify
from pipeline.records import OrganizationKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CATL said on Monday it will build a new plant.", "catl"),
        ("Contemporary Amperex Technology Co., Limited said on Monday it will build a new plant.", "catl"),
        ("Gotion High-Tech said on Monday it will build a new plant.", "gotion"),
        ("Guoxuan said on Monday it will build a new plant.", "gotion"),
    ],
    ids=["acronym", "legal-name", "name", "former-name"],
)
def test_every_name_of_a_company_gets_its_one_id(text, expected):
    (organization,) = extract(text, article_id="a", model="blank").organizations
    assert organization.id == expected
    assert organization.kind == by_id()[expected]["kind"] and organization.country == by_id()[expected]["country"]


def test_an_unknown_organization_has_no_id():
    record = extract("Harrow Brightcell Industries Inc. said it will build a new plant.", article_id="a", model="blank")
    assert [(o.name, o.id, o.kind, o.country) for o in record.organizations] == [
        ("Harrow Brightcell Industries Inc.", None, None, None)
    ]


def test_a_group_of_mentions_takes_the_id_of_its_known_names():
    text = "Contemporary Amperex Technology Co. Ltd. (CATL) will invest. CATL said the plant opens in 2027."
    (organization,) = extract(text, article_id="a", model="blank").organizations
    assert organization.id == "catl" and [m.text for m in organization.mentions][1:] == ["CATL", "CATL"]


def test_gazetteer_kinds_are_the_record_kinds():
    assert {entry["kind"] for entry in entries()} <= set(OrganizationKind.__args__)


def test_identify_reads_names_in_any_case_and_punctuation():
    assert identify("contemporary amperex technology co ltd") == "catl"
    assert identify("Nobody Such Company") is None
