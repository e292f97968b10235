"""A user's rules directory (``--rules DIR``, ``rules_dir=``): ``organizations.jsonl``,
``units.toml`` and ``currencies.toml`` that extend or override the shipped files of the same name
(``resources.py`` merges them), checked with the same checks as the shipped files
(``rule_checks.py``). A problem is one line naming the file and the line."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import rule_checks
from pipeline.resources import UserRules, merge_rows, merge_tables, parse_jsonl, parse_toml, shipped_text

RULE_FILES = ("organizations.jsonl", "units.toml", "currencies.toml")
Rules = UserRules | str | os.PathLike[str] | None


class RulesError(ValueError):
    """A rules directory or one of its files cannot be used; the message names the file and line."""


def resolve_rules(rules: Rules) -> UserRules | None:
    """The checked rules of a directory (read again only when one of its files changes), or the
    rules as given."""
    if rules is None or isinstance(rules, UserRules):
        return rules
    path = Path(rules)
    if not path.is_dir():
        raise RulesError(f"{rules}: no such rules directory")
    stamps = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(path.iterdir()) if p.is_file())
    return _read(str(path.resolve()), stamps, str(path))


@cache
def _read(directory: str, stamps: tuple[tuple[str, int, int], ...], as_given: str) -> UserRules:
    return read_rules(as_given)  # messages name the folder as the user wrote it


def read_rules(directory: str | os.PathLike[str]) -> UserRules:
    """The rule files of ``directory``, checked; RulesError for an unknown file or a bad entry."""
    path = Path(directory)
    unknown = [p.name for p in sorted(path.iterdir()) if p.suffix in {".toml", ".jsonl"} and p.name not in RULE_FILES]
    if unknown:
        raise RulesError(f"{path / unknown[0]}: not a rule file that can be extended ({', '.join(RULE_FILES)})")
    files = tuple((name, _read_text(path / name)) for name in RULE_FILES if (path / name).is_file())
    if not files:
        raise RulesError(f"{path}: holds none of the rule files {', '.join(RULE_FILES)}")
    for name, text in files:
        check_file(name, text, str(path / name))
    return UserRules(files, source=str(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise RulesError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise RulesError(f"{path}: cannot be read ({error.strerror})") from None


def check_file(name: str, text: str, where: str) -> None:
    """RulesError naming ``where`` and the line of the first problem of a user's rule file."""
    if name.endswith(".jsonl"):
        _check_gazetteer(text, where)
        return
    try:
        data = parse_toml(name, text)
    except ValueError as error:
        raise RulesError(_toml_error(where, str(error.__cause__), text)) from None
    merged = merge_tables(parse_toml(name, shipped_text(name)), data)
    check = rule_checks.unit_problems if name == "units.toml" else rule_checks.currency_problems
    for key, reason in check(merged):
        line = _line_of(text, key)
        if line is not None:  # a problem of the shipped file alone is the shipped tests' to catch
            raise RulesError(f"{where}, line {line}: {reason}")


def _toml_error(where: str, message: str, text: str) -> str:
    """tomllib's "Unclosed array (at line 3, column 9)" as "FILE, line 3: Unclosed array (column 9)"."""
    found = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if found:
        return f"{where}, line {found[1]}: {message[: found.start()]} (column {found[2]})"
    line = len(text.splitlines()) or 1  # "(at end of document)"
    return f"{where}, line {line}: {message.removesuffix(' (at end of document)')} (at the end of the file)"


def _line_of(text: str, key: str) -> int | None:
    """The first line of a TOML text that names ``key`` (as a key, a table or a string)."""
    pattern = re.compile(rf"(?:^|[\s\[.\"'=,]){re.escape(key)}(?:$|[\s\].\"'=,])")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.lstrip().startswith("#") and pattern.search(line):
            return number
    return None


def _check_gazetteer(text: str, where: str) -> None:
    try:
        rows = parse_jsonl("organizations.jsonl", text)
    except ValueError as error:
        raise RulesError(where + str(error).removeprefix("rule file organizations.jsonl")) from None
    for number, row in rows:
        problems = rule_checks.entry_problems(row) if isinstance(row, dict) else ["not a JSON object"]
        if problems:
            raise RulesError(f"{where}, line {number}: {problems[0]}")
    _check_ids_and_surfaces(rows, where)


def _check_ids_and_surfaces(rows: list[tuple[int, dict[str, Any]]], where: str) -> None:
    lines = {}
    for number, row in rows:
        if row["id"] in lines:
            raise RulesError(f"{where}, line {number}: id {row['id']!r} is already on line {lines[row['id']]}")
        lines[row["id"]] = number
    shipped = [row for _, row in parse_jsonl("organizations.jsonl", shipped_text("organizations.jsonl"))]
    merged = merge_rows(shipped, [row for _, row in rows])
    for surface, ids in sorted(rule_checks.shared_surfaces(merged).items()):
        number = min(lines[i] for i in ids if i in lines)
        others = ", ".join(sorted(ids))
        raise RulesError(f"{where}, line {number}: {surface!r} names two organizations ({others}); override one")
