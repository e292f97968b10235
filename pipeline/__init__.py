"""battery-extract: organizations, capacities, money and target years from battery and EV news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]

if TYPE_CHECKING:
    from pipeline.extraction import extract


def __getattr__(name: str) -> Any:  # keep `import pipeline` light: spaCy loads on first use
    if name == "extract":
        from pipeline.extraction import extract

        return extract
    raise AttributeError(name)
