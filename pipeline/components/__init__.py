"""spaCy components: each finds one kind of span and puts it in a span group of the same name."""

from spacy.tokens import Span

# Facts a finder learns about a span that its text alone does not carry.
for _name in ("rate", "equivalent_of"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
