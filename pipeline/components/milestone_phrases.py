"""How a milestone phrase is cut from the noun that names it: its left modifiers without determiners,
possessives, figures and other records, and a short complement that says which one ("investment in
the venture"); and which nouns can name a milestone at all."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.components.milestone_lines import PLACES

MAX_COMPLEMENT = 4  # words of a complement kept in a milestone ("in the Marche region")
MAX_MODAL_SUBJECT = 2  # words of a subject that keeps its modal chain ("Capacity is expected to rise")
INNER_MARKS = {"-", "%", "/"}  # marks that join a word to the one before: "lithium-ion", "20%", "MW/MWh"
CLAUSES = {"relcl", "acl", "advcl", "appos"}  # where a complement's own words end


class MilestonePhrases:
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
        self.level_verbs = frozenset(rules["level_verbs"])
        self.held_measures = frozenset(rules["held_measures"])
        self.price_verbs = frozenset(rules["price_verbs"])
        self.part_nouns = frozenset(rules["part_nouns"])
        self.modal_words = frozenset(rules["modal_words"])
        self.numbers: set[int] = set()

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
        return verb_in(token, verbs) or self.irregular.get(token.lower_) in verbs

    def _phrase(self, noun: Token, span: Span, owner) -> Span | None:
        """The noun with its left modifiers, without determiners, possessives and the anchor itself; for a
        part of something, that something ("its share of the retooling")."""
        if (whole := self._whole(noun)) is not noun:
            return self._phrase(whole, span, owner) if whole is not None else None
        left = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod", "nummod"} and not inside(t, span)]
        start = min([t.left_edge.i for t in left] + [noun.i])
        # "the largest a 1.4GWh BESS" starts after its second article; "all-solid-state batteries" keeps "all"
        determiners = [t.i for t in noun.doc[start : noun.i] if t.dep_ == "det" and t.lower_ in self.drop_leading]
        start = max(determiners, default=start)
        tokens = [t for t in noun.doc[start : noun.i + 1] if not inside(t, span)]
        # figures and other records go, ordinal words and "20-foot" stay: "first phase", "second stage"
        while tokens and (self._leading(tokens[0]) or tokens[0].i in owner or self._is_figure(tokens[0])):
            tokens = tokens[1:]
        if not tokens or not self._names_a_thing(noun.doc[tokens[0].i : noun.i + 1]):
            return None
        end = self._complement_end(noun, span)
        return noun.doc[tokens[0].i : end]

    def _worth(self, span: Span, owner) -> Span | None:
        """What an amount is the worth of, the nearest thing before "worth" in its clause: "a plan to build
        an integrated supply chain in Indonesia worth about 11 trillion won" -> integrated supply chain."""
        doc = span.doc
        if span.start == span.sent.start or doc[span.start - 1].lower_ != "worth":
            return None
        for token in reversed(doc[span.sent.start : span.start - 1]):
            if token.pos_ in {"VERB", "AUX", "PUNCT", "PRON"} or token.i in owner:
                return None
            if token.pos_ == "NOUN" and self._is_thing(token):
                return self._phrase(token, span, owner)
        return None

    def _shared_noun(self, span: Span, owner) -> Span | None:
        """The noun that the figure coordinated with this one modifies: "a 48.6 kWh or a 65.4 kWh battery pack"."""
        for noun in span.root.children:
            figures = [t for t in noun.lefts if t.i in self.numbers]
            if noun.dep_ == "conj" and noun.pos_ == "NOUN" and figures and noun.i not in self.numbers:
                return self._phrase(noun, span, owner)
        return None

    def _nouns_after(self, sentence: Span, start: int, owner) -> Span | None:
        doc, end = sentence.doc, start
        while end < sentence.end and _modifier_word(doc[end]) and end not in owner and end not in self.numbers:
            end += 1
        nouns = [t for t in doc[start:end] if t.pos_ in {"NOUN", "PROPN"}]
        if not nouns or doc[start].ent_type_ in PLACES or nouns[-1].lower_ in self.measure_nouns:
            return None  # "in the 280-320 Ah range" measures cells named elsewhere
        phrase = doc[start : nouns[-1].i + 1]
        return phrase if self._names_a_thing(phrase) else None

    def _priced(self, verb: Token, subject: Token, span: Span) -> bool:
        """Whether only the verb says what an amount is: "It costs 469 euros", "It is expected to cost about
        A$1.3 billion" (a pronoun for a thing named before; "The plant will cost …" is the plant's)."""
        own = span.root.dep_ == "dobj" and span.root.head.i == verb.i
        return own and span.label_ == "MONEY" and subject.pos_ == "PRON" and self._verb_in(verb, self.price_verbs)

    def _prepositional_object(self, head: Token, prepositions: set[str], fits=None) -> Token | None:
        """The object of the first of ``prepositions`` under ``head`` that ``fits`` (a thing, by default)."""
        fits = fits or self._is_thing
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in prepositions:
                found = next((c for c in prep.children if c.dep_ == "pobj" and fits(c)), None)
                if found is not None:
                    return found
        return None

    def _whole(self, noun: Token) -> Token | None:
        """What a bare part is of: "its share of the retooling" -> retooling; None for a part of a figure
        ("part of roughly ¥3.5tn"). A described part stays: "a meaningful share of the storage market"."""
        described = any(t.dep_ not in {"det", "poss"} for t in noun.lefts)
        if noun.lower_ not in self.part_nouns or described:
            return noun
        if self._prepositional_object(noun, {"of"}, lambda t: True) is None:
            return noun  # "its share rose": no "of" at all
        return self._prepositional_object(noun, {"of"})

    def _with_modal(self, phrase: Span | None, verb: Token) -> Span | None:
        """A short subject with the modal chain right after it, which says what is expected of it: "Capacity
        is expected to rise", "refinery should be commissioned", "Production is due to start"."""
        if phrase is None or len(phrase) > MAX_MODAL_SUBJECT or phrase.end >= verb.i:
            return phrase
        between = phrase.doc[phrase.end : verb.i]
        chain = all(t.pos_ in {"AUX", "VERB", "PART", "ADJ"} for t in between)
        modal = any(t.tag_ == "MD" or t.lower_ in self.modal_words for t in between)
        return phrase.doc[phrase.start : verb.i + 1] if chain and modal else phrase

    def _taken_to(self, verb: Token) -> Span | None:
        """A verb that takes a thing to a figure says what the figure is, with the thing: "plans to take the
        site to 16 GWh by FY2027" -> "take the site to" (the site alone is not 16 GWh before then)."""
        if not self._verb_in(verb, self.level_verbs):
            return None
        thing = next((c for c in verb.children if c.dep_ == "dobj" and self._is_thing(c)), None)
        to = self._prepositional_object(verb, {"to"}, lambda t: t.i in self.numbers)
        if thing is None or to is None or not thing.i < to.head.i:
            return None
        return verb.doc[verb.i : to.head.i + 1]

    def _leading(self, token: Token) -> bool:
        """A word a milestone does not start with: "the", "its", "and", a punctuation mark."""
        return token.lower_ in self.drop_leading or token.dep_ in {"poss", "case", "det", "cc"} or token.is_punct

    def _is_figure(self, token: Token) -> bool:
        """A figure or a number record; not "20-foot" or "first". "219.6MW" is one."""
        hyphenated = not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-"
        numeric = token.like_num or (token.text[:1].isdigit() and token.text[-1:].isalpha())
        return token.i in self.numbers or (numeric and not token.is_alpha and not hyphenated)

    def _complement_end(self, noun: Token, span: Span) -> int:
        """Where the phrase ends: after a short complement that says which one ("investment in the
        venture", "request for a training centre", "plant in De Soto, Kansas" up to its comma, "cost of
        a plant that X is building" up to its clause), else after the noun."""
        prep = next((c for c in noun.rights if c.dep_ == "prep"), None)
        if prep is None or prep.lower_ not in self.complements or prep.i != noun.i + 1:
            return noun.i + 1
        end = _complement_stop(prep)
        words = [t for t in noun.doc[prep.i + 1 : end] if t.dep_ != "det"]
        within = any(t.i in self.numbers or inside(t, span) for t in noun.doc[prep.i : end])
        if not words or len(words) > MAX_COMPLEMENT or within:
            return noun.i + 1
        return end

    def _names_a_thing(self, phrase: Span) -> bool:
        """Not a unit, a part of a date or a bare "company": "/MWh", "end", "Q2"."""
        if phrase.root.lower_ in self.not_milestones or all(t.ent_type_ in PLACES for t in phrase):
            return False  # "China | 101 GWh": a region names no milestone
        return any(t.is_alpha and len(t) > 1 and t.lower_ not in self.not_milestones for t in phrase)


def _modifier_word(token: Token) -> bool:
    """A word of a noun phrase's head or its modifiers: "lithium iron phosphate battery", "Scara BESS"."""
    return token.pos_ in {"NOUN", "PROPN", "ADJ"} or (token.dep_ in {"compound", "amod"} and not token.is_punct)


def verb_in(token: Token, verbs: frozenset[str]) -> bool:
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
    for stem in (word.removesuffix("ed"), word.removesuffix("ing")):
        if stem != word and len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.add(stem[:-1])  # "dropped", "slipping"
    candidates |= {c[:-3] + "ize" for c in candidates if c.endswith("ise")}  # "commercialise", "finalised"
    return bool(candidates & verbs)


def _complement_stop(prep: Token) -> int:
    """Where a complement's words end: before its first punctuation mark, clause or date ("in De Soto,
    Kansas", "of a plant that X is building", "for battery materials and recycling next year")."""
    clauses = [t for t in prep.subtree if t.dep_ in CLAUSES]
    cut = {w.i for clause in clauses for w in clause.subtree}
    for token in prep.subtree:
        if token.i > prep.i and (_breaks(token) or token.i in cut or token.ent_type_ in {"DATE", "TIME"}):
            return token.i
    return prep.right_edge.i + 1


def _breaks(token: Token) -> bool:
    """A punctuation mark that ends a phrase, not a mark inside a word or a figure ("lithium-ion", "20%")."""
    joined = token.i > 0 and not token.nbor(-1).whitespace_
    return token.is_punct and not (joined and token.text in INNER_MARKS)


def inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end
