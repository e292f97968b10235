"""spaCy components: each finds one kind of span and puts it in a span group of the same name."""
