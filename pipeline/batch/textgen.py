"""Generated battery-news articles for benchmarks and tests: paragraphs from templates, seeded."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

CITIES = ("SEOUL", "SHANGHAI", "TOKYO", "BERLIN", "DETROIT", "OSLO", "MUMBAI", "ATLANTA", "PARIS", "TAIPEI")
WIRES = ("(Reuters)", "(Yonhap)", "(Xinhua)", "(PTI)", "/PRNewswire/", "(Bloomberg)")
STEMS = ("Harrow", "Nordvik", "Ridgeline", "Ironbark", "Saltmarsh", "Kessler", "Fjellstrand", "Trishul", "Daesung")
KINDS = ("Battery", "Energy", "Cell Technologies", "Motors", "Lithium", "Power Systems", "Materials")
SUFFIXES = ("Inc.", "Co., Ltd.", "GmbH", "AG", "Corp.", "Ltd.", "ASA", "N.V.")
KNOWN = ("CATL", "LG Energy Solution", "Panasonic", "Samsung SDI", "SK On", "BYD", "Northvolt", "Tesla")
CAPACITIES = ("{n} GWh", "{n} gigawatt hours", "{n}Ah", "{n} MWh", "{n} kWh", "{n}-{m} GWh", "{n} GWh a year")
MONEY = ("${n}bn", "US${n} million", "€{n} billion", "RMB{n}bn", "{n} trillion won", "Rs {k},000 crore", "¥{n}bn")
YEARS = ("by {y}", "in {y}", "between {y} and {z}", "no later than {y}", "by the end of {y}", "next year")

PARAGRAPHS = (
    "{org} said on {day} it plans to build a {cap} cell plant in {place}, investing {money} in the project, "
    "with production due to start {year}.",
    "The company expects demand for energy storage cells to reach {cap} {year}, a spokesperson for {org} told "
    "reporters. Analysts at {org2} said the target looked ambitious.",
    "{org} ({abbr}) posted an operating profit of {money} in the quarter. {abbr} said it would add {cap} of "
    "capacity {year} and cut costs by about {pct} percent.",
    "Under the agreement, {org} will supply {cap} of lithium iron phosphate batteries to {org2} {year}. The "
    "contract is worth {money}, according to a regulatory filing.",
    "Shares of {org} rose {pct} percent after the announcement. The firm was founded in {past} and has raised "
    "{money} from investors, including {org2}.",
    '"We intend to double our output {year}," the chief executive of {org} said. Its new {cap} line in {place} '
    "will employ about {people} people.",
    "Government officials said the state would provide up to {money} in grants, while {org} and {org2} each "
    "committed {money2} to the joint venture.",
)


class ArticleGenerator:
    """Seeded generator of plausible battery-news articles (one headline line, then paragraphs)."""

    def __init__(self, seed: int = 0) -> None:
        self.random = random.Random(seed)

    def _org(self) -> str:
        if self.random.random() < 0.3:
            return self.random.choice(KNOWN)
        return f"{self.random.choice(STEMS)} {self.random.choice(KINDS)} {self.random.choice(SUFFIXES)}"

    def _fill(self, template: str) -> str:
        r = self.random
        n, y = r.choice((4, 12, 20, 40, 100, 314)), r.randint(2026, 2035)
        org = self._org()
        slots = {
            "org": org,
            "org2": self._org(),
            "abbr": "".join(word[0] for word in org.split()[:3]).upper(),
            "cap": r.choice(CAPACITIES).format(n=n, m=n * 2),
            "money": r.choice(MONEY).format(n=r.choice((1.2, 2.5, 3, 45, 310)), k=r.randint(1, 9)),
            "money2": r.choice(MONEY).format(n=r.choice((1, 5, 60)), k=r.randint(1, 9)),
            "year": r.choice(YEARS).format(y=y, z=y + 3),
            "past": r.randint(1995, 2023),
            "day": r.choice(("Monday", "Tuesday", "Thursday")),
            "place": r.choice(("Georgia", "Hungary", "Gujarat", "Jiangsu", "Saxony", "Ontario", "Mo i Rana")),
            "pct": r.randint(2, 40),
            "people": r.randint(3, 40) * 100,
        }
        return template.format(**slots)

    def text(self, paragraphs: int = 4) -> str:
        """One article: a dateline paragraph then ``paragraphs - 1`` more, separated by blank lines."""
        r = self.random
        first = f"{r.choice(CITIES)} {r.choice(WIRES)} -- " + self._fill(r.choice(PARAGRAPHS))
        rest = [self._fill(r.choice(PARAGRAPHS)) for _ in range(paragraphs - 1)]
        return "\n\n".join([first, *rest])

    def text_of_size(self, chars: int) -> str:
        """One long article of at least ``chars`` characters."""
        parts = [self.text(6)]
        while sum(map(len, parts)) < chars:
            parts.append(self.text(6))
        return "\n\n".join(parts)

    def records(
        self, count: int, prefix: str = "gen", paragraphs: tuple[int, int] = (2, 6)
    ) -> Iterator[dict[str, object]]:
        """``count`` JSONL-shaped articles (id, text, published, title, source) of 2 to 6 paragraphs."""
        start = date(2024, 1, 1)
        for number in range(count):
            text = self.text(self.random.randint(*paragraphs))
            yield {
                "id": f"{prefix}-{number:06d}",
                "text": text,
                "published": (start + timedelta(days=self.random.randint(0, 700))).isoformat(),
                "title": text.split(" -- ", 1)[-1][:60],
                "source": "generated",
            }


def write_jsonl(path: Path, records: Iterable[dict[str, object]]) -> Path:
    """Write ``records`` one JSON object a line (UTF-8); returns ``path``."""
    with path.open("w", encoding="utf-8") as stream:
        for fields in records:
            stream.write(json.dumps(fields, ensure_ascii=False) + "\n")
    return path
