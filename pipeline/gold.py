"""The gold annotation format: what a person wrote down for one article (corpus/<id>.gold.json)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from pipeline.records import CapacityCore, Money, Organization, Record, TargetYear

GOLD_SUFFIX = ".gold.json"
FACT_FIELDS = ("year", "capacity", "money")


class GoldOrganization(Organization):
    aliases: list[str] = Field(default_factory=list, description="Other names a scorer accepts for it.")


class GoldFact(Record):
    """Which organization and milestone one target year, capacity or amount is about."""

    anchor: Literal["target_year", "capacity", "money"] = Field(description="The type of the linked record.")
    start: int = Field(ge=0, description="`start` of the linked record.")
    text: str = Field(description="`text` of the linked record.")
    organization: str | None = Field(description="Canonical name of the organization it is about, or null.")
    milestone: str | None = Field(description="The milestone or subject it dates or measures, as written.")
    year: int | None = Field(
        default=None,
        description="The target year of its clause about the same organization (not for a year's own fact), or "
        "null; scored only where written down.",
    )
    capacity: str | None = Field(
        default=None, description="The capacity of its clause about the same organization, as written, or null."
    )
    money: str | None = Field(
        default=None, description="The amount of its clause about the same organization, as written, or null."
    )

    def annotated_fields(self) -> list[str]:
        """Which of ``year``, ``capacity`` and ``money`` the annotator wrote down (a null included)."""
        return [name for name in FACT_FIELDS if name in self.model_fields_set]


class GoldArticle(Record):
    article_id: str = Field(min_length=1, description="The article's identifier (its file name stem).")
    published: dt.date | None = Field(description="Publication date, if the article has one.")
    organizations: list[GoldOrganization] = Field(description="One per organization, with every mention.")
    capacities: list[CapacityCore] = Field(description="Every capacity, in text order.")
    money: list[Money] = Field(description="Every amount of money, in text order.")
    target_years: list[TargetYear] = Field(description="Every target year, in text order.")
    facts: list[GoldFact] = Field(default_factory=list, description="One link per year, capacity and amount.")

    def check_against(self, text: str) -> None:
        """Raise ValueError when a record's text is not ``text[start:end]``."""
        located = [m for o in self.organizations for m in o.mentions]
        for record in [*located, *self.capacities, *self.money, *self.target_years]:
            if text[record.start : record.end] != record.text:
                raise ValueError(f"{self.article_id}: {record.text!r} is not at {record.start}:{record.end}")

    @model_validator(mode="after")
    def _unique_names(self) -> GoldArticle:
        names = [o.name for o in self.organizations]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.article_id}: an organization is listed twice")
        return self


def load_gold(path: Path) -> GoldArticle:
    """A gold file, validated (amounts read as exact decimals)."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return GoldArticle.model_validate(data)


def corpus_articles(directory: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs of a corpus folder, in name order."""
    pairs = []
    for gold in sorted(directory.glob(f"*{GOLD_SUFFIX}")):
        article = gold.with_name(gold.name[: -len(GOLD_SUFFIX)] + ".txt")
        if not article.exists():
            raise FileNotFoundError(f"{gold}: no article {article.name} next to it")
        pairs.append((article, gold))
    return pairs
