"""`saidwhat serve`: the HTTP API and web page over an archive (or one request in-process with --get)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from ..errors import SaidwhatError, UsageError
from ..server import SERVER_EXTRA_HINT


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="serve the archive: JSON API (OpenAPI at /docs) and a web page",
        description="Serve an archive over HTTP on the loopback interface by default.",
    )
    serve.add_argument("--db", default="saidwhat.db", metavar="FILE", help="archive file (default saidwhat.db)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--token",
        metavar="TOKEN",
        help="allow POST /articles with 'Authorization: Bearer TOKEN' (visible in `ps`: prefer --token-file or "
        "the SAIDWHAT_TOKEN environment variable)",
    )
    serve.add_argument("--token-file", metavar="FILE", help="read the token from the first line of FILE")
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host header is NAME (repeatable; '*': any). Default: loopback names only",
    )
    _add_limit_options(serve)
    serve.add_argument("--get", metavar="PATH", help="answer one GET request (e.g. '/quotes?q=rain') and exit")
    serve.set_defaults(func=serve_cli)


def _add_limit_options(serve: argparse.ArgumentParser) -> None:
    """How much extraction and caching the server takes on (server/extraction.py, server/cache.py)."""
    serve.add_argument("--extract-workers", type=int, default=1, metavar="N", help="extraction processes (default 1)")
    serve.add_argument(
        "--extract-queue", type=int, default=4, metavar="N", help="texts that may wait for a worker (default 4)"
    )
    serve.add_argument(
        "--extract-timeout", type=float, default=30.0, metavar="S", help="seconds one extraction may take (default 30)"
    )
    serve.add_argument(
        "--max-text-chars", type=int, default=100_000, metavar="N", help="longest text per request (default 100000)"
    )
    serve.add_argument(
        "--max-quote-marks", type=int, default=2_000, metavar="N", help="most quotation marks per text (default 2000)"
    )
    serve.add_argument(
        "--cache-size", type=int, default=256, metavar="N", help="keep N recent search answers (0: none; default 256)"
    )


def serve_cli(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        raise UsageError(f"archive '{args.db}' does not exist; create it with `saidwhat ingest PATH --db {args.db}`")
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is outside 1..65535")
    if args.cache_size < 0:
        raise UsageError(f"--cache-size {args.cache_size} is negative")
    try:
        from ..server.app import create_app
        from ..server.extraction import ExtractionLimits
        from ..server.security import LOOPBACK_HOSTS
    except ImportError as err:
        raise SaidwhatError(f"{SERVER_EXTRA_HINT} ({err})") from err
    app = create_app(
        args.db,
        token=_token(args),
        cache_size=args.cache_size,
        allowed_hosts=[*LOOPBACK_HOSTS, *args.allow_host],
        limits=_limits(args, ExtractionLimits),
    )
    if args.get:
        return answer_one(app, args.get)
    import uvicorn

    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"saidwhat serve: listening on http://{host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    from ..server.protocol import JsonErrorsH11Protocol

    uvicorn.run(
        app, host=args.host, port=args.port, log_level="warning", server_header=False, http=JsonErrorsH11Protocol
    )
    return 0


def _token(args: argparse.Namespace) -> str | None:
    """The ingest token from --token, --token-file or SAIDWHAT_TOKEN (one at most)."""
    given = [name for name, value in (("--token", args.token), ("--token-file", args.token_file)) if value]
    if len(given) > 1:
        raise UsageError("give --token or --token-file, not both")
    if args.token_file:
        try:
            lines = Path(args.token_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"--token-file '{args.token_file}' cannot be read: {err}") from err
        token = lines[0].strip() if lines else ""
        if not token:
            raise UsageError(f"--token-file '{args.token_file}' is empty")
        return token
    return args.token or os.environ.get("SAIDWHAT_TOKEN") or None


def _limits(args: argparse.Namespace, limits_type: Any) -> Any:
    for flag, value in (
        ("--extract-workers", args.extract_workers),
        ("--extract-timeout", args.extract_timeout),
        ("--max-text-chars", args.max_text_chars),
        ("--max-quote-marks", args.max_quote_marks),
    ):
        if not value > 0:
            raise UsageError(f"{flag} {value} must be positive")
    if args.extract_queue < 0:
        raise UsageError(f"--extract-queue {args.extract_queue} is negative")
    return limits_type(
        args.extract_workers, args.extract_queue, args.extract_timeout, args.max_text_chars, args.max_quote_marks
    )


def answer_one(app: Any, path: str) -> int:
    """GET one path in-process and print the JSON answer; exit 0 on 2xx, 1 otherwise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette nags about httpx versions
            from fastapi.testclient import TestClient
    except (ImportError, RuntimeError) as err:
        raise SaidwhatError(f"--get needs httpx: pip install 'saidwhat[server]' ({err})") from err
    try:
        with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
            response = client.get(path if path.startswith("/") else f"/{path}")
    except Exception as err:  # an unusable path or URL: one line, never a traceback
        raise SaidwhatError(f"--get {path!r} could not be requested: {type(err).__name__}: {err}") from err
    try:
        print(json.dumps(response.json(), ensure_ascii=False, indent=2))
    except ValueError:
        print(response.text)
    return 0 if response.is_success else 1
