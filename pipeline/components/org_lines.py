"""The layout of a scraped page, read from its lines: headline lines (a title or section head in
Title Case or capitals, where a capital says nothing about a name), the header lines under the title
(masthead, byline, date: "Grid Edge Weekly · Storage"), and list lines (bullets, table rows) whose
first cells name things of one kind. Pure functions over the text: character ranges out."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.normalize.places import is_place
from pipeline.resources import table

Range = tuple[int, int]
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
DASHED_ITEM = re.compile(r"[^–—:]{2,60}\s[–—]\s")  # "Name – figure"
FIRST_CELL = re.compile(r"[^|,:;–—(]+")
LOWER_TAIL = re.compile(r"(?:\s+[a-z][\w-]*)+\s*$")  # "… Review staff writer"
HEADER_PREFIXES = ("by ", "published", "updated", "posted", "share", "photo", "image", "read ", "see ", "related")


@cache
def _layout() -> dict[str, frozenset[str]]:
    data = table("organizations.toml")
    connectors = frozenset(data["clean"]["connectors"])
    acronyms = frozenset(name for name in data["reject"]["names"] if name.isupper() and " " not in name)
    return {key: frozenset(value) for key, value in data["layout"].items()} | {
        "connectors": connectors,
        "trade_acronyms": acronyms,
        "titles": frozenset(data["evidence"]["titles"]),
        "media_end": frozenset(table("token_classes.toml")["media_end"]["words"]),
    }


@lru_cache(maxsize=4)
def lines(text: str) -> tuple[Range, ...]:
    """(start, end) of every line that holds more than spaces, without its line break; read once per
    text (the headline, header, masthead and list steps all read the lines of the same article)."""
    found, start = [], 0
    for match in re.finditer(r"\n|$", text):
        if text[start : match.start()].strip():
            found.append((start, match.start()))
        start = match.end()
        if match.end() >= len(text):
            break
    return tuple(found)


def is_title_case(words: list[str]) -> bool:
    """Most of the line's words of more than three letters (``WORD`` matches) are capitalised."""
    content = [word for word in words if len(word) > 3]
    return len(content) >= 4 and sum(word[0].isupper() for word in content) >= 0.8 * len(content)


def _is_capitals(line: str) -> bool:
    """At least eight letters, all capitals (stops at the first other letter)."""
    letters = 0
    for character in line:
        if character.isalpha():
            if not character.isupper():
                return False
            letters += 1
    return letters >= 8


def _is_bullet(line: str) -> bool:
    return line[:1] in _layout()["bullets"]


def headlines(text: str) -> list[Range]:
    """Lines written as headlines: Title Case without a closing full stop, or all in capitals; not
    list lines, nor a sentence broken across lines ("Bank Mandiri and Bank Negara Indonesia have")."""
    found = []
    for start, end in lines(text):
        line = text[start:end].strip()
        if _is_list_line(line) and not _is_capitals(line):
            continue
        words = WORD.findall(line)
        ends_open = bool(words) and words[-1].islower() and not line.endswith((".", "!", "?", ":", ";"))
        section = len(line.split()) <= 4 and not line.endswith((".", "!", "?", ":", ";", ",", '"', "”"))  # "Outlook"
        if (is_title_case(words) and not line.endswith(".") and not ends_open) or _is_capitals(line) or section:
            found.append((start, end))
    return found


def header(text: str) -> list[Range]:
    """The short lines between a title and the body (masthead, section, byline, date); none when the
    text opens with its body rather than a title."""
    found = lines(text)
    if not found:
        return []
    title = text[found[0][0] : found[0][1]].strip()
    if len(title) > 200 or title.endswith((".", '"', "”")):
        return []
    block = []
    for start, end in found[1:7]:
        line = text[start:end].strip()
        if len(line) > 100 or line.endswith((".", "!", "?", '"', "”")):
            break
        block.append((start, end))
    return block


@cache
def _separator() -> re.Pattern[str]:
    marks = "".join(re.escape(m) for m in _layout()["header_separators"] if m != ",")
    return re.compile(rf"\s*[{marks}]\s+|\s+[{marks}]\s*|,\s+")


def segments(text: str, line: Range) -> list[Range]:
    """The parts of a header line between its separators, stripped."""
    start, end = line
    parts, at = [], start
    for match in [*_separator().finditer(text, start, end), None]:
        stop = match.start() if match else end
        piece = LOWER_TAIL.sub("", text[at:stop])
        if piece.strip():
            left = at + len(piece) - len(piece.lstrip())
            parts.append((left, left + len(piece.strip())))
        if match:
            at = match.end()
    return parts


def _is_name(words: list[str]) -> bool:
    connectors = _layout()["connectors"]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w in connectors or (w[:1].isdigit() and i > 0) for i, w in enumerate(words))


def _names_an_outlet(segment: str) -> bool:
    words = segment.split()
    if len(words) < 2 or len(words) > 6 or any(c.isdigit() for c in segment) or _is_capitals(segment):
        return False
    if any(word in _layout()["trade_acronyms"] or word in _layout()["titles"] for word in words):
        return False  # "EV Deep Dive" is a section, "Senior Reporter" a byline
    return _is_name(words) and not segment.lower().startswith(HEADER_PREFIXES) and not is_place(segment)


def mastheads(text: str) -> list[Range]:
    """Names of the outlet in the header lines: parts that end in a media word ("Power Sector
    Bulletin", "The Storage Desk"), else the first part written as a name ("Voltwire Europe |
    Cells & Plants")."""
    block = header(text)
    parts = [(line, part) for line in block for part in segments(text, line)]
    named = [(line, part) for line, part in parts if _names_an_outlet(text[part[0] : part[1]])]
    media = [part for _, part in named if text[part[0] : part[1]].split()[-1] in _layout()["media_end"]]
    if media:
        return media
    return [part for _, part in named][:1]


def _first_cell(text: str, line: Range) -> Range | None:
    start, end = line
    content = text[start:end]
    at = len(content) - len(content.lstrip())
    if _is_bullet(content[at:]):
        at += 1
        at += len(content[at:]) - len(content[at:].lstrip())
    match = FIRST_CELL.match(content, at)
    if match is None:
        return None
    cell = match.group().strip()
    if cell.endswith(" -"):
        cell = cell[:-2].rstrip()
    return (start + at, start + at + len(cell)) if cell else None


def _is_list_line(line: str) -> bool:
    stripped = line.strip()
    return _is_bullet(stripped) or " | " in stripped or bool(DASHED_ITEM.match(stripped))


def list_cells(text: str) -> list[list[Range]]:
    """Groups of consecutive list lines (bullets, table rows, "Name – figure" lines), each as the
    first cells that are written as names ("Waaree Energies | 200 MW/400 MWh | Rs 2.24 lakh")."""
    groups: list[list[tuple[Range, Range]]] = []
    previous_end = -2
    for start, end in lines(text):
        if not _is_list_line(text[start:end]):
            continue
        cell = _first_cell(text, (start, end))
        words = text[cell[0] : cell[1]].split() if cell else []
        if cell is None or not 1 <= len(words) <= 6 or not _is_name(words) or words[0].lower() == "by":
            continue
        if text[previous_end:start].count("\n") == 1 and groups:
            groups[-1].append(((start, end), cell))
        else:
            groups.append([((start, end), cell)])
        previous_end = end
    return [cells for cells in map(lambda g: _without_head_row(text, g), groups) if len(cells) >= 2]


def _without_head_row(text: str, rows: list[tuple[Range, Range]]) -> list[Range]:
    """The cells of a table's rows, less a head row ("Developer | Capacity | Tariff"): the rows
    without a figure, where most rows have one."""
    has_figure = [any(c.isdigit() for c in text[line[0] : line[1]]) for line, _ in rows]
    if sum(has_figure) * 2 < len(rows):
        return [cell for _, cell in rows]
    return [cell for (_, cell), figure in zip(rows, has_figure, strict=True) if figure]
