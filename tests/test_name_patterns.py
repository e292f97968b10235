"""Name-shape rules run only where their required words are: the matches are those of all rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.textgen import ArticleGenerator
from pipeline.components.name_patterns import NamePatterns
from pipeline.extraction import make_doc
from pipeline.nlp import load_pipeline

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def patterns() -> NamePatterns:
    return load_pipeline("blank").get_pipe("organization_finder").patterns


def test_rules_skipped_for_missing_words_change_no_match(patterns):
    nlp = load_pipeline("blank")
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    texts += [str(record["text"]) for record in ArticleGenerator(11).records(40)]
    every_rule = patterns._matcher(frozenset(patterns.patterns))
    for text in texts:
        doc = nlp(make_doc(nlp, text, None))
        assert sorted(patterns(doc)) == sorted(every_rule(doc))


def test_a_rule_is_tried_only_where_its_words_are(patterns):
    nlp = load_pipeline("blank")
    assert "institution-of" not in patterns._applicable(nlp.make_doc("Harrow Motors Inc. said on Monday."))
    applicable = patterns._applicable(nlp.make_doc("The Ministry of Industry said."))
    assert {"institution-of", "institution"} <= applicable and "wire-credit-slashes" not in applicable
    assert patterns(nlp.make_doc("")) == []


def test_repeated_name_words_are_bounded():
    """'*' or '+' over name words makes the Matcher quadratic on a run of them ('Inc. ' * 3000
    took 44 s, rules only); bounded operators keep it linear."""
    from pipeline.resources import jsonl

    operators = {token.get("OP") for rule in jsonl("org_patterns.jsonl") for token in rule["pattern"]}
    assert not operators & {"*", "+"}, operators
