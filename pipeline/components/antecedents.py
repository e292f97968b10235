"""What a pronoun, a description ("the company", "the ministry") or a speaker in a figure's sentence
stands for, and who receives money handed over: the fact linker's answers beyond a named subject.
A mixin of the linker (``facts.py``), whose word tables it reads."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.components.clauses import SUBJECTS, is_partner, owns, recipient
from pipeline.components.entities import ArticleModel
from pipeline.components.link_clues import clause_subject, reporter_of
from pipeline.components.list_lines import in_list_line, list_reference
from pipeline.components.spans import sentence_tokens

RECENT_SENTENCES = 2  # how far back the main actor must have been named to stand for an unnamed subject
RECENT_DESCRIBED = 3  # how far back "the company" looks for the main actor before the most active one
RECENT_LIST_LINES = 8  # the same for a list or table, counted from where it begins
SPEAKERS = {"he", "she"}


@dataclass(frozen=True)
class Link:
    organization: str | None
    how: str | None


class Antecedents:
    """The linker's resolution of words that stand for an organization."""

    anaphors: frozenset[str]
    name_words: frozenset[str]
    reporting: frozenset[str]
    things: frozenset[str]
    giving: frozenset[str]
    makers: frozenset[str]
    products: frozenset[str]
    partners: frozenset[str]
    documents: frozenset[str]
    owned_words: frozenset[str]

    def _reporter(self, verb: Token, model: ArticleModel, owner: dict[int, str], inner: Token) -> Link:
        """ "Sales fell to …, the company said": a company reports its own figures; a research firm,
        an analyst or an official reports someone else's ("X estimates demand will reach …")."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None and verb.dep_ == "conj":  # "X began building it on Wednesday and said the plant …"
            subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            return Link(None, None)
        if subject.i not in owner and (subject.lower_ in self.anaphors or subject.lower_ in self.name_words):
            return self._antecedent(subject, model)
        if subject.lower_ in self.documents:  # "…, the filing said": the company that filed it
            return focus_link(model, verb)
        if subject.lower_ in self.partners:  # "…, the partners said": their venture's figures
            venture = model.venture(verb.i)
            return Link(venture, "owner") if venture else Link(None, None)
        # the company itself, or one inside the subject: "Nordvik's chief executive said"
        inside = next((t for t in subject.subtree if owns(t, subject, owner, self.makers, self.products)), None)
        mention = model.mention_at(inside.i) if inside is not None else None
        if mention is not None and not model.is_analyst(mention):
            return Link(mention.kb_id_, "same_sentence")
        if (subject.lower_ in SPEAKERS or subject.ent_type_ == "PERSON") and inner.lower_ in self.owned_words:
            return focus_link(model, verb)  # "Hoffmann said she expects revenue to exceed …": a spokesperson
        return Link(None, None)

    def _analyst_at(self, token: int, model: ArticleModel) -> bool:
        """A research firm inside a subject ("Europe's appetite …, consultancy X estimates")."""
        mention = model.mention_at(token)
        return mention is not None and model.is_analyst(mention)

    def _names_organization(self, subject: Token, owner: dict[int, str]) -> bool:
        if subject.lower_ in self.anaphors or subject.lower_ in self.name_words:
            return True
        return any(owns(t, subject, owner, self.makers, self.products) for t in subject.subtree)

    def _given(self, verb: Token, model: ArticleModel, owner: dict[int, str]) -> Link | None:
        """The recipient of a giving verb, or the owner of the thing it gives to ("the project")."""
        if verb.lower_ not in self.giving:
            return None
        target = recipient(verb, owner)
        if target is None:
            return None
        if target.i in owner:
            return Link(owner[target.i], "same_clause")
        found = model.owner_of(target) if model.is_thing(target) else None
        return Link(found, "owner") if found else None

    def _antecedent(self, token: Token, model: ArticleModel) -> Link:
        """What "it" or "the company" stands for: an organization named earlier in the sentence
        that is not a partner or a source; else what the article has described that way ("the
        venture"); else the focus."""
        start = sentence_tokens(token)[0]
        binding = clause_subject(token, model) if token.pos_ == "PRON" else None
        if binding is not None:  # "X, owned by Y and Z, expects its plant to …": its is X
            return Link(binding.kb_id_, "same_sentence")
        same = [
            m for m in model.in_sentence(start) if m.end <= token.i and not is_partner(m) and not model.is_told(m)
        ]  # not "… told ETEnergyWorld the utility expects …"
        if same:
            return Link(same[-1].kb_id_, "same_sentence")
        reporter = reporter_of(token, self.reporting)
        if reporter is not None and reporter.pos_ != "PRON" and reporter.lower_ in self.anaphors | self.name_words:
            return self._antecedent(reporter, model)  # "The ministry said it will hold …": it is the ministry
        if token.lower_ in self.name_words:  # "the ministry": the last one named
            found = model.named_with(token.lower_, token.i)
            return Link(found, "earlier") if found else Link(None, None)
        if token.lower_ in self.things:
            found = model.owned_before(token)
            if found:
                return Link(found, "owner")
        focus = model.focus()
        described = token.pos_ != "PRON" and model.kind_of(token) == "company"
        qualified = described and any(c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" for c in token.children)
        previous = model.previous_subject(token.i) if qualified else None
        if previous is not None:  # "Pavon will supply … The Spanish company plans …": the one just named
            return Link(previous, "previous_sentence")
        if described and focus and model.recent(focus, token.i, RECENT_DESCRIBED):
            return Link(focus, "earlier")  # "the electronics maker": the company the article is about
        if token.pos_ == "PRON":  # "it", "its": the subject of the sentence before, if an organization
            previous = model.previous_subject(token.i)
            if previous is not None:
                return Link(previous, "previous_sentence")
        salient = model.salient(token.i)
        return Link(salient, "earlier") if salient else focus_link(model, token)


def focus_link(model: ArticleModel, token: Token | Span) -> Link:
    """The main actor, where the article has named it in this sentence or the few before (a list
    or table under a paragraph looks further back: its lines are sentences of their own)."""
    at = token.i if isinstance(token, Token) else token.start
    found = model.focus()
    listed = in_list_line(token.doc, at)
    window = RECENT_LIST_LINES if listed else RECENT_SENTENCES
    if found is None or not model.recent(found, list_reference(token.doc, at) if listed else at, window):
        return Link(None, None)
    return Link(found, "earlier")
