"""The milestone or subject a target year, capacity or amount dates or measures: "small-scale
production", "pilot production line", "equipment market" — a noun phrase found from the parse."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.components.milestone_lines import PLACES, line_label
from pipeline.components.spans import get_fact

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
RELATIVES = {"which", "that", "who", "each"}  # "a container that holds 5 MWh", "units, each holding 3.9 MWh"
MAX_COMPLEMENT = 4  # words of a complement kept in a milestone ("in the Marche region")


class MilestoneFinder:
    """Rules from links.toml's [milestone] table; ``numbers`` holds the token indices of the Doc's
    number records, which are never milestones themselves."""

    def __init__(self, rules: Mapping) -> None:
        self.subject_verbs = frozenset(rules["subject_verbs"])
        self.object_verbs = frozenset(rules["object_verbs"])
        self.drop_leading = frozenset(rules["drop_leading"])
        self.measure_nouns = frozenset(rules["measure_nouns"])
        self.goal_nouns = frozenset(rules["goal_nouns"])
        self.complements = frozenset(rules["complements"])
        self.not_milestones = frozenset(rules["not_milestones"])
        self.irregular = dict(rules["irregular_verbs"])
        self.share_words = frozenset(rules["share_words"])
        self.numbers: set[int] = set()

    def __call__(self, span: Span, owner: dict[int, str]) -> Span | None:
        """The phrase naming what ``span`` dates or measures, or None: the label of its table row or
        list line where the parse finds nothing outside that label, else from the parse."""
        found = self._shares(span) or self._from_parse(span, owner)
        if found is not None and not self._names_a_thing(found):
            found = None
        label = line_label(span, owner)
        if label is not None and (found is None or found.start_char < label.end_char):
            found = label if label.start_char < label.end_char else None
        return found

    def _shares(self, span: Span) -> Span | None:
        """A share price's milestone is the word for the shares it prices: "Shares closed at 248,500 won"."""
        if get_fact(span, "kind") != "share_price":
            return None
        words = [t for t in span.doc[span.sent.start : span.start] if t.lower_ in self.share_words]
        return span.doc[words[-1].i : words[-1].i + 1] if words else None

    def _from_parse(self, span: Span, owner: dict[int, str]) -> Span | None:
        if span.label_ == "CAPACITY" or span.label_ == "MONEY":
            found = self._measure(span, owner) or self._modified_noun(span, owner) or self._complement(span, owner)
            if found is not None:
                return found
        root = span.root
        if root.dep_ in {"conj", "appos"} and root.head.i in self.numbers:
            root = root.head  # "about 30 Ah, or roughly 110 Wh": the figure it restates
        for token in root.ancestors:
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in owner and token.lower_ not in self.measure_nouns:
                return self._phrase(token, span, owner)
            if token.pos_ in {"VERB", "AUX"}:
                return self._verb_milestone(token, span, owner) or self._verb_object(token, span, owner)
        return None

    def _verb_object(self, verb: Token, span: Span, owner) -> Span | None:
        """Where the verb's own object is the amount, what it is spent on or for: "has invested Rs 4,500
        crore in its 12 GWh plant", "will invest NT$8.5 billion to expand its pilot line"."""
        if span.root.dep_ not in {"dobj", "nsubjpass"} or span.root.head.i != verb.i:
            return None
        target = self._prepositional_object(verb, {"in", "into", "on", "for"}) or self._purpose(verb)
        return self._phrase(target, span, owner) if target is not None and target.i not in owner else None

    def _measure(self, span: Span, owner) -> Span | None:
        """The noun a figure is "of": "a total annual capacity of 15 GWh of cells", "an operating profit
        of 24 billion won" — what is measured, not the thing after the figure."""
        # the figure's own token, also where the parse takes "won" for a verb: "a profit of 24 billion won"
        figure = next((t for t in span if t.dep_ == "pobj" and not _inside(t.head, span)), None)
        if figure is None or figure.head.lower_ != "of" or figure.head.dep_ != "prep":
            return None
        noun = figure.head.head
        if noun.pos_ != "NOUN" or noun.i in owner or noun.lower_ in self.measure_nouns or not self._is_thing(noun):
            return None
        if noun.lower_ in self.goal_nouns and self._complement(span, owner) is not None:
            return None  # "its goal of 150-200 GWh of annual battery capacity": the capacity is the goal
        return self._phrase(noun, span, owner)

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
                return span.doc[tokens[0].i : self._complement_end(head, span)]
        return None

    def _complement(self, span: Span, owner) -> Span | None:
        """ "30 GWh of annual sodium-ion capacity", "invested RMB 10bn in sodium-ion research"."""
        root = span.root
        holders = [root, root.head] if root.dep_ in {"dobj", "attr", "pobj", "appos"} else [root]
        holders += [t for t in span if t.i != root.i and not _inside(t.head, span)]  # "Rs | 4,500 crore"
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "for", "on", "into"} and prep.i >= span.end:
                    target = next((c for c in prep.children if c.dep_ == "pobj" and self._is_thing(c)), None)
                    if target is not None and target.i not in owner:
                        return self._phrase(target, span, owner)
        return None

    def _verb_milestone(self, verb: Token, span: Span, owner) -> Span | None:
        target = self._object(verb)
        if target is not None and target.i not in owner:
            return self._phrase(target, span, owner)
        through_preposition = span.root.dep_ == "pobj" and span.root.head.head.i == verb.i
        dated = through_preposition or _undergoes(verb, span)
        if self._verb_in(verb, self.subject_verbs) or verb.dep_ in {"acl", "pcomp"} or dated:
            subject = self._subject(verb)
            if subject is not None and subject.i not in owner and self._is_thing(subject):
                return self._phrase(subject, span, owner)
        return None

    def _object(self, verb: Token) -> Token | None:
        """What an object verb acts on, down a chain of infinitives: "expects to take a final
        investment decision", "plans to start mass production"; "incorporate them into X"."""
        while verb is not None:
            if self._verb_in(verb, self.object_verbs):
                target = next((c for c in verb.children if c.dep_ in {"dobj", "attr"} and self._is_thing(c)), None)
                if target is None and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
                    target = self._prepositional_object(verb, {"into", "in", "to", "for"})
                if target is not None:
                    return target
            if any(c.dep_ == "dobj" for c in verb.children):
                return None  # its own object is the figure: "plans 30 GWh of …"
            verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        return None

    def _purpose(self, verb: Token) -> Token | None:
        """The object of a purpose infinitive: "will invest NT$8.5 billion to expand its pilot line"."""
        for clause in verb.children:
            if clause.dep_ in {"advcl", "xcomp"} and clause.pos_ == "VERB" and _infinitive(clause):
                return next((c for c in clause.children if c.dep_ == "dobj" and self._is_thing(c)), None)
        return None

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject, shared with the verb it is coordinated with ("could reach … and grow to
        …"), of the noun a relative clause describes ("a container that holds 5 MWh"), or up a chain of
        "is set to", "is due to start", "should be commissioned"; the object of "expects its plant to reach …"."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS or c.lower_ == "each"), None)
        if subject is not None and subject.lower_ in RELATIVES and verb.dep_ in {"relcl", "acl", "advcl"}:
            if verb.head.pos_ == "VERB":  # "will use Megapack units, each holding about 3.9 MWh"
                return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            return verb.head
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        if subject is None and verb.dep_ == "acl":
            return verb.head
        if subject is None and verb.dep_ in {"advcl", "xcomp", "ccomp"} and _infinitive(verb):
            subject = next((c for c in verb.head.children if c.dep_ == "dobj" and self._is_thing(c)), None)
        head = verb
        while subject is None and (head.dep_ in {"xcomp", "acomp"} or head.pos_ == "ADJ") and head.head.i != head.i:
            head = head.head
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        return subject

    def _prepositional_object(self, head: Token, prepositions: set[str]) -> Token | None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in prepositions:
                found = next((c for c in prep.children if c.dep_ == "pobj" and self._is_thing(c)), None)
                if found is not None:
                    return found
        return None

    def _is_thing(self, token: Token) -> bool:
        """A noun that can be a milestone: not a pronoun, not a number record of its own; a numbered
        one counts ("Phase one is budgeted at …")."""
        if token.i in self.numbers or token.ent_type_ in PLACES:
            return False
        if token.pos_ == "NUM":
            return any(c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} for c in token.lefts)
        return token.pos_ in {"NOUN", "PROPN"}

    def _verb_in(self, token: Token, verbs: frozenset[str]) -> bool:
        """Whether a verb form belongs to a list of base forms ("aims", "completed", "fell")."""
        return _verb_in(token, verbs) or self.irregular.get(token.lower_) in verbs

    def _phrase(self, noun: Token, span: Span, owner) -> Span | None:
        """The noun with its left modifiers, without determiners, possessives and the anchor itself."""
        left = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod", "nummod"} and not _inside(t, span)]
        start = min([t.left_edge.i for t in left] + [noun.i])
        tokens = [t for t in noun.doc[start : noun.i + 1] if not _inside(t, span)]
        while tokens and (tokens[0].lower_ in self.drop_leading or tokens[0].dep_ in {"poss", "case", "det"}):
            tokens = tokens[1:]
        # figures and other records go, ordinal words and "20-foot" stay: "first phase", "second stage"
        while tokens and (tokens[0].is_punct or tokens[0].i in owner or self._is_figure(tokens[0])):
            tokens = tokens[1:]
        if not tokens or not self._names_a_thing(noun.doc[tokens[0].i : noun.i + 1]):
            return None
        end = self._complement_end(noun, span)
        return noun.doc[tokens[0].i : end]

    def _is_figure(self, token: Token) -> bool:
        hyphenated = not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-"
        return token.i in self.numbers or (token.like_num and not token.is_alpha and not hyphenated)

    def _complement_end(self, noun: Token, span: Span) -> int:
        """Where the phrase ends: after a short complement that says which one ("investment in the
        venture", "request for a training centre"), else after the noun."""
        prep = next((c for c in noun.rights if c.dep_ == "prep"), None)
        if prep is None or prep.lower_ not in self.complements or prep.i != noun.i + 1:
            return noun.i + 1
        words = [t for t in prep.subtree if t.i != prep.i and t.dep_ != "det"]
        inside = any(t.i in self.numbers or _inside(t, span) for t in prep.subtree)
        if not words or len(words) > MAX_COMPLEMENT or inside or any(t.is_punct for t in words):
            return noun.i + 1
        return prep.right_edge.i + 1

    def _names_a_thing(self, phrase: Span) -> bool:
        """Not a unit, a part of a date or a bare "company": "/MWh", "end", "Q2"."""
        if phrase.root.lower_ in self.not_milestones or all(t.ent_type_ in PLACES for t in phrase):
            return False  # "China | 101 GWh": a region names no milestone
        return any(t.is_alpha and len(t) > 1 and t.lower_ not in self.not_milestones for t in phrase)


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
        word.removesuffix("led"),  # "totalled"
    }
    return bool(candidates & verbs)


def _undergoes(verb: Token, span: Span) -> bool:
    """Whether the verb's subject is what its year dates: a passive ("First cells are expected by
    2026") or a verb with no object ("first production could follow in 2028")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return True
    if span.label_ != "TARGET_YEAR" or verb.dep_ in {"xcomp", "ccomp"}:  # "expect ESS to account for …"
        return False
    objects = {"dobj", "attr", "dative", "xcomp", "ccomp"}  # "wanted … to host", "sees the US adding"
    children = {c.dep_ for c in verb.children}
    return "nsubj" in children and not children & objects


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end
