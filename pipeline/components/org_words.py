"""Evidence from how the whole article writes a word: a dictionary word that takes a capital only
where every word does ("• Home storage", "Utilities in the West plan …", "Budget: Customs duty
cut"), and the words of a product's name ("Realme P4 Power", "the Nimbra Slim 20K" … "a
redesigned Slim"). Read once per Doc; a gazetteer name is never put to these checks."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from pipeline.components.org_evidence import is_code
from pipeline.components.spans import FACTS, breaks_after, sentence_starts, span_text
from pipeline.components.spans import words as token_texts
from pipeline.normalize.dictionary import is_english_word
from pipeline.normalize.units import unit_symbol
from pipeline.resources import table

# After these a word takes a capital whatever it is: bullets, a colon, an opening quote or bracket.
OPENERS = frozenset({":", '"', "“", "‘", "(", "[", "|"})
POSSESSIVES = frozenset({"'s", "’s"})
JOINERS = frozenset({"and", "&", ",", "or"})
POWER_UNITS = frozenset({"W", "kW", "KW", "MW", "GW", "TW", "V", "kV", "A", "Hz"})


@cache
def _openers() -> frozenset[str]:
    return OPENERS | frozenset(table("organizations.toml")["layout"]["bullets"])


def _opening(i: int, texts: list[str], starts: frozenset[int], breaks: list[bool]) -> bool:
    """Token ``i`` stands where any word is capitalised: first in a sentence or line, or after a
    bullet, a colon, an opening quote or bracket."""
    if i == 0 or i in starts or breaks[i - 1]:
        return True
    return texts[i - 1] in _openers() or texts[i - 1].isspace()


def start_only_words(doc: Doc, title_tokens: set[int]) -> frozenset[str]:
    """Dictionary words the article capitalises alone only at openings or in title lines
    (``title_tokens``): their capital says nothing, so alone they name no one. Inside a longer
    name ("California Public Utilities Commission") a capital says nothing of the word alone."""
    key = (FACTS, "start_only_words")
    if key in doc.user_data:
        return doc.user_data[key]
    texts, starts, breaks = token_texts(doc), sentence_starts(doc), breaks_after(doc)
    opening, elsewhere = set(), set()
    for i, text in enumerate(texts):
        if not text[:1].isupper() or text.isupper() or not text.isalpha():
            continue
        if i in title_tokens or _opening(i, texts, starts, breaks):
            opening.add(text)
        elif not _capitalised(texts, i - 1) and not _capitalised(texts, i + 1):
            elsewhere.add(text)
    found = frozenset(word for word in opening - elsewhere if is_english_word(word))
    doc.user_data[key] = found
    return found


def _capitalised(texts: list[str], at: int) -> bool:
    return 0 <= at < len(texts) and texts[at][:1].isupper()


def capital_says_nothing(span: Span, title_tokens: set[int], known: list[Span]) -> bool:
    """One dictionary word that the article capitalises only at openings (``start_only_words``) and
    that is not coordinated with a ``known`` name ("Apple and Samsung Electronics have …")."""
    doc = span.doc
    if len(span) != 1 or span_text(span) not in start_only_words(doc, title_tokens):
        return False
    texts = token_texts(doc)
    starts, ends = {k.start for k in known}, {k.end for k in known}
    after = span.end < len(texts) and texts[span.end] in JOINERS and span.end + 1 in starts
    before = span.start > 0 and texts[span.start - 1] in JOINERS and span.start - 1 in ends
    return not (after or before)


def product_name_words(doc: Doc) -> frozenset[str]:
    """The words of product names: a run of capitalised words holding a model code after its first
    word (the brand), or starting with one after a possessive ("Realme's P4 Power")."""
    key = (FACTS, "product_name_words")
    if key in doc.user_data:
        return doc.user_data[key]
    texts, starts, found = token_texts(doc), sentence_starts(doc), set()
    codes = [j for j, text in enumerate(texts) if not text.isalpha() and _is_code_at(doc, texts, j)]
    for code in codes:
        start, end = _run(texts, starts, code)
        owned = start > 0 and texts[start - 1] in POSSESSIVES
        if code > start or owned:
            found.update(texts[start if owned else start + 1 : end])
    doc.user_data[key] = frozenset(found)
    return doc.user_data[key]


def _is_code_at(doc: Doc, texts: list[str], at: int) -> bool:
    """A model code, also where the tokenizer split it after its number ("20K" -> "20", "K")."""
    text = texts[at]
    if not text.isdigit():
        return is_code(text)
    following = texts[at + 1] if at + 1 < len(texts) else ""
    unit = unit_symbol(following) is not None or following in POWER_UNITS
    letters = following.isalpha() and following[:1].isupper() and not unit
    return letters and not doc[at].whitespace_  # not a figure: "20GWh", "100MW"


def _in_run(text: str) -> bool:
    return text[:1].isupper() or is_code(text)


def _run(texts: list[str], starts: frozenset[int], at: int) -> tuple[int, int]:
    """The run of capitalised words and codes around token ``at``, within its sentence."""
    start, end = at, at + 1
    while start > 0 and start not in starts and _in_run(texts[start - 1]):
        start -= 1
    while end < len(texts) and end not in starts and _in_run(texts[end]):
        end += 1
    return start, end


def is_product_name(span: Span) -> bool:
    """A model code after the name's first word ("Honor Magic8 Pro"), or every word from a product's
    name ("P4 Power", "Slim")."""
    words = token_texts(span.doc)[span.start : span.end]
    if any(is_code(w) for w in words[1:]):
        return True
    return set(words) <= product_name_words(span.doc)
