"""Hostile texts end quickly: time and peak memory of `saidwhat.extract` on three adversarial inputs.

    python3 benchmarks/adversarial.py               # default limits, then the analysis itself with the limits lifted
    python3 benchmarks/adversarial.py --unbounded-max 50000   # the lifted-limit table up to 50,000 (minutes)

Cases (n = the size column):
  marks         n '"' characters in a row, nothing else
  quoted-words  n words, each in its own quotation marks ('"w1" "w2" ...': 2n marks)
  paragraph     n characters of words with no full stop and no line break (1,000,000: a 1 MB paragraph)

Each case runs in a fresh process that loads the English pipeline first (not timed), then extracts its
sizes in ascending order; "peak MB" is that process's peak resident memory so far, the pipeline included.
Targets (issue 23): 50,000 marks, 25,000 quoted words and the 1 MB paragraph each <= 5 s and <= 700 MB
with the default settings. With the limits lifted, time should grow linearly: the "s per 1k" column
should stay about level as n grows. Prints two tables, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BOUNDED_SIZES = {
    "marks": [2_500, 10_000, 50_000],
    "quoted-words": [2_500, 10_000, 25_000, 50_000],
    "paragraph": [2_500, 10_000, 50_000, 1_000_000],
}
TARGET_SECONDS, TARGET_MB = 5.0, 700.0
TARGETS = {("marks", 50_000), ("quoted-words", 25_000), ("paragraph", 1_000_000)}

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from saidwhat import extract, load_nlp, load_settings

def text_of(case, n):
    if case == "marks":
        return '"' * n
    if case == "quoted-words":
        return " ".join(f'"w{i}"' for i in range(n))
    words = "the council and the people of the town talk about the new bridge "
    return (words * (n // len(words) + 1))[:n]

case, sizes, lifted = sys.argv[2], json.loads(sys.argv[3]), sys.argv[4] == "1"
overrides = {"max_quote_marks": 10**9, "max_sentence_chars": 10**9} if lifted else {}
settings = load_settings(overrides=overrides)
nlp = load_nlp(settings)
extract("Warm-up: the pipeline is loaded.", nlp=nlp, settings=settings)
for n in sizes:
    text = text_of(case, n)
    started = time.perf_counter()
    article = extract(text, nlp=nlp, settings=settings)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"case": case, "n": n, "chars": len(text), "seconds": round(seconds, 3),
                      "peak_mb": round(peak, 1), "quotes": len(article.quotes),
                      "error": (article.errors[0][:90] if article.errors else "")}), flush=True)
"""


def run_case(case: str, sizes: list[int], *, lifted: bool) -> list[dict[str, Any]]:
    command = [sys.executable, "-c", _CHILD, str(ROOT / "src"), case, json.dumps(sizes), "1" if lifted else "0"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{case}: the child failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def print_table(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"{'case':<13} {'n':>9} {'chars':>9} {'seconds':>8} {'s per 1k':>9} {'peak MB':>8} {'quotes':>6}  note")
    for row in rows:
        per_k = row["seconds"] / row["n"] * 1000
        target = ""
        if (row["case"], row["n"]) in TARGETS and not row.get("lifted"):
            met = row["seconds"] <= TARGET_SECONDS and row["peak_mb"] <= TARGET_MB
            target = "target met; " if met else "TARGET MISSED; "
        print(
            f"{row['case']:<13} {row['n']:>9,} {row['chars']:>9,} {row['seconds']:>8.3f} {per_k:>9.4f} "
            f"{row['peak_mb']:>8.1f} {row['quotes']:>6}  {target}{row['error']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unbounded-max", type=int, default=10_000, help="largest n with the limits lifted")
    args = parser.parse_args()
    bounded = [row for case, sizes in BOUNDED_SIZES.items() for row in run_case(case, sizes, lifted=False)]
    print_table("Default settings (max_quote_marks, max_sentence_chars in force)", bounded)
    lifted_sizes = [n for n in (2_500, 10_000, 50_000) if n <= args.unbounded_max]
    lifted = [row for case in BOUNDED_SIZES for row in run_case(case, lifted_sizes, lifted=True)]
    for row in lifted:
        row["lifted"] = True
    print_table("Limits lifted: the analysis itself (time should grow linearly)", lifted)
    met = all(
        row["seconds"] <= TARGET_SECONDS and row["peak_mb"] <= TARGET_MB
        for row in bounded
        if (row["case"], row["n"]) in TARGETS
    )
    print(json.dumps({"targets_met": met, "bounded": bounded, "lifted": lifted}))


if __name__ == "__main__":
    main()
