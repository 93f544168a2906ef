"""Spark scaling: articles/s of `saidwhat spark` on local[1] and local[2] against `saidwhat extract --workers 2`.

    python3 benchmarks/spark_scaling.py [--limit N] [--data DIR] [--keep DIR]

Writes the BBC News articles (`text` of ../shared/data/bbc/{train,val,test}.csv, 2,225 articles) to one
Parquet file and the same rows to JSONL, then measures, each in a fresh process: the Spark job on
local[1] and on local[2] (read the Parquet, extract, write the three tables), and `saidwhat extract
--workers 2` on the JSONL. Spark's start-up (JVM and session) is timed on its own and left out of
the articles/s; both include their workers' start and model load. Peak RSS per Python worker is the
largest VmHWM of the Spark Python workers (sampled from /proc) and, for extract, of its processes.
CPU s/article adds up the CPU time of every process of a run (Spark: driver, JVM and Python workers,
start-up left out; extract: all its processes): on a machine shared with other work, the ratio of
these holds better than the ratio of articles/s, which is what the machine's load decides.
Targets: local[2] >= 1.7x local[1]; local[2] >= 0.85x extract --workers 2; <= 700 MB per worker.
Prints a table, the ratios, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, read_texts  # noqa: E402 - a sibling script, not a package

RUNS = ("spark-local[1]", "spark-local[2]", "extract-workers-2")
TARGET_SCALING, TARGET_VS_EXTRACT, TARGET_RSS_MB = 1.7, 0.85, 700.0


def write_inputs(texts: list[str], folder: Path) -> tuple[Path, Path]:
    """The articles as one Parquet file (doc_id, text) and as JSONL (id, text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = [f"bbc-{i:04d}" for i in range(len(texts))]
    parquet, jsonl = folder / "bbc.parquet", folder / "bbc.jsonl"
    pq.write_table(pa.table({"doc_id": ids, "text": texts}), parquet)
    with open(jsonl, "w", encoding="utf-8") as out:
        for doc_id, text in zip(ids, texts, strict=True):
            out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return parquet, jsonl


class WorkerMemory:
    """Samples the peak RSS (VmHWM) of this process's Python descendants that run Spark's workers."""

    def __init__(self, interval: float = 0.25) -> None:
        self.peaks: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> WorkerMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sample()
        self.stop.set()
        self.thread.join()

    def _run(self, interval: float) -> None:
        while not self.stop.wait(interval):
            self.sample()

    def sample(self) -> None:
        for pid in _descendants(os.getpid()):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue  # it ended between the listing and the read
            if b"pyspark.daemon" not in command and b"pyspark.worker" not in command:
                continue  # the JVM, whose class path names pyspark too
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(line.split()[1]) / 1024)


def tree_cpu_seconds() -> float:
    """CPU time (user + system) of this process and of every live process below it."""
    tick = os.sysconf("SC_CLK_TCK")
    total = sum(os.times()[:2])
    for pid in _descendants(os.getpid()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended between the listing and the read
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def measure_spark(master: str, parquet: Path, out: Path, articles: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "src"))
    from saidwhat.spark import run_spark, spark_session

    started = time.perf_counter()
    spark = spark_session(master)
    startup = time.perf_counter() - started
    with WorkerMemory() as memory:
        cpu, started = tree_cpu_seconds(), time.perf_counter()
        summary = run_spark(spark, [str(parquet)], str(out), overwrite=True)
        seconds = time.perf_counter() - started
        cpu = tree_cpu_seconds() - cpu  # before stop(): the Python workers are still there to read
    spark.stop()
    result = _result(master, articles, seconds, summary.quotes, summary.failed, max(memory.peaks.values(), default=0))
    result["startup_s"] = round(startup, 1)
    result["cpu_s_per_article"] = round(cpu / articles, 4)
    return result


def measure_extract(jsonl: Path, out: Path, articles: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "saidwhat", "extract", str(jsonl), "--workers", "2", "-q", "--force"]
    command += ["-o", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"saidwhat extract failed ({done.returncode}): {done.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    quotes = sum(len(record["quotes"]) for record in records)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # extract has waited for its workers
    result = _result("extract --workers 2", articles, seconds, quotes, articles - len(records), usage.ru_maxrss / 1024)
    result["startup_s"] = None
    result["cpu_s_per_article"] = round((usage.ru_utime + usage.ru_stime) / articles, 4)
    return result


def _result(run: str, articles: int, seconds: float, quotes: int, failed: int, rss: float) -> dict[str, Any]:
    return {
        "run": run,
        "articles": articles,
        "seconds": round(seconds, 1),
        "articles_per_s": round(articles / seconds, 2),
        "quotes": quotes,
        "failed": failed,
        "peak_rss_mb_per_worker": round(rss, 1),
    }


def _in_fresh_process(run: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", run, "--work", str(folder), "--articles", str(args.articles)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"run {run!r} failed with status {done.returncode}:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _measure(run: str, folder: Path, articles: int) -> dict[str, Any]:
    parquet, jsonl = folder / "bbc.parquet", folder / "bbc.jsonl"
    if run == "extract-workers-2":
        return measure_extract(jsonl, folder / "extract.jsonl", articles)
    master = run.removeprefix("spark-")
    return measure_spark(master, parquet, folder / f"out-{master}", articles)


def print_table(results: list[dict[str, Any]]) -> None:
    header = f"{'run':<22}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'quotes':>8}{'failed':>8}"
    print(header + f"{'peak RSS/worker MB':>20}{'CPU s/article':>15}")
    for r in results:
        print(
            f"{r['run']:<22}{r['articles']:>9}{r['seconds']:>9}{r['articles_per_s']:>12}{r['quotes']:>8}"
            f"{r['failed']:>8}{r['peak_rss_mb_per_worker']:>20}{r['cpu_s_per_article']:>15}"
        )
    for r in results:
        if r.get("startup_s") is not None:
            print(f"Spark start-up, {r['run']}: {r['startup_s']} s (not in articles/s)")


def ratios(results: list[dict[str, Any]]) -> dict[str, Any]:
    rate = {r["run"]: r["articles_per_s"] for r in results}
    cpu = {r["run"]: r["cpu_s_per_article"] for r in results}
    scaling = rate["local[2]"] / rate["local[1]"]
    versus = rate["local[2]"] / rate["extract --workers 2"]
    worst = max(r["peak_rss_mb_per_worker"] for r in results if r["run"].startswith("local"))
    return {
        "local2_vs_local1": round(scaling, 2),
        "local2_vs_local1_met": scaling >= TARGET_SCALING,
        "local2_vs_extract2": round(versus, 2),
        "local2_vs_extract2_met": versus >= TARGET_VS_EXTRACT,
        # extract's CPU time per article over Spark's: what `versus` comes to when both keep every core busy
        "local2_vs_extract2_by_cpu": round(cpu["extract --workers 2"] / cpu["local[2]"], 2),
        "peak_rss_mb_per_spark_worker": worst,
        "peak_rss_met": worst <= TARGET_RSS_MB,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the BBC CSV files")
    parser.add_argument("--keep", type=Path, help="write inputs and outputs here (default: a temporary folder)")
    parser.add_argument("--measure", choices=RUNS, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.work, args.articles)))
        return
    with tempfile.TemporaryDirectory(prefix="spark-scaling-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        texts = read_texts(args.data, args.limit or None)
        args.articles = len(texts)
        write_inputs(texts, folder)
        results = [_in_fresh_process(run, args, folder) for run in RUNS]
    print_table(results)
    summary = {"results": results, "ratios": ratios(results), "load_average": os.getloadavg()}
    print("ratios:", summary["ratios"])
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
