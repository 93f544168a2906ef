"""Extraction off the request threads: a bounded pool, a bounded queue, a time limit and a size limit per request.

`/extract` and `POST /articles` hand their text to an `ExtractionPool`. The English pipeline runs in
worker processes (its own GIL and core, so searches stay quick while a text is analysed); a request waits
at most `timeout` seconds (then 504), at most `workers + queue` texts are in hand at once (beyond that:
503), and a text over `max_chars` characters or `max_quote_marks` quotation marks is refused (413) before
any work. An extraction that outlives its request keeps its place until it ends, so the bound holds.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ..limits import count_quote_marks
from ..records import Article, Document

Extractor = Callable[[Document], Article]


class ServerBusy(Exception):
    """Every extraction worker and queue place is taken (503)."""


class ExtractionTimeout(Exception):
    """An extraction ran past the request's time limit (504)."""


class TextTooLarge(Exception):
    """A text over the per-request limits (413)."""


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    """How much extraction one server takes on: see the module docstring."""

    workers: int = 1
    queue: int = 4
    timeout: float = 30.0
    max_chars: int = 100_000
    max_quote_marks: int = 2_000

    def check(self, text: str) -> None:
        """Raise TextTooLarge for a text one request may not send."""
        if len(text) > self.max_chars:
            raise TextTooLarge(f"text of {len(text)} characters is over the limit of {self.max_chars} per request")
        marks = count_quote_marks(text)
        if marks > self.max_quote_marks:
            raise TextTooLarge(
                f"text with {marks} quotation marks is over the limit of {self.max_quote_marks} per request"
            )


# Extraction gives way to the server's own process when they share a core: searches answer first.
_WORKER_NICENESS = 10


def _worker_start() -> None:
    """Process pool initializer: end with the server, run at a lower priority, load the pipeline now."""
    import os

    from ..pipeline import load_nlp
    from ..watchdog import watch_parent

    watch_parent()
    if hasattr(os, "nice"):
        os.nice(_WORKER_NICENESS)
    load_nlp()


def extract_in_worker(document: Document) -> Article:
    """One document through the English pipeline, in a worker process."""
    from ..pipeline import extract_many

    return next(extract_many([document]))


class ExtractionPool:
    """Runs an extractor in a bounded pool; `run` raises ServerBusy, ExtractionTimeout or TextTooLarge."""

    def __init__(self, extractor: Extractor | None, limits: ExtractionLimits) -> None:
        self.limits = limits
        self._extractor = extractor or extract_in_worker
        self._places = threading.BoundedSemaphore(limits.workers + limits.queue)
        self._executor: Executor | None = None
        self._uses_processes = extractor is None

    def _pool(self) -> Executor:
        if self._executor is None:
            if self._uses_processes:
                # spawned, not forked: the server has threads, and a fork copies their locks held
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(self.limits.workers, context, initializer=_worker_start)
            else:
                self._executor = ThreadPoolExecutor(max_workers=self.limits.workers, thread_name_prefix="extract")
        return self._executor

    async def run(self, document: Document) -> Article:
        self.limits.check(document.text)
        if not self._places.acquire(blocking=False):
            raise ServerBusy(
                f"the server is analysing {self.limits.workers + self.limits.queue} texts already; try again later"
            )
        try:
            future: Future[Article] = self._pool().submit(self._extractor, document)
        except BrokenProcessPool as err:
            self._places.release()
            self.close()  # the next request starts a fresh pool
            raise ServerBusy("the extraction worker stopped; try again") from err
        except BaseException:
            self._places.release()
            raise
        future.add_done_callback(lambda _: self._places.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout)
        except asyncio.TimeoutError as err:
            raise ExtractionTimeout(f"the text was not analysed within {self.limits.timeout:g} s") from err
        except BrokenProcessPool as err:
            self.close()  # the next request starts a fresh pool
            raise ServerBusy("the extraction worker stopped; try again") from err

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
