"""Evidence that a name the model or a name-shape rule proposes is not an organization: a place
(from place data), a programme, law or event ("Production Linked Incentive"), a site ("Eastern
Economic Corridor"), a chemistry ("Lithium Iron Phosphate"), a person (the model's PERSON, or the
surname of one), a product ("Redmi K90 Pro", "the Silverado EV"), a wire slug ("ATTN"), or words
the model labels as something else. A gazetteer name is never put to these checks."""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import IS_PUNCT, LIKE_NUM
from spacy.tokens import Doc, Span

from pipeline.components.spans import FACTS, entities, flags, lower_words, sentence_starts, span_text, tags
from pipeline.components.spans import words as token_texts
from pipeline.normalize.places import is_place
from pipeline.resources import table

QUARTER = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{2,4}|\d{4}s?)$")
FIGURES = ("money", "capacities")  # span keys of the figure finders, which run before this one
OWNERS = frozenset({"its", "their", "our", "his", "her"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Tags that end an apposition's noun phrase: a preposition, a relative word, a verb.
APPOSITION_ENDS = frozenset({"IN", "TO", "WDT", "WP", "VBZ", "VBD", "VBP", "MD"})
YEAR = re.compile(r"^(?:19|20)\d\d$")
# Verbs that give a thing its name, and the pronouns that give it in "a design it calls X".
NAMING_VERBS = frozenset({"call", "calls", "called", "dub", "dubs", "dubbed", "brand", "brands", "branded", "named"})
PRONOUNS = frozenset({"it", "we", "they"})


@cache
def _evidence() -> dict[str, frozenset[str]]:
    data = table("organizations.toml")
    return {key: frozenset(words) for key, words in data["evidence"].items()} | {
        "slugs": frozenset(data["layout"]["slugs"])
    }


def _words(name: str) -> list[str]:
    return name.replace(",", " , ").replace("'s ", " ").split()


def is_programme_or_site(span: Span) -> bool:
    """Ends in a programme or place word, or the capitalised words right after it do: "… Scheme",
    "Critical Raw Materials Act", "Critical Minerals Production Tax Incentive"."""
    evidence, words, doc = _evidence(), _words(span_text(span)), span.doc
    texts, starts = token_texts(doc), sentence_starts(doc)
    run = span.end
    while run < min(len(doc), span.end + 4) and texts[run][:1].isupper() and run not in starts:
        run += 1
    following = texts[run - 1] if run > span.end else ""
    ends = {words[-1], following} if words else {following}
    return bool(ends & (evidence["programme_words"] | evidence["place_words"]))


def is_chemistry(name: str) -> bool:
    words = _words(name)
    return bool(words) and all(w in _evidence()["chemistry_words"] for w in words) and words[0][:1].isupper()


def is_term(words: list[str]) -> bool:
    """Words of a programme, a chemistry or a kind of cell: "Production Linked Incentive",
    "Lithium Iron Phosphate", "Advanced Chemistry Cell"."""
    evidence = _evidence()
    last = words[-1] if words else ""
    return last in evidence["programme_words"] | evidence["term_ends"] or is_chemistry(" ".join(words))


def is_code(text: str) -> bool:
    """A model code ("K90", "Magic8", "A55"), not a quarter, half or fiscal year ("Q3", "H1", "FY26")."""
    if text.isalpha() or text.isdigit():  # most words: letters only, or digits only
        return False
    letters, digits = any(c.isalpha() for c in text), any(c.isdigit() for c in text)
    return letters and digits and not QUARTER.match(text)


def is_product(span: Span) -> bool:
    """A model code in or right after the name ("Redmi K90 Pro", "PowerMore 250"), or a product word after it."""
    doc, texts = span.doc, token_texts(span.doc)
    if any(is_code(texts[i]) for i in range(span.start, span.end)):
        return True
    at = span.end
    return at < len(texts) and bool(flags(doc, LIKE_NUM)[at] or texts[at] in _evidence()["product_words"])


def is_brand_of_product(span: Span) -> bool:
    """A name that brands a product named after it: "Samsung Battery Box 1.5", "Honor Magic8 Pro"
    (capitalised words, then a model code or a number within three words)."""
    doc, at = span.doc, span.end
    texts, starts, figures = token_texts(doc), sentence_starts(doc), _figure_tokens(doc)
    while at < min(len(doc), span.end + 3) and texts[at][:1].isupper() and at not in starts:
        if at in figures:
            return False  # an amount after the name: "and B Rs 2,500 crore into a car plant"
        if is_code(texts[at]):
            return True
        at += 1
    return at > span.end and at < len(doc) and bool(flags(doc, LIKE_NUM)[at]) and not YEAR.match(texts[at])


def _figure_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the amounts and capacities found before the organizations."""
    key = (FACTS, "figure_tokens")
    if key not in doc.user_data:
        spans = [s for name in FIGURES if name in doc.spans for s in doc.spans[name]]
        doc.user_data[key] = frozenset(i for s in spans for i in range(s.start, s.end))
    return doc.user_data[key]


def names_a_thing(span: Span) -> bool:
    """A period ("Q3 FY26"), a thing its owner has ("on its Smart System."), or a name an apposition
    calls a product, site or programme ("MACSE, the country's new mechanism for …")."""
    doc, texts, at = span.doc, token_texts(span.doc), span.end
    if all(QUARTER.match(word) for word in _words(span_text(span))):
        return True
    modifies = at < len(texts) and (tags(doc)[at] in NOUN_TAGS or texts[at][:1].isupper())
    if span.start > 0 and lower_words(doc)[span.start - 1] in OWNERS and not modifies:
        return True
    head = _apposition_head(doc, at)
    return (head is not None and lower_words(doc)[head] in product_nouns()) or _named_thing(span)


def _named_thing(span: Span) -> bool:
    """A name the text gives to a thing: "an electrolyte it calls FEST", "a fast-charging battery
    called Shenxing", "a pack, branded Zentra Max"; not to an organization ("a storage arm named X")
    nor after a finite verb ("analysts called Northvolt …": no noun is being named)."""
    lower, tagged = lower_words(span.doc), tags(span.doc)
    at = span.start - 1
    if at < 1 or lower[at] not in NAMING_VERBS:
        return False
    if tagged[at] in {"VBZ", "VBP"} and lower[at - 1] in PRONOUNS:
        at -= 1  # "a design it calls X"
    elif tagged[at] != "VBN":
        return False
    at -= 1
    if at > 0 and lower[at] == ",":
        at -= 1
    # a noun (the tagger calls some rare nouns adjectives: "a quasi-solid electrolyte it calls …")
    return at >= 0 and tagged[at] in {"NN", "NNS", "JJ"} and lower[at] not in _organization_nouns()


@cache
def _organization_nouns() -> frozenset[str]:
    """Nouns that say what an organization is ("unit", "startup", "lender"): a name given to one is a name."""
    classes = table("token_classes.toml")
    return frozenset(classes["descriptor"]["words"]) | frozenset(classes["apposition_noun"]["words"])


def _apposition_head(doc: Doc, at: int) -> int | None:
    """The last noun of a determined apposition after the comma at ``at`` ("…, the country's new
    mechanism for …" -> "mechanism"), or None."""
    texts, tagged, punct = token_texts(doc), tags(doc), flags(doc, IS_PUNCT)
    if at + 1 >= len(texts) or texts[at] != "," or tagged[at + 1] not in {"DT", "PRP$"}:
        return None
    head = None
    for i in range(at + 1, min(len(texts), at + 8)):
        if punct[i] or tagged[i] in APPOSITION_ENDS:
            break
        head = i if tagged[i] in {"NN", "NNS"} else head
    return head


@cache
def product_nouns() -> frozenset[str]:
    """Nouns that make the name before them a product, site or programme ("the Naxtra brand")."""
    return frozenset(table("organizations.toml")["clean"]["product_nouns"])


def person_words(doc: Doc) -> frozenset[str]:
    """Words of the model's PERSON entities of two or more words: a surname alone names the same
    person later ("Hiroshi Morimoto" … "Morimoto said")."""
    texts = token_texts(doc)
    people = [range(start, end) for start, end, label, *_ in entities(doc) if label == "PERSON" and end - start > 1]
    return frozenset(texts[i] for tokens in people for i in tokens if texts[i][:1].isupper())


def other_labels(doc: Doc) -> dict[tuple[int, int], str]:
    """The model's entities that are not organizations, by token offsets."""
    against = _evidence()["against_labels"]
    return {(start, end): label for start, end, label, *_ in entities(doc) if label in against}


def names_a_person(span: Span) -> bool:
    """Holds a title, is followed by one ("CEO Mary Barra", "Québec Economy Minister …", "Foreign
    Affairs and Trade Minister …"), or is the field of an office ("Minister of State for Heavy Industries")."""
    titles, texts = _evidence()["titles"], token_texts(span.doc)
    before = texts[max(0, span.start - 4) : span.start]
    office = bool(before) and before[-1] in {"of", "for"} and any(word in titles for word in before)
    return office or _title_follows(span, titles) or any(texts[i] in titles for i in range(span.start, span.end))


def _title_follows(span: Span, titles: frozenset[str]) -> bool:
    """A title right after the name, or after "and" and one or two more fields of the office."""
    texts = token_texts(span.doc)
    following = texts[span.end] if span.end < len(texts) else ""
    if following in titles:
        return True
    if following != "and":
        return False
    for at, word in enumerate(texts[span.end + 1 : span.end + 4]):
        if word in titles:
            return at > 0
        if not word[:1].isupper():
            return False
    return False


def is_ticker(span: Span) -> bool:
    """A stock code in brackets: "(TSXV: NLI)", "(NYSE: ALB)", "(6752.T)"."""
    before = token_texts(span.doc)[max(0, span.start - 3) : span.start]
    return span_text(span).isupper() and len(before) >= 2 and before[-1] == ":" and "(" in before


def speaks_against(span: Span, persons: frozenset[str], labels: dict[tuple[int, int], str]) -> str | None:
    """Why ``span`` is not an organization, or None. ``persons`` and ``labels`` are the model's
    PERSON words and other entities (pass empty ones where the model itself proposed the name)."""
    name = span_text(span)
    if name in _evidence()["slugs"]:
        return "slug"
    if names_a_person(span):
        return "person's title"
    if is_ticker(span):
        return "ticker"
    if is_place(name):
        return "place"
    if is_chemistry(name):
        return "chemistry"
    if is_programme_or_site(span):
        return "programme or site"
    if names_a_thing(span):
        return "period or thing"
    if (span.start, span.end) in labels:
        return labels[(span.start, span.end)]
    if len(span) == 1 and name in persons:
        return "person"
    return None
