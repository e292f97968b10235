"""Group organization mentions: gazetteer entries, short forms ("SAIC" of "SAIC Motor Corp"),
introduced abbreviations ("… Co. Ltd. (CATL)") and initials ("CICC"); then find the other
places where a grouped name is written, and label every mention with the canonical name (and the
gazetteer id of its organization, as the span fact ``organization_id``)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from pipeline.components.org_evidence import is_term
from pipeline.components.spans import aligned_tokens, doc_text, set_fact, words
from pipeline.gazetteer import by_id, identify
from pipeline.normalize.orgnames import (
    initials,
    is_rejected,
    join_words,
    name_key,
    name_words,
    short_forms,
)

ACRONYM_IN_BRACKETS = re.compile(r"\((?P<acronym>[A-Z]{2,})\)")


class _Groups:
    """Union-find over mention keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


class _Names:
    """The text, gazetteer id and grouping key of each mention, read once per article: the steps
    below ask for them many times."""

    def __init__(self, doc: Doc) -> None:
        self.doc_text = doc_text(doc)
        self.known: dict[tuple[int, int, int], tuple[str, str | None, str]] = {}

    def _read(self, span: Span) -> tuple[str, str | None, str]:
        at = (span.start_char, span.end_char, span.kb_id)
        found = self.known.get(at)
        if found is None:
            text = self.doc_text[at[0] : at[1]]
            known = span.kb_id_ or identify(text)
            found = self.known[at] = (text, known, known or name_key(text))
        return found

    def text(self, span: Span) -> str:
        return self._read(span)[0]

    def id(self, span: Span) -> str | None:
        """The mention's gazetteer id, where its span carries one or the gazetteer knows its text."""
        return self._read(span)[1]

    def key(self, span: Span) -> str:
        return self._read(span)[2]


def _abbreviation_after(doc: Doc, span: Span) -> Span | None:
    """ "Contemporary Amperex Technology Co. Ltd. (CATL)" -> the span "CATL"."""
    texts = words(doc)
    if span.end + 2 < len(texts) and texts[span.end] == "(" and texts[span.end + 2] == ")":
        candidate = texts[span.end + 1]
        if candidate[:1].isupper() and len(candidate) >= 2 and not is_rejected(candidate):
            return Span(doc, span.end + 1, span.end + 2, label="ORG")
    return None


def _link(groups: _Groups, spans: list[Span], names: _Names) -> None:
    """Join each short form or acronym to the one full name it most likely abbreviates: the
    nearest by words cut off, legal suffixes free ("BYD" -> "BYD Co. Ltd.", not "BYD Energy
    Storage"), then the one named first ("EVE" of "EVE Energy", named before its unit "EVE Power";
    "Ola Electric" of "Ola Electric Mobility Pvt Ltd", named before "Ola Electric Technologies"),
    then the shorter. Full names are indexed by their short forms and initials, so this stays
    linear in the number of names."""
    words = {names.key(s): name_words(names.text(s)) for s in spans}
    named: dict[str, bool] = {}  # whether the article writes a longer name of the key's company
    first: dict[str, int] = {}
    for span in spans:
        key = names.key(span)
        named[key] = named.get(key, False) or len(name_words(names.text(span))) > len(words[key])
        first.setdefault(key, span.start)
    known = {names.id(s) for s in spans} - {None}
    by_form: dict[tuple[str, ...], list[tuple[int, int, str, bool]]] = {}
    by_initials: dict[str, list[tuple[int, int, str]]] = {}
    for full_key, full in words.items():
        legal = [tuple(f) for f in short_forms(full, industry=False)]
        # a name the gazetteer knows is short only for a legal name: "Sunwoda" of "Sunwoda Electronic
        # Co.", but "BYD Energy Storage" is a unit of its own, not "BYD"
        for steps, form in enumerate(short_forms(full), start=1):
            words_cut = max(0, steps - len(legal))  # a legal suffix costs no step: "Pvt Ltd", "Co."
            by_form.setdefault(tuple(form), []).append((words_cut, first[full_key], len(full), full_key, bool(legal)))
        by_initials.setdefault(initials(full), []).append((0, first[full_key], len(full), full_key))
    for short_key, short in words.items():
        candidates = [
            (steps, at, size, key)
            for steps, at, size, key, legal_name in by_form.get(tuple(short), [])
            if key != short_key and (short_key not in known or legal_name) and not (named[short_key] and key in known)
        ]  # a known short form is short only for a legal name, never for another known company it names in full
        if len(short) == 1 and len(short[0]) >= 2 and short[0].isupper():  # "CICC": initials of a full name
            candidates += [c for c in by_initials.get(short[0], []) if c[3] != short_key]
        if len(candidates) > 1:  # the gazetteer's company of the short form first
            candidates = [c for c in candidates if _known_as(words[c[3]], short)] or candidates
        if candidates:
            groups.union(short_key, min(candidates)[3])


def _known_as(full: list[str], short: list[str]) -> bool:
    """Whether a longer form of ``full`` is the gazetteer's name for the company ``short`` names:
    "Ola Electric Mobility" of "Ola Electric Mobility Pvt Ltd" for "Ola Electric", which "Ola
    Electric Technologies" is not."""
    known = identify(join_words(short))
    longer = (form for form in [full, *short_forms(full)] if len(form) > len(short))
    return known is not None and any(identify(join_words(form)) == known for form in longer)


def _rescan(doc: Doc, spans: list[Span], terms: set[str], names: _Names) -> list[Span]:
    """Every mention, with the other places where a known name or one of its short forms is
    written; a longer known name written over shorter mentions replaces them ("EVE Power Hungary"
    where the model saw "EVE Power" and a place, once the article has named "EVE Power Hungary Kft.").
    A short form the article introduces for a term is not searched for ("ACC" of "ACC Energy
    Storage" where the text defines "Advanced Chemistry Cell (ACC)")."""
    surfaces = {names.text(s) for s in spans}
    for span in spans:
        surfaces.update(join_words(f) for f in short_forms(name_words(names.text(span))) if len(join_words(f)) > 2)
    surfaces -= terms
    at: dict[int, Span] = {i: s for s in spans for i in range(s.start, s.end)}
    replaced: set[tuple[int, int]] = set()
    found, text = [], doc_text(doc)
    for name in sorted((s for s in surfaces if not is_rejected(s)), key=len, reverse=True):
        for start in _occurrences(text, name):
            tokens = aligned_tokens(doc, start, start + len(name))
            if tokens is None:
                continue
            first, last = tokens
            inside = {(o.start, o.end) for o in (at.get(i) for i in range(first, last)) if o is not None}
            if any(a < first or b > last or (a, b) == tokens for a, b in inside):
                continue  # the same mention, or one that crosses it
            span = Span(doc, first, last, label="ORG")
            replaced |= inside
            found.append(span)
            at.update((i, span) for i in range(first, last))
    return [s for s in spans if (s.start, s.end) not in replaced] + found


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` stands as a whole word in ``text`` (plain search: no regex to compile per name)."""
    found, start = [], text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            found.append(start)
        start = text.find(name, start + 1)
    return found


def term_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text introduces for terms, not names: lower-case ones ("advanced chemistry cells
    (ACC)", "lithium iron phosphate (LFP)") and Title-Case programmes, products and chemistries
    ("Production Linked Incentive (PLI)", "Advanced Chemistry Cell (ACC)"). In this article they are
    not organizations."""
    terms, text = set(), doc_text(doc)
    for match in ACRONYM_IN_BRACKETS.finditer(text):
        acronym = match["acronym"]
        words = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 20 * len(acronym)) : match.start()])
        tail = words[-len(acronym) :]
        if len(tail) != len(acronym) or "".join(w[0] for w in tail).upper() != acronym:
            continue
        if all(w.islower() for w in tail) or is_term(tail):
            terms.add(acronym)
    return terms


def group_mentions(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every mention, labelled with its organization's canonical name in ``kb_id_``."""
    terms, names = term_acronyms(doc), _Names(doc)
    spans = [s for s in spans if names.text(s) not in terms]
    after = [(s, _abbreviation_after(doc, s)) for s in spans]
    abbreviations = [a for _, a in after if a is not None]
    groups = _Groups()
    for span, abbreviation in after:
        if abbreviation is not None:
            groups.union(name_key(names.text(abbreviation)), names.key(span))
    known = {(s.start, s.end) for s in spans}
    spans = sorted([*spans, *(a for a in abbreviations if (a.start, a.end) not in known)], key=lambda s: s.start)
    spans = sorted(_rescan(doc, spans, terms, names), key=lambda s: s.start)
    _link(groups, spans, names)
    members: dict[str, list[Span]] = {}
    for span in spans:
        members.setdefault(groups.find(names.key(span)), []).append(span)
    labelled = []
    for mentions in members.values():
        canonical = names.text(max(mentions, key=lambda s: (s.end_char - s.start_char, -s.start)))
        known = Counter(key for key in map(names.key, mentions) if key in by_id())
        for mention in mentions:
            span = Span(doc, mention.start, mention.end, label="ORG", kb_id=canonical)
            set_fact(span, "organization_id", known.most_common(1)[0][0] if known else None)
            labelled.append(span)
    return sorted(labelled, key=lambda s: s.start)
