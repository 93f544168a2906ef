"""Stage 1: read inputs (.txt, .html, .jsonl, .jsonl.gz, .csv, stdin) into documents, one at a time.

The one reader of `saidwhat extract` and `saidwhat ingest` (and of anything else that reads
files of articles). Reading streams: a 10 GB JSONL file is read line by line, split on b"\n"
only, so U+2028, U+2029 and U+0085 inside JSON strings stay inside their record. A file or line
that cannot be read becomes an `Item` with an `error` naming the file (and line), so that the
other inputs and lines go on. A JSONL line with a "quotes" key is a record `saidwhat extract
--with-text` wrote: it comes as `Item.record` as well as a document of its text.

Public functions: `read_inputs` (paths and stdin), `iter_jsonl` (one JSONL file),
`webpage.read_html` (one web page).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, cast

from .errors import InputError
from .records import Article, Document
from .spark.tables import is_article_table, read_article_table
from .webpage import read_html

InputFormat = Literal["auto", "txt", "html", "jsonl", "csv"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("auto", "txt", "html", "jsonl", "csv")

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
CSV_SUFFIXES = (".csv",)
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Fields:
    """Which JSON keys (or CSV columns) hold the text and the id of an article; the id falls back
    on "doc_id", the key of saidwhat's own records."""

    text: str = "text"
    id: str = "id"


@dataclass(frozen=True, slots=True)
class Item:
    """One input document, or the reason it could not be read.

    Attributes:
        doc_id: the document's id (file stem, JSON id, or `<stem>:<line>`).
        origin: where it came from: a path, `path:line` for JSONL, or `-` for stdin.
        document: the document, None when it could not be read.
        error: why it could not be read, naming the file (and line).
        record: the extracted record, when the input was one (a JSONL line with "quotes").
    """

    doc_id: str
    origin: str
    document: Document | None = None
    error: str | None = None
    record: Article | None = None


def input_kind(path: Path) -> InputFormat | None:
    """'txt', 'html' or 'jsonl' from a file name; None for other files."""
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        return "txt"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    return None


def file_stem(path: Path) -> str:
    """'a/b/story.jsonl.gz' -> 'story'."""
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *HTML_SUFFIXES, *TEXT_SUFFIXES, *CSV_SUFFIXES):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem


def expand_paths(paths: Sequence[str]) -> Iterator[str]:
    """Each path as given ('-' for stdin when none); a directory gives its readable files, recursively, sorted."""
    for name in paths or [STDIN]:
        path = Path(name)
        if name != STDIN and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file() and input_kind(p) is not None)
        else:
            yield name


def read_inputs(
    paths: Sequence[str],
    *,
    fields: Fields = Fields(),
    input_format: InputFormat = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Every document of every input, in order; stdin when `paths` is empty or '-'. A folder (or .parquet
    file) that `saidwhat spark` wrote gives its extracted records."""
    for given in paths or [STDIN]:
        if given != STDIN and is_article_table(Path(given)):
            yield from read_spark_articles(Path(given))
        else:
            yield from _read_paths(expand_paths([given]), fields=fields, input_format=input_format, stdin=stdin)


def _read_paths(
    names: Iterable[str], *, fields: Fields, input_format: InputFormat, stdin: IO[bytes] | None
) -> Iterator[Item]:
    for name in names:
        if name == STDIN:
            yield from read_stream(stdin, "stdin", STDIN, fields=fields, input_format=input_format)
            continue
        path = Path(name)
        if not path.exists():
            yield Item(file_stem(path), name, error=f"{name}: no such file or directory")
            continue
        kind = input_format if input_format != "auto" else input_kind(path) or "txt"
        if kind == "jsonl":
            yield from read_jsonl_file(path, fields)
        elif kind == "csv":
            yield from read_csv_file(path, fields)
        else:
            yield read_file(path, kind)


def read_spark_articles(path: Path) -> Iterator[Item]:
    """The records of the article table that `saidwhat spark` wrote under `path`, each with its text."""
    failures: list[str] = []
    try:
        for article in read_article_table(path, failures):
            yield Item(article.doc_id, str(path), record=article)
            yield from (Item(file_stem(path), str(path), error=failure) for failure in failures)
            failures.clear()
    except InputError as err:
        yield Item(file_stem(path), str(path), error=str(err))
    yield from (Item(file_stem(path), str(path), error=failure) for failure in failures)


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not UTF-8 text ({err.reason} at byte {err.start})") from err


def read_file(path: Path, kind: InputFormat) -> Item:
    """A .txt or .html file as one item; its doc_id is the file stem."""
    doc_id = file_stem(path)
    try:
        text = _decode(path.read_bytes(), str(path))
        document = read_html(text, doc_id=doc_id) if kind == "html" else Document(text, doc_id)
    except OSError as err:
        return Item(doc_id, str(path), error=f"{path}: cannot be read ({err.strerror})")
    except InputError as err:
        return Item(doc_id, str(path), error=str(err))
    except ImportError as err:  # trafilatura missing: the message names the extra to install
        return Item(doc_id, str(path), error=f"{path}: {err}")
    return Item(doc_id, str(path), document=document)


def _optional(value: Any) -> str | None:
    return str(value) if value else None


def iter_jsonl(path: Path, fields: Fields = Fields()) -> Iterator[Item]:
    """Each non-blank line of a .jsonl or .jsonl.gz file as a document, a record or an error item."""
    return read_jsonl_file(path, fields)


def read_jsonl_file(path: Path, fields: Fields) -> Iterator[Item]:
    """Each line of a .jsonl or .jsonl.gz file; a broken gzip stream ends the file with an error item."""
    stem = file_stem(path)
    try:
        stream = _open_binary(path)
    except OSError as err:
        yield Item(stem, str(path), error=f"{path}: cannot be read ({err.strerror})")
        return
    with stream:
        yield from read_jsonl_lines(stream, str(path), stem, fields)


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it ends in .gz; the caller closes it."""
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def read_jsonl_lines(lines: Iterable[bytes], where: str, stem: str, fields: Fields) -> Iterator[Item]:
    """One item per non-blank JSON line; the line number counts from 1."""
    number = 0
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error) as err:
            where_next = f"{where}:{number + 1}"
            yield Item(f"{stem}:{number + 1}", where_next, error=f"{where}: broken after line {number} ({err})")
            return
        number += 1
        if line.strip():
            yield parse_jsonl_line(line, f"{where}:{number}", f"{stem}:{number}", fields)


def parse_jsonl_line(line: bytes, where: str, fallback_id: str, fields: Fields) -> Item:
    """One article from a JSON object with a text field and optional id, title, url, published."""
    try:
        data = json.loads(_decode(line, where))
    except InputError as err:
        return Item(fallback_id, where, error=str(err))
    except json.JSONDecodeError as err:
        return Item(fallback_id, where, error=f"{where}: bad JSON ({err.msg} at column {err.colno})")
    if not isinstance(data, dict):
        return Item(fallback_id, where, error=f"{where}: expected a JSON object, got {type(data).__name__}")
    raw_id = data.get(fields.id, data.get("doc_id"))
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else fallback_id
    text = data.get(fields.text)
    if not isinstance(text, str):
        problem = "is missing" if text is None else f"is {type(text).__name__}, not a string"
        hint = "; write records with `saidwhat extract --with-text`" if "quotes" in data else "; set --text-field"
        return Item(doc_id, where, error=f"{where}: field {fields.text!r} {problem}{hint}")
    document = Document(
        text, doc_id, _optional(data.get("title")), _optional(data.get("url")), _optional(data.get("published"))
    )
    if "quotes" not in data:
        return Item(doc_id, where, document=document)
    try:
        record = Article.from_dict({**data, "doc_id": doc_id, "text": text})
    except (KeyError, TypeError, ValueError) as err:
        return Item(doc_id, where, error=f"{where}: not a saidwhat record ({err})")
    return Item(doc_id, where, document=document, record=record)


def read_csv_file(path: Path, fields: Fields) -> Iterator[Item]:
    """One document per row of a CSV file with a header and a text column."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # whole articles sit in one field
    stem = file_stem(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            if fields.text not in columns:
                found = ", ".join(columns) or "none"
                yield Item(stem, str(path), error=f"{path}: CSV has no {fields.text!r} column (columns: {found})")
                return
            for number, row in enumerate(reader, 1):
                doc_id = row.get(fields.id) or row.get("doc_id") or f"{stem}:{number}"
                title, url, published = (_optional(row.get(key)) for key in ("title", "url", "published"))
                document = Document(row[fields.text] or "", doc_id, title, url, published)
                yield Item(doc_id, f"{path}:{number}", document=document)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        yield Item(stem, str(path), error=f"{path}: cannot be read as UTF-8 CSV ({err})")


def read_stream(
    stream: IO[bytes] | None, stem: str, where: str, *, fields: Fields, input_format: InputFormat
) -> Iterator[Item]:
    """Standard input: JSONL when it starts with '{' (or asked), HTML when with '<', else one text."""
    if stream is None:
        stream = sys.stdin.buffer
    first = stream.readline()
    kind = input_format if input_format != "auto" else _sniff(first)
    if kind == "jsonl":
        yield from read_jsonl_lines(_chain(first, stream), where, stem, fields)
        return
    data = first + stream.read()
    try:
        text = _decode(data, "stdin")
        # Each text on stdin gets its own id: a second run's text is not taken for the first's.
        doc_id = f"{stem}-{content_id(text)}"
        document = read_html(text, doc_id=doc_id) if kind == "html" else Document(text, doc_id)
    except (InputError, ImportError) as err:
        yield Item(stem, where, error=str(err))
        return
    yield Item(doc_id, where, document=document)


def content_id(text: str) -> str:
    """A stable id for a text that came without one."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _sniff(first_line: bytes) -> InputFormat:
    start = first_line.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "jsonl" if start == b"{" else "html" if start == b"<" else "txt"


def _chain(first: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest
