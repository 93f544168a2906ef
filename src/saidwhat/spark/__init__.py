"""saidwhat on Apache Spark: quotations of millions of articles, as DataFrames and Parquet tables.

    from saidwhat.spark import extract_quotes
    quotes = extract_quotes(spark.read.parquet("articles.parquet"), text="text", id="doc_id")

Needs the `spark` extra (pyspark, pyarrow, FastWARC); nothing here imports Spark until it is used,
so `saidwhat ingest` reads the tables with pyarrow alone. docs/spark.md has the tables and a cluster run.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "extract_quotes": "transform",
    "extract_articles": "transform",
    "documents_frame": "transform",
    "quote_table": "transform",
    "article_table": "transform",
    "error_table": "transform",
    "run_spark": "job",
    "spark_session": "job",
    "documents_of": "job",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the Spark side on first use, with a message naming the extra when pyspark is missing."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'saidwhat.spark' has no attribute {name!r}")
    try:
        return getattr(import_module(f"{__name__}.{module}"), name)
    except ImportError as err:
        raise ImportError(f"saidwhat.spark needs Apache Spark: pip install 'saidwhat[spark]' ({err})") from err
