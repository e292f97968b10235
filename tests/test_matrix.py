"""The model's matrix products through numpy's BLAS: on every layer, on one thread, with the same
annotations as spaCy's blis products, and a setting to keep blis."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from thinc.api import Ops
from threadpoolctl import threadpool_info

from pipeline.matrix import BLAS_SETTING, OneThreadNumpyOps, blas_choice, use_numpy_products
from pipeline.nlp import DEFAULT_MODEL, load_pipeline

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _layers(nlp):
    return [layer for _, c in nlp.pipeline if hasattr(getattr(c, "model", None), "walk") for layer in c.model.walk()]


def test_every_layer_of_the_extraction_model_multiplies_through_numpy():
    layers = _layers(load_pipeline(DEFAULT_MODEL))
    assert len(layers) > 50  # tok2vec, tagger, parser and entity recognizer, layer by layer
    assert all(isinstance(layer.ops, OneThreadNumpyOps) for layer in layers)


def test_the_blis_setting_keeps_spacys_products(monkeypatch):
    monkeypatch.setenv(BLAS_SETTING, "blis")
    nlp = spacy.load(DEFAULT_MODEL)
    use_numpy_products(nlp)
    assert not any(isinstance(layer.ops, OneThreadNumpyOps) for layer in _layers(nlp))


def test_an_unknown_setting_is_an_error_that_names_it(monkeypatch):
    monkeypatch.setenv(BLAS_SETTING, "mkl")
    with pytest.raises(ValueError, match=r"BATTERY_EXTRACT_BLAS='mkl': expected one of numpy, blis"):
        blas_choice()


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True)])
def test_the_product_is_numpys_and_leaves_the_thread_count_as_it_was(trans1, trans2):
    rng = numpy.random.default_rng(0)
    x = rng.random((300, 96), dtype=numpy.float32)
    y = rng.random((96, 288), dtype=numpy.float32)
    before = [info["num_threads"] for info in threadpool_info()]
    a, b = (x.T.copy() if trans1 else x), (y.T.copy() if trans2 else y)
    found = OneThreadNumpyOps().gemm(a, b, trans1=trans1, trans2=trans2)
    assert found.shape == (300, 288)
    numpy.testing.assert_allclose(found, x @ y, rtol=1e-5)
    assert [info["num_threads"] for info in threadpool_info()] == before


def test_the_product_runs_on_one_blas_thread(monkeypatch):
    seen = []

    def product(self, x, y, **_):
        seen.append({info["internal_api"]: info["num_threads"] for info in threadpool_info()})
        return x @ y

    monkeypatch.setattr(Ops, "gemm", product)  # the base product that NumpyOps falls back to without blis
    OneThreadNumpyOps().gemm(numpy.ones((2, 2), dtype="f"), numpy.ones((2, 2), dtype="f"))
    assert seen and all(count == 1 for count in seen[0].values())


def test_the_annotations_are_those_of_spacys_own_products():
    """Tags, dependencies and entities of every corpus article, token by token."""
    ours = spacy.load(DEFAULT_MODEL)
    use_numpy_products(ours)
    theirs = spacy.load(DEFAULT_MODEL)
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]

    def annotations(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    for text, mine, spacys in zip(texts, ours.pipe(texts), theirs.pipe(texts), strict=True):
        assert annotations(mine) == annotations(spacys), text[:60]


def test_the_pipeline_follows_the_setting_in_effect(monkeypatch):
    monkeypatch.setenv(BLAS_SETTING, "blis")
    spacys = load_pipeline(DEFAULT_MODEL)
    monkeypatch.setenv(BLAS_SETTING, "numpy")
    ours = load_pipeline(DEFAULT_MODEL)
    assert spacys is not ours
    assert not any(isinstance(layer.ops, OneThreadNumpyOps) for layer in _layers(spacys))
    assert all(isinstance(layer.ops, OneThreadNumpyOps) for layer in _layers(ours))
