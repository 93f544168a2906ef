"""A small LRU of encoded /quotes answers, emptied whenever the archive gains an article."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


def archive_version(conn: sqlite3.Connection) -> int:
    """The newest article's row id: articles are only ever added, so it changes with every ingest."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


class AnswerCache:
    """Thread-safe LRU from (archive version, request key) to a ready JSON body; size 0 turns it off."""

    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError(f"cache size {size} is negative")
        self.size = size
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, conn: sqlite3.Connection, key: Hashable) -> bytes | None:
        """The stored answer for `key` at the archive's current version, or None."""
        if self.size == 0:
            return None
        full_key = (archive_version(conn), key)
        with self._lock:
            body = self._answers.get(full_key)
            if body is not None:
                self._answers.move_to_end(full_key)
            return body

    def get_or_compute(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The stored answer, or `compute()`'s, kept for next time."""
        body = self.lookup(conn, key)
        if body is not None:
            return body
        version = archive_version(conn) if self.size else 0
        body = compute()
        if self.size:
            with self._lock:
                self._answers[(version, key)] = body
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return body
