"""Progress of a batch run: a tqdm bar on a terminal, plain log lines otherwise (CI, files, pipes)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LOG_EVERY_SECONDS = 10.0


def duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


class Progress:
    """Counts articles done; shows articles/s and ETA against an estimated total."""

    def __init__(self, total: int, done: int = 0, stream: TextIO | None = None, bar: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.done, self.start_done = total, done, done
        self.started = self.last_log = time.monotonic()
        use_bar = self.stream.isatty() if bar is None else bar
        self.bar = None
        if use_bar:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, unit="article", file=self.stream, dynamic_ncols=True)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return (self.done - self.start_done) / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count)
        elif time.monotonic() - self.last_log >= LOG_EVERY_SECONDS:
            self.log_line()

    def log_line(self) -> None:
        self.last_log = time.monotonic()
        rate = self.rate()
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        eta = f", ETA {duration((self.total - self.done) / rate)}" if rate > 0 and self.total > self.done else ""
        self.stream.write(f"batch: {self.done}/{self.total} articles{share}, {rate:.1f} articles/s{eta}\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            self.stream.write(message + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        else:
            self.log_line()
