"""What a token or an organization mention is in its clause, read from the dependency parse: the
predicates the fact linker decides with. Pure functions of the parse; no rules of their own
beyond the word tables passed in."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.spans import sentence_tokens

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
PARTNER_PREPOSITIONS = frozenset({"with", "from", "to", "by"})
# A name behind these is a partner, a place of sale or a target, not who acts: "sold on Amazon", "a stake in X".
NOT_ACTOR_PREPOSITIONS = frozenset(
    {"from", "with", "to", "at", "for", "of", "by", "on", "through", "via", "into", "in"}
)
INDEFINITE = frozenset({"a", "an", "any", "some", "many", "most"})


def owns(
    token: Token,
    subject: Token,
    owner: dict[int, str],
    makers: frozenset[str] = frozenset(),
    products: frozenset[str] = frozenset(),
) -> bool:
    """An organization inside the subject that the subject belongs to ("A CATL executive",
    "Tesla's plant", "analysts at CITIC", "the Redmi K90 Pro from Xiaomi", and with ``makers`` "the
    larger, developed by X", "a consortium led by X"), not a partner behind "with", "from", "to" or
    "by" ("supply deals with Mazda"); with ``products``, the maker after "from" ("the new cell from X")."""
    if token.i not in owner:
        return False
    while token.i != subject.i:
        if token.dep_ == "agent" and token.head.dep_ == "acl" and token.head.lower_ in makers:
            token = token.head.head  # "developed by X": X made what the phrase describes
            continue
        partner = token.pos_ == "ADP" and token.lower_ in PARTNER_PREPOSITIONS
        if partner and not _made_by(token, subject, owner, products):
            return False
        if token.pos_ in {"VERB", "AUX"}:
            return False  # another clause inside the subject: "appetite …, consultancy X estimates"
        token = token.head
    return True


def _made_by(preposition: Token, subject: Token, owner: dict[int, str], products: frozenset[str]) -> bool:
    """ "the Redmi K90 Pro from Xiaomi", "the new cell from X": a product, then its maker after "from"
    (a product's name, or a product word with "the": "cells from Chinese suppliers" are no one's)."""
    made = preposition.head  # the subject, or a product inside it: "Deliveries of the 314Ah cells from X"
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in made.children)
    product = made.pos_ == "PROPN" or (made.lower_.removesuffix("s") in products and definite)
    return product and made.i not in owner and preposition.lower_ == "from" and made in subject.subtree


def is_joint(subject: Token, owner: dict[int, str]) -> bool:
    """Two or more organizations as one subject ("Mazda and Subaru will buy …")."""
    names = {
        owner[t.i]
        for t in subject.subtree
        if t.i in owner and (t.i == subject.i or t.dep_ in {"conj", "compound"} or t.head.dep_ == "conj")
    }
    conj = [c for c in subject.children if c.dep_ == "conj" and c.i in owner]
    return bool(conj) and len(names | {owner[c.i] for c in conj}) > 1


def is_partner(mention: Span) -> bool:
    """A lender, investor or partner: "raised Rs 60 crore from X", "a venture with Y"."""
    root = mention.root
    return root.dep_ == "pobj" and root.head.lower_ in {"from", "with", "by"}


def is_actor(mention: Span) -> bool:
    """Not a lender, supplier or partner named in a prepositional phrase ("a loan from the EIB",
    "awarded to A, B and C")."""
    root = mention.root
    while root.dep_ in {"conj", "appos", "compound"} and root.head.i != root.i:  # "X and Y", "X (XY)"
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.i == sentence_tokens(root)[0]:
        return True  # "Built by GAC Group, the line …": the builder
    return not (root.dep_ == "pobj" and root.head.lower_ in NOT_ACTOR_PREPOSITIONS)


def brand_of(noun: Token, owner: dict[int, str]) -> Token | None:
    """The organization whose product a noun phrase names: the first name before a product's own
    name ("the Nimbra Slim 20K, a 20,000mAh pack", "GM Energy PowerBank units of 10.6 kWh"); not a
    plain modifier ("the Tesla order" is no product of Tesla's)."""
    found = []
    for child in noun.children:
        if child.dep_ not in {"compound", "nmod"}:
            continue
        if child.i in owner and noun.pos_ == "PROPN":
            found.append(child)
        if child.pos_ == "PROPN":
            found.extend(c for c in child.children if c.dep_ in {"compound", "nmod"} and c.i in owner)
    return min(found, key=lambda t: t.i, default=None)


def recipient(verb: Token, owner: dict[int, str]) -> Token | None:
    """Who a giving verb hands something to: its indirect object, an organization as its object
    ("pay X a grant"), or the object of "to" ("provide $540 million to X"); an organization's token
    first, else a noun (a thing whose owner is asked for: "awarded the project €298 million")."""
    found = []
    for child in verb.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":  # "was awarded to X": "to" a dative too
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"dative", "dobj"}:
            found.append(child)
    named = [t for t in found if t.i in owner]
    if named:
        return named[0]
    return next((t for t in found if t.dep_ == "dative" or t.head.lower_ == "to"), None)


def is_generic(noun: Token, owned_words: frozenset[str]) -> bool:
    """An indefinite or bare plural subject: "a unit", "packs", "Chinese brands". Not the words
    in ``owned_words`` (a company's figures and things: "Sales fell to …", "a second line")."""
    if noun.pos_ != "NOUN" or noun.lower_ in owned_words:
        return False
    determiners = [c for c in noun.children if c.dep_ in {"det", "poss"}]
    if any(d.lower_ in INDEFINITE for d in determiners):
        return True
    return noun.tag_ == "NNS" and not determiners


def clause_of(span: Span) -> tuple[int, int]:
    """The clause of a record: its sentence and the verb that governs it (the sentence's root where
    no verb does). Non-finite verbs that only modify ("an order to supply … between 2027 and 2030",
    "a facility expected to cost …", "after raising £420m") belong to the clause above them; a verb
    with a subject of its own is a clause ("…, with volume production starting in fiscal 2026")."""
    own = [span.root] if span.root.i == span.start else []  # a year that opens with its verb: "starting in 2026"
    verbs = (t for t in (*own, *span.root.ancestors) if t.pos_ in {"VERB", "AUX"} and not _modifies(t))
    verb = next(verbs, None)
    start, end = sentence_tokens(span)
    if verb is None:
        verb = next((t for t in span.doc[start:end] if t.dep_ == "ROOT"), span.root)
    return start, verb.i


def _modifies(verb: Token) -> bool:
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    if verb.dep_ == "acl" or (verb.dep_ == "xcomp" and verb.tag_ in {"VB", "VBG", "VBN"}):
        return True  # "acl" also where the tagger took the participle for a past tense ("expected")
    if verb.dep_ == "pcomp" and verb.tag_ in {"VBG", "VBN"}:
        return True  # "after raising £420m"
    if verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"} and verb.i > 0 and verb.nbor(-1).text != ",":
        return True  # "a 3-5GWh line … starting in 2026"; set off by a comma it is a predicate: "…, attracting …"
    # a purpose: "will invest Rs 4,500 crore to set up a 10 GWh plant"
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)


def is_starting_value(span: Span) -> bool:
    """The value a change starts from: "from 0.5 GWh to about 2 GWh", "up from Rs 640 crore"."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ == "from" and head.i < span.start
