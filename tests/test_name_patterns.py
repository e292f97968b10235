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
    assert "institution-of" not in patterns._applicable(patterns._hits(nlp.make_doc("Harrow Motors Inc. said.")))
    applicable = set(patterns._applicable(patterns._hits(nlp.make_doc("The Ministry of Industry said."))))
    assert {"institution-of", "institution"} <= applicable and "wire-credit-slashes" not in applicable
    assert patterns(nlp.make_doc("")) == []


# Matches at the edges of the ranges a rule runs on: as long as a pattern allows ({0,8} name words
# before the suffix), at the start and the end of the text, and ranges that meet.
EDGES = [
    "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Energy Co., Ltd. said.",
    "Beta Gamma Delta Epsilon Zeta Eta Theta Iota Energy",
    "Energy Inc. and Power Corp. and Motors Ltd. signed with Harrow Battery Co., Ltd.",
    "Ministry of Industry and Information Technology of the People and Planning Bureau",
    "told the regional paper Salzgitter Kurier on Monday, according to the trade weekly Grid Edge Weekly",
    "Plenitude, the retail and renewables arm of Eni, said (Reuters) /PRNewswire/",
]


@pytest.mark.parametrize("text", EDGES, ids=range(len(EDGES)))
def test_rules_run_around_their_anchors_find_every_match(patterns, text):
    nlp = load_pipeline("blank")
    doc = nlp(make_doc(nlp, text, None))
    assert sorted(patterns(doc)) == sorted(patterns._matcher(frozenset(patterns.patterns))(doc))


def test_an_anchor_allows_the_tokens_its_pattern_can_have_around_it(patterns):
    """legal-suffix: a name start, up to 8 name words, the suffix (the rarest anchor), ",", a legal tail."""
    suffix = [a for a in patterns.anchors["legal-suffix"] if a.before == 9]
    assert suffix and all(a.after == 2 for a in suffix)


def test_repeated_name_words_are_bounded():
    """'*' or '+' over name words makes the Matcher quadratic on a run of them ('Inc. ' * 3000
    took 44 s, rules only); bounded operators keep it linear."""
    from pipeline.resources import jsonl

    operators = {token.get("OP") for rule in jsonl("org_patterns.jsonl") for token in rule["pattern"]}
    assert not operators & {"*", "+"}, operators


def test_the_words_learned_per_process_are_bounded(patterns, monkeypatch):
    """Over millions of articles new words keep coming: the per-word look-up starts afresh at a bound."""
    nlp = load_pipeline("blank")
    monkeypatch.setattr(patterns, "known_words", 5)
    text = "Zyxqorvane Motors Inc. and Velmora Energy Co. Ltd. signed."  # a word no earlier test has
    before = sorted(patterns(nlp(make_doc(nlp, text, None))))
    assert len(patterns.known) <= 5
    again = sorted(patterns(nlp(make_doc(nlp, text, None))))
    assert again == before and before
