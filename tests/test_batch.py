"""Many documents: chunks, failures that do not stop the run, order with workers, resume."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat import batch
from saidwhat.batch import done_doc_ids, run_batch
from saidwhat.read import Item
from saidwhat.records import Article, Document


def _item(doc_id: str, text: str) -> Item:
    return Item(doc_id, f"test:{doc_id}", Document(text, doc_id))


def _fake_extract_many(items: Iterable[Document], **_: object) -> Iterator[Article]:
    for document in items:
        if "BOOM" in document.text:
            raise RuntimeError(f"cannot analyse {document.doc_id}")
        yield Article(doc_id=document.doc_id or "")


def test_failing_document_is_a_failure_and_the_chunk_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_many", _fake_extract_many)
    items = [_item("a", "fine"), _item("b", "BOOM"), _item("c", "fine")]
    outcomes = list(run_batch(items, workers=1, chunk_size=3, nlp=Language()))
    assert [o.article.doc_id if o.article else None for o in outcomes] == ["a", None, "c"]
    failure = outcomes[1].failure
    assert failure is not None and failure.doc_id == "b" and failure.input == "test:b"
    assert "cannot analyse b" in failure.reason


def test_read_errors_pass_through_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "extract_many", _fake_extract_many)
    items = [_item("a", "fine"), Item("bad", "bad.txt", error="bad.txt: not UTF-8 text"), _item("c", "fine")]
    outcomes = list(run_batch(items, workers=1, nlp=Language()))
    assert outcomes[0].article is not None and outcomes[2].article is not None
    assert outcomes[1].failure is not None and outcomes[1].failure.reason == "bad.txt: not UTF-8 text"


def test_bad_chunk_size_is_refused() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        list(run_batch([], workers=1, chunk_size=0, nlp=Language()))


@pytest.mark.model
def test_two_workers_keep_input_order() -> None:
    texts = [f'"Plan number {i} is ready," said Ann Lee.' if i % 2 else f"Item {i} has no quote." for i in range(9)]
    items = [_item(f"d{i}", text) for i, text in enumerate(texts)]
    outcomes = list(run_batch(items, workers=2, chunk_size=1))
    assert [o.article.doc_id for o in outcomes if o.article] == [f"d{i}" for i in range(9)]
    assert [len(o.article.quotes) for o in outcomes if o.article] == [i % 2 for i in range(9)]


@pytest.mark.model
def test_unordered_run_returns_every_document() -> None:
    items = [_item(f"d{i}", f"Ann Lee said plan {i} was ready.") for i in range(6)]
    outcomes = list(run_batch(items, workers=2, chunk_size=1, ordered=False))
    assert sorted(o.article.doc_id for o in outcomes if o.article) == [f"d{i}" for i in range(6)]


def test_done_doc_ids_reads_written_ids(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"doc_id": "a", "quotes": []}\n{"doc_id": "b", "quotes": []}\n', encoding="utf-8")
    assert done_doc_ids(path) == {"a", "b"}


def test_done_doc_ids_cuts_a_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"doc_id": "a", "quotes": []}\n{"doc_id": "b", "quo', encoding="utf-8")
    assert done_doc_ids(path) == {"a"}
    assert path.read_text(encoding="utf-8") == '{"doc_id": "a", "quotes": []}\n'


def test_done_doc_ids_of_missing_or_one_partial_line(tmp_path: Path) -> None:
    assert done_doc_ids(tmp_path / "none.jsonl") == set()
    path = tmp_path / "out.jsonl"
    path.write_text('{"doc_id": "a"', encoding="utf-8")
    assert done_doc_ids(path) == set()
    assert path.read_text(encoding="utf-8") == ""
