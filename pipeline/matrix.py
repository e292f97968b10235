"""The model's matrix products through numpy's BLAS, one thread at a time.

spaCy's models multiply their matrices with blis, which picks a kernel for the CPU it finds. On a
CPU it has no kernel for, it falls back to its reference kernel: on AMD EPYC of the Zen 5 family,
blis 1.3 multiplies the small model's matrices three times slower than numpy's OpenBLAS, and the
products are a third of the model's time. The extraction gives every layer of the model an ``Ops``
whose matrix product is numpy's, limited to one thread for the call (OpenBLAS would otherwise burn
the second core for a fraction of the gain, and starve the other worker of a batch job). The
tagger, parser and entity recognizer give the same annotations either way (the products differ in
the last bits only); the transition parsers' own small products, inside their C loop, stay with
blis.

``BATTERY_EXTRACT_BLAS=blis`` keeps spaCy's default, for a machine where blis is the faster one."""

from __future__ import annotations

import os
from functools import cache

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

BLAS_SETTING = "BATTERY_EXTRACT_BLAS"
CHOICES = ("numpy", "blis")


class SettingError(ValueError):
    """BATTERY_EXTRACT_BLAS names no known choice."""


class OneThreadNumpyOps(NumpyOps):
    """NumpyOps whose ``gemm`` is numpy's, run on one BLAS thread; every other operation is thinc's."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        with _controller().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


@cache
def _controller() -> ThreadpoolController:
    """The BLAS libraries of this process, found once (numpy's OpenBLAS is loaded by then)."""
    return ThreadpoolController()


def blas_choice() -> str:
    """The BATTERY_EXTRACT_BLAS setting: "numpy" (the default) or "blis"; SettingError otherwise."""
    choice = os.environ.get(BLAS_SETTING, "numpy").strip().lower() or "numpy"
    if choice not in CHOICES:
        raise SettingError(f"{BLAS_SETTING}={choice!r}: expected one of {', '.join(CHOICES)}")
    return choice


def use_numpy_products(nlp: Language, choice: str | None = None) -> None:
    """Every layer of every model in ``nlp`` multiplies through numpy, unless ``choice`` (by default
    the setting) is "blis"."""
    if (choice or blas_choice()) != "numpy":
        return
    ops = OneThreadNumpyOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
