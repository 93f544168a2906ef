"""Memory stays flat: peak RSS of `saidwhat extract` on a small and on a large JSONL stream.

    python3 benchmarks/memory_stream.py [--small 1000] [--large 100000] [--workers N] [--keep DIR]

Writes two JSONL files by repeating the short fictional articles in benchmarks/texts/ (each line
with its own id; the texts repeat as they are, so spaCy's vocabulary does not grow), streams each through
`saidwhat extract` in a subprocess (output to a file, workers as given or the default: all cores),
and compares the peak resident memory of the run: of the main process and of the largest worker.
Target: the large run within 10% of the small one. Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).resolve().parent / "texts"

# Run in a child: start `saidwhat extract`, wait for it, report its peak RSS and that of its workers.
_CHILD = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": done.returncode, "seconds": time.perf_counter() - started,
                  "peak_rss_mb": usage.ru_maxrss / 1024, "stderr": done.stderr[-500:]}))
"""


def sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(TEXTS.glob("*.txt"))]


def write_stream(path: Path, count: int, texts: list[str]) -> None:
    """`count` JSONL articles cycling through `texts`, each with its own id."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")


def run_extract(source: Path, workers: int) -> dict[str, Any]:
    """Peak RSS (largest of the process tree's members: main or a worker) of one extract run."""
    output = source.with_suffix(".out.jsonl")
    command = [sys.executable, "-m", "saidwhat", "extract", "-q", "--force", "-o", str(output), str(source)]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", _CHILD, *command], capture_output=True, text=True, env=env, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    with open(output, encoding="utf-8") as stream:
        result["records"] = sum(1 for _ in stream)
    output.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=1000, help="articles in the small run")
    parser.add_argument("--large", type=int, default=100_000, help="articles in the large run")
    parser.add_argument("--workers", type=int, default=0, help="worker processes (default: all cores)")
    parser.add_argument("--keep", type=Path, help="write the JSONL inputs here and keep them")
    args = parser.parse_args()
    texts = sample_texts()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        for count in (args.small, args.large):
            source = folder / f"stream-{count}.jsonl"
            started = time.perf_counter()
            write_stream(source, count, texts)
            write_seconds = time.perf_counter() - started
            result = run_extract(source, args.workers)
            result.update(articles=count, write_seconds=round(write_seconds, 1))
            results.append(result)
            if not args.keep:
                source.unlink()
    small, large = results
    growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
    print(f"{'articles':>10}{'records':>10}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}{'status':>8}")
    for r in results:
        rate = r["articles"] / r["seconds"]
        print(
            f"{r['articles']:>10}{r['records']:>10}{r['seconds']:>10.1f}{rate:>12.1f}"
            f"{r['peak_rss_mb']:>13.1f}{r['status']:>8}"
        )
    print(f"peak RSS growth, {small['articles']} -> {large['articles']} articles: {growth:+.1%} (target: within 10%)")
    print(json.dumps({"results": results, "rss_growth": round(growth, 4), "within_10_percent": abs(growth) <= 0.10}))


if __name__ == "__main__":
    main()
