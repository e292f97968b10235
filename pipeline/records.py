"""The output contract: pydantic models, the single source of the JSON Schemas in ``schemas/``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Literal, Self, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PrivateAttr, model_validator

from pipeline.normalize.currencies import iso_codes
from pipeline.resources import table

SCHEMA_VERSION = "1.3.0"



@dataclass(frozen=True)
class Column:
    """What other modules need to know of a field beyond validation, declared once on the field
    (as ``Annotated`` metadata; pydantic ignores it): the Parquet tables, the scorer and the merging
    of article pieces read these marks instead of keeping lists of field names of their own.

    - ``storage``: a narrower Arrow type than the Python type gives ("int16" for years);
    - ``offset``: the field is a character offset into the article (shifted when pieces merge);
    - ``core``: compared in lenient scoring as well as strict;
    - ``scored``: compared in strict scoring (a field the gold does not annotate says False);
    - ``name``: the column's name in the Parquet tables, where it is not the field's own.
    """

    storage: str | None = None
    offset: bool = False
    core: bool = False
    scored: bool = True
    name: str | None = None


CORE = Column(core=True)
UNSCORED = Column(scored=False)
Offset = Annotated[int, Column(offset=True)]
YearNumber = Annotated[int, Column(storage="int16")]

CapacityUnit = Literal["mAh", "Ah", "kAh", "Wh", "kWh", "MWh", "GWh", "TWh"]


def _decimal_to_json(value: Decimal) -> int | float:
    """Amounts are JSON numbers: exact integers, or floats where the amount has a fraction."""
    return int(value) if value == value.to_integral_value() else float(value)


Amount = Annotated[
    Decimal,
    PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json"),
    Field(description="An exact amount in units of the currency (2.5 billion -> 2500000000)."),
]


# Amounts fit the Parquet money columns, decimal128(38, 6): at most 32 digits before the point.
MAX_AMOUNT_DIGITS = 32


class Record(BaseModel):
    # No inf or NaN: JSON has no such numbers (a capacity too large for a float is not a value).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Located(Record):
    text: str = Field(description="The text of the record, exactly article[start:end].")
    start: Offset = Field(ge=0, description="Character offset of the first character (inclusive).")
    end: Offset = Field(ge=0, description="Character offset after the last character (exclusive).")
    sentence: str | None = Field(default=None, description="The sentence the record was found in.")

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Self:
        if self.end - self.start != len(self.text):
            raise ValueError(f"offsets {self.start}:{self.end} do not fit text {self.text!r}")
        return self


def _check_range(value: object, low: object, high: object) -> None:
    if (value is None) == (low is None and high is None):
        raise ValueError("a record holds either a value or a min/max range")
    if (low is None) != (high is None):
        raise ValueError("a range needs both min and max")
    if low is not None and high is not None and low > high:  # type: ignore[operator]
        raise ValueError(f"min {low} is greater than max {high}")


class Mention(Located):
    """One place where an organization is named."""


# Kinds of organization the gazetteer knows (data/organizations.jsonl).
OrganizationKind = Literal[
    "battery_maker", "materials", "automaker", "mining", "energy_storage", "equipment", "utility", "finance",
    "agency", "institute", "university", "consortium", "news_agency", "other",
]


class Organization(Record):
    name: str = Field(description="Canonical name: the fullest name the article uses.")
    id: Annotated[str | None, Column(name="organization_id")] = Field(
        default=None,
        description="Stable gazetteer id, the same in every article for every name of the organization "
        '("CATL" and "Contemporary Amperex Technology Co., Limited" are both "catl"); null when unknown.',
    )
    kind: OrganizationKind | None = Field(default=None, description="What the organization is, from the gazetteer.")
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country of the organization (INT, EU), from the gazetteer."
    )
    mentions: list[Mention] = Field(min_length=1, description="Every mention, in text order.")


class CapacityCore(Located):
    """A capacity as annotated: the value as written."""

    value: Annotated[float | None, CORE] = Field(description="The value in `unit`, for a single value.")
    min: Annotated[float | None, CORE] = Field(description="Lower bound in `unit`, for a range.")
    max: Annotated[float | None, CORE] = Field(description="Upper bound in `unit`, for a range.")
    unit: Annotated[CapacityUnit, CORE] = Field(description="Canonical symbol of the unit as written.")
    kind: Literal["charge", "energy"] = Field(description="Electric charge (Ah) or energy (Wh).")
    qualifier: str | None = Field(description='Qualifier as written, lower-cased ("above", "up to").')
    rate: Literal["year"] | None = Field(description='"year" for an annual figure ("40 GWh a year").')

    @model_validator(mode="after")
    def _value_or_range(self) -> Self:
        _check_range(self.value, self.min, self.max)
        if (self.unit in {"mAh", "Ah", "kAh"}) != (self.kind == "charge"):
            raise ValueError(f"unit {self.unit} is not a unit of {self.kind}")
        return self


class Capacity(CapacityCore):
    """A capacity as extracted: the value as written and converted to the kind's base unit."""

    normalized_value: float | None = Field(description="`value` in the base unit of the kind.")
    normalized_min: float | None = Field(description="`min` in the base unit of the kind.")
    normalized_max: float | None = Field(description="`max` in the base unit of the kind.")
    normalized_unit: Literal["Ah", "Wh"] = Field(description="Base unit: Ah for charge, Wh for energy.")


MoneyKind = Literal[
    "investment",
    "funding",
    "loan",
    "grant",
    "revenue",
    "profit",
    "market_size",
    "price",
    "unit_price",
    "share_price",
    "valuation",
    "cost",
    "contract",
    "other",
]


class Money(Located):
    amount: Annotated[Amount | None, CORE] = Field(description="The amount, for a single value.")
    min: Annotated[Amount | None, CORE] = Field(description="Lower bound, for a range.")
    max: Annotated[Amount | None, CORE] = Field(description="Upper bound, for a range.")
    currency: Annotated[str, CORE] = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code.")
    qualifier: str | None = Field(description='Qualifier as written, lower-cased ("about").')
    equivalent_of: Offset | None = Field(
        default=None, description="`start` of the amount this one converts, for a bracketed equivalent."
    )
    kind: Annotated[MoneyKind, UNSCORED] = Field(
        default="other",
        description="What the amount is, from the words of its clause (README, \"Money\"): an investment, funding, "
        "a loan, a grant or subsidy, revenue, a profit or loss, a market size, a price, a unit price, a share price, "
        "a valuation, a cost, a contract's value, or other.",
    )
    per: Annotated[str | None, UNSCORED] = Field(
        default=None, description='The unit of a price per unit, as written ("kWh" in "$98 per kWh", "share").'
    )
    role: Annotated[Literal["change", "level"] | None, UNSCORED] = Field(
        default=None,
        description='In "increased by $43.6 billion to $419.2 billion": "change" for the amount after "by", '
        '"level" for the amount it reached (a converted equivalent has the role of what it converts); '
        "none otherwise, a range among them.",
    )
    currency_inferred: Annotated[bool, UNSCORED] = Field(
        default=False,
        description='True when the text wrote an ambiguous surface ("$", "¥", "kr", "dollars", "cents") and the '
        "currency was resolved from the article (a stated currency, place names, a dateline) or is its default.",
    )

    @model_validator(mode="after")
    def _value_or_range(self) -> Self:
        _check_range(self.amount, self.min, self.max)
        for value in (self.amount, self.min, self.max):
            if value is not None and value != 0 and value.adjusted() >= MAX_AMOUNT_DIGITS:
                raise ValueError(f"an amount of more than {MAX_AMOUNT_DIGITS} digits before the point")
        if self.currency not in iso_currencies():
            raise ValueError(f"{self.currency} is not an ISO 4217 code this pipeline knows")
        return self


Grain = Literal["year", "half", "quarter", "season", "month", "week", "day"]
Fiscal = Literal["named", "starts", "ends"]


class TargetYear(Located):
    year: Annotated[YearNumber | None, CORE] = Field(
        description="The year, or the first year of a range; null if unresolved."
    )
    end_year: Annotated[YearNumber | None, CORE] = Field(description="The last year of a range.")
    qualifier: str | None = Field(description='Qualifier as written, lower-cased ("by", "as early as").')
    relative: Annotated[bool, CORE] = Field(
        description='True for expressions like "next year" that need the publication date.'
    )
    grain: Annotated[Grain, UNSCORED] = Field(
        default="year",
        description='What the text gave: a year ("by 2030", "by mid-2027"), a half ("H2 2026"), a quarter, '
        'a season, a month ("December 2026"), a week or a day ("March 3, 2027"); `year` is still the year.',
    )
    fiscal: Fiscal | None = Field(
        default=None,
        description='For a fiscal year, how `year` names it: "named" is the year as written with no calendar '
        'shift ("FY26", "fiscal 2027" -> 2026, 2027); "starts" is the calendar year it starts in ("the financial '
        'year 2026-27" -> 2026); "ends" the calendar year it ends in ("the year to March 2026" -> 2026). '
        "Null for a calendar year.",
    )

    @model_validator(mode="after")
    def _plausible(self) -> Self:
        low, high = table("years.toml")["range"]["plausible"]
        for year in (self.year, self.end_year):
            if year is not None and not low <= year <= high:
                raise ValueError(f"{year} is not a plausible year")
        if self.end_year is not None and (self.year is None or self.end_year < self.year):
            raise ValueError("end_year needs a year no later than it")
        if self.year is None and not self.relative:
            raise ValueError("only a relative expression may have no year")
        return self


class Fact(Located):
    """Who plans what, by when: one target year, capacity or amount with the organization it is
    about and the milestone it dates or measures. ``text``/``start``/``end`` are the anchor record's: a
    fact joins its anchor in the ``capacities``, ``money`` or ``target_years`` table on the article id and
    ``start`` (no two records of one type start at the same offset), and its year, capacity and amount
    on ``year_start``, ``capacity_start`` and ``money_start``."""

    fact_id: str = Field(
        default="",
        description='Unique in the article: the anchor type and where it starts ("capacity:2377"), always derived '
        "from them (a given value is replaced).",
    )
    anchor: Literal["target_year", "capacity", "money"] = Field(description="The type of the anchor record.")
    organization: str | None = Field(description="Canonical name of the organization it is about, if any.")
    organization_id: str | None = Field(
        default=None, description="Gazetteer id of that organization (as `Organization.id`), if known."
    )
    link: Literal["same_clause", "same_sentence", "previous_sentence", "owner", "table_row", "earlier"] | None = Field(
        description="How the organization was found: in the anchor's clause, its sentence, the one before, as the "
        'owner of the thing the clause is about ("the plant", "the venture"), as the company of a table row, or '
        "as the organization the article was about at that point (the last one that acted, else the most named)."
    )
    milestone: str | None = Field(description='What the anchor dates or measures ("mass production").')
    milestone_start: Offset | None = Field(description="Character offset of the milestone, if any.")
    year: YearNumber | None = Field(
        description="The target year of the anchor's clause about the same organization (the anchor's own, for a "
        "year); null where the clause has none."
    )
    end_year: YearNumber | None = Field(description="The last year of a target range.")
    capacity: str | None = Field(
        description="The capacity of the anchor's clause about the same organization, as written, if any."
    )
    money: str | None = Field(description="The amount of the anchor's clause about the same organization, if any.")
    year_start: Offset | None = Field(default=None, description="`start` of the target year record of `year`.")
    capacity_start: Offset | None = Field(default=None, description="`start` of the capacity record of `capacity`.")
    money_start: Offset | None = Field(default=None, description="`start` of the money record of `money`.")

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: object) -> object:
        if isinstance(data, dict) and "anchor" in data and "start" in data:
            return {**data, "fact_id": f"{data['anchor']}:{data['start']}"}
        return data


DateOrigin = Literal["input", "html", "url", "text", "none"]


class ArticleRecord(Record):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this record schema.")
    article_id: str = Field(min_length=1, description="The article's identifier.")
    published: dt.date | None = Field(default=None, description="Publication date, if known.")
    published_from: DateOrigin = Field(
        default="none",  # "input" when not given and ``published`` is (see the validator below)
        description="Where the publication date came from: input (the input's own published), html (the "
        "page's metadata), url (a date in the URL path), text (the dateline), none (no date stated).",
    )
    title: str | None = Field(default=None, description="Title of the article or page, if known.")
    url: str | None = Field(default=None, description="Address of the page, if known.")
    site: str | None = Field(default=None, description="Name of the site (og:site_name, else the URL's host).")
    organizations: list[Organization] = Field(default_factory=list, description="One per organization.")
    capacities: list[Capacity] = Field(default_factory=list, description="Capacities in text order.")
    money: list[Money] = Field(default_factory=list, description="Money amounts in text order.")
    target_years: list[TargetYear] = Field(default_factory=list, description="Target years in text order.")
    facts: list[Fact] = Field(default_factory=list, description="One fact per target year, capacity and amount.")
    # Items dropped while building the record, by reason (not a field: see build.dropped_items).
    _dropped: dict[str, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _date_origin(cls, data: object) -> object:
        """An article given its date says ``input``; one without a date ``none``."""
        if isinstance(data, dict) and "published_from" not in data:
            return {**data, "published_from": "input" if data.get("published") is not None else "none"}
        return data


def item_models() -> dict[str, type[BaseModel]]:
    """The lists of an ``ArticleRecord`` and the model of their items: ``{"capacities": Capacity, …}``."""
    lists = {name: info.annotation for name, info in ArticleRecord.model_fields.items()}
    return {name: get_args(kind)[0] for name, kind in lists.items() if get_origin(kind) is list}


def offset_fields(model: type[BaseModel]) -> frozenset[str]:
    """Fields of ``model`` that hold a character offset into the article."""
    return frozenset(name for name, mark in marks(model).items() if mark.offset)


@cache
def marks(model: type[BaseModel]) -> dict[str, Column]:
    """The ``Column`` marks of each field of ``model`` (on the field or inside its type), merged."""
    found = {}
    for name, info in model.model_fields.items():
        columns = [m for m in (*info.metadata, *_nested_metadata(info.annotation)) if isinstance(m, Column)]
        found[name] = Column(
            storage=next((c.storage for c in columns if c.storage), None),
            offset=any(c.offset for c in columns),
            core=any(c.core for c in columns),
            scored=all(c.scored for c in columns),
            name=next((c.name for c in columns if c.name), None),
        )
    return found


def _nested_metadata(annotation: object) -> list[object]:
    """Metadata of ``Annotated`` types inside a union ("Offset | None")."""
    if get_origin(annotation) is Annotated:
        return [*annotation.__metadata__, *_nested_metadata(get_args(annotation)[0])]  # type: ignore[attr-defined]
    return [m for arg in get_args(annotation) for m in _nested_metadata(arg)] if get_origin(annotation) else []


@cache
def iso_currencies() -> frozenset[str]:
    """ISO 4217 codes in use today, from CLDR."""
    return iso_codes()
