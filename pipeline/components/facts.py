"""Links each target year, capacity and amount to the organization it is about (here) and the
milestone it dates or measures (``milestones.py``), from the dependency parse. Where the parse
gives no answer the link is left empty: no link is better than a wrong one."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.milestones import MilestoneFinder
from pipeline.components.spans import lower_words, set_fact
from pipeline.components.spans import sentence as _sentence
from pipeline.normalize.orgnames import is_news_agency
from pipeline.resources import table

ANCHORS = {"target_years": "target_year", "capacities": "capacity", "money": "money"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
RELATIVE_PRONOUNS = {"which", "that", "who"}
PARTNER_PREPOSITIONS = {"with", "from", "to", "by"}


@dataclass(frozen=True)
class Link:
    organization: str | None
    how: str | None


class _Mentions:
    """The organization mentions of a Doc, grouped by sentence once."""

    def __init__(self, mentions: list[Span]) -> None:
        self.by_sentence: dict[int, list[Span]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(_sentence(mention).start, []).append(mention)
        self.subjects = [m for m in mentions if _is_subject(m)]

    def in_sentence(self, start: int) -> list[Span]:
        return self.by_sentence.get(start, [])

    def most_salient(self, before: int) -> str | None:
        """The organization the article has made its subject most often before token ``before``."""
        earlier = [m.kb_id_ for m in self.subjects if m.end <= before]
        if not earlier:
            return None
        counts = Counter(earlier)
        return max(reversed(earlier), key=counts.__getitem__)


class FactLinker:
    def __init__(self, organizations_key: str) -> None:
        data = table("links.toml")
        self.organizations_key = organizations_key
        self.anaphors = frozenset(data["organization"]["anaphors"])
        self.people = frozenset(data["organization"]["people"])
        self.sources = frozenset(data["organization"]["source_prepositions"])
        self.milestones = MilestoneFinder(data["milestone"])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # links need the parse; a rules-only run leaves them empty
        named = sorted(
            (m for m in doc.spans[self.organizations_key] if not is_news_agency(m.kb_id_)), key=lambda s: s.start
        )
        owner = {i: m.kb_id_ for m in named for i in range(m.start, m.end)}
        mentions = _Mentions(named)
        self.milestones.numbers = {i for key in ANCHORS for s in doc.spans[key] for i in range(s.start, s.end)}
        for key in ANCHORS:
            for span in doc.spans[key]:
                link = self.organization(span, mentions, owner)
                set_fact(span, "organization", link.organization)
                set_fact(span, "link", link.how)
                milestone = self.milestones(span, owner)
                set_fact(span, "milestone", (milestone.start_char, milestone.end_char) if milestone else None)
        return doc

    # -- organization ---------------------------------------------------------------------------
    def organization(self, span: Span, mentions: _Mentions, owner: dict[int, str]) -> Link:
        first_verb = True
        for token in span.root.ancestors:
            found = self._org_of(token, span, mentions, owner, first_verb)
            if found is not None:
                return found
            if token.pos_ in {"VERB", "AUX"}:
                first_verb = False
        return self._sentence_fallback(span, mentions, owner)

    def _org_of(self, token: Token, span: Span, mentions, owner, first_verb: bool) -> Link | None:
        for child in token.children:
            if child.dep_ == "poss" and child.i in owner:
                return Link(owner[child.i], "same_clause")
            if child.dep_ == "poss" and child.lower_ == "whose" and token.head.dep_ == "relcl":
                head = token.head.head  # "Northvolt AB, whose C$7-billion project …"
                if head.i in owner:
                    return Link(owner[head.i], "same_clause")
        if token.pos_ not in {"VERB", "AUX"}:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if not subjects:
            return None
        # "PERTH — Ironbark Lithium Ltd has secured …": a dateline parsed as a second subject
        subject = next((c for c in subjects if c.i in owner), subjects[0])
        how = "same_clause" if first_verb else "same_sentence"
        if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":  # "SK Innovation, which injected …"
            subject = token.head
        if _is_joint(subject, owner):
            return Link(None, None)  # "Mazda and Subaru will buy …": no one organization
        named = owner.get(subject.i) or next((owner[t.i] for t in subject.subtree if _owns(t, subject, owner)), None)
        if named is not None:
            return Link(named, how)
        if subject.lower_ in self.anaphors:
            return self._antecedent(subject, mentions)
        owner_word = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in self.anaphors), None)
        if owner_word is not None:  # "Its research spending rose to …"
            return self._antecedent(owner_word, mentions)
        if subject.lower_ in self.people:
            return Link(None, None)
        return None

    def _antecedent(self, token: Token, mentions: _Mentions) -> Link:
        """What "it" or "the company" stands for: an organization named earlier in the sentence; for
        "it", else the subject of the sentence before; else the organization the article has made its
        subject most often so far."""
        sentence = _sentence(token)
        same = [m for m in mentions.in_sentence(sentence.start) if m.end <= token.i and not _is_partner(m)]
        if same:
            return Link(same[-1].kb_id_, "same_sentence")
        if token.pos_ == "PRON":
            previous = mentions.in_sentence(_previous_start(sentence)) if sentence.start > 0 else []
            subjects = [m for m in previous if _is_subject(m)]
            if subjects:
                return Link(subjects[-1].kb_id_, "previous_sentence")
        salient = mentions.most_salient(token.i)
        return Link(salient, "earlier") if salient else Link(None, None)

    def _sentence_fallback(self, span: Span, mentions: _Mentions, owner: dict[int, str]) -> Link:
        """The source of "according to X", or the one organization the sentence names."""
        sentence, lower = _sentence(span), lower_words(span.doc)
        for i in range(sentence.start, sentence.end):
            if lower[i] in self.sources:
                source = next((owner[t.i] for t in span.doc[i].subtree if t.i in owner), None)
                if source is not None:
                    return Link(source, "same_sentence")
        named = {m.kb_id_ for m in mentions.in_sentence(sentence.start) if _is_actor(m)}
        if len(named) == 1:
            return Link(named.pop(), "same_sentence")
        if not mentions.in_sentence(sentence.start) and sentence.start > 0:
            previous = mentions.in_sentence(_previous_start(sentence))
            subjects = {m.kb_id_ for m in previous if _is_subject(m)}
            salient = mentions.most_salient(span.start)
            if subjects == {salient}:  # "CATL launched a cell. Each cell stores 160 Ah."
                return Link(salient, "previous_sentence")
        return Link(None, None)


def _owns(token: Token, subject: Token, owner: dict[int, str]) -> bool:
    """An organization inside the subject that the subject belongs to ("A CATL executive",
    "Tesla's plant", "analysts at CITIC"), not a partner behind "with", "from", "to" or "by"
    ("supply deals with Mazda")."""
    if token.i not in owner:
        return False
    while token.i != subject.i:
        if token.pos_ == "ADP" and token.lower_ in PARTNER_PREPOSITIONS:
            return False
        token = token.head
    return True


def _is_joint(subject: Token, owner: dict[int, str]) -> bool:
    """Two or more organizations as one subject."""
    names = {
        owner[t.i]
        for t in subject.subtree
        if t.i in owner and (t.i == subject.i or t.dep_ in {"conj", "compound"} or t.head.dep_ == "conj")
    }
    conj = [c for c in subject.children if c.dep_ == "conj" and c.i in owner]
    return bool(conj) and len(names | {owner[c.i] for c in conj}) > 1


def _is_subject(mention: Span) -> bool:
    return mention.root.dep_ in SUBJECTS or (
        mention.root.dep_ in {"poss", "compound"} and mention.root.head.dep_ in SUBJECTS
    )


def _is_partner(mention: Span) -> bool:
    """A lender, investor or partner: "raised Rs 60 crore from X", "a venture with Y"."""
    root = mention.root
    return root.dep_ == "pobj" and root.head.lower_ in {"from", "with", "by"}


def _is_actor(mention: Span) -> bool:
    """Not a lender, supplier or partner named in a prepositional phrase ("a loan from the EIB",
    "awarded to A, B and C")."""
    root = mention.root
    while root.dep_ in {"conj", "appos", "compound"} and root.head.i != root.i:  # "X and Y", "X (XY)"
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.i == _sentence(root).start:
        return True  # "Built by GAC Group, the line …": the builder
    return not (root.dep_ == "pobj" and root.head.lower_ in {"from", "with", "to", "at", "for", "of", "by"})


def _previous_start(sentence: Span) -> int:
    doc = sentence.doc
    return _sentence(doc[sentence.start - 1]).start if sentence.start > 0 else 0


@Language.factory(
    "fact_linker",
    assigns=["doc.user_data"],
    requires=["doc.spans", "token.dep"],
    default_config={"organizations_key": "organizations"},
)
def make_fact_linker(nlp: Language, name: str, organizations_key: str) -> FactLinker:
    return FactLinker(organizations_key)
