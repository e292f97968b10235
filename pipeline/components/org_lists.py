"""Coordinations of names in running text: "Tesla, GM, Ford, Great Wall, Dongfeng and CRRC",
"Banco Santander, CaixaBank, ING and Novo Banco", "Standard Lithium and Equinor". When one member
is a name already found, the others are names of the same kind; the finder still checks each one."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.normalize.places import is_place

INSIDE = {"&", "/", "-", "de", "of", "du", "der", "di", "la"}  # inside a name: "Caixa Geral de Depósitos"
CONJUNCTIONS = {"and", "or"}
MAX_WORDS = 6


def _is_name_word(token: Token, first: bool) -> bool:
    text = token.text
    if token.is_space:
        return False
    if text[:1].isdigit():
        return not first  # "Element 25"
    if not any(c.isalpha() for c in text):
        return False
    return text[:1].isupper() or (not first and any(c.isupper() for c in text[1:]))  # "Lectric eBikes"


def _continues(doc: Doc, start: int, end: int) -> bool:
    token = doc[end]
    if _is_name_word(token, first=end == start):
        return True
    return token.text in INSIDE and end > start and end + 1 < len(doc) and _is_name_word(doc[end + 1], False)


def _item(doc: Doc, start: int) -> int:
    """The end of a name-shaped run of words starting at ``start`` (``start`` when there is none)."""
    end = start
    while end < len(doc) and end - start < MAX_WORDS:
        if not _continues(doc, start, end):
            break
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    return end


def _coordination(doc: Doc, start: int) -> tuple[list[tuple[int, int]], int]:
    """The items of a coordination starting at ``start`` (empty unless it closes with "and"/"or"
    before its last item), and where the scan goes on."""
    items, at = [], start
    end = _item(doc, at)
    if end == at:
        return [], start + 1
    items.append((at, end))
    while end < len(doc):
        token = doc[end]
        step = end + 1
        if token.text == "," and step < len(doc) and doc[step].lower_ in CONJUNCTIONS:
            step += 1
        closing = doc[step - 1].lower_ in CONJUNCTIONS
        if token.text != "," and not closing:
            break
        following = _item(doc, step)
        if following == step or doc[step].is_sent_start:
            break
        items.append((step, following))
        end = following
        if closing:
            return items, end
    return [], end if end > start else start + 1


def _adds_only_a_place(doc: Doc, item: tuple[int, int], trusted: list[Span]) -> bool:
    """The member is a trusted name with a place before it: "Zhuhai CosMX Battery"."""
    start, end = item
    inner = next((s for s in trusted if start < s.start and s.end == end), None)
    return inner is not None and is_place(doc[start : inner.start].text)


def coordinated(doc: Doc, known: list[Span], label: str, trusted: list[Span]) -> list[Span]:
    """Members of coordinations that hold a known name, other than the known names themselves and
    members that overlap a ``trusted`` name without being it, unless by a place before it
    ("Lenders Commonwealth Bank" is no name, "Zhuhai CosMX Battery" is)."""
    exact = {(s.start, s.end) for s in known}
    tokens = {i for s in known for i in range(s.start, s.end)}
    held = {i for s in trusted for i in range(s.start, s.end)}
    found, at = [], 0
    while at < len(doc):
        items, at = _coordination(doc, at)
        if any(tokens.intersection(range(a, b)) for a, b in items):
            for item in items:
                overlaps = held.intersection(range(*item))
                if item not in exact and (not overlaps or _adds_only_a_place(doc, item, trusted)):
                    found.append(Span(doc, *item, label=label))
    return found
