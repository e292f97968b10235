"""What got better and worse since a previous evaluation (its ``--json`` file): per row, the strict
F1 before and after; item by item, the errors fixed and the new ones (what a maintainer reads
before merging)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ErrorKey = tuple[str, str, str, str]  # article id, row, miss or spurious, the record described
MODE = "strict"


@dataclass
class Change:
    """Scores of one row before and after."""

    row: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def delta(self) -> float:
        return (self.after or {}).get("f1", 0.0) - (self.before or {}).get("f1", 0.0)


@dataclass
class Comparison:
    baseline: Path
    versions: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    fixed: list[ErrorKey] = field(default_factory=list)
    new: list[ErrorKey] = field(default_factory=list)


def load_baseline(path: Path) -> dict[str, Any]:
    """A previous ``evaluate --json`` file; ValueError naming the file and what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no such baseline file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a JSON file: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get(MODE), dict) or not isinstance(data.get("errors"), list):
        raise ValueError(f"{path}: not an evaluation report (no '{MODE}' scores or 'errors' list; see --json)")
    return data


def _error_keys(report: dict[str, Any]) -> Counter[ErrorKey]:
    return Counter((e["article_id"], e["row"], e["kind"], e["record"]) for e in report["errors"])


def compare(baseline: Path, previous: dict[str, Any], current: dict[str, Any]) -> Comparison:
    """Rows in the order of the current report (rows only the baseline has at the end)."""
    rows = [*current[MODE], *(row for row in previous[MODE] if row not in current[MODE])]
    before, after = _error_keys(previous), _error_keys(current)
    return Comparison(
        baseline,
        previous.get("versions", {}),
        [Change(row, previous[MODE].get(row), current[MODE].get(row)) for row in rows],
        sorted((before - after).elements()),
        sorted((after - before).elements()),
    )


def _f1(scores: dict[str, Any] | None) -> str:
    return f"{scores['f1']:>8.3f}" if scores else f"{'-':>8}"


def _verdict(change: Change) -> str:
    if change.before == change.after:
        return ""
    before, after = change.before or {}, change.after or {}
    counts = "".join(f" {name}{after.get(name, 0) - before.get(name, 0):+d}" for name in ("tp", "fp", "fn"))
    word = "better" if change.delta > 0 else "worse" if change.delta < 0 else "same F1"
    return f"{change.delta:>+9.3f}  {word}{counts}"


def _describe_versions(versions: dict[str, Any]) -> str:
    model = versions.get("model") or {}
    if not versions:
        return "versions unknown"
    model_name = f"{model.get('name')} {model.get('version')}"
    return f"pipeline {versions.get('pipeline')}, schema {versions.get('schema')}, model {model_name}"


def format_comparison(comparison: Comparison) -> str:
    lines = [
        f"Compared with {comparison.baseline} ({_describe_versions(comparison.versions)})",
        "",
        f"{MODE + ' F1':<14}{'before':>8}{'after':>8}",
    ]
    lines += [f"{c.row:<14}{_f1(c.before)}{_f1(c.after)}{_verdict(c)}".rstrip() for c in comparison.changes]
    for title, keys in (("Better: errors fixed", comparison.fixed), ("Worse: new errors", comparison.new)):
        lines += ["", f"{title} ({len(keys)})"]
        lines += [f"  [{article}] {kind:<8} {row}: {record}" for article, row, kind, record in keys] or ["  none"]
    return "\n".join(lines)
