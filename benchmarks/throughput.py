"""Throughput of saidwhat against spaCy's full English pipeline, on the BBC News articles.

    python3 benchmarks/throughput.py [--limit N] [--workers N] [--data DIR] [--json-only]

Reads `text` from train.csv, val.csv and test.csv of ../shared/data/bbc (2,225 articles) and
measures, each in a fresh process over the same texts: spaCy's full pipeline (`nlp.pipe` over
whole articles), saidwhat with one worker (whole articles, the default; and with --focus) and
with all workers, and both again with names found without spaCy's NER (`entities = "fast"`,
`saidwhat extract --fast-entities`). Prints a table, then one JSON object. Figures include nothing but the processing:
the model is loaded before the clock starts (the pool's workers load theirs inside the clock).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bbc"
if not DEFAULT_DATA.exists():
    DEFAULT_DATA = Path("/work/shared/data/bbc")
SPLITS = ("train.csv", "val.csv", "test.csv")
RUNS = ("spacy", "saidwhat-1", "saidwhat-1-focus", "saidwhat-all", "saidwhat-1-fast", "saidwhat-all-fast")


def read_texts(data: Path, limit: int | None) -> list[str]:
    csv.field_size_limit(1 << 30)
    texts: list[str] = []
    for split in SPLITS:
        with open(data / split, encoding="utf-8", newline="") as stream:
            texts.extend(row["text"] for row in csv.DictReader(stream))
    return texts[:limit] if limit else texts


def _peak_rss_mb(children: bool) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: less noisy than wall time on a busy machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(run: str, texts: list[str], workers: int) -> dict[str, Any]:
    """One measurement in this process; the caller starts a fresh process for each."""
    sys.path.insert(0, str(ROOT / "src"))
    from saidwhat import Document, load_nlp
    from saidwhat.batch import run_batch
    from saidwhat.pipeline import _load_english
    from saidwhat.read import Item
    from saidwhat.settings import load_settings

    used_workers, failed = 1, 0
    settings = load_settings(overrides={"entities": "fast" if run.endswith("-fast") else "spacy"})
    if run == "spacy":
        nlp = _load_english("auto")
        started, cpu = time.perf_counter(), _cpu_seconds()
        quotes = sum(0 for _ in nlp.pipe(texts))
    elif run in ("saidwhat-1", "saidwhat-1-focus", "saidwhat-1-fast"):
        nlp = load_nlp(settings)
        started, cpu = time.perf_counter(), _cpu_seconds()
        quotes, failed = _extract_all(texts, nlp, focus=run == "saidwhat-1-focus")
    else:
        used_workers = workers
        items = (Item(str(i), "bbc", Document(text, str(i))) for i, text in enumerate(texts))
        started, cpu = time.perf_counter(), _cpu_seconds()
        outcomes = list(run_batch(items, workers=workers, settings=settings))
        quotes = sum(len(o.article.quotes) for o in outcomes if o.article)
        failed = sum(1 for o in outcomes if o.failure)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu
    words = sum(len(text.split()) for text in texts)
    rss = _peak_rss_mb(children=used_workers > 1)
    return {
        "run": run,
        "workers": used_workers,
        "articles": len(texts),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_s": round(len(texts) / cpu, 2),
        "words_per_s": round(words / seconds, 1),
        "quotes": quotes,
        "failed": failed,
        "peak_rss_mb_per_worker": round(rss, 1),
    }


def _extract_all(texts: list[str], nlp: Any, *, focus: bool) -> tuple[int, int]:
    """Quotes found and articles failed, 32 articles per call; a failing batch is redone one by one."""
    from saidwhat.pipeline import extract_many

    quotes = failed = 0
    for start in range(0, len(texts), 32):
        batch = texts[start : start + 32]
        try:
            quotes += sum(len(a.quotes) for a in extract_many(batch, nlp=nlp, focus=focus))
        except Exception:
            for text in batch:
                try:
                    quotes += sum(len(a.quotes) for a in extract_many([text], nlp=nlp, focus=focus))
                except Exception:
                    failed += 1
    return quotes, failed


def _in_fresh_process(run: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", run, "--workers", str(args.workers), "--data", str(args.data)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"run {run!r} failed with status {done.returncode}:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def print_table(results: list[dict[str, Any]]) -> None:
    print(
        f"{'run':<16}{'workers':>8}{'articles':>10}{'seconds':>10}{'articles/s':>12}{'words/s':>11}"
        f"{'CPU s':>9}{'articles/CPU s':>16}{'peak RSS/worker MB':>20}"
    )
    for r in results:
        print(
            f"{r['run']:<16}{r['workers']:>8}{r['articles']:>10}{r['seconds']:>10}{r['articles_per_s']:>12}"
            f"{r['words_per_s']:>11}{r['cpu_seconds']:>9}{r['articles_per_cpu_s']:>16}{r['peak_rss_mb_per_worker']:>20}"
        )


def ratios(results: list[dict[str, Any]]) -> dict[str, float]:
    rate = {r["run"]: r["articles_per_s"] for r in results}
    per_cpu = {r["run"]: r["articles_per_cpu_s"] for r in results}
    wanted = {
        "one_worker_vs_spacy": ("saidwhat-1", "spacy"),
        "focus_vs_whole_parse": ("saidwhat-1-focus", "saidwhat-1"),
        "all_workers_vs_one": ("saidwhat-all", "saidwhat-1"),
        "one_worker_fast_vs_spacy": ("saidwhat-1-fast", "spacy"),
        "all_workers_fast_vs_one_fast": ("saidwhat-all-fast", "saidwhat-1-fast"),
    }
    found: dict[str, float] = {}
    for name, (run, base) in wanted.items():
        if run in rate and base in rate:  # --runs may leave some out
            found[name] = round(rate[run] / rate[base], 2)
            found[f"{name}_cpu"] = round(per_cpu[run] / per_cpu[base], 2)
    return found


def main() -> None:
    from os import sched_getaffinity

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=len(sched_getaffinity(0)), help="for the all-workers run")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the BBC CSV files")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated subset of {','.join(RUNS)}")
    parser.add_argument("--measure", choices=RUNS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, read_texts(args.data, args.limit or None), args.workers)))
        return
    results = [_in_fresh_process(run, args) for run in args.runs.split(",")]
    print_table(results)
    summary: dict[str, Any] = {"results": results}
    if {r["run"] for r in results} >= set(RUNS):
        summary["ratios"] = ratios(results)
        print("ratios:", summary["ratios"])
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
