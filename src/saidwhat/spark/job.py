"""`saidwhat spark` as a function: inputs to the quote, article and error tables, on any Spark master.

Plain work, no printing: progress goes to a callback fed from Spark's own status tracker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from ..errors import InputError
from ..read import Fields
from ..settings import DEFAULT_SETTINGS, Settings
from .transform import (
    DEFAULT_FIELDS,
    article_table,
    documents_frame,
    error_table,
    extract_articles,
    files_frame,
    package_root,
    quote_table,
)
from .warc import is_warc

OutputFormat = Literal["parquet", "jsonl"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("parquet", "jsonl")
# The articles table first: it is written by the stage that runs the extraction (see `spark_session`),
# so its long text and record columns go out while the Python workers still work; the two
# light tables then read their few columns back from the cache.
TABLES = ("articles", "quotes", "errors")
FILE_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".jsonl.gz", ".txt", ".html", ".htm")
PARQUET_SUFFIX = ".parquet"
# Tasks per core when the input gives too few: small tasks even out the end of a run.
TASKS_PER_CORE = 4
DEFAULT_MASTER = "local[*]"
# In local mode the JVM shares the cores with the Python workers, and its own work (moving Arrow
# batches, writing Parquet) is light: the C1 compiler alone and one GC thread leave those cores to
# the workers. On local[2] they cut the JVM's CPU time by half (docs/spark.md, Speed and scaling).
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


@dataclass(frozen=True, slots=True)
class Progress:
    """One look at the running stage: tasks done, running and in all."""

    stage: int
    done: int
    running: int
    total: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What one run wrote."""

    articles: int
    quotes: int
    failed: int


def spark_session(master: str | None = None, app_name: str = "saidwhat") -> SparkSession:
    """A SparkSession for saidwhat on `master`; None: the master spark-submit set, else local[*].

    On a local master the Python workers import this very saidwhat (its folder goes on their PYTHONPATH)
    and a JVM started here gets LOCAL_JAVA_OPTIONS unless spark.driver.extraJavaOptions is set.
    Adaptive query execution is off: with it, Spark fills the cache of article rows in a job of its
    own before the first table is written, and writes that table only once every document is done;
    without it, the stage that runs the extraction writes the first table as it goes.
    """
    from pyspark import SparkConf

    conf = SparkConf()
    master = master or conf.get("spark.master", DEFAULT_MASTER)
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
        .config("spark.sql.adaptive.enabled", "false")
    )
    if master.startswith("local"):
        builder = builder.config("spark.executorEnv.PYTHONPATH", package_root()).config("spark.ui.enabled", "false")
        if conf.get("spark.driver.extraJavaOptions") is None:
            builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def split_inputs(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The Parquet inputs and the other files (folders expanded, sorted); URLs (s3a://...) pass as they are.

    Raises:
        InputError: a path does not exist, or a folder holds nothing saidwhat reads.
    """
    parquet: list[str] = []
    files: list[str] = []
    for name in paths:
        if is_url(name):  # read where it lies: Parquet by Spark, WARC by FastWARC on the executors
            if not is_warc(name) and name.lower().endswith(FILE_SUFFIXES):
                raise InputError(f"input '{name}': only Parquet and WARC inputs can be URLs; copy it to a shared path")
            (files if is_warc(name) else parquet).append(name)
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"input '{name}' does not exist")
        if path.is_file():
            (parquet if name.lower().endswith(PARQUET_SUFFIX) else files).append(str(path))
            continue
        found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(FILE_SUFFIXES))
        tables = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(PARQUET_SUFFIX))
        if not found and not tables:
            raise InputError(f"folder '{name}' holds no .warc(.gz), .jsonl(.gz), .parquet, .txt or .html files")
        files += found
        parquet += tables
    return parquet, files


def is_url(name: str) -> bool:
    """Whether an input names a URL (hdfs://, s3a://, gs://, file://) rather than a local path."""
    return "://" in name


def documents_of(
    spark: SparkSession, paths: Sequence[str], *, fields: Fields = DEFAULT_FIELDS, partitions: int = 0
) -> DataFrame:
    """Every input document as a DataFrame (DOCUMENT_SCHEMA), spread over `partitions` tasks (0: enough)."""
    parquet, files = split_inputs(paths)
    frames = [files_frame(spark, files, fields)] if files else []
    if parquet:
        table = spark.read.parquet(*parquet)
        id_column = fields.id if fields.id in table.columns else "doc_id"
        frames.append(documents_frame(table, text=fields.text, id=id_column, input_name="parquet"))
    documents = frames[0]
    for frame in frames[1:]:
        documents = documents.unionByName(frame)
    wanted = partitions or TASKS_PER_CORE * spark.sparkContext.defaultParallelism
    if partitions or documents.rdd.getNumPartitions() < wanted:
        documents = documents.repartition(wanted)
    return documents


def run_spark(
    spark: SparkSession,
    paths: Sequence[str],
    output: str,
    *,
    output_format: OutputFormat = "parquet",
    partitions: int = 0,
    fields: Fields = DEFAULT_FIELDS,
    settings: Settings = DEFAULT_SETTINGS,
    overwrite: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
) -> Summary:
    """Extract every input document and write the quotes/, articles/ and errors/ tables under `output`,
    partitioned by publication day; each document is analysed once (the rows are persisted)."""
    articles = extract_articles(documents_of(spark, paths, fields=fields, partitions=partitions), settings)
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    tables = {"quotes": quote_table(articles), "articles": article_table(articles), "errors": error_table(articles)}
    with _watching(spark, on_progress):
        for name in TABLES:
            writer = tables[name].write.mode("overwrite" if overwrite else "errorifexists").partitionBy("date")
            writer.format("json" if output_format == "jsonl" else "parquet").save(str(Path(output) / name))
        counts = articles.agg(
            F.count(F.when(F.col("error").isNull(), 1)).alias("articles"),
            F.coalesce(F.sum("quote_count"), F.lit(0)).alias("quotes"),
            F.count(F.when(F.col("error").isNotNull(), 1)).alias("failed"),
        ).first()
    articles.unpersist()
    assert counts is not None  # an aggregate without grouping always has one row
    return Summary(int(counts["articles"]), int(counts["quotes"]), int(counts["failed"]))


class _watching:
    """While open, report the running stage's progress every `interval` seconds from a thread."""

    def __init__(self, spark: SparkSession, on_progress: Callable[[Progress], None] | None, interval: float = 1.0):
        self.spark, self.on_progress, self.interval = spark, on_progress, interval
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True, name="saidwhat-progress")

    def __enter__(self) -> _watching:
        if self.on_progress is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join()

    def _watch(self) -> None:
        tracker = self.spark.sparkContext.statusTracker()
        while not self.stop.wait(self.interval):
            for stage_id in tracker.getActiveStageIds():
                info = tracker.getStageInfo(stage_id)
                if info is not None and self.on_progress is not None:
                    self.on_progress(Progress(stage_id, info.numCompletedTasks, info.numActiveTasks, info.numTasks))
