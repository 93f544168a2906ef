"""Predictions to score: saidwhat run on the gold texts, or read from a JSON Lines file."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ..annotations.fragments import EvalDoc, EvalQuote
from ..errors import InputError
from ..pipeline import extract_many
from ..records import Document
from ..settings import Settings
from .convert import quotes_from_article, quotes_from_json, to_score_format
from .gold import read_json_lines

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Predictions:
    """Predicted quotes by doc_id, and notes on what was skipped or odd."""

    by_doc: dict[str, tuple[EvalQuote, ...]]
    notes: tuple[str, ...] = ()


def predict(docs: Iterable[EvalDoc], *, nlp: Language | None = None, settings: Settings | None = None) -> Predictions:
    """Run saidwhat on each gold text (doc_id = the gold's) and keep its quotes for scoring."""
    by_doc: dict[str, tuple[EvalQuote, ...]] = {}
    documents = (Document(doc.text, doc_id=doc.doc_id) for doc in docs)
    for article in extract_many(documents, nlp=nlp, settings=settings):
        by_doc[article.doc_id] = quotes_from_article(article)
        # The engine's own notes (an unpaired mark...) are not trouble with the evaluation: log, don't warn.
        for message in article.errors:
            logger.info("%s: saidwhat noted: %s", article.doc_id, message)
    return Predictions(by_doc)


def read_predictions(path: Path, docs: Iterable[EvalDoc]) -> Predictions:
    """Predictions from saidwhat records or the minimal format, one document per line.

    Lines for documents outside the gold are counted in one note; a document on several lines has its
    quotes merged.
    """
    texts = {doc.doc_id: doc.text for doc in docs}
    by_doc: dict[str, tuple[EvalQuote, ...]] = {}
    notes: list[str] = []
    outside = 0
    for number, record in read_json_lines(path):
        doc_id = record.get("doc_id")
        if not isinstance(doc_id, str):
            notes.append(f"{path}:{number}: no 'doc_id', line ignored")
            continue
        if doc_id not in texts:
            outside += 1
            continue
        if doc_id in by_doc:
            notes.append(f"{path}:{number}: {doc_id!r} seen on an earlier line; quotes merged")
        by_doc[doc_id] = by_doc.get(doc_id, ()) + quotes_from_json(record, texts[doc_id], f"{path}:{number}", notes)
    if outside:
        notes.append(f"{path}: {outside} line(s) for documents not in the gold were ignored")
    missing = [doc_id for doc_id in texts if doc_id not in by_doc]
    if missing:
        notes.append(f"{path}: no line for {len(missing)} gold document(s), e.g. {missing[0]!r}; scored as no quotes")
    return Predictions(by_doc, tuple(notes))


def score_format_lines(predictions: Predictions, docs: Iterable[EvalDoc]) -> Iterator[str]:
    """The predictions, one JSON line per gold document, in the reference scorer's format."""
    for doc in docs:
        yield json.dumps(to_score_format(doc.doc_id, predictions.by_doc.get(doc.doc_id, ())), ensure_ascii=False)


def write_score_format(path: Path, predictions: Predictions, docs: Iterable[EvalDoc]) -> None:
    """Write the predictions that were scored, in the reference scorer's format."""
    try:
        with open(path, "w", encoding="utf-8") as out:
            for line in score_format_lines(predictions, docs):
                out.write(line + "\n")
    except OSError as err:
        raise InputError(f"cannot write predictions to '{path}' ({err.strerror})") from err
