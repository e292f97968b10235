"""Which article ids a run has seen, and where: on disk (SQLite), so memory stays flat at any size."""

from __future__ import annotations

import sqlite3
from pathlib import Path

COMMIT_EVERY = 10_000


class IdIndex:
    """First location of every id claimed so far; rebuilt by each run as it reads the inputs in order."""

    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, location TEXT NOT NULL) WITHOUT ROWID")
        self.pending = 0

    def claim(self, article_id: str, location: str) -> str | None:
        """None when ``article_id`` is new (it is now claimed), else the location that claimed it first."""
        cursor = self.db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?)", (article_id, location))
        if cursor.rowcount == 1:
            self.pending += 1
            if self.pending >= COMMIT_EVERY:
                self.db.commit()
                self.pending = 0
            return None
        return self.db.execute("SELECT location FROM ids WHERE id = ?", (article_id,)).fetchone()[0]

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)
