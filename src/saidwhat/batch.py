"""Many documents, many processes, resumable: the plain-Python core under `saidwhat extract`.

Each worker process loads the English pipeline once (pool initializer) and is fed chunks of
documents; at most a few chunks per worker are in flight, so memory stays flat however long the
input is. Every worker result is read: a document that fails becomes a `Failure` and the run goes on.
"""

from __future__ import annotations

import json
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from .errors import SaidwhatError
from .pipeline import extract_many, load_nlp
from .read import Item
from .records import Article
from .settings import DEFAULT_SETTINGS, Settings
from .watchdog import watch_parent

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 16
# Chunks in flight per worker: enough to keep every worker busy, few enough to keep memory flat.
CHUNKS_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or analysed."""

    doc_id: str
    input: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "input": self.input, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input item: an article or a failure."""

    article: Article | None = None
    failure: Failure | None = None


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


_WORKER_NLP: Language | None = None
_WORKER_SETTINGS: Settings = DEFAULT_SETTINGS
_WORKER_ERROR: SaidwhatError | None = None
_WORKER_FOCUS = False


def _init_worker(settings: Settings, focus: bool) -> None:
    """Pool initializer: load the pipeline once for the life of the worker process.

    A pipeline that cannot load is kept as an error for the first task to raise: an exception
    here would only break the pool, with the reason lost.
    """
    global _WORKER_NLP, _WORKER_SETTINGS, _WORKER_ERROR, _WORKER_FOCUS
    watch_parent()  # a killed `extract` must not leave its workers holding ~300 MB each
    _WORKER_SETTINGS, _WORKER_FOCUS = settings, focus
    try:
        _WORKER_NLP = load_nlp(settings)
    except SaidwhatError as err:
        _WORKER_ERROR = err


def process_chunk(items: list[Item]) -> list[Outcome]:
    """Outcomes for a chunk of items, in order, in the current (worker) process.

    Raises:
        SaidwhatError: the worker's pipeline could not be loaded (the whole run must stop).
    """
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    nlp = _WORKER_NLP or load_nlp(_WORKER_SETTINGS)
    return analyse_items(items, nlp, _WORKER_SETTINGS, focus=_WORKER_FOCUS)


def analyse_items(items: list[Item], nlp: Language, settings: Settings, *, focus: bool = False) -> list[Outcome]:
    """Outcomes for items: read errors pass through; a chunk that fails is retried one document at a time."""
    readable = [item for item in items if item.document is not None]
    try:
        documents = [item.document for item in readable if item.document]
        articles = list(extract_many(documents, nlp=nlp, settings=settings, focus=focus))
    except Exception as err:  # one bad document must not sink the chunk
        logger.info("chunk failed (%s); retrying its documents one by one", err)
        return [_analyse_one(item, nlp, settings, focus) for item in items]
    found = iter(articles)
    return [Outcome(article=next(found)) if item.document is not None else _read_failure(item) for item in items]


def _analyse_one(item: Item, nlp: Language, settings: Settings, focus: bool) -> Outcome:
    if item.document is None:
        return _read_failure(item)
    try:
        return Outcome(article=next(extract_many([item.document], nlp=nlp, settings=settings, focus=focus)))
    except Exception as err:
        reason = f"{item.origin}: analysis failed ({type(err).__name__}: {err})"
        return Outcome(failure=Failure(item.doc_id, item.origin, reason))


def _read_failure(item: Item) -> Outcome:
    return Outcome(failure=Failure(item.doc_id, item.origin, item.error or "unreadable"))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_batch(
    items: Iterable[Item],
    *,
    workers: int = 0,
    settings: Settings = DEFAULT_SETTINGS,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    ordered: bool = True,
    nlp: Language | None = None,
    focus: bool = False,
) -> Iterator[Outcome]:
    """One outcome per item, streamed; in input order unless `ordered` is False.

    Args:
        workers: processes to use (0: all cores); 1 runs in this process.
        chunk_size: documents sent to a worker at a time.
        nlp: a loaded pipeline for the in-process case (workers == 1).
        focus: parse only the sentences that can hold a quotation (see `extract_many`).
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be positive, got {chunk_size}")
    workers = workers or default_workers()
    if workers == 1:
        loaded = nlp or load_nlp(settings)
        for chunk in _chunks(items, chunk_size):
            yield from analyse_items(chunk, loaded, settings, focus=focus)
        return
    yield from _run_in_pool(_chunks(items, chunk_size), workers, settings, ordered, focus)


def _new_pool(workers: int, settings: Settings, focus: bool) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings, focus))


def _run_in_pool(
    chunks: Iterator[list[Item]], workers: int, settings: Settings, ordered: bool, focus: bool
) -> Iterator[Outcome]:
    """Feed chunks to a pool, a bounded number at a time; a crashed pool is replaced and the run goes on."""
    limit = workers * CHUNKS_PER_WORKER
    pool = _new_pool(workers, settings, focus)
    pending: deque[tuple[Future[list[Outcome]], list[Item]]] = deque()
    try:
        while True:
            while len(pending) < limit and (chunk := next(chunks, None)) is not None:
                pending.append((pool.submit(process_chunk, chunk), chunk))
            if not pending:
                return
            if ordered:
                future, chunk = pending.popleft()
            else:
                done, _ = wait([f for f, _ in pending], return_when=FIRST_COMPLETED)
                future, chunk = next((f, c) for f, c in pending if f in done)
                pending.remove((future, chunk))
            try:
                yield from future.result()
            except BrokenProcessPool as err:
                yield from _crashed(chunk, f"worker process died ({err})")
                pool.shutdown(cancel_futures=True)
                pool = _new_pool(workers, settings, focus)
                # The other chunks in flight were lost with the pool, not failed: send them again.
                pending = deque((pool.submit(process_chunk, lost), lost) for _, lost in pending)
            except SaidwhatError:
                raise  # no worker can do anything: a missing model, a bad setting
            except Exception as err:
                yield from _crashed(chunk, f"{type(err).__name__}: {err}")
    finally:
        pool.shutdown(cancel_futures=True)


def _crashed(chunk: list[Item], reason: str) -> Iterator[Outcome]:
    for item in chunk:
        yield Outcome(failure=Failure(item.doc_id, item.origin, item.error or reason))


def done_doc_ids(path: Path) -> set[str]:
    """The doc_ids already written to a JSONL output; a truncated last line (killed run) is cut off.

    Raises:
        OSError: the file cannot be read or repaired.
    """
    ids: set[str] = set()
    if not path.exists():
        return ids
    _cut_partial_last_line(path)
    with open(path, "rb") as stream:
        for line in stream:
            doc_id = _doc_id_of(line)
            if doc_id is not None:
                ids.add(doc_id)
    return ids


def _doc_id_of(line: bytes) -> str | None:
    try:
        data: Any = json.loads(line)
    except ValueError:
        return None
    return str(data["doc_id"]) if isinstance(data, dict) and "doc_id" in data else None


def _cut_partial_last_line(path: Path) -> None:
    """Drop the bytes after the last newline: what a killed run left half-written."""
    size = path.stat().st_size
    if size == 0:
        return
    with open(path, "rb+") as stream:
        step = 1 << 16
        end = size
        while end > 0:
            start = max(0, end - step)
            stream.seek(start)
            block = stream.read(end - start)
            if end == size and block.endswith(b"\n"):
                return
            newline = block.rfind(b"\n")
            if newline >= 0:
                stream.truncate(start + newline + 1)
                return
            end = start
        stream.truncate(0)
