"""The organization gazetteer (``pipeline/data/organizations.jsonl``): broad, well formed, and
every name in it found by the pipeline.

Rules checked here:

- ids are unique, lower snake case, and never reused;
- a surface (a name or an alias, compared exactly: matching is case-sensitive) names one
  organization only. A surface two organizations really share would have to be listed in
  ``SHARED_SURFACES`` with the rule that resolves it; the list is empty because the rule we keep is
  simpler: an ambiguous short form ("Hyundai" for the carmaker and its parts arm) goes to the
  organization the news means by it, and the others keep their longer names only;
- no alias is a common English word, a bare place name or a product that starts a sentence in
  Title Case ("Power", "Edge", "China"): ``UNSAFE_ALIASES`` lists the ones to keep out;
- kinds come from a closed set; countries are ISO 3166-1 alpha-2 codes, or ``EU`` for an EU body
  and ``INT`` for an international one;
- recall: each surface, put into two neutral sentences, is found as an organization mention by
  the rules-only pipeline, under its own entry's id.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.extraction import Article, process
from pipeline.resources import jsonl

# The checks a user's gazetteer (--rules) gets too: one definition, in the package.
from pipeline.rule_checks import (
    ENTRY_FIELDS,
    ID_SHAPE,
    KINDS,
    UNSAFE_ALIASES,
    entry_problems,
    is_country,
    shared_surfaces,
    surfaces,
)

RULES_ONLY = "blank"  # spacy.blank("en"): the rules alone, fast
ENTRIES = jsonl("organizations.jsonl")
SHARED_SURFACES: dict[str, set[str]] = {}  # surface -> the ids that share it (none at present)
MIN_ENTRIES = 1500
SENTENCES = (
    "{} said on Monday it will invest $1 billion in a new plant.",
    "The deal was signed by {} and partners.",
)
# Share of surfaces found in both sentences (every one is found today).
RECALL_FLOOR = 0.995


def test_gazetteer_is_large():
    assert len(ENTRIES) >= MIN_ENTRIES


def test_entries_have_exactly_the_known_fields():
    for entry in ENTRIES:
        assert set(entry) == ENTRY_FIELDS, entry.get("id")
        assert isinstance(entry["aliases"], list | tuple), entry["id"]


def test_ids_are_unique_and_lower_snake_case():
    ids = [entry["id"] for entry in ENTRIES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not ID_SHAPE.fullmatch(i)] == []


@pytest.mark.parametrize(
    ("candidate", "well_formed"),
    [
        ("catl", True),
        ("sk_on", True),
        ("24m_technologies", True),
        ("SK_On", False),
        ("sk-on", False),
        ("sk__on", False),
        ("_catl", False),
    ],
)
def test_id_shape_check(candidate, well_formed):
    assert bool(ID_SHAPE.fullmatch(candidate)) is well_formed


def test_a_surface_names_one_organization():
    assert shared_surfaces(ENTRIES) == SHARED_SURFACES


def test_every_entry_passes_the_entry_checks():
    assert [(e["id"], entry_problems(e)) for e in ENTRIES if entry_problems(e)] == []


def test_no_surface_repeats_within_an_entry():
    for entry in ENTRIES:
        names = surfaces(entry)
        assert len(names) == len(set(names)), entry["id"]


def test_surfaces_are_clean_strings():
    for entry in ENTRIES:
        for surface in surfaces(entry):
            assert surface == surface.strip() and "  " not in surface and surface, entry["id"]
            assert any(ch.isalnum() for ch in surface), entry["id"]


def test_no_alias_is_a_common_word_place_or_product():
    unsafe = [(e["id"], s) for e in ENTRIES for s in surfaces(e) if s in UNSAFE_ALIASES]
    assert unsafe == []


def test_kinds_are_from_the_closed_set():
    assert {entry["kind"] for entry in ENTRIES} <= KINDS
    assert len({entry["kind"] for entry in ENTRIES}) == len(KINDS)  # every kind is used


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("CN", True),
        ("KR", True),
        ("EU", True),
        ("INT", True),
        ("UK", False),
        ("XX", False),
        ("cn", False),
        ("CHN", False),
    ],
)
def test_country_check(code, valid):
    assert is_country(code) is valid


def test_countries_are_iso_alpha_2_or_eu_or_int():
    assert [(e["id"], e["country"]) for e in ENTRIES if not is_country(e["country"])] == []


def test_the_main_producing_countries_are_covered():
    counts = Counter(entry["country"] for entry in ENTRIES)
    for country in ("CN", "KR", "JP", "US", "DE", "FR", "GB", "IN", "ID", "AU", "CA", "SE"):
        assert counts[country] >= 15, country


@pytest.fixture(scope="module")
def missed() -> list[tuple[str, str]]:
    """(id, surface) of every surface the rules-only pipeline does not find, with that id, in some sentence."""
    cases = [(entry["id"], surface) for entry in ENTRIES for surface in surfaces(entry)]
    articles = [
        Article(f"{index}:{template}", template.format(surface))
        for index, (_, surface) in enumerate(cases)
        for template in SENTENCES
    ]
    misses = set()
    for (_, record), article in zip(process(articles, model=RULES_ONLY, batch_size=256), articles, strict=True):
        index = int(article.article_id.split(":", 1)[0])
        found = {(o.id, mention.text) for o in record.organizations for mention in o.mentions}
        if cases[index] not in found:  # named, and under its own entry's id
            misses.add(cases[index])
    return sorted(misses)


def test_every_surface_is_found_in_neutral_sentences(missed):
    total = sum(len(surfaces(entry)) for entry in ENTRIES)
    recall = 1 - len(missed) / total
    assert recall >= RECALL_FLOOR, f"recall {recall:.4f}; missed: {missed[:40]}"


@pytest.mark.parametrize("surface", ["CATL", "LG Energy Solution", "Samsung SDI", "Panasonic Energy", "Northvolt"])
def test_core_names_are_always_found(missed, surface):
    assert surface not in {s for _, s in missed}
