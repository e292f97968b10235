"""spaCy components: each finds one kind of span and puts it in a span group of the same name."""

from pipeline import extensions  # noqa: F401  (the Doc and Span attributes, wherever a component is loaded)
