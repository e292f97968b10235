"""Reports of an evaluation: the HTML triage page and the comparison with a baseline."""
