"""Stage 1: reading .txt, .html, .jsonl, .jsonl.gz and stdin into items; bad input becomes an error item."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from saidwhat.read import Fields, expand_paths, file_stem, input_kind, iter_jsonl, read_inputs
from saidwhat.records import Document

STORY = '"We will rebuild the pier," said Mayor Ann Lee on Tuesday.\n'
PAGE = (
    "<html><head><title>Pier to reopen</title>"
    '<meta name="author" content="Jo Bloggs">'
    '<meta property="article:published_time" content="2024-03-01">'
    '<link rel="canonical" href="https://news.example/pier"></head>'
    "<body><nav>Home | Sport</nav><article><h1>Pier to reopen</h1>"
    "<p>The storm-damaged pier in Westford will reopen next summer, the council has confirmed.</p>"
    '<p>"We will rebuild it stronger than before," said Mayor Ann Lee at a meeting on Tuesday evening.</p>'
    "</article></body></html>"
)


def _jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


@pytest.mark.parametrize(
    ("name", "kind", "stem"),
    [
        ("a/story.txt", "txt", "story"),
        ("page.HTML", "html", "page"),
        ("page.htm", "html", "page"),
        ("feed.jsonl", "jsonl", "feed"),
        ("feed.jsonl.gz", "jsonl", "feed"),
        ("notes.md", None, "notes"),
    ],
)
def test_input_kind_and_stem_from_name(name: str, kind: str | None, stem: str) -> None:
    assert input_kind(Path(name)) == kind
    assert file_stem(Path(name)) == stem


def test_read_txt_file_uses_stem_as_doc_id(tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text(STORY, encoding="utf-8")
    [item] = read_inputs([str(tmp_path / "pier.txt")])
    assert item.doc_id == "pier"
    assert item.document is not None and item.document.text == STORY


def test_directories_are_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B said so.", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("A said so.", encoding="utf-8")
    (tmp_path / "sub" / "skip.md").write_text("x", encoding="utf-8")
    names = [Path(p).name for p in expand_paths([str(tmp_path)])]
    assert names == ["b.txt", "a.txt"]


def test_bad_utf8_file_is_an_error_item_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 said")
    [item] = read_inputs([str(bad)])
    assert item.document is None
    assert item.error is not None and str(bad) in item.error and "UTF-8" in item.error


def test_missing_path_is_an_error_item(tmp_path: Path) -> None:
    [item] = read_inputs([str(tmp_path / "nope.txt")])
    assert item.error is not None and "nope.txt" in item.error


def test_jsonl_ids_metadata_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        _jsonl({"id": "a1", "text": STORY, "title": "Pier", "url": "https://x", "published": "2024-03-01"})
        + b"\n"
        + _jsonl({"text": "He said no."})
    )
    first, second = read_inputs([str(path)])
    assert first.doc_id == "a1" and first.document is not None
    assert (first.document.title, first.document.url, first.document.published) == ("Pier", "https://x", "2024-03-01")
    assert second.doc_id == "feed:3"
    assert second.origin.endswith("feed.jsonl:3")


def test_jsonl_bad_line_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [_jsonl({"text": "one"}), b"{not json\n", b"[1, 2]\n", _jsonl({"body": "x"}), _jsonl({"text": "two"})]
    path.write_bytes(b"".join(lines))
    items = list(read_inputs([str(path)]))
    assert [item.document.text for item in items if item.document] == ["one", "two"]
    errors = [item.error or "" for item in items if item.error]
    assert len(errors) == 3
    assert "feed.jsonl:2" in errors[0] and "bad JSON" in errors[0]
    assert "expected a JSON object" in errors[1]
    assert "'text' is missing" in errors[2]


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl({"uid": 7, "body": STORY}))
    [item] = read_inputs([str(path)], fields=Fields(text="body", id="uid"))
    assert item.doc_id == "7" and item.document is not None and item.document.text == STORY


def test_jsonl_gz_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl({"text": STORY}, {"text": "Two."})))
    assert [item.doc_id for item in read_inputs([str(path)])] == ["feed:1", "feed:2"]


def test_broken_gzip_ends_the_file_with_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    data = gzip.compress(_jsonl(*({"text": f"Story {i} " * 50} for i in range(200))))
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    assert items[-1].error is not None and "feed.jsonl.gz" in items[-1].error
    assert all(item.document for item in items[:-1])


def test_stdin_text_jsonl_and_html_are_sniffed() -> None:
    [text_item] = read_inputs([], stdin=io.BytesIO(STORY.encode()))
    assert text_item.doc_id.startswith("stdin-") and text_item.document is not None
    jsonl_items = list(read_inputs(["-"], stdin=io.BytesIO(_jsonl({"text": "a"}, {"text": "b"}))))
    assert [item.doc_id for item in jsonl_items] == ["stdin:1", "stdin:2"]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "pier.html"
    path.write_text(PAGE, encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert item.document is not None, item.error
    document = item.document
    assert document.doc_id == "pier"
    assert "We will rebuild it stronger" in document.text and "Home | Sport" not in document.text
    assert document.title == "Pier to reopen"
    assert document.published == "2024-03-01"
    assert document.url == "https://news.example/pier"


def test_html_without_trafilatura_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    path = tmp_path / "pier.html"
    path.write_text(PAGE, encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert item.document is None and item.error is not None and "saidwhat[html]" in item.error


def test_stdin_texts_get_ids_that_differ_per_text() -> None:
    [first] = read_inputs([], stdin=io.BytesIO(b"Ann Lee said the pier would open."))
    [second] = read_inputs([], stdin=io.BytesIO(b"Tom Hale said the pier would close."))
    assert first.doc_id != second.doc_id


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_splits_on_newline_only(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": f"One line{separator}and the same record."}, {"id": "b", "text": "b"}))
    items = list(iter_jsonl(path))
    assert [item.doc_id for item in items] == ["a", "b"] and all(item.document for item in items)


@pytest.mark.parametrize("bad_line", [b"\xff\xfe not UTF-8\n", b"{not json\n"])
def test_jsonl_keeps_the_good_lines_around_a_bad_one(tmp_path: Path, bad_line: bytes) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": "a"}) + bad_line + _jsonl({"id": "c", "text": "c"}))
    items = list(iter_jsonl(path))
    assert [item.document is not None for item in items] == [True, False, True]
    assert items[1].error is not None and "feed.jsonl:2" in items[1].error


def test_jsonl_record_line_comes_as_a_record_and_a_document(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(_jsonl({"doc_id": "pier", "text": "The pier is open.", "quotes": [], "speakers": []}))
    [item] = iter_jsonl(path)
    assert item.doc_id == "pier" and item.record is not None and item.document is not None
    assert item.record.text == item.document.text == "The pier is open."


def test_jsonl_record_without_text_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(_jsonl({"doc_id": "pier", "quotes": [], "speakers": []}))
    [item] = iter_jsonl(path)
    assert item.error is not None and "--with-text" in item.error


def test_csv_rows_are_documents_and_a_missing_text_column_is_an_error(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text('id,text,title\npier,"Ann Lee said so.",Pier\n', encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,words\n", encoding="utf-8")
    good_item, bad_item = read_inputs([str(good), str(bad)])
    assert good_item.document == Document("Ann Lee said so.", "pier", "Pier")
    assert bad_item.error is not None and "'text' column" in bad_item.error
