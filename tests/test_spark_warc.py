"""WARC records as documents (saidwhat.spark.warc), without Spark: HTML responses read, the rest skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from saidwhat.spark.rows import publication_day
from saidwhat.spark.warc import is_warc, read_warc

fastwarc = pytest.importorskip("fastwarc")
pytest.importorskip("trafilatura")

PAGE = (
    "<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
    '<p>"We are glad to be back at sea," said union leader Joe Pike on Sunday.</p>'
    "<p>Crossings restart on Monday morning after a week of talks between the union and the owners.</p>"
    "</article></body></html>"
)


def _record(uri: str, content_type: str, body: bytes) -> bytes:
    record = fastwarc.WarcRecord()
    record.init_headers(fastwarc.WarcRecordType.response)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body)
    stream = io.BytesIO()
    record.write(stream)
    return stream.getvalue()


def test_read_warc_html_response_gives_text_title_and_url(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    path.write_bytes(_record("https://news.example/ferry", "text/html; charset=utf-8", PAGE.encode()))
    (item,) = read_warc(str(path))
    assert item.document is not None and item.doc_id.startswith("urn:uuid:")
    assert item.document.title == "Ferry strike ends" and item.document.url == "https://news.example/ferry"
    assert "union leader Joe Pike" in item.document.text


def test_read_warc_skips_records_that_are_not_html(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    path.write_bytes(_record("https://news.example/logo.png", "image/png", b"\x89PNG...."))
    assert list(read_warc(str(path))) == []


def test_read_warc_truncated_record_is_an_error_item(tmp_path: Path) -> None:
    whole = _record("https://news.example/ferry", "text/html", PAGE.encode())
    path = tmp_path / "cut.warc"
    path.write_bytes(whole + whole[:-120])
    first, second = read_warc(str(path))
    assert first.document is not None
    assert second.document is None and second.error is not None and "truncated" in second.error
    assert str(path) in second.error


def test_read_warc_missing_file_is_an_error_item(tmp_path: Path) -> None:
    (item,) = read_warc(str(tmp_path / "absent.warc.gz"))
    assert item.error is not None and "absent.warc.gz" in item.error


@pytest.mark.parametrize(("name", "expected"), [("a.warc", True), ("B.WARC.GZ", True), ("a.warc.zst", False)])
def test_is_warc_by_suffix(name: str, expected: bool) -> None:
    assert is_warc(name) is expected


@pytest.mark.parametrize(
    ("published", "day"),
    [("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"), ("May 2024", "undated"), (None, "undated")],
)
def test_publication_day_is_the_partition(published: str | None, day: str) -> None:
    assert publication_day(published) == day
