"""What the three kinds of search index share — SQLite FTS5, tantivy and PostgreSQL: a rebuild driven by the
index's own steps (the CLI reports progress, the GUI runs the steps on its writer thread), and `with`.

Each kind writes its own `rebuild_steps()` and `close()`; nothing else here knows which engine it serves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Self

Progress = Callable[[int, int], None]


class IndexBase:
    def rebuild_steps(self) -> Iterator[tuple[int, int]]:
        """Index every document from scratch, yielding (done, total) as it goes."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every document from scratch; returns the number indexed. `progress(done, total)` if given."""
        done = 0
        for done, total in self.rebuild_steps():
            if progress is not None:
                progress(done, total)
        return done

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
