"""The scorer against hand-computed numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.gold import GoldArticle, GoldOrganization
from pipeline.records import ArticleRecord, Mention, Money, Organization, TargetYear
from pipeline.scoring import Counts, compare_article, match_multisets, match_organizations


def money(start: int, amount: str, currency: str = "USD", text: str | None = None) -> Money:
    text = text or "x" * 5
    return Money(
        text=text,
        start=start,
        end=start + len(text),
        amount=Decimal(amount),
        min=None,
        max=None,
        currency=currency,
        qualifier=None,
    )


def org(name: str, *aliases: str, start: int = 0) -> GoldOrganization:
    return GoldOrganization(
        name=name, aliases=list(aliases), mentions=[Mention(text=name, start=start, end=start + len(name))]
    )


def predicted_org(name: str) -> Organization:
    return Organization(name=name, mentions=[Mention(text=name, start=0, end=len(name))])


def test_counts_from_hand_computed_numbers():
    counts = Counts(tp=2, fp=1, fn=3)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 5)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))  # 0.5


@pytest.mark.parametrize(
    "counts, precision, recall, f1",
    [
        pytest.param(Counts(0, 0, 0), 1.0, 1.0, 1.0, id="nothing-to-find-nothing-found"),
        pytest.param(Counts(0, 0, 4), 0.0, 0.0, 0.0, id="empty-predictions"),
        pytest.param(Counts(0, 3, 0), 0.0, 0.0, 0.0, id="empty-gold"),
        pytest.param(Counts(3, 0, 0), 1.0, 1.0, 1.0, id="perfect"),
    ],
)
def test_edge_cases(counts, precision, recall, f1):
    assert (counts.precision, counts.recall, counts.f1) == (precision, recall, f1)


def test_duplicates_count_once_each():
    gold = [money(0, "5"), money(10, "5")]
    predicted = [money(0, "5"), money(0, "5"), money(0, "5")]
    result = match_multisets(gold, predicted, key=lambda m: (m.amount, m.currency))
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, 1, 0)


def test_strict_needs_the_span_lenient_does_not():
    gold = GoldArticle(
        article_id="a", published=None, organizations=[], capacities=[], money=[money(0, "5")], target_years=[]
    )
    predicted = ArticleRecord(article_id="a", money=[money(3, "5")])
    strict = compare_article(gold, predicted, "strict")["money"].counts
    lenient = compare_article(gold, predicted, "lenient")["money"].counts
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)
    assert (lenient.tp, lenient.fp, lenient.fn) == (1, 0, 0)


def test_value_disagreement_is_a_miss_and_a_spurious_record():
    gold = [TargetYear(text="by 2030", start=0, end=7, year=2030, end_year=None, qualifier="by", relative=False)]
    predicted = [TargetYear(text="by 2030", start=0, end=7, year=2031, end_year=None, qualifier="by", relative=False)]
    result = match_multisets(gold, predicted, key=lambda y: (y.start, y.end, y.year))
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (0, 1, 1)


def test_organizations_accept_aliases_and_ignore_case_and_punctuation():
    gold = [org("SAIC Motor Corp", "SAIC"), org("China International Capital Corp.", "CICC"), org("BYD")]
    predicted = [predicted_org("SAIC"), predicted_org("china international capital corp"), predicted_org("Tesla")]
    result = match_organizations(gold, predicted)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, 1, 1)
    assert [o.name for o in result.misses] == ["BYD"]


def test_one_gold_organization_matches_one_prediction():
    gold = [org("GAC Group", "GAC")]
    predicted = [predicted_org("GAC Group"), predicted_org("GAC")]  # two records for one organization
    result = match_organizations(gold, predicted)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 1, 0)


def test_ties_between_equal_gold_records_are_stable():
    gold = [money(0, "5"), money(0, "5")]
    result = match_multisets(gold, [money(0, "5")], key=lambda m: (m.start, m.amount))
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 0, 1)
