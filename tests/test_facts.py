"""The fact linker: organization and milestone of each year, capacity and amount."""

from __future__ import annotations

import pytest


def fact(record, text):
    return next(f for f in record.facts if f.text == text)


@pytest.mark.parametrize(
    "text, anchor, organization, milestone",
    [
        pytest.param(
            "Velmora Motors Inc. plans to start mass production of solid-state cells by 2028.",
            "by 2028",
            "Velmora Motors Inc.",
            "mass production",
            id="subject-of-the-plan",
        ),
        pytest.param(
            "Harbin Xinda Battery Co. opened a plant last year. It aims to begin exports by 2027.",
            "by 2027",
            "Harbin Xinda Battery Co.",
            "exports",
            id="it-is-the-subject-before",
        ),
        pytest.param(
            "Nordvik Battery Systems AB completed a 2 GWh pilot line in Sweden.",
            "2 GWh",
            "Nordvik Battery Systems AB",
            "pilot line",
            id="capacity-modifies-the-line",
        ),
        pytest.param(
            "According to Kessler Research GmbH, the storage market could reach $5 billion by 2030.",
            "$5 billion",
            "Kessler Research GmbH",
            "storage market",
            id="source-of-a-forecast",
        ),
        pytest.param(
            "Officials expect the storage market to reach $5 billion by 2030.",
            "by 2030",
            None,
            "storage market",
            id="no-organization-named",
        ),
        pytest.param(
            "Daewon Motor Corp. and Hanbit Energy Solutions Co. will buy cells from 2027.",
            "from 2027",
            None,
            "cells",
            id="two-subjects-no-single-link",
        ),
    ],
)
def test_links(run_model, text, anchor, organization, milestone):
    found = fact(run_model(text), anchor)
    assert found.organization == organization
    assert found.milestone is not None and milestone in found.milestone


def test_a_lender_is_not_what_a_loan_is_about(run_model):
    record = run_model("The rest comes from a EUR 350 million loan from the European Investment Bank.")
    assert fact(record, "EUR 350 million").organization is None


def test_a_wire_service_is_never_linked(run_model):
    record = run_model("A Kestrel Power Co. executive told Xinhua the company would have 30 GWh of capacity by 2027.")
    assert fact(record, "by 2027").organization == "Kestrel Power Co."


def test_rules_only_runs_leave_links_empty(run_rules):
    record = run_rules("Velmora Motors Inc. plans mass production by 2028.")
    assert [(f.organization, f.milestone) for f in record.facts] == [(None, None)]


def test_a_partner_inside_the_subject_is_not_linked(run_model):
    record = run_model("Supply deals with Harrow Motors Inc. begin next year.", published="2025-05-01")
    assert fact(record, "next year").organization is None
