"""Load test of `GET /quotes?q=...`: an archive of >= 50,000 quotes, the server on 127.0.0.1, 50 clients.

Builds (once, cached under /tmp) an archive from BBC articles in ../shared/data/bbc: the first
--articles texts are extracted with saidwhat, then their records are replicated (new ids, a marker
appended to the text) until the archive holds --min-quotes quotes. Then it starts `saidwhat serve`
in a subprocess on a free loopback port and sends --requests searches from --concurrency clients,
bounded by --max-seconds. Prints requests/s and p50/p90/p99 latency.

    python3 benchmarks/api_load.py                  # defaults: 300 articles, 50k quotes, 2000 requests, 50 clients
    python3 benchmarks/api_load.py --workers 2      # uvicorn with two processes
    python3 benchmarks/api_load.py --cache-size 256 # with the server's answer cache (20 distinct queries: all hits)
    python3 benchmarks/api_load.py --mixed          # 20 clients search while 2 send adversarial /extract bodies

With --mixed (issue 23) the searches run while --attackers clients post hostile texts to /extract
without pause: 2,000 quotation marks in a row, 1,000 quoted words, a 100,000-character paragraph with
no full stop, 60,000 characters of prose, and texts over the per-request limits. Targets: search
p99 < 50 ms, and no answer to any request but 200 and the documented 413 / 503 / 504.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from saidwhat import Article, Document, extract_many  # noqa: E402
from saidwhat.archive import Archive, ingest  # noqa: E402
from saidwhat.server.app import DEFAULT_CACHE_SIZE  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc"
QUERIES = [
    "government", "market growth", "film", "music", "election", "players", "technology", "prices",
    "we are", "economy", "games", "mobile phone", "labour", "champion", "interest rates", "software",
    "\"prime minister\"", "oil", "very disappointed", "security",
]  # fmt: skip


def bbc_documents(limit: int) -> Iterator[Document]:
    count = 0
    for name in ("train.csv", "val.csv", "test.csv"):
        with (BBC / name).open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), 1):
                if count >= limit:
                    return
                yield Document(row["text"], f"bbc-{name[:-4]}-{number}", title=row["text"][:60])
                count += 1


def extracted_records(cache: Path, limit: int) -> list[Article]:
    """Records of the first `limit` BBC articles, extracted once and cached as JSON Lines."""
    if cache.exists():
        records = [Article.from_dict(json.loads(line)) for line in cache.read_text(encoding="utf-8").splitlines()]
        if len(records) >= limit:
            return records[:limit]
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: the benchmark reads the BBC corpus from ../shared/data/bbc")
    started = time.perf_counter()
    records = list(extract_many(bbc_documents(limit)))
    print(f"extracted {len(records)} BBC articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    cache.write_text("".join(json.dumps(r.to_dict(with_text=True)) + "\n" for r in records), encoding="utf-8")
    return records


def copies(records: list[Article], round_number: int) -> Iterator[Article]:
    """The records again under new ids, each text given a marker so that its hash differs."""
    for index, record in enumerate(records):
        month = f"2005-{(index + round_number) % 12 + 1:02d}-{index % 28 + 1:02d}"
        yield Article(
            f"{record.doc_id}-copy{round_number}",
            record.quotes,
            record.speakers,
            title=record.title,
            published=month,
            text=f"{record.text}\n[copy {round_number}]",
        )


def build_archive(db: Path, cache: Path, articles: int, min_quotes: int) -> int:
    with Archive(db) as archive:
        quotes = archive.counts()["quotes"]
        if quotes >= min_quotes:
            return quotes
        records = extracted_records(cache, articles)
        per_round = sum(len(r.quotes) for r in records)
        started, round_number = time.perf_counter(), 0
        while archive.counts()["quotes"] < min_quotes and per_round:
            ingest(archive, copies(records, round_number))
            round_number += 1
        quotes = archive.counts()["quotes"]
        print(f"archive built: {quotes} quotes in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        return quotes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int, cache_size: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SAIDWHAT_CACHE_SIZE": str(cache_size)}
    if workers > 1:
        app = "saidwhat.server.app:create_app_from_env"
        env["SAIDWHAT_DB"] = str(db)
        command = [sys.executable, "-m", "uvicorn", app, "--factory", "--workers", str(workers)]
        command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    else:
        command = [sys.executable, "-m", "saidwhat", "serve", "--db", str(db), "--host", "127.0.0.1"]
        command += ["--port", str(port), "--cache-size", str(cache_size)]
    return subprocess.Popen(command, env=env)


async def wait_until_up(base: str, timeout: float = 30.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/speakers?limit=1")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    sys.exit("the server did not answer within 30 s")


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One HTTP/1.1 GET on a kept-alive connection; returns the status. A lean client, so that the
    load generator takes little of the CPU the server needs."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    return await _read_answer(reader)


async def _read_answer(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def load(port: int, requests: int, concurrency: int, max_seconds: float) -> tuple[list[float], int, float]:
    """Send `requests` searches from `concurrency` clients; returns latencies (s), errors and wall time."""
    from urllib.parse import urlencode

    latencies: list[float] = []
    errors = 0
    next_index = 0
    deadline = time.monotonic() + max_seconds

    async def client_loop() -> None:
        nonlocal next_index, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while next_index < requests and time.monotonic() < deadline:
                path = "/quotes?" + urlencode({"q": QUERIES[next_index % len(QUERIES)], "limit": 20})
                next_index += 1
                started = time.perf_counter()
                try:
                    ok = await asyncio.wait_for(_get(reader, writer, path), 30) == 200
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok
                if not ok:
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def adversarial_bodies() -> list[bytes]:
    """Hostile /extract bodies: at the server's per-request limits, and over them (413)."""
    prose = "The council said the bridge would open in May. Residents were pleased. "
    texts = [
        '"' * 2_000,
        " ".join(f'"w{i}"' for i in range(1_000)),
        ("and the talk goes on " * 5_000)[:100_000],
        (prose * 1_000)[:60_000],
        '"' * 3_000,  # over --max-quote-marks: 413
        "x" * 100_001,  # over --max-text-chars: 413
    ]
    return [json.dumps({"text": text}).encode() for text in texts]


async def _post(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, body: bytes) -> int:
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    writer.write(f"{head}Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n".encode() + body)
    await writer.drain()
    return await _read_answer(reader)


async def attack(port: int, attackers: int, stop: asyncio.Event) -> dict[int, int]:
    """Post adversarial bodies to /extract from `attackers` clients until `stop`; returns counts by status
    (0: no answer, a dropped connection or more than 60 s)."""
    statuses: dict[int, int] = {}
    bodies = adversarial_bodies()

    async def attacker(offset: int) -> None:
        number = offset
        while not stop.is_set():
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                status = await asyncio.wait_for(_post(reader, writer, "/extract", bodies[number % len(bodies)]), 60)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                status = 0
            finally:
                writer.close()
            statuses[status] = statuses.get(status, 0) + 1
            number += 1

    await asyncio.gather(*(attacker(n) for n in range(attackers)))
    return statuses


async def mixed(port: int, args: argparse.Namespace) -> tuple[list[float], int, float, dict[int, int]]:
    stop = asyncio.Event()
    attacking = asyncio.create_task(attack(port, args.attackers, stop))
    await asyncio.sleep(1.0)  # the first hostile texts are in the workers before the searches start
    latencies, errors, wall = await load(port, args.requests, args.concurrency, args.max_seconds)
    stop.set()
    return latencies, errors, wall, await attacking


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/saidwhat_bench.db"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/saidwhat_bench_records.jsonl"))
    parser.add_argument("--articles", type=int, default=300, help="BBC articles to extract (2,225 for all)")
    parser.add_argument("--min-quotes", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--mixed", action="store_true", help="search while --attackers clients post hostile texts")
    parser.add_argument("--attackers", type=int, default=2, help="adversarial /extract clients with --mixed")
    parser.add_argument(
        "--cache-size",
        type=int,
        default=DEFAULT_CACHE_SIZE,
        help=f"server answer cache, as `saidwhat serve --cache-size` (default {DEFAULT_CACHE_SIZE}, the server's; "
        "0 measures every search uncached)",
    )
    args = parser.parse_args()
    if args.mixed and args.concurrency == parser.get_default("concurrency"):
        args.concurrency = 20

    quotes = build_archive(args.db, args.cache, args.articles, args.min_quotes)
    port = free_port()
    server = start_server(args.db, port, args.workers, args.cache_size)
    base = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(wait_until_up(base))
        asyncio.run(load(port, 200, 10, 30))  # warm up caches, threads and connections
        single, _, _ = asyncio.run(load(port, 200, 1, 30))
        statuses: dict[int, int] = {}
        if args.mixed:
            latencies, errors, wall, statuses = asyncio.run(mixed(port, args))
        else:
            latencies, errors, wall = asyncio.run(load(port, args.requests, args.concurrency, args.max_seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    done = len(latencies)
    print(
        f"archive: {quotes} quotes; {done} requests, {args.concurrency} clients, {args.workers} worker(s), "
        f"answer cache {args.cache_size}, {os.cpu_count()} CPUs"
    )
    print(f"one client alone: p50 {1000 * statistics.median(single):.1f} ms per request")
    print(f"throughput: {done / wall:.0f} requests/s over {wall:.1f} s; errors: {errors}")
    print(
        f"latency: p50 {1000 * statistics.median(latencies):.1f} ms, p90 {1000 * percentile(latencies, 0.90):.1f} ms, "
        f"p99 {1000 * percentile(latencies, 0.99):.1f} ms (target p99 < 50 ms)"
    )
    if args.mixed:
        undocumented = {status: n for status, n in statuses.items() if status not in (200, 413, 503, 504)}
        print(
            f"adversarial /extract ({args.attackers} clients): answers by status {dict(sorted(statuses.items()))}; "
            f"undocumented or failed: {undocumented or 'none'}"
        )


if __name__ == "__main__":
    main()
