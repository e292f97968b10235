"""Every rule file loads, validates and compiles (the gazetteer's own checks: test_gazetteer.py)."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.components.token_classes import flagged, readable, register_flags
from pipeline.normalize.capacities import capacity_regex
from pipeline.normalize.money import money_regexes
from pipeline.normalize.units import registry, to_base, unit_symbol
from pipeline.normalize.years import year_regex
from pipeline.resources import jsonl, table, thaw
from pipeline.rule_checks import currency_problems, unit_problems

TOML_FILES = ["units.toml", "numerals.toml", "currencies.toml", "years.toml", "organizations.toml"]


@pytest.mark.parametrize("name", TOML_FILES)
def test_toml_tables_load_read_only(name):
    data = table(name)
    assert data
    with pytest.raises(TypeError):
        data["new"] = 1  # type: ignore[index]


def test_org_patterns_compile_with_validation():
    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    rules = jsonl("org_patterns.jsonl")
    for rule in rules:
        matcher.add(rule["id"], [readable(rule["pattern"])])
    assert len(matcher) == len(rules) and len({r["id"] for r in rules}) == len(rules)


def test_token_classes_match_as_flags_exactly_as_their_readable_form():
    """A pattern with lexical flags finds what the same pattern with REGEX/IN predicates finds."""
    nlp = spacy.blank("en")
    text = "Rival maker Velmora Energy Holdings and the Ministry of Industry and Information Technology met Zeta-9 Inc."
    flags, plain = Matcher(nlp.vocab, validate=False), Matcher(nlp.vocab)
    attributes = register_flags(nlp.vocab)
    assert register_flags(nlp.vocab) == attributes  # registering again reuses the same flags
    for rule in jsonl("org_patterns.jsonl"):
        flags.add(rule["id"], [flagged(rule["pattern"], attributes)], greedy="LONGEST")
        plain.add(rule["id"], [readable(rule["pattern"])], greedy="LONGEST")
    doc = nlp(text)
    assert sorted(flags(doc)) == sorted(plain(doc)) and len(flags(doc)) >= 3


def test_a_pattern_naming_an_unknown_token_class_is_refused():
    with pytest.raises(ValueError, match="unknown token class 'nom'"):
        readable([{"CLASS": "nom"}])


def test_every_unit_converts_with_pint_to_its_base():
    assert unit_problems(table("units.toml")) == []  # the check a user's units.toml (--rules) gets too
    for symbol, entry in table("units.toml")["units"].items():
        base = table("units.toml")["kinds"][entry["kind"]]["base"]
        assert to_base(1, symbol) > 0, symbol
        assert (
            registry()(entry["pint"]).dimensionality
            == registry()(base.replace("Ah", "ampere_hour").replace("Wh", "watt_hour")).dimensionality
        )
        for surface in entry["symbols"]:
            assert unit_symbol(surface) == symbol


def test_every_currency_surface_maps_to_a_code_in_use():
    assert currency_problems(table("currencies.toml")) == []  # the check a user's currencies.toml gets too


@pytest.mark.parametrize(
    ("units", "problem"),
    [
        ({"units": {"PWh": {"pint": "petawatt_hour", "kind": "energy", "symbols": ["PWh"]}}}, "not one the records"),
        ({"units": {"GWh": {"pint": "gigawatt", "kind": "energy", "symbols": []}}}, "pint cannot convert"),
        ({"units": {"GWh": {"pint": "gigawatt_hour", "kind": "power", "symbols": []}}}, "kind 'power'"),
        ({"units": {"Ah": {"symbols": ["X"]}, "Wh": {"symbols": ["X"]}}}, "names two units"),
    ],
    ids=["unknown-unit", "wrong-dimension", "unknown-kind", "shared-surface"],
)
def test_unit_check_finds_bad_units(units, problem):
    data = {"kinds": thaw(table("units.toml")["kinds"]), **units}
    for entry in data["units"].values():
        entry.setdefault("pint", "ampere_hour")
        entry.setdefault("kind", "charge")
    assert any(problem in reason for _, reason in unit_problems(data))


def test_regexes_compile_once():
    assert capacity_regex() is capacity_regex()
    assert money_regexes() is money_regexes()
    assert isinstance(year_regex(), re.Pattern)


def test_rule_tables_are_shared_not_copied():
    assert table("units.toml") is table("units.toml")
    assert jsonl("organizations.jsonl") is jsonl("organizations.jsonl")
