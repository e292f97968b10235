"""Links each target year, capacity and amount to the organization it is about (here) and the
milestone it dates or measures (``milestones.py``), from the dependency parse. Where the parse
gives no answer the link is left empty: no link is better than a wrong one."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.antecedents import RECENT_DESCRIBED, Antecedents, Link, focus_link
from pipeline.components.clauses import SUBJECTS, brand_of, is_actor, is_generic, is_joint, owns
from pipeline.components.entities import ArticleModel
from pipeline.components.link_clues import (
    GEOGRAPHY,
    antecedent_of,
    appositive_name,
    chain,
    gapped_subject,
    headline_subject,
    passive_agent,
    quoted_company,
)
from pipeline.components.list_lines import (
    LIST_BULLETS,
    in_list_line,
    is_link_line,
    line_bounds,
    line_company,
    list_owner,
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


class FactLinker(Antecedents, SavedRules):
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
        if is_link_line(doc_text(span.doc), span.start_char):  # "Also read: X raises …": another story's figure
            company = line_company(span, model.mentions)
            return Link(company, "same_sentence") if company else Link(None, None)
        row = self._table_row(span, model)
        if row is not None:
            return row
        headline = headline_subject(span, model.in_sentence(sentence_tokens(span)[0]), model.focus())
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
        return focus_link(model, span)

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
        if any(c.dep_ == "poss" and c.ent_type_ in GEOGRAPHY for c in subject.children):
            return Link(None, None)  # "China's installed storage capacity will top …": a country's
        if subject.lower_ in self.markets or subject.ent_type_ in GEOGRAPHY:
            return Link(None, None)  # "the market could reach …", "Europe will have …"
        if is_generic(subject, self.owned_words):
            return Link(None, None)  # "a 10,000mAh unit stores …", "E-bike batteries have …": no one's
        return subject if subject.pos_ in {"NOUN", "PROPN"} else None

    def _sentence_fallback(self, span: Span, model: ArticleModel, owner: dict[int, str], inner) -> Link:
        """The one actor the sentence names; in a sentence naming none, the focus, unless it is
        about a market or a country."""
        mentions = model.in_sentence(sentence_tokens(span)[0])
        named = {m.kb_id_ for m in mentions if is_actor(m) and not model.is_source(m) and not model.is_analyst(m)}
        built = model.owned_before(inner) if inner is not None and model.is_definite_thing(inner) else None
        if built is not None and not any(model.acts(m) for m in mentions):
            return Link(built, "owner")  # "With a capacity of 15 GWh, the facility will supply X": X is a customer
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
        return focus_link(model, span.root)


@Language.factory(
    "fact_linker",
    assigns=["doc.user_data"],
    requires=["doc.spans", "token.dep"],
    default_config={"organizations_key": "organizations"},
)
def make_fact_linker(nlp: Language, name: str, organizations_key: str) -> FactLinker:
    return FactLinker(organizations_key)
