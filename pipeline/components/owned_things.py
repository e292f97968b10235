"""The things each organization of an article builds, owns or receives, by kind ("X will build a
plant", "X's site", "X, the joint venture of …", "the scheme, run by X", "provide $540 million to
X": plant, line, project, venture, scheme, funding …), and whose "the plant" of a later sentence
is. A mixin of the article model (``entities.py``), learned mention by mention as it is built."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from pipeline.components.clauses import SUBJECTS, is_joint

DEFINITE = frozenset({"the", "its", "their", "this", "that"})
NAMING_VERBS = frozenset({"called", "named", "dubbed", "known"})
UNSHARED_THINGS = frozenset({"scheme", "product"})  # kinds of things never the main actor's by default
JOINT = ""  # the owner of a thing several organizations build together ("A and B opened their joint plant")


def last_before(entries: list[tuple[int, str]], token: int) -> str | None:
    at = bisect_left(entries, (token, ""))
    return entries[at - 1][1] if at > 0 else None


def mention_root(mention: Span) -> Token:
    """The token that places a mention in its clause: "X and Y", "X (XY)" climb to X."""
    root = mention.root
    while root.dep_ in {"conj", "appos", "compound"} and root.head.i != root.i:
        root = root.head
    return root


class OwnedThings:
    """What the article says each organization builds, owns or receives."""

    lower: list[str]
    owner: dict[int, str]
    owned: dict[str, list[tuple[int, str]]]
    thing_class: dict[str, str]
    named_at: dict[str, list[int]]
    analyst_words: frozenset[str]
    makers: frozenset[str]
    giving: frozenset[str]
    main: str | None

    def mention_at(self, token: int) -> Span | None:
        raise NotImplementedError

    def focus(self) -> str | None:
        raise NotImplementedError

    def is_definite_thing(self, token: Token) -> bool:
        """ "the plant", "its line": a thing of a kind whose owner the article may have named."""
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in token.children)
        return definite and self.kind_of(token) in self.owned

    def _learn_things(self, mention: Span) -> None:
        """What a mention builds or owns: "X's plant", "X, the joint venture of …", the things
        of the clause it is the subject of ("X will build a plant"), and the thing it names ("The
        joint venture, X, will …")."""
        if mention.root.dep_ == "appos" and self.mention_at(mention.root.head.i) is None:  # not "X Operator (XO)"
            self._own(mention.root.head, mention.kb_id_)
        naming = mention.root.head
        if mention.root.dep_ in {"oprd", "attr"} and naming.lower_ in NAMING_VERBS and naming.dep_ in {"relcl", "acl"}:
            self._own(naming.head, mention.kb_id_)  # "The joint venture, to be called X, will …"
        root = mention_root(mention)
        if self._is_recipient(root):  # "provide up to $540 million to X": the package is X's
            self.owned.setdefault("funding", []).append((root.i, mention.kb_id_))
        if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lower_ in self.makers:
            described = root.head.head.head  # "the scheme, run by X"
            if self.kind_of(described) in UNSHARED_THINGS:
                self._own(described, mention.kb_id_)
        if root.dep_ == "poss":
            self._own(root.head, mention.kb_id_)
        for child in root.children:
            if child.dep_ == "appos":
                self._own(child, mention.kb_id_)
        if root.dep_ in SUBJECTS:
            name = JOINT if is_joint(root, self.owner) else mention.kb_id_
            for child in root.head.children:
                if child.dep_ in {"dobj", "attr"}:
                    self._own(child, name)

    def _is_recipient(self, root: Token) -> bool:
        if root.dep_ == "dative" or (root.dep_ == "pobj" and root.head.lower_ == "to"):
            verb = root.head if root.dep_ == "dative" else root.head.head
            return verb.lower_ in self.giving
        return False

    def _follow_things(self, sentence: Span) -> None:
        """A sentence about a thing an organization owns ("The plant will be built in two phases")
        names that organization for the sentences after it."""
        subject = next((c for c in sentence.root.children if c.dep_ in SUBJECTS), None)
        if subject is None or not self.is_thing(subject):
            return
        if any(self.lower[t.i] in self.analyst_words for t in subject.subtree):
            return  # "the research firm said": a source, not the organization the article is about
        if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in subject.children):
            return
        name = self.owned_before(subject) or self.main
        if name is not None:
            starts = self.named_at.setdefault(name, [])
            starts.insert(bisect_left(starts, subject.i), subject.i)

    def _own(self, thing: Token, name: str) -> None:
        kind = self.kind_of(thing)
        if kind is not None:
            self.owned.setdefault(kind, []).append((thing.i, name))

    def is_thing(self, token: Token) -> bool:
        return self.lower[token.i] in self.thing_class

    def kind_of(self, token: Token) -> str | None:
        """The kind of thing a word names ("plant", "venture", "company", "funding" …), if any."""
        return self.thing_class.get(self.lower[token.i])

    def owned_before(self, thing: Token) -> str | None:
        """The organization that last built, owned or was described as this kind of thing ("X will
        build a plant", "X's plant", "X, the joint venture of …") before it, if any."""
        kind = self.kind_of(thing)
        return (last_before(self.owned.get(kind, []), thing.i) or None) if kind else None  # JOINT: none

    def owner_of(self, thing: Token) -> str | None:
        """Whose "the plant" or "the venture" this is: its known owner, else the joint venture the
        article has described (a plant's figures are the venture's that builds it), else the main
        actor."""
        if self.kind_of(thing) in UNSHARED_THINGS:
            return self.owned_before(thing)  # a scheme with no known runner is no one's
        kind = self.kind_of(thing)
        if kind is not None and last_before(self.owned.get(kind, []), thing.i) == JOINT:
            return self.venture(thing.i)  # several built it together: their venture's, else no one's
        return self.owned_before(thing) or self.venture(thing.i) or self.focus()

    def venture(self, before: int) -> str | None:
        """The joint venture the article last described as one ("X, the joint venture of A and B")."""
        return last_before(self.owned.get("venture", []), before) or None  # not JOINT: "A and B formed a venture"
