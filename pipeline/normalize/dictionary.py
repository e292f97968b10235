"""English dictionary words: the WordNet index (nouns, adjectives, verbs, adverbs) that the spaCy
English model ships for its lemmatizer, read from the installed model package. The index holds
common words ("utility", "home", "customs", "upstream") but also some famous names ("ford",
"tesla"), so it is evidence only together with how the article writes the word."""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.lookups import Lookups

PARTS = ("noun", "adj", "verb", "adv")


@cache
def english_words() -> frozenset[str]:
    """Lower-case dictionary words of the default model's package; empty when it is not installed."""
    from pipeline.nlp import DEFAULT_MODEL  # here, not at the top: the pipeline imports this module

    try:
        root = resources.files(DEFAULT_MODEL)
    except ModuleNotFoundError:
        return frozenset()
    folders = [path for path in root.iterdir() if (path / "lemmatizer" / "lookups").is_dir()]
    if not folders:
        return frozenset()
    index = Lookups().from_disk(str(folders[0] / "lemmatizer" / "lookups")).get_table("lemma_index")
    return frozenset(word for part in PARTS for word in index.get(part, ()) if word.isalpha())


def is_english_word(word: str) -> bool:
    """A dictionary word, in any of its plain inflections ("utilities", "customs", "jobs")."""
    words, lower = english_words(), word.lower()
    if lower in words:
        return True
    if lower.endswith("ies") and lower[:-3] + "y" in words:
        return True
    return lower.endswith("s") and lower[:-1] in words
