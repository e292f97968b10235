"""Extract one article: text in, validated ArticleRecord out."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.build import build_record
from pipeline.components.spans import remember_text
from pipeline.nlp import load_pipeline, rules_of
from pipeline.records import ArticleRecord
from pipeline.resources import use_rules
from pipeline.rules_dir import Rules
from pipeline.tokenization import bounded_doc


def parse_published(value: date | str | None) -> date | None:
    """A publication date from a date or an ISO string: "2025-03-01", or a time stamp whose date
    counts ("2025-03-01T08:00:00Z"); ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if len(value) <= 10 else datetime.fromisoformat(value).date()
    except ValueError:
        raise ValueError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from None


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """A tokenized Doc carrying the article's publication date for the components."""
    doc = bounded_doc(nlp, text)
    doc._.published = published
    remember_text(doc, text)
    return doc


# Articles whose new words the vocabulary keeps for good; after them, the words an article adds
# are dropped with its Doc (spaCy's memory zone). The common words are learned by then, so later
# articles rarely rebuild a word, and memory stays flat however many articles follow.
LEARNING_ARTICLES = 2000
_learned: dict[int, int] = {}


def vocabulary_zone(nlp: Language, articles: int = 1) -> AbstractContextManager[object]:
    """The context to extract the next ``articles`` articles in: none while the pipeline is still
    learning its vocabulary, a memory zone afterwards. Docs made inside must not leave it."""
    seen = _learned.get(id(nlp), 0)
    if seen < LEARNING_ARTICLES:
        _learned[id(nlp)] = seen + articles
        return nullcontext()
    return nlp.memory_zone()


@dataclass(frozen=True)
class Article:
    """One article to extract: its id, text and (optional) publication date."""

    article_id: str
    text: str
    published: date | None = None


def process(
    articles: Iterable[Article], model: str | None = None, batch_size: int = 32, rules: Rules = None
) -> Iterator[tuple[Doc, ArticleRecord]]:
    """Run the pipeline over many articles with ``nlp.pipe``: (Doc, record) pairs in input order.
    ``rules`` is a rules directory whose files extend or override the shipped ones."""
    nlp = load_pipeline(model, rules)
    own_rules = rules_of(nlp)
    use_rules(own_rules)
    pending: deque[Article] = deque()

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article.text, article.published)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article = pending.popleft()
        use_rules(own_rules)  # the same rules as the components, whatever ran in between
        yield doc, build_record(doc, article.article_id, article.published)


def extract(
    text: str,
    article_id: str = "article",
    published: date | str | None = None,
    model: str | None = None,
    rules_dir: Rules = None,
) -> ArticleRecord:
    """Every organization, capacity, money amount and target year in ``text``.

    ``model`` names an installed spaCy English model, or "blank" for the rules alone; by
    default the ``BATTERY_EXTRACT_MODEL`` setting, else the small English model. ``rules_dir``
    is a folder whose ``organizations.jsonl``, ``units.toml`` and ``currencies.toml`` extend or
    override the shipped rules (``RulesError`` names the file and line of a bad entry).
    """
    if not isinstance(text, str):
        raise TypeError(f"article {article_id}: text must be a string, not {type(text).__name__}")
    day = parse_published(published)
    nlp = load_pipeline(model, rules_dir)
    use_rules(rules_of(nlp))
    with vocabulary_zone(nlp):
        if len(text) > nlp.max_length:  # spaCy refuses longer texts: extract in pieces, offsets kept
            from pipeline.batch.pieces import cut_points, merge_records

            cuts = cut_points(text, nlp.max_length)
            parts = [(start, nlp(make_doc(nlp, text[start:end], day))) for start, end in cuts]
            return merge_records([(start, build_record(doc, article_id, day)) for start, doc in parts])
        doc = nlp(make_doc(nlp, text, day))
        return build_record(doc, article_id, day)


Item = str | Article | Mapping[str, object]


def as_article(item: Item, index: int) -> Article:
    """An Article from a text (id: its position), an Article, or a mapping with ``text`` and optional
    ``id`` and ``published``; TypeError or ValueError naming the input otherwise."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(str(index), item)
    if not isinstance(item, Mapping):
        raise TypeError(f"input {index}: expected a text, an Article or a mapping, not {type(item).__name__}")
    name = str(item.get("id") or index)
    if not isinstance(item.get("text"), str):
        raise TypeError(f"input {index} (id {name}): 'text' must be a string")
    try:
        return Article(name, item["text"], parse_published(item.get("published")))  # type: ignore[arg-type]
    except ValueError as error:
        raise ValueError(f"input {index} (id {name}): {error}") from None


def extract_many(
    texts_or_articles: Iterable[Item],
    n_process: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    rules_dir: Rules = None,
) -> Iterator[ArticleRecord]:
    """The record of each text or article, in input order, streaming (memory stays flat). With
    ``n_process`` > 1, batches of ``batch_size`` articles go to that many worker processes, each
    loading the model once. A bad input raises TypeError or ValueError naming it (its position and
    id) before any article after it is extracted."""
    from pipeline.batch.many import extract_batches

    articles = (as_article(item, index) for index, item in enumerate(texts_or_articles))
    yield from extract_batches(articles, n_process, batch_size, model, rules_dir)
