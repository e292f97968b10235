"""battery-extract: organizations, capacities, money and target years from battery and EV news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "RulesError", "__version__", "extract", "extract_many", "load_pipeline", "records_from_doc"]

if TYPE_CHECKING:
    from pipeline.extensions import records_from_doc
    from pipeline.extraction import Article, extract, extract_many
    from pipeline.nlp import load_pipeline
    from pipeline.rules_dir import RulesError

# Where each public name lives; imported on first use, so that `import pipeline` stays light.
_PUBLIC = {
    "Article": "pipeline.extraction",
    "extract": "pipeline.extraction",
    "extract_many": "pipeline.extraction",
    "records_from_doc": "pipeline.extensions",
    "load_pipeline": "pipeline.nlp",
    "RulesError": "pipeline.rules_dir",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        from importlib import import_module

        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(name)
