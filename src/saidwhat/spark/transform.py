"""DataFrame transforms: documents in, article rows out, through `mapInArrow`; then the three tables.

The functions that run on the executors are module-level, so Spark ships them by reference; each
Python worker loads the English pipeline once (`load_nlp` caches it per process) and, with Spark's
default `spark.python.worker.reuse`, keeps it for every later task.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from ..batch import DEFAULT_CHUNK_SIZE, analyse_items
from ..pipeline import load_nlp
from ..read import Fields, Item, read_inputs
from ..settings import DEFAULT_SETTINGS, Settings
from .rows import ARTICLE_ROW_SCHEMA, DOCUMENT_SCHEMA, item_of, item_row, outcome_row, record_batches
from .warc import is_warc, read_warc

DOCUMENT_TYPE = from_arrow_schema(DOCUMENT_SCHEMA)
ARTICLE_ROW_TYPE = from_arrow_schema(ARTICLE_ROW_SCHEMA)
# Documents per Arrow batch coming out of a file reader: small, so a big file streams.
READ_BATCH = 64
DEFAULT_FIELDS = Fields()


def read_files(batches: Iterable[pa.RecordBatch], fields: Fields) -> Iterator[pa.RecordBatch]:
    """Executor side: the documents of each file named in the `path` column (WARC, JSONL, .txt, .html)."""
    for batch in batches:
        for path in batch.column("path").to_pylist():
            yield from record_batches((item_row(item) for item in read_path(path, fields)), DOCUMENT_SCHEMA, READ_BATCH)


def read_path(path: str, fields: Fields) -> Iterator[Item]:
    """Every document of one file, as `saidwhat extract` reads it; WARC records through FastWARC."""
    if is_warc(path):
        return read_warc(path)
    return read_inputs([path], fields=fields)


def extract_batches(batches: Iterable[pa.RecordBatch], settings: Settings) -> Iterator[pa.RecordBatch]:
    """Executor side: one article row per document row; a document that fails gives a row with `error`."""
    nlp = load_nlp(settings)
    for batch in batches:
        rows = iter(batch.to_pylist())
        # Chunks as `saidwhat extract` sends its workers: 16 documents parse in about 150 MB less than 32.
        while chunk := [item_of(row) for row in islice(rows, DEFAULT_CHUNK_SIZE)]:
            outcomes = analyse_items(chunk, nlp, settings)
            rows_out = [outcome_row(item, outcome) for item, outcome in zip(chunk, outcomes, strict=True)]
            yield pa.RecordBatch.from_pylist(rows_out, schema=ARTICLE_ROW_SCHEMA)


def files_frame(spark: SparkSession, paths: list[str], fields: Fields = DEFAULT_FIELDS) -> DataFrame:
    """A DataFrame of the documents in these files, one file per task."""
    rows = spark.sparkContext.parallelize([(path,) for path in paths], max(1, len(paths)))
    listing = spark.createDataFrame(rows, "path string")
    return listing.mapInArrow(lambda batches: read_files(batches, fields), DOCUMENT_TYPE)


def documents_frame(
    df: DataFrame, *, text: str = "text", id: str = "doc_id", input_name: str = "dataframe"
) -> DataFrame:
    """Any DataFrame with a text column as documents; url, title and published are kept when present."""
    if text not in df.columns:
        raise ValueError(f"the DataFrame has no text column {text!r} (columns: {', '.join(df.columns)})")
    return df.select(
        _string_or_null(df, id).alias("doc_id"),
        F.lit(input_name).alias("input"),
        F.col(text).cast("string").alias("text"),
        _string_or_null(df, "title").alias("title"),
        _string_or_null(df, "url").alias("url"),
        _string_or_null(df, "published").alias("published"),
        F.lit(None).cast("string").alias("error"),
    )


def _string_or_null(df: DataFrame, name: str) -> Column:
    return F.col(name).cast("string") if name in df.columns else F.lit(None).cast("string")


def extract_articles(documents: DataFrame, settings: Settings = DEFAULT_SETTINGS) -> DataFrame:
    """One article row per document row (DOCUMENT_SCHEMA in, ARTICLE_ROW_SCHEMA out)."""
    return documents.mapInArrow(lambda batches: extract_batches(batches, settings), ARTICLE_ROW_TYPE)


def extract_quotes(
    df: DataFrame, text: str = "text", id: str = "doc_id", settings: Settings = DEFAULT_SETTINGS
) -> DataFrame:
    """One row per quotation in the texts of `df` (the quote table of docs/spark.md)."""
    return quote_table(extract_articles(documents_frame(df, text=text, id=id), settings))


def quote_table(articles: DataFrame) -> DataFrame:
    """The quotes of the analysed articles, one row each, with the article's id, URL and date."""
    found = articles.where(F.col("error").isNull()).select(
        "doc_id", "url", "published", "date", F.explode("quotes").alias("quote")
    )
    return found.select("doc_id", "url", "published", "date", "quote.*")


def article_table(articles: DataFrame) -> DataFrame:
    """One row per analysed article: metadata, counts, notes, text and the full record (JSON)."""
    return articles.where(F.col("error").isNull()).drop("error", "input", "quotes")


def error_table(articles: DataFrame) -> DataFrame:
    """One row per document that could not be read or analysed: its id, input and the reason."""
    return articles.where(F.col("error").isNotNull()).select("doc_id", "input", F.col("error").alias("reason"), "date")


def package_root() -> str:
    """The folder holding the saidwhat package, for local Python workers' PYTHONPATH."""
    return str(Path(__file__).resolve().parent.parent.parent)
