"""Links each target year, capacity and amount to the organization it is about (here) and the
milestone it dates or measures (``milestones.py``), from the dependency parse. Where the parse
gives no answer the link is left empty: no link is better than a wrong one."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.clauses import SUBJECTS, brand_of, is_actor, is_generic, is_joint, is_partner, owns, recipient
from pipeline.components.entities import ArticleModel
from pipeline.components.link_clues import (
    GEOGRAPHY,
    antecedent_of,
    appositive_name,
    chain,
    clause_subject,
    gapped_subject,
    headline_subject,
    passive_agent,
    quoted_company,
    reporter_of,
)
from pipeline.components.list_lines import (
    LIST_BULLETS,
    in_list_line,
    line_bounds,
    list_owner,
    list_reference,
    table_header,
)
from pipeline.components.milestones import MilestoneFinder
from pipeline.components.partners import link_partners, share_coordinated_milestones
from pipeline.components.saved_rules import SavedRules
from pipeline.components.spans import doc_text, lower_words, sentence_tokens, set_fact
from pipeline.normalize.orgnames import is_news_agency
from pipeline.resources import table

ANCHORS = {"target_years": "target_year", "capacities": "capacity", "money": "money"}
RELATIVE_PRONOUNS = {"which", "that", "who"}
RECENT_SENTENCES = 2  # how far back the main actor must have been named to stand for an unnamed subject
RECENT_DESCRIBED = 3  # how far back "the company" looks for the main actor before the most active one
RECENT_LIST_LINES = 8  # the same for a list or table, counted from where it begins
SPEAKERS = {"he", "she"}


@dataclass(frozen=True)
class Link:
    organization: str | None
    how: str | None


class FactLinker(SavedRules):
    def __init__(self, organizations_key: str) -> None:
        data = table("links.toml")
        self.organizations_key = organizations_key
        self.rules = data["organization"]
        self.anaphors = frozenset(self.rules["anaphors"])
        self.people = frozenset(self.rules["people"])
        self.reporting = frozenset(self.rules["reporting_verbs"])
        self.things = frozenset(word for words in self.rules["things"].values() for word in words)
        self.markets = frozenset(self.rules["market_words"])
        self.name_words = frozenset(self.rules["name_words"])
        self.giving = frozenset(self.rules["giving_verbs"])
        self.makers = frozenset(self.rules["maker_participles"])
        self.products = frozenset(self.rules["made_things"])
        self.partners = frozenset(self.rules["partners"])
        self.documents = frozenset(self.rules["documents"])
        self.funding = frozenset(self.rules["funding_nouns"])
        self.owned_words = self.things | frozenset(self.rules["metrics"])
        self.milestones = MilestoneFinder(data["milestone"])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # links need the parse; a rules-only run leaves them empty
        named = sorted(
            (m for m in doc.spans[self.organizations_key] if not is_news_agency(m.kb_id_)), key=lambda s: s.start
        )
        owner = {i: m.kb_id_ for m in named for i in range(m.start, m.end)}
        model = ArticleModel(doc, named, self.rules)
        self.milestones.numbers = {i for key in ANCHORS for s in doc.spans[key] for i in range(s.start, s.end)}
        for key in ANCHORS:
            for span in doc.spans[key]:
                milestone = self.milestones(span, owner)
                link = self.organization(span, model, owner)
                if milestone is not None and link.how != "owner" and self._is_market(milestone, owner):
                    link = Link(None, None)  # "X puts local battery demand at 25-30 GWh": a market's figure
                set_fact(span, "organization", link.organization)
                set_fact(span, "link", link.how)
                set_fact(span, "milestone", (milestone.start_char, milestone.end_char) if milestone else None)
        share_coordinated_milestones(doc, ANCHORS)
        link_partners(doc, ANCHORS)
        return doc

    # -- organization ---------------------------------------------------------------------------
    def organization(self, span: Span, model: ArticleModel, owner: dict[int, str]) -> Link:
        """The decision procedure, in order: a table row's company; the clause, climbing the parse
        from the anchor (possessive, subject, "the company", "the plant"); the sentence; the focus."""
        if self._is_rate_footer(span):
            return Link(None, None)  # "($1 = 1,424.5 won)"
        row = self._table_row(span, model)
        if row is not None:
            return row
        headline = headline_subject(span, model.in_sentence(sentence_tokens(span)[0]))
        if headline is not None:  # "GM, Samsung SDI Finalize $3.5 Billion Plant": a title names its subject first
            return Link(headline.kb_id_, "same_sentence")
        gapped = gapped_subject(span, model)
        if gapped is not None:  # "A is to put ₹5,114 crore into cells and B Rs 2,500 crore into a car plant"
            return Link(gapped.kb_id_, "same_clause")
        own = self._org_of(span.root, span, model, owner, True)  # the anchor's own words: "won" read as a verb
        if isinstance(own, Link) and own.organization is not None:
            return own
        first_verb, inner = True, None
        for token in span.root.ancestors:
            if inner is not None and token.lower_ in self.reporting:
                return self._reporter(token, model, owner, inner)
            found = self._org_of(token, span, model, owner, first_verb)
            if isinstance(found, Link):
                return found
            if found is not None:
                inner = found
            if token.pos_ in {"VERB", "AUX"}:
                first_verb = False
        return self._sentence_fallback(span, model, owner, inner)

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
            return _focus(model, verb)
        if subject.lower_ in self.partners:  # "…, the partners said": their venture's figures
            venture = model.venture(verb.i)
            return Link(venture, "owner") if venture else Link(None, None)
        # the company itself, or one inside the subject: "Nordvik's chief executive said"
        inside = next((t for t in subject.subtree if owns(t, subject, owner, self.makers, self.products)), None)
        mention = model.mention_at(inside.i) if inside is not None else None
        if mention is not None and not model.is_analyst(mention):
            return Link(mention.kb_id_, "same_sentence")
        if (subject.lower_ in SPEAKERS or subject.ent_type_ == "PERSON") and inner.lower_ in self.owned_words:
            return _focus(model, verb)  # "Hoffmann said she expects revenue to exceed …": a spokesperson
        return Link(None, None)

    def _analyst_at(self, token: int, model: ArticleModel) -> bool:
        """A research firm inside a subject ("Europe's appetite …, consultancy X estimates")."""
        mention = model.mention_at(token)
        return mention is not None and model.is_analyst(mention)

    def _is_market(self, milestone: Span, owner: dict[int, str]) -> bool:
        """A milestone that names a market, with no organization's possessive ("LGES' installations")."""
        head = milestone.root
        if head.lower_ not in self.markets:
            return False
        return not any(c.dep_ == "poss" and (c.i in owner or c.lower_ in self.anaphors) for c in head.children)

    def _is_rate_footer(self, span: Span) -> bool:
        start, end = sentence_tokens(span)
        lower = lower_words(span.doc)
        return end - start <= 10 and "=" in lower[start:end]

    def _table_row(self, span: Span, model: ArticleModel) -> Link | None:
        """ "Waaree Energies | 200 MW/400 MWh | Rs 2.24 lakh": the row's company."""
        start, text = sentence_tokens(span)[0], doc_text(span.doc)
        line_start, line_end = line_bounds(text, span.start_char)
        line = text[line_start:line_end]
        first = next((m for m in model.in_sentence(start) if line_start <= m.start_char < span.start_char), None)
        if line.count("|") < 2:  # "• Solid Power – DOE grant: $45 million": a list row opening with its company
            if not in_list_line(span.doc, span.start):
                return None
            opens = first is not None and not line[: first.start_char - line_start].strip(LIST_BULLETS + " \t")
            company = first.kb_id_ if opens else list_owner(span.doc, span.start, model.mentions)
            return Link(company, "table_row") if company is not None else None
        if first is not None:
            return Link(first.kb_id_, "table_row")
        cell = span.doc.char_span(line_start, text.find("|", line_start), alignment_mode="expand")
        if cell is not None and any(t.ent_type_ in GEOGRAPHY for t in cell):
            return Link(None, None)  # "China | 101 GWh | 350 GWh": a region's row
        if table_header(span.doc, span.start) in self.markets:
            return Link(None, None)  # under "Region | 2024 | 2030F": "Rest of world | 19 GWh" too
        return _focus(model, span)

    def _org_of(self, token: Token, span: Span, model, owner, first_verb: bool) -> Link | Token | None:
        """A Link when the token's clause decides; the clause's own subject (a Token) when it is
        a thing no organization is named in; None to climb on."""
        for child in token.children:
            if child.dep_ == "poss" and child.i in owner:
                return Link(owner[child.i], "same_clause")
            if child.dep_ == "poss" and child.lower_ == "whose" and token.head.dep_ == "relcl":
                head = token.head.head  # "Northvolt AB, whose C$7-billion project …"
                if head.i in owner:
                    return Link(owner[head.i], "same_clause")
        brand = brand_of(token, owner) if token.pos_ in {"NOUN", "PROPN"} else None
        if brand is not None:
            return Link(owner[brand.i], "same_clause")
        if token.lower_ in self.funding:  # "a grant that Slovakia intends to pay X"
            clauses = [c for c in token.children if c.dep_ in {"relcl", "acl"}]
            given = (self._given(verb, model, owner) for clause in clauses for verb in chain(clause))
            found = next((link for link in given if link is not None), None)
            if found is not None:
                return found
        if token.pos_ not in {"VERB", "AUX"}:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if not any(self._names_organization(s, owner) for s in subjects):
            given = self._given(token, model, owner)  # "the governments will provide $540 million to X"
            if given is not None:
                return given
        agent = passive_agent(token, owner) if not any(self._names_organization(s, owner) for s in subjects) else None
        if agent is not None and not any(model.kind_of(s) == "funding" for s in subjects):
            return Link(owner[agent.i], "same_clause" if first_verb else "same_sentence")  # "… built by X"
        if not subjects:
            return None
        # "PERTH — Ironbark Lithium Ltd has secured …": a dateline parsed as a second subject
        subject = next((c for c in subjects if c.i in owner), subjects[0])
        how = "same_clause" if first_verb else "same_sentence"
        if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":  # "SK Innovation, which injected …"
            subject = antecedent_of(token)
        if is_joint(subject, owner) or subject.lower_ in self.partners:  # "Mazda and Subaru will buy …", "the partners"
            venture = model.venture(token.i)
            return Link(venture, "owner") if venture else Link(None, None)
        inside = (
            t
            for t in subject.subtree
            if owns(t, subject, owner, self.makers, self.products) and not self._analyst_at(t.i, model)
        )
        named_as = appositive_name(subject, owner)  # "X's battery unit, Y, will …"
        named = owner.get(subject.i) or (owner[named_as.i] if named_as else next((owner[t.i] for t in inside), None))
        if named is not None and token.lower_ in self.reporting and self._analyst_at(subject.i, model):
            return Link(None, None)  # "…, up from 20 GWh, rating agency X said": a source, not the subject
        if named is not None:
            return Link(named, how)
        if subject.lower_ in self.anaphors or subject.lower_ in self.name_words:
            return self._antecedent(subject, model)
        owner_word = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in self.anaphors), None)
        if owner_word is not None:  # "Its research spending rose to …"
            return self._antecedent(owner_word, model)
        ours = subject.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in subject.children)
        speaker = quoted_company(token, self.reporting, owner) if ours else None
        if speaker is not None:  # "'We will …,' said A, chief executive of X"
            return Link(owner[speaker.i], how)
        if ours and model.focus() and model.recent(model.focus(), token.i, RECENT_DESCRIBED):
            return Link(model.focus(), "earlier")  # "'We aim to double capacity,' chief executive A said"
        if subject.lower_ in self.people:
            return Link(None, None)
        if subject.lower_ in self.markets or subject.ent_type_ in GEOGRAPHY:
            return Link(None, None)  # "the market could reach …", "Europe will have …"
        if is_generic(subject, self.owned_words):
            return Link(None, None)  # "a 10,000mAh unit stores …", "E-bike batteries have …": no one's
        return subject if subject.pos_ in {"NOUN", "PROPN"} else None

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
        return Link(salient, "earlier") if salient else _focus(model, token)

    def _sentence_fallback(self, span: Span, model: ArticleModel, owner: dict[int, str], inner) -> Link:
        """The one actor the sentence names; in a sentence naming none, the focus, unless it is
        about a market or a country."""
        mentions = model.in_sentence(sentence_tokens(span)[0])
        named = {m.kb_id_ for m in mentions if is_actor(m) and not model.is_source(m) and not model.is_analyst(m)}
        if len(named) == 1:
            return Link(named.pop(), "same_sentence")
        funding = not named and inner is not None and model.kind_of(inner) == "funding"
        funded = model.owned_before(inner) if funding else None
        if funded is not None:  # "The package combines $150 million in equity from A, …": the recipient's
            return Link(funded, "owner")
        if named or any(not model.is_source(m) and not model.is_analyst(m) for m in mentions):
            return Link(None, None)
        if inner is not None and not is_generic(inner, self.owned_words):  # "the cell holds 30 Ah, according to EVE"
            speaker = next((m for m in mentions if not model.is_analyst(m) and not model.is_told(m)), None)
            if speaker is not None:
                return Link(speaker.kb_id_, "same_sentence")
        if mentions:
            return Link(None, None)  # only a source speaks: "…, ICRA said"
        if inner is not None and inner.lower_ in self.things:  # "The plant will …": whose plant
            found = model.owner_of(inner)
            return Link(found, "owner") if found else Link(None, None)
        return _focus(model, span.root)


def _focus(model: ArticleModel, token: Token | Span) -> Link:
    """The main actor, where the article has named it in this sentence or the few before (a list
    or table under a paragraph looks further back: its lines are sentences of their own)."""
    at = token.i if isinstance(token, Token) else token.start
    found = model.focus()
    listed = in_list_line(token.doc, at)
    window = RECENT_LIST_LINES if listed else RECENT_SENTENCES
    if found is None or not model.recent(found, list_reference(token.doc, at) if listed else at, window):
        return Link(None, None)
    return Link(found, "earlier")


@Language.factory(
    "fact_linker",
    assigns=["doc.user_data"],
    requires=["doc.spans", "token.dep"],
    default_config={"organizations_key": "organizations"},
)
def make_fact_linker(nlp: Language, name: str, organizations_key: str) -> FactLinker:
    return FactLinker(organizations_key)
