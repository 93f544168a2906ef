"""WARC and WARC.gz files: each HTTP response holding HTML becomes a document, read as `saidwhat extract` reads HTML.

A file is read as a stream, record by record, so a 1 GB CC-NEWS file never sits in memory. A record
cut short (a truncated download) or one that cannot be parsed becomes an `Item` with an error naming
the file and the record; the records after it are still read where the file allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..read import Item
from ..records import Document
from ..webpage import read_html

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(name: str) -> bool:
    """Whether a file name ends in .warc or .warc.gz."""
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str) -> Iterator[Item]:
    """One item per HTML response record of a WARC file; other records are skipped."""
    try:
        from fastwarc import ArchiveIterator, WarcRecordType
    except ImportError:
        yield Item(path, path, error=f"{path}: reading WARC needs FastWARC: pip install 'saidwhat[spark]'")
        return
    try:
        records = iter(ArchiveIterator(path, record_types=WarcRecordType.response, parse_http=True))
    except (OSError, ValueError) as err:
        yield Item(path, path, error=f"{path}: cannot be read as WARC ({err})")
        return
    position = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as err:  # a broken stream ends the file, with the reason
            yield Item(f"{path}@{position}", path, error=f"{path}: WARC broken after byte {position} ({err})")
            return
        position = int(record.stream_pos)
        item = record_to_item(record, path)
        if item is not None:
            yield item


def record_to_item(record: Any, path: str) -> Item | None:
    """The document of one response record; None when it holds no HTML (images, redirects, PDFs)."""
    position = int(record.stream_pos)
    doc_id = _record_id(record) or f"{path}@{position}"
    where = f"{path}@{position}"
    try:
        if record.headers.get("Content-Length") is None:
            raise InputError(f"{where}: record {doc_id} cut off in its header (truncated file?)")
        content_type = (record.http_content_type or "").lower()
        if not content_type.startswith(HTML_TYPES):
            return None
        body = record.reader.read()
        if len(body) < int(record.content_length):
            raise InputError(f"{where}: record {doc_id} truncated ({len(body)} of {record.content_length} bytes)")
        html = body.decode(record.http_charset or "utf-8", errors="replace")
        document = read_html(html, url=record.headers.get("WARC-Target-URI"), doc_id=doc_id)
    except InputError as err:
        return Item(doc_id, where, error=str(err))
    except (ImportError, LookupError) as err:  # trafilatura missing; an unknown charset name
        return Item(doc_id, where, error=f"{where}: {err}")
    except Exception as err:  # fastwarc raises bare errors on a half-parsed record
        return Item(doc_id, where, error=f"{where}: record {doc_id} cannot be read ({type(err).__name__}: {err})")
    url = document.url or record.headers.get("WARC-Target-URI")
    return Item(doc_id, where, document=_with_url(document, url))


def _record_id(record: Any) -> str | None:
    """'<urn:uuid:1234>' -> 'urn:uuid:1234'."""
    raw = record.record_id
    return str(raw).strip("<>") if raw else None


def _with_url(document: Document, url: str | None) -> Document:
    return replace(document, url=url) if url and not document.url else document
