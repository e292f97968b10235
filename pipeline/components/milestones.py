"""The milestone or subject a target year, capacity or amount dates or measures: "small-scale
production", "pilot production line", "equipment market" — a noun phrase found from the parse."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PLACES = {"GPE", "LOC", "DATE", "TIME"}  # "Bengaluru", "Monday" name no milestone


class MilestoneFinder:
    """Rules from links.toml's [milestone] table; ``numbers`` holds the token indices of the Doc's
    number records, which are never milestones themselves."""

    def __init__(self, rules: Mapping) -> None:
        self.subject_verbs = frozenset(rules["subject_verbs"])
        self.object_verbs = frozenset(rules["object_verbs"])
        self.drop_leading = frozenset(rules["drop_leading"])
        self.measure_nouns = frozenset(rules["measure_nouns"])
        self.numbers: set[int] = set()

    def __call__(self, span: Span, owner: dict[int, str]) -> Span | None:
        """The phrase naming what ``span`` dates or measures, or None."""
        if span.label_ == "CAPACITY" or span.label_ == "MONEY":
            found = self._modified_noun(span, owner) or self._complement(span, owner)
            if found is not None:
                return found
        for token in span.root.ancestors:
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in owner and token.lower_ not in self.measure_nouns:
                return self._phrase(token, span, owner)
            if token.pos_ in {"VERB", "AUX"}:
                return self._verb_milestone(token, span, owner)
        return None

    def _modified_noun(self, span: Span, owner) -> Span | None:
        """ "a 0.2 gigawatt-hour pilot production line" -> "pilot production line"."""
        head = span.root.head
        if (
            span.root.dep_ in {"compound", "nummod", "amod", "npadvmod", "quantmod"}
            and head.pos_ == "NOUN"
            and head.lower_ not in self.measure_nouns
        ):
            tokens = [t for t in head.subtree if t.i >= span.end and t.i <= head.i]
            if tokens:
                return span.doc[tokens[0].i : head.i + 1]
        return None

    def _complement(self, span: Span, owner) -> Span | None:
        """ "30 GWh of annual sodium-ion capacity", "invested RMB 10bn in sodium-ion research"."""
        root = span.root
        holders = [root, root.head] if root.dep_ in {"dobj", "attr", "pobj", "appos"} else [root]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "for", "on", "into"} and prep.i >= span.end:
                    target = next((c for c in prep.children if c.dep_ == "pobj" and self._is_thing(c)), None)
                    if target is not None and target.i not in owner:
                        return self._phrase(target, span, owner)
        return None

    def _verb_milestone(self, verb: Token, span: Span, owner) -> Span | None:
        if _verb_in(verb, self.object_verbs):
            target = next((c for c in verb.children if c.dep_ in {"dobj", "attr"} and self._is_thing(c)), None)
            if target is None and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
                target = self._prepositional_object(verb, {"into", "in", "to", "for"})  # "incorporate them into X"
            if target is not None and target.i not in owner:
                return self._phrase(target, span, owner)
        through_preposition = span.root.dep_ == "pobj" and span.root.head.head.i == verb.i
        if _verb_in(verb, self.subject_verbs) or verb.dep_ in {"acl", "pcomp"} or through_preposition:
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subject is None and verb.dep_ == "conj":  # "could reach … and grow to …" share a subject
                subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
            if subject is None and verb.dep_ == "acl":
                subject = verb.head
            if subject is not None and subject.i not in owner and self._is_thing(subject):
                return self._phrase(subject, span, owner)
        return None

    def _prepositional_object(self, head: Token, prepositions: set[str]) -> Token | None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in prepositions:
                found = next((c for c in prep.children if c.dep_ == "pobj" and self._is_thing(c)), None)
                if found is not None:
                    return found
        return None

    def _is_thing(self, token: Token) -> bool:
        """A noun that can be a milestone: not a pronoun, not a number record of its own."""
        return token.pos_ in {"NOUN", "PROPN"} and token.i not in self.numbers and token.ent_type_ not in PLACES

    def _phrase(self, noun: Token, span: Span, owner) -> Span | None:
        """The noun with its left modifiers, without determiners, possessives and the anchor itself."""
        left = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod", "nummod"} and not _inside(t, span)]
        start = min([t.left_edge.i for t in left] + [noun.i])
        tokens = [t for t in noun.doc[start : noun.i + 1] if not _inside(t, span)]
        while tokens and (tokens[0].lower_ in self.drop_leading or tokens[0].dep_ in {"poss", "case", "det"}):
            tokens = tokens[1:]
        while tokens and (tokens[0].is_punct or tokens[0].i in owner or tokens[0].like_num):
            tokens = tokens[1:]
        return noun.doc[tokens[0].i : noun.i + 1] if tokens else None


def _verb_in(token: Token, verbs: frozenset[str]) -> bool:
    """Whether a verb form belongs to a list of base forms ("aims", "completed", "starting")."""
    word = token.lower_
    candidates = {
        word,
        word.removesuffix("s"),
        word.removesuffix("es"),
        word.removesuffix("ed"),
        word.removesuffix("d"),
        word.removesuffix("ing"),
        word.removesuffix("ing") + "e",
    }
    return bool(candidates & verbs)


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end
