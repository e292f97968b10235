"""The milestone or subject a target year, capacity or amount dates or measures: "small-scale
production", "pilot production line", "equipment market" — a noun phrase found from the parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.milestone_lines import in_title, line_label, other_cell
from pipeline.components.milestone_phrases import MilestonePhrases, inside
from pipeline.components.spans import get_fact

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
RELATIVES = {"which", "that", "who", "each"}  # "a container that holds 5 MWh", "units, each holding 3.9 MWh"


class MilestoneFinder(MilestonePhrases):
    """Where a milestone is looked for: the table row or list line, then the parse around the anchor."""

    def __call__(self, span: Span, owner: dict[int, str]) -> Span | None:
        """The phrase naming what ``span`` dates or measures, or None: the label of its table row or
        list line where the parse finds nothing outside that label, else from the parse."""
        found = self._shares(span) or self._title_words(span, owner) or self._from_parse(span, owner)
        found = found or self._named_next(span, owner)
        if found is not None and (not self._names_a_thing(found) or self._title_verb(found, span, owner)):
            found = None
        label = line_label(span, owner)
        if label is not None and (found is None or found.start_char < label.end_char or other_cell(found, span)):
            found = label if label.start_char < label.end_char else None
        return found

    def _shares(self, span: Span) -> Span | None:
        """A share price's milestone is the word for the shares it prices: "Shares closed at 248,500 won"."""
        if get_fact(span, "kind") != "share_price":
            return None
        words = [t for t in span.doc[span.sent.start : span.start] if t.lower_ in self.share_words]
        return span.doc[words[-1].i : words[-1].i + 1] if words else None

    def _title_words(self, span: Span, owner) -> Span | None:
        """In a Title Case headline, the nouns right after a capacity or amount: "Signs €1.6bn Debt Package"."""
        if span.label_ not in {"CAPACITY", "MONEY"} or not in_title(span):
            return None
        return self._nouns_after(span.sent, span.end, owner)

    def _title_verb(self, found: Span, span: Span, owner) -> bool:
        """Whether a headline's phrase is its verb, the word after its subject's name and before the figure:
        "METI Grants ¥21.3 Billion" (not "Sojitz Sign A$1.1 Billion Kwinana Hydroxide Deal")."""
        return found.start - 1 in owner and found.end <= span.start and in_title(found)

    def _from_parse(self, span: Span, owner: dict[int, str]) -> Span | None:
        if span.label_ == "CAPACITY" or span.label_ == "MONEY":
            found = self._measure(span, owner) or self._worth(span, owner) or self._modified_noun(span, owner)
            found = found or self._complement(span, owner) or self._shared_noun(span, owner)
            if found is not None:
                return found
        root = span.root
        if root.dep_ in {"conj", "appos"} and root.head.i in self.numbers:
            root = root.head  # "about 30 Ah, or roughly 110 Wh": the figure it restates
        for token in root.ancestors:
            if token.lower_ in self.not_milestones and token.i == span.end + 1 and _per_unit(span):
                continue  # "prices dropped to $125/kWh": the unit of a price
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in owner and token.lower_ not in self.measure_nouns:
                return self._phrase(token, span, owner)
            if token.pos_ in {"VERB", "AUX"}:
                return self._verb_milestone(token, span, owner) or self._verb_object(token, span, owner)
        return None

    def _named_next(self, span: Span, owner) -> Span | None:
        """Where the parse finds nothing, the nouns right after a capacity that it modifies, read from the
        words: "the 35.4MW/250MWh Scara BESS", "a 275 MW, 2,200 MWh lithium iron phosphate battery"."""
        return self._nouns_after(span.root.sent, span.end, owner) if span.label_ == "CAPACITY" else None

    def _verb_object(self, verb: Token, span: Span, owner) -> Span | None:
        """Where the verb's own object is the amount, what it is spent on or for: "has invested Rs 4,500
        crore in its 12 GWh plant", "will invest NT$8.5 billion to expand its pilot line"."""
        if span.root.dep_ not in {"dobj", "nsubjpass"} or span.root.head.i != verb.i:
            return None
        target = self._prepositional_object(verb, {"in", "into", "on", "for", "through", "via"}) or self._purpose(verb)
        return self._phrase(target, span, owner) if target is not None and target.i not in owner else None

    def _measure(self, span: Span, owner) -> Span | None:
        """The noun a figure is "of": "a total annual capacity of 15 GWh of cells", "an operating profit
        of 24 billion won" — what is measured, not the thing after the figure."""
        # the figure's own token, also where the parse takes "won" for a verb: "a profit of 24 billion won"
        figure = next((t for t in span if t.dep_ == "pobj" and not inside(t.head, span)), None)
        if figure is None and _per_unit(span):
            figure = span.root.head  # "a weighted average of €12,959/MWh-year": the price's unit holds the place
        if figure is None or figure.head.lower_ != "of" or figure.head.dep_ != "prep":
            return None
        noun = figure.head.head
        if noun.pos_ != "NOUN" or noun.i in owner or noun.lower_ in self.measure_nouns or not self._is_thing(noun):
            return None
        if (holder := self._holder_of(noun, owner)) is not None:
            return self._phrase(holder, span, owner)
        if noun.lower_ in self.goal_nouns and self._complement(span, owner) is not None:
            return None  # "its goal of 150-200 GWh of annual battery capacity": the capacity is the goal
        return self._phrase(noun, span, owner)

    def _holder_of(self, noun: Token, owner) -> Token | None:
        """What has a bare capacity "with" it: "a prismatic LFP cell with a capacity of 628 amp-hours", "The
        plant will start with a capacity of 1.5 GWh" (not "an annual capacity of …", which is the milestone)."""
        if noun.lower_ not in self.held_measures or noun.dep_ != "pobj" or noun.head.lower_ != "with":
            return None
        if any(t.dep_ != "det" for t in noun.lefts):
            return None
        holder = noun.head.head
        if holder.pos_ in {"VERB", "AUX"}:
            thing = next((c for c in holder.children if c.dep_ == "dobj" and self._is_thing(c)), None)
            holder = thing or self._subject(holder)
        return holder if holder is not None and holder.i not in owner and self._is_thing(holder) else None

    def _modified_noun(self, span: Span, owner) -> Span | None:
        """ "a 0.2 gigawatt-hour pilot production line" -> "pilot production line"."""
        head = span.root.head
        if (
            span.root.dep_ in {"compound", "nummod", "amod", "npadvmod", "quantmod"}
            and head.pos_ == "NOUN"
            and head.lower_ not in self.measure_nouns
            and head.lower_ not in self.not_milestones  # "$125/kWh": the unit of a price
        ):
            tokens = [t for t in head.subtree if t.i >= span.end and t.i <= head.i]
            if tokens:
                return span.doc[tokens[0].i : self._complement_end(head, span)]
        return None

    def _complement(self, span: Span, owner) -> Span | None:
        """ "30 GWh of annual sodium-ion capacity", "invested RMB 10bn in sodium-ion research"."""
        root = span.root
        # "… for a 6 GWh line and $60 million for a 2 GWh pilot line": the parse hangs the second "for" on "line"
        coordinated = root.dep_ == "conj" and root.head.pos_ == "NOUN" and root.head.i not in self.numbers
        holders = [root, root.head] if root.dep_ in {"dobj", "attr", "pobj", "appos"} or coordinated else [root]
        holders += [t for t in span if t.i != root.i and not inside(t.head, span)]  # "Rs | 4,500 crore"
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "for", "on", "into"} and prep.i >= span.end:
                    target = next((c for c in prep.children if c.dep_ == "pobj" and self._is_thing(c)), None)
                    if target is not None and target.i not in owner:
                        return self._phrase(target, span, owner)
                    figure = next((c for c in prep.children if c.dep_ == "pobj" and c.i in self.numbers), None)
                    if figure is not None:  # "$80 million for a 6 GWh LFP cell line": what the capacity measures
                        return self._nouns_after(span.sent, figure.i + 1, owner)
        return None

    def _verb_milestone(self, verb: Token, span: Span, owner) -> Span | None:
        if (taken := self._taken_to(verb)) is not None:
            return taken
        target = self._object(verb)
        if target is not None and target.i not in owner:
            return self._phrase(self._goal_content(target), span, owner)
        through_preposition = span.root.dep_ == "pobj" and span.root.head.head.i == verb.i
        dated = through_preposition or _undergoes(verb, span)
        if self._verb_in(verb, self.subject_verbs) or verb.dep_ in {"acl", "pcomp"} or dated:
            subject = self._subject(verb)
            if subject is not None and subject.i not in owner and self._is_thing(subject):
                return self._with_modal(self._phrase(subject, span, owner), verb)
            if subject is not None and self._priced(verb, subject, span):
                return span.doc[verb.i : verb.i + 1]
        return self._holder(verb, span, owner)

    def _holder(self, verb: Token, span: Span, owner) -> Span | None:
        """A capacity that is its verb's object measures the common noun the verb is said of: "the range
        extender adds 250 Wh", "a second phase could add 12 GWh" (not a name: "TQ offers 160 Wh")."""
        if span.label_ != "CAPACITY" or span.root.dep_ != "dobj" or span.root.head.i != verb.i:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in RELATIVES:  # "a plant that could produce 20 GWh a year"
            subject = self._subject(verb)
        if subject is None or subject.pos_ != "NOUN" or subject.i in owner or not self._is_thing(subject):
            return None
        return self._phrase(subject, span, owner)

    def _goal_content(self, noun: Token) -> Token:
        """What a goal of a figure is a goal for: "kept its goal of 150-200 GWh of annual capacity" -> capacity."""
        if noun.lower_ not in self.goal_nouns:
            return noun
        figure = self._prepositional_object(noun, {"of"}, lambda t: t.i in self.numbers)
        thing = self._prepositional_object(figure, {"of"}, self._is_thing) if figure is not None else None
        return noun if thing is None else thing

    def _object(self, verb: Token) -> Token | None:
        """What an object verb acts on, down a chain of infinitives: "expects to take a final
        investment decision", "plans to start mass production"; "incorporate them into X"."""
        while verb is not None:
            if self._verb_in(verb, self.object_verbs):
                target = next((c for c in verb.children if c.dep_ in {"dobj", "attr"} and self._is_thing(c)), None)
                if target is None and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
                    target = self._prepositional_object(verb, {"into", "in", "to", "for"})
                if target is None and self._verb_in(verb, self.goal_nouns):  # "aims for a listing", "aims to
                    target = self._prepositional_object(verb, {"to", "for", "at"})  # double capacity" (read as "to")
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


def _per_unit(span: Span) -> bool:
    """Whether the span is a price whose unit follows after a slash: "€12,959/MWh-year"."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "/" and span.root.head.i == span.end + 1


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
