"""Table tests for evidence that comes from how the whole article writes a name: dictionary words
capitalised only where every word is, the words of a product's name, a period, an owner's thing,
a title after "and", an apposition that calls the name a programme, and an acronym the article
defines as a term. Names are invented; positives and negatives side by side."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from pipeline.components.org_cleaning import is_product_or_figure
from pipeline.normalize.dictionary import english_words, is_english_word


def names_of(record: Any) -> set[str]:
    return {org.name for org in record.organizations}


def mentions_of(record: Any) -> set[str]:
    return {m.text for org in record.organizations for m in org.mentions}


# (text, names that must be found, names that must be neither a name nor a mention)
ROWS = [
    pytest.param(
        "Most Android phones now ship with 5,000mAh cells, Samsung SDI said.",
        ["Samsung SDI"],
        ["Android"],
        id="platform-before-a-device-noun",
    ),
    pytest.param(
        "Northvolt sells three lines.\n• Home storage – units of 10 kWh\n• Direct jobs: about 1,100\n",
        ["Northvolt"],
        ["Home", "Direct"],
        id="dictionary-word-after-a-bullet",
    ),
    pytest.param(
        "Utilities in the West plan 15 GW of batteries, the Corvale Public Utilities Commission said. Northvolt "
        "will supply 4 GWh of them by 2028.",
        ["Northvolt"],
        ["Utilities"],
        id="dictionary-word-opening-a-sentence",
    ),
    pytest.param(
        "Also read: FY26 Budget: Customs duty cut on cell inputs extended. Northvolt welcomed it.",
        ["Northvolt"],
        ["Customs"],
        id="dictionary-word-after-a-colon",
    ),
    pytest.param(
        "Harbor, a Czech recycler, will process 20,000 tonnes of black mass a year from 2027.",
        ["Harbor"],
        [],
        id="a-cue-is-evidence-for-a-dictionary-word",
    ),
    pytest.param(
        "The recall covers the Nimbra Slate S20, a 20,000mAh pack. Nimbra said a redesigned Slate will go on sale.",
        [],
        ["Slate", "Nimbra Slate S20"],
        id="word-of-a-product-name",
    ),
    pytest.param(
        "The recall covers the Nimbra Slate 20K, a 20,000mAh pack. Nimbra said a redesigned Slate will go on sale.",
        [],
        ["Slate", "Nimbra Slate 20K"],
        id="word-of-a-product-name-split-code",
    ),
    pytest.param(
        "Zephra's Q7 Power reaches 10,080 mAh, the most of any phone. See also: Zephra Q7 Power review.",
        [],
        ["Q7 Power", "Zephra Q7 Power"],
        id="model-code-after-a-brand",
    ),
    pytest.param(
        "The grant comes through the Investment Agency, Foreign Affairs and Trade Minister Anna Berg said.",
        [],
        ["Foreign Affairs"],
        id="field-of-an-office-before-and",
    ),
    pytest.param(
        "Kesterline Energy told analysts on the Q3 FY26 earnings call that the line runs at 80%.",
        ["Kesterline Energy"],
        ["Q3 FY26"],
        id="a-period-is-no-name",
    ),
    pytest.param(
        "Bosch says the extender also works with older bikes on its Smart Drive System.",
        ["Bosch"],
        ["Smart Drive System"],
        id="a-thing-its-owner-has",
    ),
    pytest.param(
        "Terna awarded 10GWh in the first auction under VESTA, the country's new mechanism for procuring storage.",
        ["Terna"],
        ["VESTA"],
        id="apposition-calls-it-a-mechanism",
    ),
    pytest.param(
        "Bids are open under the scheme for Advanced Storage Cell (ASC) battery storage, and ASC demand grows.\n"
        "ASC Energy Storage – 5 GWh\nNorthvolt – 10 GWh\n",
        ["ASC Energy Storage"],
        ["ASC"],
        id="acronym-of-a-term-is-no-short-form",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ROWS)
def test_names_from_how_the_article_writes_them(run_model, text, wanted, unwanted):
    record = run_model(text)
    assert set(wanted) <= names_of(record), names_of(record)
    assert not set(unwanted) & (names_of(record) | mentions_of(record)), mentions_of(record)


def test_a_known_name_beside_a_sentence_opening_word_keeps_it(run_model):
    """A dictionary word coordinated with a gazetteer name is a name even where only a sentence
    start capitalises it."""
    record = run_model("Lantern and Samsung Electronics have stayed with graphite so far.")
    assert "Samsung Electronics Co., Ltd." in names_of(record) or "Samsung Electronics" in mentions_of(record)
    assert "Lantern" in mentions_of(record)


def test_the_dictionary_ships_with_the_model_and_knows_inflections():
    assert len(english_words()) > 50_000
    assert is_english_word("Utilities") and is_english_word("customs") and is_english_word("jobs")
    assert not is_english_word("Korvane")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Four projects went to the Norvale South and Centre-East zones.", "Norvale South", True),
        ("Four projects went to Korvex Energy and Nordvik Power last year.", "Korvex Energy", False),
    ],
    ids=["coordinated-before-a-place-noun", "coordinated-names"],
)
def test_a_name_coordinated_before_a_place_noun_is_a_place(text, name, expected):
    doc = spacy.blank("en")(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert is_product_or_figure(span) is expected
