"""CI runs the README's test command verbatim."""

from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.endswith("python -m pytest -q"))
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
