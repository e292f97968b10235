"""Where in a sentence the fact linker looks for the organization a figure is about, beyond the
anchor's own clause: the subject a pronoun refers to, the speaker of a statement, the organization
a headline opens with, the subject of a clause whose verb is left out, a verb's complement chain."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.clauses import SUBJECTS
from pipeline.components.entities import ArticleModel
from pipeline.components.spans import doc_text

GEOGRAPHY = frozenset({"GPE", "NORP", "LOC"})


def clause_subject(pronoun: Token, model: ArticleModel) -> Span | None:
    """The organization that is the subject of the nearest clause above a pronoun (not the pronoun's
    own phrase), if that subject is one: a pronoun refers to its clause's subject."""
    for head in pronoun.ancestors:
        if head.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in head.children if c.dep_ in SUBJECTS and c.i < pronoun.i), None)
        if subject is None or pronoun in subject.subtree:
            continue
        mention = model.mention_at(subject.i)
        return mention if mention is not None and not model.is_told(mention) else None
    return None


def reporter_of(pronoun: Token, reporting: frozenset[str]) -> Token | None:
    """The subject of the reporting verb whose statement a pronoun is the subject of: "the
    ministry" in "The ministry said it will …"."""
    statement = pronoun.head
    if pronoun.dep_ not in SUBJECTS or statement.dep_ != "ccomp" or statement.head.lower_ not in reporting:
        return None
    return next((c for c in statement.head.children if c.dep_ in SUBJECTS), None)


def headline_subject(span: Span, mentions: list[Span], main: str | None) -> Span | None:
    """The organization a headline opens with, for a figure after it: the article's first line,
    which the parser reads badly (Title Case, no verb agreement); else the one organization it names
    where that is the article's main actor."""
    text = doc_text(span.doc)
    first_line = text[: text.find("\n")] if "\n" in text else text
    if not mentions or span.end_char > len(first_line) or first_line.rstrip().endswith("."):
        return None
    first = mentions[0]
    if len(mentions) > 1 and mentions[1].start == first.end + 1 and span.doc[first.end].lower_ in {"'s", "’s"}:
        first = mentions[1]  # "Tata's Agratas appoints …": the owned company is the subject
    opens = not first_line[: mentions[0].start_char].strip()
    if opens and first.end_char <= span.start_char:
        return first
    # "$2 Billion Battery Plant Planned by X": a headline naming one organization, the article's own
    return mentions[0] if main is not None and {m.kb_id_ for m in mentions} == {main} else None


def gapped_subject(span: Span, model: ArticleModel) -> Span | None:
    """An organization right before the figure, after "and" or a comma: a clause whose verb is left
    out ("…, and B Rs 2,500 crore into a car plant", "X offers 160 Wh, Y 210 Wh")."""
    before = model.mention_at(span.start - 1) if span.start > 0 else None
    if before is None or before.end != span.start or before.start == 0:
        return None
    joiner = span.doc[before.start - 1].lower_
    return before if joiner in {"and", ",", ";"} else None


def chain(verb: Token) -> list[Token]:
    """A verb and the verbs it takes as complements: "intends to pay" -> intends, pay."""
    chain = [verb]
    while (nxt := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)) is not None:
        chain.append(nxt)
    return chain


def appositive_name(subject: Token, owner: dict[int, str]) -> Token | None:
    """The organization an apposition names the subject as: "X's battery unit, Y, will …" is Y."""
    return next((c for c in subject.children if c.dep_ == "appos" and c.i in owner), None)


def passive_agent(verb: Token, owner: dict[int, str]) -> Token | None:
    """The organization that does what a passive verb says: "Production will be started by X"."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    named = [c for c in agent.children if c.dep_ == "pobj" and c.i in owner] if agent is not None else []
    return named[0] if named else None


def quoted_company(verb: Token, reporting: frozenset[str], owner: dict[int, str]) -> Token | None:
    """The organization of whoever says "we" in a quote, for the clause of ``verb``: "'We will …,'
    said A, chief executive of X", "'We …,' X chief executive A said"."""
    statement = verb
    while statement.dep_ in {"xcomp", "conj"} and statement.head.i != statement.i:
        statement = statement.head
    if statement.dep_ not in {"ccomp", "parataxis"} or statement.head.lower_ not in reporting:
        return None
    speaker = next((c for c in statement.head.children if c.dep_ in SUBJECTS), None)
    return next((t for t in speaker.subtree if t.i in owner), None) if speaker is not None else None


def antecedent_of(relative_clause: Token) -> Token:
    """What a relative clause is about: the noun it hangs on, or the noun a place after it modifies
    ("a new factory in Hungary, which is due to open in 2026": the factory, not Hungary)."""
    noun = relative_clause.head
    while noun.ent_type_ in GEOGRAPHY and noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
    return noun
