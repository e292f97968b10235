"""The article's model of who is who, built once per Doc from the organization mentions and the
parse: which mentions are actors (subjects of what happens) and which are sources (the subject of
"said", the object of "according to", "told X"), which research firms and rating agencies speak,
which things (plants, lines, projects, ventures) each organization builds or owns, and which
organization the article is about (its main actor). The fact linker asks it what "the company",
"the ministry", "the plant" or an unnamed subject stands for. Every step reads each mention and
its clause a bounded number of times: no pairwise search over an article's mentions."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from functools import cache

from spacy.tokens import Doc, Span

from pipeline import gazetteer
from pipeline.components.clauses import SUBJECTS
from pipeline.components.owned_things import OwnedThings, last_before, mention_root
from pipeline.components.spans import lower_words, sentence_tokens

LEDE_ACTORS = 2  # the first subjects of an article say who it is about: they count extra
LEDE_WEIGHT = 3
ANALYST_KINDS = frozenset({"institute"})  # gazetteer kinds that forecast markets rather than build
TELLING = frozenset({"told", "tell", "tells"})
DESCRIBING = frozenset({"DET", "ADJ", "NOUN", "PROPN"})  # the words of "the Slovak news agency"


def _leaders(names: list[str]) -> list[str]:
    """For each position, the name seen most often up to it (the latest of equals): one pass."""
    counts: Counter[str] = Counter()
    leaders, leader = [], ""
    for name in names:
        counts[name] += 1
        if counts[name] >= counts[leader]:
            leader = name
        leaders.append(leader)
    return leaders


@cache
def _gazetteer_kind(name: str) -> str | None:
    known = gazetteer.identify(name)
    return gazetteer.by_id()[known]["kind"] if known is not None else None


class ArticleModel(OwnedThings):
    """Who is who in one article. ``rules`` is links.toml's [organization] table."""

    def __init__(self, doc: Doc, mentions: list[Span], rules: Mapping) -> None:
        self.doc, self.mentions = doc, mentions
        self.lower = lower_words(doc)
        self.reporting = frozenset(rules["reporting_verbs"])
        self.analyst_words = frozenset(rules["analyst_words"])
        self.makers = frozenset(rules["maker_participles"])
        self.giving = frozenset(rules["giving_verbs"])
        self.thing_class: dict[str, str] = {w: c for c, words in rules["things"].items() for w in words}
        self.starts = [m.start for m in mentions]
        self.owner = {i: m.kb_id_ for m in mentions for i in range(m.start, m.end)}
        self.by_sentence: dict[int, list[Span]] = {}
        self.sources: set[int] = set()  # start tokens of mentions that report
        self.owned: dict[str, list[tuple[int, str]]] = {}  # thing class -> (token, organization), in order
        self.by_name_word: dict[str, list[tuple[int, str]]] = {}  # word of a name -> (token, organization)
        self.named_at: dict[str, list[int]] = {}
        actors: list[tuple[int, str]] = []
        for mention in mentions:
            self.by_sentence.setdefault(sentence_tokens(mention)[0], []).append(mention)
            self.named_at.setdefault(mention.kb_id_, []).append(mention.start)
            for word in set(self.lower[mention.start : mention.end]):
                self.by_name_word.setdefault(word, []).append((mention.start, mention.kb_id_))
            if self._is_source(mention):
                self.sources.add(mention.start)
            if self.acts(mention):
                actors.append((mention.start, mention.kb_id_))
            self._learn_things(mention)
        for known in self.owned.values():
            known.sort(key=lambda entry: entry[0])  # at one token, the last learned: an apposition naming it
        self.actor_starts = [start for start, _ in actors]
        self.leaders = _leaders([name for _, name in actors])
        acting = {name for _, name in actors}  # a masthead or a source only is named, never acts
        counts = Counter(m.kb_id_ for m in mentions if m.kb_id_ in acting and not self.is_analyst(m))
        for _, name in actors[:LEDE_ACTORS]:
            if name in counts:  # not a research firm's
                counts[name] += LEDE_WEIGHT
        self.main = counts.most_common(1)[0][0] if counts else None
        self.sentence_starts = []
        for sentence in doc.sents:
            self.sentence_starts.append(sentence.start)
            self._follow_things(sentence)

    # -- what each mention is ---------------------------------------------------------------------
    def _is_source(self, mention: Span) -> bool:
        """ "ICRA said", "research firm X estimates", "according to X", "told Lusa"."""
        root = mention_root(mention)
        head = root.head
        if root.dep_ in SUBJECTS and head.lower_ in self.reporting:
            return not any(c.dep_ in {"dobj", "attr"} and c.i > head.i and c.pos_ == "NOUN" for c in head.children)
        if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        return self.is_told(mention)

    def acts(self, mention: Span) -> bool:
        """The subject of a clause, its owner ("X's plant will …"), or the agent of a passive."""
        root = mention_root(mention)
        if root.dep_ in SUBJECTS or (root.dep_ == "poss" and root.head.dep_ in SUBJECTS):
            return True
        return root.dep_ == "pobj" and root.head.dep_ == "agent"

    def is_told(self, mention: Span) -> bool:
        """Who a statement is made to: "told Lusa", "told the news agency TASR"."""
        root = mention_root(mention)
        if root.dep_ in {"dobj", "dative"} and root.head.lower_ in TELLING:
            return True
        at = mention.start - 1  # however parsed: "told the Slovak news agency TASR that …"
        while at >= max(mention.start - 5, 0) and self.doc[at].pos_ in DESCRIBING:
            at -= 1
        return at >= 0 and self.lower[at] in TELLING

    def is_source(self, mention: Span) -> bool:
        return mention.start in self.sources

    def is_analyst(self, mention: Span) -> bool:
        """A research firm, rating agency or broker: "research firm X", "X Analytics", "X analyst",
        or a research body the gazetteer knows ("BloombergNEF")."""
        around = self.lower[max(mention.start - 3, 0) : mention.end + 1]
        return any(word in self.analyst_words for word in around) or _gazetteer_kind(mention.kb_id_) in ANALYST_KINDS

    # -- questions the linker asks ----------------------------------------------------------------
    def in_sentence(self, start: int) -> list[Span]:
        return self.by_sentence.get(start, [])

    def mention_at(self, token: int) -> Span | None:
        at = bisect_left(self.starts, token + 1) - 1
        return self.mentions[at] if at >= 0 and self.mentions[at].end > token else None

    def focus(self) -> str | None:
        """The organization the article is about: its main actor, the one it names most (its first
        subjects count extra: the lede names who the story is about)."""
        return self.main

    def recent(self, name: str, token: int, sentences: int) -> bool:
        """Whether ``name`` is named in the sentence of ``token`` or one of the ``sentences`` before."""
        starts = self.named_at.get(name, [])
        at = bisect_left(starts, token)
        if at == 0:
            return False
        here = bisect_left(self.sentence_starts, token + 1) - 1
        there = bisect_left(self.sentence_starts, starts[at - 1] + 1) - 1
        return here - there <= sentences

    def previous_subject(self, token: int) -> str | None:
        """The organization that is a subject of the sentence before the one of ``token``."""
        here = bisect_left(self.sentence_starts, token + 1) - 1
        if here < 1:
            return None
        subjects = [m for m in self.in_sentence(self.sentence_starts[here - 1]) if mention_root(m).dep_ in SUBJECTS]
        return subjects[-1].kb_id_ if subjects else None

    def salient(self, before: int) -> str | None:
        """The organization that has acted (been a subject) most often before token ``before``, the
        latest of equals: what "the company" stands for when the sentence names none."""
        at = bisect_left(self.actor_starts, before)
        return self.leaders[at - 1] if at > 0 else None

    def named_with(self, word: str, before: int) -> str | None:
        """The last organization before ``before`` with ``word`` in its name ("the ministry")."""
        return last_before(self.by_name_word.get(word, []), before)
