"""The HTML report as a triage tool: every error `--errors` lists is on the page, paired errors show
the fields that differ, and (in a real headless browser) "Errors only" hides what is right."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from pipeline.records import Money
from pipeline.report.page import render_report
from pipeline.report.pairs import pair_errors
from pipeline.scoring import Comparison

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def report():
    return evaluate(CORPUS)


@pytest.fixture(scope="module")
def page(report) -> str:
    return render_report(report)


class ErrorRows(HTMLParser):
    """(article, row, kind) of every error row, by the section it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.article: str | None = None
        self.found: Counter[tuple[str | None, str, str]] = Counter()
        self.sections: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section":
            self.article = (values["id"] or "")[2:]
            self.sections[self.article] = int(values["data-errors"] or 0)
        if tag == "tr" and values.get("data-errors"):
            for kind in (values["data-errors"] or "").split():
                self.found[(self.article, values["data-row"] or "", kind)] += 1


def test_the_page_lists_every_error_that_errors_lists(report, page):
    parser = ErrorRows()
    parser.feed(page)
    listed = Counter((e.article_id, e.record_type, e.kind) for e in report.errors("strict"))
    assert sum(listed.values()) > 100  # the corpus has errors to show: the count is not trivially zero
    assert parser.found == listed
    assert parser.sections == {r.article_id: len(r.errors("strict")) for r in report.articles}


def test_every_article_has_an_anchor_linked_from_the_index(report, page):
    for result in report.articles:
        assert f"href='#a-{result.article_id}'" in page and f"id='a-{result.article_id}'" in page


def money(start: int, text: str, amount: str, currency: str) -> Money:
    return Money(text=text, start=start, end=start + len(text), amount=Decimal(amount), min=None, max=None,
                 currency=currency, qualifier=None)  # fmt: skip


def test_a_miss_and_a_spurious_record_at_one_place_show_the_field_that_differs():
    gold, other = money(10, "$5bn", "5000000000", "USD"), money(10, "$5bn", "5000000000", "CAD")
    lone = money(40, "€2m", "2000000", "EUR")
    pairs = pair_errors("money", Comparison(misses=[gold, lone], spurious=[other]))
    assert [(p.gold, p.predicted) for p in pairs] == [(gold, other), (lone, None)]
    assert [(d.name, d.gold, d.predicted) for d in pairs[0].differences] == [("currency", "USD", "CAD")]
    assert [p.kinds for p in pairs] == [["miss", "spurious"], ["miss"]]


def test_overlapping_spans_pair_and_show_the_offsets_that_differ():
    gold, other = money(10, "$5bn", "5000000000", "USD"), money(8, "a $5bn", "5000000000", "USD")
    (pair,) = pair_errors("money", Comparison(misses=[gold], spurious=[other]))
    assert [(d.name, d.gold, d.predicted) for d in pair.differences] == [("start", 10, 8)]  # same end and values


def browser() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


PROBE = """<script>
function visible(selector){return Array.from(document.querySelectorAll(selector)).filter(
  function(e){return e.getClientRects().length > 0}).length}
function count(){return {errors: visible('tr[data-errors]'), ok: visible('.ok'), articles: visible('section')}}
var before = count(); document.getElementById('errors-only').click(); var after = count();
var out = document.createElement('pre'); out.id = 'probe';
out.textContent = JSON.stringify({before: before, after: after, hash: location.hash});
document.body.appendChild(out);
</script></body>"""


@pytest.mark.skipif(browser() is None, reason="no headless Chromium on this machine (apt-get install chromium)")
def test_errors_only_in_a_real_browser_hides_what_is_right(report, page, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(page.replace("</body>", PROBE), encoding="utf-8")
    command = [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    probe = json.loads(dom.split("<pre id=\"probe\">", 1)[1].split("</pre>", 1)[0])
    errors = sum(len(pair_errors(row, c)) for r in report.articles for row, c in r.comparisons["strict"].items())
    with_errors = sum(1 for r in report.articles if r.errors("strict"))
    assert probe["before"]["errors"] == probe["after"]["errors"] == errors
    assert probe["before"]["ok"] > 0 and probe["after"]["ok"] == 0
    assert probe["before"]["articles"] == len(report.articles) and probe["after"]["articles"] == with_errors
    assert probe["hash"] == "#errors-only"
