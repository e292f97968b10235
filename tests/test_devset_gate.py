"""The development set gate: 42 articles written by other authors the way scraped pages read, with
gold and a scorer of their own (``corpus/devset``). Our corpus is cleaner than the web; this set is
what the gate sees of real news. It runs the documented batch command over the articles, as a user
would, and scores the records with the set's scorer; each strict F1 may not drop below its floor."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DEVSET = ROOT / "corpus" / "devset"
FLOORS = tomllib.loads((ROOT / "corpus" / "accuracy_floors.toml").read_text(encoding="utf-8"))["devset"]


def _run(*arguments: object) -> None:
    done = subprocess.run([sys.executable, *map(str, arguments)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("devset")
    published: dict[str, str | None] = {}
    for path in sorted(DEVSET.glob("published-*.json")):
        published.update(json.loads(path.read_text(encoding="utf-8")))
    (out / "published.json").write_text(json.dumps(published), encoding="utf-8")
    articles, gold, links = DEVSET / "articles", DEVSET / "gold", DEVSET / "links"
    _run(DEVSET / "project_preds.py", articles, out / "pred", "--python", sys.executable, "--repo", ROOT,
         "--published", out / "published.json", "--links-out", out / "links")  # fmt: skip
    _run(DEVSET / "score.py", gold, out / "pred", "--articles", articles, "--json", out / "items.json")
    _run(DEVSET / "score_links.py", links, out / "links", "--articles", articles, "--gold", gold,
         "--json", out / "links.json")  # fmt: skip
    items = json.loads((out / "items.json").read_text(encoding="utf-8"))
    facts = json.loads((out / "links.json").read_text(encoding="utf-8"))
    f1 = {row: counts["f1"] for row, counts in items["strict"].items()}
    f1 |= {"links": facts["org"]["f1"], "milestones": facts["milestone"]["f1"]}
    return {"f1": f1, "articles": items["n_articles"], "predicted": items["n_predicted"]}


@pytest.mark.parametrize("row", sorted(FLOORS["strict_f1"]))
def test_devset_strict_f1_stays_above_its_floor(scores, row):
    assert scores["f1"][row] >= FLOORS["strict_f1"][row], f"{row}: {scores['f1'][row]:.3f}"


def test_every_devset_article_is_scored(scores):
    assert scores["articles"] >= FLOORS["min_articles"]
    assert scores["predicted"] == scores["articles"]  # no article lost by the batch run
