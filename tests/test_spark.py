"""saidwhat on Spark in local mode: WARC, JSONL and Parquet in; quote, article and error tables out.

One `saidwhat spark` run (local[2]) over inputs the test writes feeds most tests: the records must
equal `saidwhat extract` on the same input, bad inputs give error rows, the output ingests once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from saidwhat.cli import main

pytest.importorskip("pyspark", reason="needs the spark extra: pip install 'saidwhat[spark]'")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ds = pytest.importorskip("pyarrow.dataset")
fastwarc = pytest.importorskip("fastwarc")

if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (java is not on PATH)", allow_module_level=True)

pytestmark = pytest.mark.model

PAGES = {
    "harbour": (
        "Harbour plan approved",
        "2024-03-05",
        [
            '"This harbour will feed the whole town," said Mayor Ada Quinn on Tuesday.',
            "The council voted seven to two for the new quay after a long debate in the town hall.",
            'Fishermen\'s leader Tom Reyes said the plan was "late but welcome".',
        ],
    ),
    "bridge": (
        "Bridge closed for repairs",
        "2024-03-06",
        [
            "The old bridge over the river will stay shut until the summer, engineers said on Friday.",
            '"We found cracks in two of the arches," chief engineer Lena Park told reporters.',
            "Drivers face a detour of six miles while the work goes on.",
        ],
    ),
}
JSONL_DOCS = [
    {"id": "j1", "published": "2024-04-01", "text": '"Prices will fall by spring," the bank\'s governor said.'},
    {"id": "j2", "text": "Minister Sam Hale said the talks had ended without a deal."},
]
PARQUET_DOCS = [
    {"doc_id": "p1", "published": "2024-05-02", "text": '"The match was ours to lose," coach Rita Moss said.'},
    {"doc_id": "p2", "published": None, "text": None},  # no text: analysis cannot run
]


def _html(title: str, day: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" content="{day}"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _response(uri: str, html: str) -> Any:
    record = fastwarc.WarcRecord()
    record.init_headers(fastwarc.WarcRecordType.response)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode())
    return record


def write_warc(path: Path, pages: dict[str, str], *, truncated: str | None = None) -> None:
    """A WARC.gz with one response per page; with `truncated`, one more record cut off in its body."""
    writer = fastwarc.GzipWriter(str(path))
    for name, html in pages.items():
        _response(f"https://news.example/{name}", html).write(writer)
    writer.close()
    if truncated is not None:
        import gzip
        import io

        raw = io.BytesIO()
        _response("https://news.example/cut", truncated).write(raw)
        with open(path, "ab") as stream:
            stream.write(gzip.compress(raw.getvalue()[:-200]))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    pages = {name: _html(*page) for name, page in PAGES.items()}
    (folder / "html").mkdir()
    for name, html in pages.items():
        (folder / "html" / f"{name}.html").write_text(html, encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", pages, truncated=_html("Cut", "2024-03-07", ["x " * 400]))
    lines = [json.dumps(doc) for doc in JSONL_DOCS] + ["{not json"]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(PARQUET_DOCS), folder / "table.parquet")
    return folder


@pytest.fixture(scope="module")
def spark_run(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("spark") / "out"
    paths = [str(inputs / name) for name in ("crawl.warc.gz", "feed.jsonl", "table.parquet")]
    status = main(["spark", *paths, "-o", str(out), "--master", "local[2]", "--partitions", "3", "-q"])
    return status, out


@pytest.fixture(scope="module")
def extracted(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """`saidwhat extract` on the same documents: the HTML pages, the JSONL, the Parquet rows as JSONL."""
    folder = tmp_path_factory.mktemp("extract")
    rows = folder / "table.jsonl"
    rows.write_text(json.dumps({"id": "p1", **{k: v for k, v in PARQUET_DOCS[0].items() if k != "doc_id"}}) + "\n")
    out = folder / "records.jsonl"
    paths = [str(inputs / "html" / "harbour.html"), str(inputs / "html" / "bridge.html"), str(inputs / "feed.jsonl")]
    main(["extract", *paths, str(rows), "--workers", "1", "-q", "-o", str(out)])
    return {record["doc_id"]: record for record in map(json.loads, out.read_text().splitlines())}


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    return list(ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table().to_pylist())


def test_spark_run_exits_1_when_some_documents_failed(spark_run: tuple[int, Path]) -> None:
    status, out = spark_run
    assert status == 1
    assert {path.name for path in out.iterdir()} >= {"quotes", "articles", "errors"}


def test_spark_records_equal_extract(spark_run: tuple[int, Path], extracted: dict[str, dict[str, Any]]) -> None:
    records = {row["doc_id"]: json.loads(row["record"]) for row in _table(spark_run[1], "articles")}
    for doc_id in ("j1", "j2", "p1"):
        assert records[doc_id] == extracted[doc_id]
    by_url = {record["url"]: record for record in records.values() if record["url"]}
    for name in PAGES:
        warc, html = by_url[f"https://news.example/{name}"], extracted[name]
        assert (warc["quotes"], warc["speakers"], warc["title"]) == (html["quotes"], html["speakers"], html["title"])
        assert warc["quotes"]


def test_spark_quote_table_has_a_row_per_quote(spark_run: tuple[int, Path]) -> None:
    articles, quotes = _table(spark_run[1], "articles"), _table(spark_run[1], "quotes")
    assert len(quotes) == sum(row["quote_count"] for row in articles)
    texts = {row["doc_id"]: row["text"] for row in articles}
    for quote in quotes:
        for span in quote["contents"]:
            assert texts[quote["doc_id"]][span["start"] : span["end"]] == span["text"]
    moss = next(quote for quote in quotes if quote["doc_id"] == "p1")
    assert (moss["speaker_name"], moss["date"], moss["cue"]["text"]) == ("Rita Moss", "2024-05-02", "said")


def test_spark_bad_inputs_give_error_rows(spark_run: tuple[int, Path]) -> None:
    errors = {row["doc_id"]: row["reason"] for row in _table(spark_run[1], "errors")}
    assert len(errors) == 3
    assert "bad JSON" in errors["feed:3"]
    assert "no text" in errors["p2"]
    assert any("truncated" in reason for reason in errors.values())


def test_spark_output_is_partitioned_by_publication_day(spark_run: tuple[int, Path]) -> None:
    days = {path.name for path in (spark_run[1] / "articles").iterdir() if path.is_dir()}
    assert {"date=2024-04-01", "date=2024-05-02", "date=undated"} <= days


def test_ingest_of_spark_output_is_idempotent(spark_run: tuple[int, Path], tmp_path: Path) -> None:
    db = str(tmp_path / "archive.db")
    assert main(["ingest", str(spark_run[1]), "--db", db]) == 0
    from saidwhat.archive import Archive

    with Archive(db) as archive:
        first = archive.counts()
    assert main(["ingest", str(spark_run[1]), "--db", db]) == 0
    with Archive(db) as archive:
        assert archive.counts() == first
    assert first["articles"] == len(_table(spark_run[1], "articles"))
    assert first["quotes"] == len(_table(spark_run[1], "quotes"))


def test_spark_refuses_a_full_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("x")
    assert main(["spark", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    assert "--force" in capsys.readouterr().err


@pytest.fixture(scope="module")
def spark(spark_run: tuple[int, Path]) -> Any:
    """A session of our own, started once the CLI run has stopped its one."""
    from saidwhat.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def test_extract_quotes_on_a_dataframe_equals_extract(spark: Any) -> None:
    from saidwhat import extract
    from saidwhat.spark import extract_quotes

    text = '"The river is rising fast," said fire chief Nora Bell. She said roads would close.'
    frame = spark.createDataFrame([("flood-1", text)], "doc_id string, text string")
    rows = [row.asDict(recursive=True) for row in extract_quotes(frame).collect()]
    expected = extract(text, doc_id="flood-1")
    assert [(row["start"], row["end"], row["type"]) for row in rows] == [
        (quote.start, quote.end, quote.type) for quote in expected.quotes
    ]
    assert {row["speaker_name"] for row in rows} == {speaker.name for speaker in expected.speakers}


def test_run_spark_writes_jsonl_tables(spark: Any, inputs: Path, tmp_path: Path) -> None:
    from saidwhat.spark import run_spark

    summary = run_spark(spark, [str(inputs / "feed.jsonl")], str(tmp_path / "out"), output_format="jsonl")
    assert (summary.articles, summary.failed) == (2, 1)
    lines = [json.loads(line) for path in (tmp_path / "out" / "articles").rglob("*.json") for line in path.open()]
    assert {line["doc_id"] for line in lines} == {"j1", "j2"}
    assert (tmp_path / "out" / "quotes" / "date=2024-04-01").is_dir()


def test_spark_session_leaves_the_local_cores_to_the_python_workers(spark: Any) -> None:
    from saidwhat.spark.job import LOCAL_JAVA_OPTIONS

    # Without adaptive execution the extraction stage writes the first table itself (job.TABLES).
    assert spark.conf.get("spark.sql.adaptive.enabled") == "false"
    jvm_options = list(spark._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
    assert set(LOCAL_JAVA_OPTIONS.split()) <= set(jvm_options)
