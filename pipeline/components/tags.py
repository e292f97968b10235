"""Coarse parts of speech straight from the tagger's fine tags.

The model's attribute_ruler sets ``token.pos`` with a rule matcher, which costs about a fifth of
the model's time. The extraction needs only the plain tag-to-POS part of its rules, so the pipeline
reads that mapping from the model's own attribute_ruler once and applies it as a table lookup.
The mapping is saved with ``nlp.to_disk`` as a file of the component, not in the config, whose
syntax cannot hold tags such as ":" as keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc


def tag_to_pos(ruler: AttributeRuler) -> dict[str, str]:
    """The ruler's one-token ``{"TAG": …} -> POS`` rules."""
    mapping = {}
    for rule in ruler.patterns:
        pattern = rule["patterns"][0]
        if len(pattern) == 1 and set(pattern[0]) == {"TAG"} and "POS" in rule["attrs"]:
            mapping[pattern[0]["TAG"]] = rule["attrs"]["POS"]
    return mapping


MAPPING_FILE = "mapping.json"


class PosFromTags:
    def __init__(self, nlp: Language, mapping: dict[str, str]) -> None:
        self.strings = nlp.vocab.strings
        self.unknown = IDS["X"]
        self.set_mapping(mapping)

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Tag -> coarse part of speech ("NN" -> "NOUN"); a tag not in it gets "X"."""
        self.mapping = dict(mapping)
        self.table = {self.strings.add(tag): IDS[pos] for tag, pos in self.mapping.items()}

    def __call__(self, doc: Doc) -> Doc:
        tags = doc.to_array([TAG])
        pos = numpy.array([self.table.get(int(tag), self.unknown) for tag in tags], dtype="uint64")
        doc.from_array([POS], pos.reshape(-1, 1))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / MAPPING_FILE).write_text(json.dumps(self.mapping, indent=0, sort_keys=True), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PosFromTags:
        self.set_mapping(json.loads((Path(path) / MAPPING_FILE).read_text(encoding="utf-8")))
        return self


@Language.factory("pos_from_tags", assigns=["token.pos"], requires=["token.tag"], default_config={"mapping": {}})
def make_pos_from_tags(nlp: Language, name: str, mapping: dict[str, str]) -> PosFromTags:
    return PosFromTags(nlp, mapping)
